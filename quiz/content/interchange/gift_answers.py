"""GIFT answer blocks `{…}` read as Moodle reads them (question/format/gift/format.php),
into our question types. Whatever Moodle would score differently is noted, never dropped
silently. Each parser returns bank data plus `_feedback`: (label, text) pairs that have no
field of their own and join the explanation."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from quiz.content.interchange.gift_text import Asked, Unsupported, split_format, unescape
from quiz.content.key import format_number

WEIGHT = re.compile(r"^%(-?\d{1,2}\.?\d*)%")
"""Moodle's answer weight, `%50%` or `%-33.33333%`, in front of an answer's text."""
TRUE_WORDS, FALSE_WORDS = ("T", "TRUE"), ("F", "FALSE")


def listed(texts: list[str]) -> str:
    return ", ".join(repr(text) for text in texts)


def _weight(piece: str) -> tuple[float | None, str]:
    match = WEIGHT.match(piece)
    if not match:
        return None, piece
    return float(match.group(1)), piece[match.end():]


def _text_and_feedback(piece: str, asked: Asked) -> tuple[str, str]:
    text, _, feedback = piece.partition("#")
    return asked.plain(text), asked.plain(feedback)


# ── Multiple choice ─────────────────────────────────────────────────────────


def choices(body: str, asked: Asked) -> dict:
    """`~wrong =right ~%50%partial`: single choice if any `=`; else Moodle's
    multiple-answer question (check boxes, even with one right choice), which becomes
    select-all: right when every positively weighted choice is picked, and no other."""
    single = "=" in body
    pieces = body.replace("=", "~=").split("~")
    if pieces[0].strip():
        asked.note(f"the text {unescape(pieces[0].strip())!r} before the first ~ or = is "
                   "read as a wrong choice, as Moodle reads it")
    else:
        pieces.pop(0)
    options: list[tuple[str, float, str]] = []  # (text, weight, feedback)
    for piece in pieces:
        piece = piece.strip()
        if piece.startswith("="):
            weight, piece = 100.0, piece[1:]
            if WEIGHT.match(piece.strip()):
                asked.note(f"a weight after = ({piece.strip()[:12]!r}…) stays part of the "
                           "choice's text, as in Moodle, which reads weights only after ~")
        else:
            found, piece = _weight(piece)
            weight = found if found is not None else 0.0
        text, feedback = _text_and_feedback(piece, asked)
        if not text:
            if feedback or weight:
                asked.note("an empty choice (with a weight or feedback) was left out, as "
                           "Moodle leaves it out")
            continue
        options.append((text, weight, feedback))
    texts = [text for text, _, _ in options]
    if len(options) < 2:
        raise Unsupported(f"{asked.name} has fewer than two choices")
    folded = [" ".join(text.casefold().split()) for text in texts]
    if len(set(folded)) < len(folded):
        raise Unsupported(f"{asked.name} repeats a choice")
    full = [i for i, (_, weight, _) in enumerate(options) if weight >= 100]
    positive = [i for i, (_, weight, _) in enumerate(options) if weight > 0]
    penalised = [texts[i] for i, (_, weight, _) in enumerate(options) if weight < 0]
    feedback = [(text, fb) for text, _, fb in options if fb]
    if not positive:
        raise Unsupported(f"{asked.name} has no correct choice")
    if single and not full:
        raise Unsupported(f"{asked.name} has no choice worth full marks")
    if single and len(full) > 1:
        raise Unsupported(
            f"{asked.name} gives full marks for any one of {listed([texts[i] for i in full])}"
            ", which a single-choice question cannot hold (keep one = and make the others ~, "
            "or weight them ~%50% for a select-all question)")
    if single:
        partial = [texts[i] for i in positive if i != full[0]]
        if partial:
            asked.note(f"partial credit for {listed(partial)} is not kept; only the "
                       "full-credit choice counts as right")
        if penalised:
            asked.note(f"the penalties for {listed(penalised)} are dropped: a single-choice "
                       "question scores a wrong choice as 0")
        return {"type": "single_choice", "choices": texts, "answer": full[0],
                "_feedback": feedback}
    _select_all_notes(options, positive, asked)
    return {"type": "multiple_select", "choices": texts, "answers": positive,
            "_feedback": feedback}


def _select_all_notes(options: list, positive: list[int], asked: Asked) -> None:
    weights = [options[i][1] for i in positive]
    if len({round(weight, 3) for weight in weights}) > 1:
        asked.note("unequal answer weights are not kept: every choice with a positive "
                   "weight must be picked, and no other")
    total = sum(weights)
    if abs(total - 100) > 0.01:
        asked.note(f"the positive weights add up to {total:g}%, not 100%, so Moodle scores "
                   "this differently; here every positively weighted choice must be picked")
    free = [text for text, weight, _ in options if weight == 0]
    if free and abs(total - 100) <= 0.01:
        asked.note(f"picking {listed(free)} costs nothing in Moodle (no negative weight), "
                   "but here a select-all question is wrong if any of them is picked")


# ── True/false ──────────────────────────────────────────────────────────────


def is_true_false(body: str) -> bool:
    """Moodle's test: the text before any `#` is T, TRUE, F or FALSE (capitals; we also
    take other capitalisations, with a note)."""
    word = body.split("#", 1)[0].strip() if body.find("#") > 0 else body.strip()
    return word.upper() in TRUE_WORDS + FALSE_WORDS


def true_false(body: str, asked: Asked) -> dict:
    """`{TRUE#feedback if they say false#feedback if they say true}`."""
    parts = body.split("#", 2)
    word = asked.plain(parts[0])
    answer = word.upper() in TRUE_WORDS
    if word not in TRUE_WORDS + FALSE_WORDS:
        asked.note(f"{{{word}}} is read as true/false; Moodle reads only T, TRUE, F and "
                   f"FALSE in capitals so, and would make it a short answer {word!r}")
    right, wrong = ("True", "False") if answer else ("False", "True")
    feedback = []
    if len(parts) > 1 and (said_wrong := asked.plain(parts[1])):
        feedback.append((f"If you said {wrong}", said_wrong))
    if len(parts) > 2 and (said_right := asked.plain(parts[2])):
        feedback.append((f"If you said {right}", said_right))
    return {"type": "true_false", "answer": answer, "_feedback": feedback}


# ── Numerical ───────────────────────────────────────────────────────────────


def numeric(body: str, asked: Asked) -> dict:
    """`{#3:0.5}`, `{#1..5}`, `{# =%100%-7 =%100%4 =%50%3 ~#feedback for any other}`:
    every fully right value is kept; partly right ones are not, and say so."""
    body, tilde, otherwise = body[1:].partition("~")
    pieces = body.split("=")
    if not pieces[0].strip():
        pieces.pop(0)
    if not pieces:
        raise Unsupported(f"{asked.name} has no numerical answer")
    full, dropped, feedback = [], [], []
    for piece in pieces:
        found, piece = _weight(piece.strip())
        weight = 100.0 if found is None else found
        value_text, said = _text_and_feedback(piece, asked)
        value, tolerance = _number(value_text, asked)
        label = format_number(value) + (f" ± {format_number(tolerance)}" if tolerance else "")
        if weight >= 100:
            if (value, tolerance) not in full:
                full.append((value, tolerance))
            if said:
                feedback.append((label, said))
        else:
            dropped.append((label, weight, said))
    if not full:
        raise Unsupported(f"{asked.name} has no numerical answer worth full credit")
    if tilde:
        _, _, said = otherwise.partition("#")
        if said := asked.plain(said):
            feedback.append(("Any other answer", said))
    if dropped:
        asked.note(dropped_note(dropped, "values"))
    (value, tolerance), others = full[0], full[1:]
    data: dict = {"type": "numeric", "answer": value, "_feedback": feedback}
    if tolerance:
        data["tolerance"] = tolerance
    if others:
        data["other_answers"] = [{"answer": v, **({"tolerance": t} if t else {})}
                                 for v, t in others]
    return data


def dropped_note(dropped: list[tuple[str, float, str]], counted: str) -> str:
    """`the partly right answer 1822 ± 2 (50%) is not kept, nor its feedback ('Close');
    only fully right values count`."""
    partly = {weight > 0 for _, weight, _ in dropped}
    kind = {frozenset({True}): "partly right", frozenset({False}): "wrong"}.get(
        frozenset(partly), "partly right and wrong")
    several = len(dropped) > 1
    values = ", ".join(f"{label} ({weight:g}%)" for label, weight, _ in dropped)
    lost = [said for _, _, said in dropped if said]
    return (f"the {kind} answer{'s' if several else ''} {values} "
            f"{'are' if several else 'is'} not kept"
            + (f", nor {'their' if several else 'its'} feedback ({listed(lost)})" if lost
               else "") + f"; only fully right {counted} count")


def _decimal(text: str, whole: str, asked: Asked) -> Decimal:
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or "_" in text or not text.strip():
        raise Unsupported(f"{asked.name} has a numerical answer {whole!r} that is not a "
                          "number (write 3.14, 3.14:0.01 or 1..5)")
    return number


def _number(text: str, asked: Asked) -> tuple[float, float]:
    """`value`, `value:tolerance` or `low..high`, kept to the precision written: a range's
    midpoint and half-width are computed in decimal, so 3.141..3.142 is 3.1415 ± 0.0005."""
    if text.find("..") > 0:
        low_text, _, high_text = text.partition("..")
        low, high = _decimal(low_text, text, asked), _decimal(high_text, text, asked)
        if low > high:
            asked.note(f"the range {text} runs backwards; it was read as "
                       f"{high_text.strip()}..{low_text.strip()}")
            low, high = high, low
        return float((low + high) / 2), float((high - low) / 2)
    if text.find(":") > 0:
        value_text, _, tolerance_text = text.partition(":")
        return (float(_decimal(value_text, text, asked)),
                float(abs(_decimal(tolerance_text, text, asked))))
    return float(_decimal(text, text, asked)), 0.0


# ── General feedback ────────────────────────────────────────────────────────


def general_feedback(text: str, asked: Asked) -> str:
    """The text after `####`: Moodle reads its format marker before trimming it."""
    text, text_format = split_format(text, asked.text_format)
    return asked.as_text(unescape(text).strip(), text_format)

"""GIFT short-answer `{=Seoul =Soul#close enough}` and matching `{=a -> 1 =b -> 2}` blocks,
read as Moodle reads them into our `short_answer` and `matching` types."""

from __future__ import annotations

from quiz.content.interchange.gift_answers import WEIGHT, dropped_note
from quiz.content.interchange.gift_text import Asked, Unsupported, split_format, unescape
from quiz.model.folding import folded

_STAR = "\ue008"
"""Stands for `\\*`, a literal asterisk in a Moodle short answer (a bare `*` is a wildcard)."""


def _answer_text(piece: str, asked: Asked) -> str:
    """Moodle compares a short answer's text as written: its format marker goes, but HTML
    is not reduced (a player types plain text either way)."""
    text, _ = split_format(piece.strip(), asked.text_format)
    return unescape(text.replace("\\*", _STAR)).strip()


def short_answer(body: str, asked: Asked) -> dict:
    """Every full-credit answer is accepted, with its feedback; partly right ones cannot be
    kept and say so; `*` (any other answer) gives its feedback to the explanation."""
    pieces = body.split("=")
    if not pieces[0].strip():
        pieces.pop(0)
    accepted: list[dict] = []
    dropped, otherwise = [], []
    for piece in pieces:
        match = WEIGHT.match(piece.strip())
        weight = float(match.group(1)) if match else 100.0
        piece = piece.strip()[match.end():] if match else piece
        text, _, said = piece.partition("#")
        text, said = _answer_text(text, asked), asked.plain(said)
        if text == "*":
            otherwise.append(said)
            if weight >= 100:
                raise Unsupported(f"{asked.name} accepts any answer (*), which a short-answer "
                                  "question here cannot")
            continue
        if weight < 100:
            dropped.append((text.replace(_STAR, "*"), weight, said))
            continue
        if "*" in text:
            raise Unsupported(f"{asked.name} accepts {text.replace(_STAR, '*')!r}, where "
                              "Moodle reads * as any characters; Scenario Quiz compares "
                              "answers as written (write \\* for a real asterisk)")
        if text:
            accepted.append({"text": text.replace(_STAR, "*"),
                             **({"feedback": said} if said else {})})
    if dropped:
        asked.note(dropped_note([(repr(text), weight, said) for text, weight, said in dropped],
                                "answers"))
    if not accepted:
        raise Unsupported(f"{asked.name} has no fully right answer")
    return {"type": "short_answer", "answers": _distinct(accepted, asked),
            "_feedback": [("Any other answer", said) for said in otherwise if said]}


def _distinct(accepted: list[dict], asked: Asked) -> list[dict]:
    """Answers that read the same once case and spacing are set aside are one answer, as
    in Moodle (which ignores case on import); a different feedback on a repeat is said."""
    kept: dict[str, dict] = {}
    for answer in accepted:
        key = folded(answer["text"], case_sensitive=asked.case_sensitive)
        if key not in kept:
            kept[key] = answer
        elif answer.get("feedback") and answer.get("feedback") != kept[key].get("feedback"):
            asked.note(f"the answer {answer['text']!r} repeats {kept[key]['text']!r}; its "
                       "feedback is not kept")
    return list(kept.values())


def matching(body: str, asked: Asked) -> dict:
    """`=left -> right` pairs; `= -> right` with no left is an extra right-hand item."""
    pieces = body.split("=")
    if not pieces[0].strip():
        pieces.pop(0)
    if len(pieces) < 2:
        raise Unsupported(f"{asked.name} has fewer than two pairs")
    pairs, distractors = [], []
    for piece in pieces:
        left, arrow, right = piece.partition("->")
        if not arrow:
            raise Unsupported(f"{asked.name} has a pair without -> ({unescape(piece.strip())!r})")
        left, right = asked.plain(left), unescape(right).strip()
        if not right:
            raise Unsupported(f"{asked.name} has a pair with nothing after ->")
        if left:
            pairs.append({"left": left, "right": right})
        elif folded(right) not in {folded(item) for item in distractors}:
            distractors.append(right)
    if len(pairs) < 2:
        raise Unsupported(f"{asked.name} has fewer than two pairs with a left-hand item")
    rights = {folded(pair["right"]) for pair in pairs}  # items may share a match
    distractors = [item for item in distractors if folded(item) not in rights]
    data: dict = {"type": "matching", "pairs": pairs}
    if distractors:
        data["distractors"] = distractors
    return data

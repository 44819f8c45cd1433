"""Read Moodle's GIFT format into bank data, reporting by line whatever our model cannot
hold (essays, short answers, matching, descriptions) instead of dropping it silently.

Covered: multiple choice, multiple answers with percentage weights, true/false, numerical
(value with tolerance, ranges, several answers), missing-word, `::title::`, `$CATEGORY:`,
per-answer `#feedback` and general `####feedback`, `//` comments (with Moodle's
`[id:…]`/`[tag:…]` and our own `quiz: {…}` metadata), `[html]`/`[markdown]`/`[plain]`/
`[moodle]` text formats, and the escapes `\\~ \\= \\# \\{ \\} \\: \\\\ \\n`.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

from quiz.content.interchange.shared import Converted, slug, unique_id
from quiz.content.problems import Problem

_PLACEHOLDERS = {"\\\\": "\ue000", "\\~": "\ue001", "\\=": "\ue002", "\\#": "\ue003",
                 "\\{": "\ue004", "\\}": "\ue005", "\\:": "\ue006", "\\n": "\ue007"}
_LITERALS = str.maketrans({"\ue000": "\\", "\ue001": "~", "\ue002": "=", "\ue003": "#",
                           "\ue004": "{", "\ue005": "}", "\ue006": ":", "\ue007": "\n"})
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]")
TRUE_WORDS, FALSE_WORDS = {"T", "TRUE"}, {"F", "FALSE"}


def _escape(text: str) -> str:
    for escaped, placeholder in _PLACEHOLDERS.items():
        text = text.replace(escaped, placeholder)
    return text


def _unescape(text: str) -> str:
    return text.translate(_LITERALS)


class Unsupported(ValueError):
    """A question our model cannot hold; the message says what it is."""


@dataclass
class Block:
    """One question's lines, with the comments written inside or directly above it."""

    line: int
    text: str
    comments: list[str] = field(default_factory=list)


@dataclass
class Reader:
    path: str
    result: Converted = field(default_factory=Converted)
    category: str | None = None
    ids: set[str] = field(default_factory=set)

    def warn(self, line: int, message: str) -> None:
        self.result.problems.append(Problem(self.path, line, 1, message, "warning"))

    def skip(self, line: int, message: str) -> None:
        self.result.problems.append(Problem(self.path, line, 1, message, "error"))


def read_gift(text: str, path: str = "<gift>") -> Converted:
    reader = Reader(path)
    for block in _blocks(text.lstrip("\ufeff")):
        first = block.text.lstrip()
        if first.startswith("$CATEGORY:"):
            head, _, rest = first.partition("\n")
            reader.category = _category(head.removeprefix("$CATEGORY:").strip())
            if not rest.strip():
                continue
            block = Block(block.line + 1, rest, block.comments)
        try:
            question = _question(block, reader)
        except Unsupported as error:
            reader.skip(block.line, f"{error}; it was not imported")
            continue
        reader.result.add(question, block.line)
    return reader.result


def _blocks(text: str) -> list[Block]:
    """Questions are separated by blank lines; `//` lines are comments."""
    blocks, lines, comments, start = [], [], [], 0
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            if lines:
                blocks.append(Block(start, "\n".join(lines), comments))
                comments = []
            lines = []
            continue
        if stripped.startswith("//"):
            comments.append(stripped[2:].strip())
            continue
        if not lines:
            start = number
        lines.append(raw)
    if lines:
        blocks.append(Block(start, "\n".join(lines), comments))
    return blocks


def _category(path: str) -> str | None:
    """A category path as a tag; the course's top category means no tag at all."""
    for prefix in ("$course$/", "$system$/", "$module$/", "$coursecategory$/", "top/"):
        path = path.removeprefix(prefix)
    path = path.replace(",", ";")[:40].strip()
    return None if path in ("", "top") else path


def _question(block: Block, reader: Reader) -> dict:
    escaped = _escape(block.text.strip())
    title = None
    match = re.match(r"^::(.*?)::", escaped, flags=re.S)
    if match:
        title = _unescape(match.group(1)).strip()
        escaped = escaped[match.end():].lstrip()
    text_format = "moodle"
    match = _FORMAT.match(escaped)
    if match:
        text_format, escaped = match.group(1), escaped[match.end():]
    start = escaped.find("{")
    if start < 0:
        raise Unsupported(f"{_name(title)} has no answer block {{…}}: it is a description, "
                          "not a question")
    end = escaped.find("}", start)
    if end < 0:
        raise Unsupported(f"{_name(title)} opens an answer block with {{ but never closes it")
    before, after = escaped[:start].strip(), escaped[end + 1:].strip()
    prompt = f"{before} _____ {after}".strip() if after else before
    prompt = _plain(_unescape(prompt), text_format, block.line, reader)
    if not prompt:
        raise Unsupported(f"{_name(title)} has no question text")
    meta = _metadata(block.comments, block.line, reader)
    data = _answers(escaped[start + 1:end].strip(), _name(title), block.line, reader)
    if text_format == "html":  # answers share the question's format
        for key in ("choices",):
            if key in data:
                data[key] = [_plain(c, "html", block.line, reader) for c in data[key]]
    data["prompt"] = prompt
    _apply_metadata(data, meta, reader.category)
    wanted = meta.get("id") or (slug(title, "") if title else "") or f"q{len(reader.ids) + 1}"
    return {"id": unique_id(wanted, reader.ids), **data}


def _name(title: str | None) -> str:
    return f"question {title!r}" if title else "this question"


def _plain(text: str, text_format: str, line: int, reader: Reader) -> str:
    if text_format == "html" and re.search(r"<[A-Za-z/][^>]*>", text):
        reader.warn(line, "HTML markup in the question was reduced to plain text")
        text = re.sub(r"<br\s*/?>|</p>", "\n", text)
        text = re.sub(r"<[^>]+>", "", text)
    if text_format == "html":
        text = html.unescape(text)
    return text.strip()


# ── Answer blocks ───────────────────────────────────────────────────────────


def _answers(body: str, name: str, line: int, reader: Reader) -> dict:
    body, _, general = body.partition("####")
    body = body.strip()
    explanation = _unescape(general).strip() or None
    data: dict = {}
    if not body:
        raise Unsupported(f"{name} is an essay question, which Scenario Quiz cannot hold")
    if body.startswith("#"):
        data = _numeric(body[1:], name, line, reader)
    elif "~" in body:
        data = _choices(body, name, line, reader)
    elif "->" in body and "=" in body:
        raise Unsupported(f"{name} is a matching question, which Scenario Quiz cannot hold")
    elif body.split("#")[0].strip().upper() in TRUE_WORDS | FALSE_WORDS:
        data = _true_false(body, line, reader)
    else:
        raise Unsupported(f"{name} is a short-answer question, which Scenario Quiz cannot "
                          "hold")
    feedback = data.pop("_feedback", [])
    if feedback:
        reader.warn(line, "per-answer feedback has no place of its own here; it was added "
                          "to the explanation")
        explanation = "\n".join(filter(None, [explanation, *feedback]))
    if explanation:
        data["explanation"] = explanation
    return data


def _split_feedback(piece: str) -> tuple[str, str | None]:
    text, _, feedback = piece.partition("#")
    return _unescape(text).strip(), (_unescape(feedback).strip() or None)


def _choices(body: str, name: str, line: int, reader: Reader) -> dict:
    options = []  # (text, weight, feedback)
    for piece in re.split(r"(?=[~=])", body):
        piece = piece.strip()
        if not piece:
            continue
        marker, rest = piece[0], piece[1:].strip()
        weight = 100.0 if marker == "=" else 0.0
        match = _WEIGHT.match(rest)
        if match:
            weight, rest = float(match.group(1)), rest[match.end():].strip()
        text, feedback = _split_feedback(rest)
        if not text:
            raise Unsupported(f"{name} has an empty choice")
        options.append((text, weight, feedback))
    texts = [text for text, _, _ in options]
    if len(options) < 2:
        raise Unsupported(f"{name} has fewer than two choices")
    if len({t.casefold() for t in texts}) < len(texts):
        raise Unsupported(f"{name} repeats a choice")
    full = [i for i, (_, weight, _) in enumerate(options) if weight >= 100]
    positive = [i for i, (_, weight, _) in enumerate(options) if weight > 0]
    if not positive:
        raise Unsupported(f"{name} has no correct choice")
    feedback = [f"{text}: {fb}" for text, _, fb in options if fb]
    if len(full) == 1:
        partial = [texts[i] for i in positive if i != full[0]]
        if partial:
            reader.warn(line, f"partial credit for {', '.join(map(repr, partial))} is not "
                              "kept; only the full-credit choice counts as right")
        return {"type": "single_choice", "choices": texts, "answer": full[0],
                "_feedback": feedback}
    weights = {round(options[i][1], 3) for i in positive}
    if len(weights) > 1:
        reader.warn(line, "unequal answer weights are not kept: every choice with a "
                          "positive weight must be picked, and no other")
    return {"type": "multiple_select", "choices": texts, "answers": positive,
            "_feedback": feedback}


def _true_false(body: str, line: int, reader: Reader) -> dict:
    parts = [_unescape(part).strip() for part in body.split("#")]
    answer = parts[0].upper() in TRUE_WORDS
    feedback = []
    if len(parts) > 1 and parts[1]:
        feedback.append(f"If you said {'False' if answer else 'True'}: {parts[1]}")
    if len(parts) > 2 and parts[2]:
        feedback.append(f"If you said {'True' if answer else 'False'}: {parts[2]}")
    return {"type": "true_false", "answer": answer, "_feedback": feedback}


def _numeric(body: str, name: str, line: int, reader: Reader) -> dict:
    body = body.strip()
    pieces = [p.strip() for p in re.split(r"(?=[=~])", body) if p.strip()]
    candidates = []  # (weight, value, tolerance, feedback)
    for piece in pieces:
        weight = 100.0
        if piece[0] in "=~":
            weight = 100.0 if piece[0] == "=" else 0.0
            piece = piece[1:].strip()
        match = _WEIGHT.match(piece)
        if match:
            weight, piece = float(match.group(1)), piece[match.end():].strip()
        value_text, feedback = _split_feedback(piece)
        if not value_text:
            continue  # `~#feedback for any other answer`
        candidates.append((weight, *_number(value_text, name), feedback))
    if not candidates:
        raise Unsupported(f"{name} has no numerical answer")
    best = max(candidates, key=lambda c: c[0])
    if best[0] < 100:
        raise Unsupported(f"{name} has no numerical answer worth full credit")
    others = [c for c in candidates if c is not best and c[0] > 0]
    if others:
        reader.warn(line, "partly-right numerical answers are not kept; only the "
                          "full-credit value counts")
    _, value, tolerance, feedback = best
    data = {"type": "numeric", "answer": value, "_feedback": [feedback] if feedback else []}
    if tolerance:
        data["tolerance"] = tolerance
    return data


def _number(text: str, name: str) -> tuple[float, float]:
    text = text.replace(" ", "")
    try:
        if ".." in text:
            low, high = (float(part) for part in text.split("..", 1))
            low, high = min(low, high), max(low, high)
            return (low + high) / 2, (high - low) / 2
        value, _, tolerance = text.partition(":")
        return float(value), abs(float(tolerance)) if tolerance else 0.0
    except ValueError:
        raise Unsupported(f"{name} has a numerical answer {text!r} that is not a number "
                          "(write 3.14, 3.14:0.01 or 1..5)") from None


# ── Metadata in comments ────────────────────────────────────────────────────


def _metadata(comments: list[str], line: int, reader: Reader) -> dict:
    meta: dict = {"tags": []}
    for comment in comments:
        if comment.startswith("quiz:"):
            try:
                extra = json.loads(comment.removeprefix("quiz:"))
            except ValueError:
                reader.warn(line, "a `// quiz:` comment is not valid JSON; it was ignored")
                continue
            if isinstance(extra, dict):
                meta.update({k: v for k, v in extra.items() if k != "tags"})
            continue
        for key, value in re.findall(r"\[(id|tag):([^\]]+)\]", comment):
            if key == "id":
                value = value.strip()
                meta["id"] = value if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}",
                                                   value) else slug(value, "")
            else:
                meta["tags"].append(value.strip().replace(",", ";")[:40])
    return meta


def _apply_metadata(data: dict, meta: dict, category: str | None) -> None:
    """Restore what our own export keeps in comments, and undo what it added to the
    visible text for Moodle's benefit (the scenario line and the source lines)."""
    from quiz.content.key import context_text
    from quiz.model.common import Source
    from quiz.model.questions import Context

    tags = ([category] if category else []) + meta.get("tags", [])
    if tags:
        data["tags"] = list(dict.fromkeys(tags))
    context = meta.get("context")
    if isinstance(context, dict):
        try:
            prefix = context_text(Context.model_validate(context)) + "\n\n"
        except ValueError:
            prefix = None
        if prefix and data["prompt"].startswith(prefix):
            data["prompt"] = data["prompt"][len(prefix):]
        data["context"] = context
    sources = meta.get("sources")
    if isinstance(sources, list) and sources:
        try:
            lines = "".join(f"\nSource: {Source.model_validate(s).citation()}" for s in sources)
        except ValueError:
            lines = None
        explanation = data.get("explanation", "")
        if lines and (explanation == lines.lstrip("\n") or explanation.endswith(lines)):
            explanation = explanation[:-len(lines)].rstrip("\n") if explanation.endswith(
                lines) else ""
            if explanation:
                data["explanation"] = explanation
            else:
                data.pop("explanation", None)
        data["sources"] = sources
    if meta.get("type") == "multiple_select" and data["type"] == "single_choice":
        data["type"], data["answers"] = "multiple_select", [data.pop("answer")]
    for key in ("difficulty", "points", "time_limit", "unit"):
        if key in meta and (key != "unit" or data["type"] == "numeric"):
            data[key] = meta[key]

"""Read Moodle's GIFT format into bank data the way Moodle's own reader does
(question/format/gift/format.php), reporting by line whatever our model cannot hold or
would score differently, instead of changing it silently.

Covered: multiple choice, multiple answers with percentage weights, true/false, numerical
(value with tolerance, ranges, several answers), short answer, matching, missing-word,
`::title::`, `$CATEGORY:`, per-answer `#feedback` and general `####feedback`, `//`
comments (with Moodle's `[id:…]`/`[tag:…]` and our own `quiz: {…}` metadata), the
`[html]`/`[markdown]`/`[plain]`/`[moodle]` text formats on any piece of text, and the
escapes `\\~ \\= \\# \\{ \\} \\: \\\\ \\n`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quiz.content.interchange import gift_answers as answers
from quiz.content.interchange import gift_typed as typed
from quiz.content.interchange.gift_meta import (
    apply_metadata,
    bank_metadata,
    category_tag,
    comment_metadata,
)
from quiz.content.interchange.gift_text import Asked, Unsupported, escape, split_format, unescape
from quiz.content.interchange.shared import Converted, slug, unique_id
from quiz.content.problems import Problem


@dataclass
class Paragraph:
    """One question's lines (Moodle trims each), between blank lines; a `//` comment line
    counts as an empty line of text, and its comment belongs to this paragraph only."""

    lines: list[tuple[int, str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def line(self) -> int:
        """Where the question starts: its first line of text (or first comment)."""
        return next((number for number, text in self.lines if text), self.lines[0][0])

    @property
    def text(self) -> str:
        return "\n".join(text for _, text in self.lines).strip()

    def after_first_text_line(self) -> Paragraph:
        first = next(i for i, (_, text) in enumerate(self.lines) if text)
        return Paragraph(self.lines[first + 1:], self.comments)


def paragraphs(text: str) -> list[Paragraph]:
    found, current = [], Paragraph()
    for number, raw in enumerate(re.split(r"\r\n?|\n", text), start=1):
        stripped = raw.strip()
        if not stripped:
            if current.lines:
                found.append(current)
            current = Paragraph()
        elif stripped.startswith("//"):
            current.lines.append((number, ""))
            current.comments.append(stripped[2:].strip())
        else:
            current.lines.append((number, stripped))
    if current.lines:
        found.append(current)
    return found


@dataclass
class Reader:
    path: str
    result: Converted = field(default_factory=Converted)
    category: str | None = None
    ids: set[str] = field(default_factory=set)
    started: bool = False

    def warn(self, line: int, message: str) -> None:
        self.result.problems.append(Problem(self.path, line, 1, message, "warning"))

    def skip(self, line: int, message: str) -> None:
        self.result.problems.append(Problem(self.path, line, 1, message, "error"))

    def read(self, paragraph: Paragraph) -> None:
        if not paragraph.text:  # only comments: they name no question (Moodle's rule)
            if not self.started and self.result.bank is None:
                self.result.bank = bank_metadata(paragraph.comments)
            return
        self.started = True
        first = paragraph.text.partition("\n")[0]
        if first.startswith("$CATEGORY:"):
            line = paragraph.line
            self.category = category_tag(unescape(escape(first[10:])).strip(),
                                         lambda message: self.warn(line, message))
            paragraph = paragraph.after_first_text_line()
            if not paragraph.text:
                return
        try:
            question, notes = read_question(paragraph, self.category, self.ids)
        except Unsupported as error:
            self.skip(paragraph.line, f"{error}; it was not imported")
            return
        for note in notes:
            self.warn(paragraph.line, note)
        self.result.add(question, paragraph.line)


def read_gift(text: str, path: str = "<gift>") -> Converted:
    reader = Reader(path)
    for paragraph in paragraphs(text.lstrip("\ufeff")):
        reader.read(paragraph)
    return reader.result


def read_question(paragraph: Paragraph, category: str | None,
                  ids: set[str]) -> tuple[dict, list[str]]:
    """One question's bank data and the warnings it earns; Unsupported if it cannot come in."""
    escaped, title = escape(paragraph.text), None
    if escaped.startswith("::"):
        escaped = escaped[2:]  # Moodle drops the `::` even when no name follows
        end = escaped.find("::")
        if end >= 0:
            title, escaped = unescape(escaped[:end]).strip(), escaped[end + 2:].strip()
    asked = Asked(f"question {title!r}" if title else "this question")
    start, end = escaped.find("{"), escaped.find("}")
    if start < 0 and end < 0:
        raise Unsupported(f"{asked.name} has no answer block {{…}}: it is a description, "
                          "not a question")
    if end < 0:
        raise Unsupported(f"{asked.name} opens an answer block with {{ but never closes it")
    if start < 0 or end < start:
        raise Unsupported(f"{asked.name} closes an answer block with }} before opening one")
    body = escaped[start + 1:end].strip()
    # Moodle puts a blank where the answers were, unless they end the question.
    shown = escaped[:start] + ("" if escaped.endswith("}") else "_____") + escaped[end + 1:]
    if "{" in shown or "}" in shown:
        asked.note("a second {…} block is kept as part of the question's text, as Moodle "
                   "keeps it")
    general = None
    if (split := body.rfind("####")) >= 0:
        body, general = body[:split].strip(), body[split + 4:]
    prompt, asked.text_format = split_format(shown.strip(), "moodle")
    prompt = asked.as_text(unescape(prompt).strip(), asked.text_format)
    meta = comment_metadata(paragraph.comments, asked.note)
    asked.case_sensitive = meta.get("case_sensitive") is True
    data = _answers(body, asked)
    if not prompt:
        raise Unsupported(f"{asked.name} has no question text")
    explanation = answers.general_feedback(general, asked) if general is not None else ""
    if feedback := data.pop("_feedback", []):
        asked.note("per-answer feedback has no place of its own here; it was added to the "
                   "explanation")
        explanation = "\n".join(filter(None, [explanation, *(
            f"{label}: {said}" for label, said in feedback)]))
    if explanation:
        data["explanation"] = explanation
    data["prompt"] = prompt
    apply_metadata(data, meta, category)
    wanted = meta.get("id") or (slug(title, "") if title else "") or f"q{len(ids) + 1}"
    return {"id": unique_id(wanted, ids), **data}, asked.notes


def _answers(body: str, asked: Asked) -> dict:
    """Moodle's order of tests decides the type."""
    if not body:
        raise Unsupported(f"{asked.name} is an essay question, which Scenario Quiz cannot "
                          "hold")
    if body.startswith("#"):
        return answers.numeric(body, asked)
    if "~" in body:
        return answers.choices(body, asked)
    if "=" in body and "->" in body:
        return typed.matching(body, asked)
    if answers.is_true_false(body):
        return answers.true_false(body, asked)
    return typed.short_answer(body, asked)

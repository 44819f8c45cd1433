"""What the GIFT and Aiken converters share: ids from titles, and the result type."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quiz.content.problems import Problem


@dataclass
class Converted:
    """Plain bank data (validated later by the Bank model) and what could not be kept."""

    questions: list[dict] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    """The line each question starts on, for problems found when it is validated."""
    problems: list[Problem] = field(default_factory=list)
    bank: dict | None = None
    """The bank's own details (id, title, description …) if the file carries them, as our
    GIFT export does in a `// quiz: {"bank": …}` header."""

    def add(self, question: dict, line: int) -> None:
        self.questions.append(question)
        self.lines.append(line)


def to_bank(converted: Converted, bank_id: str, title: str, path: str):
    """Validate each question on its own, so one bad question is reported at its line
    and the rest still come in. Returns the Bank (None if nothing could be kept)."""
    from pydantic import TypeAdapter, ValidationError

    from quiz.content.messages import humane_message
    from quiz.model.bank import Bank
    from quiz.model.common import dotted
    from quiz.model.questions import Question
    from quiz.safety.terminal import shown

    adapter, kept = TypeAdapter(Question), []
    for data, line in zip(converted.questions, converted.lines, strict=True):
        try:
            kept.append(adapter.validate_python(data))
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = dotted(first["loc"][1:]) or "question"
            converted.problems.append(Problem(
                path, line, 1, f"question {shown(data['id'])}: {where}: "
                f"{humane_message(first, [])}; it was not imported", "error"))
    if not kept:
        return None
    details = {key: value for key, value in (converted.bank or {}).items()
               if key not in ("id", "title", "questions", "scenarios", "$schema", "schema_")}
    if details:
        try:
            return Bank.model_validate({**details, "id": bank_id, "title": title,
                                        "questions": kept})
        except ValidationError:
            converted.problems.append(Problem(path, 1, 1, "the bank's details in the file's "
                                              "`// quiz:` header are not valid; they were "
                                              "left out", "warning"))
    try:
        return Bank(id=bank_id, title=title, questions=kept)
    except ValidationError:  # a title from a file name can hold anything
        converted.problems.append(Problem(path, 1, 1, f"the title {shown(title)} cannot be "
                                          "used; the bank is titled 'Imported' (give "
                                          "--title to choose)", "warning"))
        return Bank(id=bank_id, title="Imported", questions=kept)


def bank_names(converted: Converted, stem: str) -> tuple[str, str]:
    """The id and title a file's own header gives, else ones made from its file name."""
    header = converted.bank or {}
    wanted_id, wanted_title = header.get("id"), header.get("title")
    bank_id = (wanted_id if isinstance(wanted_id, str) and re.fullmatch(
        r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}", wanted_id) else slug(stem, "imported"))
    title = (wanted_title if isinstance(wanted_title, str) and wanted_title.strip()
             else stem.replace("_", " ").replace("-", " ").strip() or "Imported")
    return bank_id, title


def slug(text: str, fallback: str) -> str:
    """An Identifier from free text: `What is THAAD?` → `what-is-thaad`."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text.strip()).strip("-._")[:80].strip("-._")
    return cleaned or fallback


def unique_id(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate, number = wanted[:80 - len(suffix)] + suffix, number + 1
    taken.add(candidate)
    return candidate


def percent(value: float) -> str:
    """Moodle's grade fractions are written with at most five decimals."""
    return f"{value:.5f}".rstrip("0").rstrip(".")

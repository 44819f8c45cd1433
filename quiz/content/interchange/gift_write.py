"""Write a bank as Moodle GIFT. Moodle reads `[id:…]` and `[tag:…]` from comments; the
scenario moment, sources, difficulty, units and case-sensitivity ride in a `// quiz: {…}`
comment that Moodle ignores, so a bank survives the trip out and back exactly. Ordering
questions, decisions and predictions have no GIFT form: they are reported, never silently
left out."""

from __future__ import annotations

import json

from quiz.content.interchange.shared import percent
from quiz.content.key import context_text, format_number
from quiz.content.problems import Problem
from quiz.model.bank import Bank
from quiz.model.questions import (
    Decision,
    Matching,
    MultipleSelect,
    Numeric,
    Ordering,
    Prediction,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)

_SPECIAL = str.maketrans({"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{",
                          "}": "\\}", ":": "\\:", "\n": "\\n"})


def escape(text: str) -> str:
    return text.translate(_SPECIAL)


def _header(bank: Bank) -> list[str]:
    """A readable first line, and the bank's details as JSON, which import reads back."""
    details = bank.model_dump(mode="json", exclude_defaults=True, by_alias=True,
                              exclude={"questions", "scenarios", "schema_"})
    return [f"// {' '.join(bank.title.split())}",
            f"// Exported by Scenario Quiz from bank {bank.id!r}.",
            "// quiz: " + json.dumps({"bank": {"id": bank.id, "title": bank.title, **details}},
                                     ensure_ascii=False, separators=(",", ":")), ""]


def write_gift(bank: Bank, path: str = "<bank>") -> tuple[str, list[Problem]]:
    out = _header(bank)
    problems: list[Problem] = []
    if bank.scenarios:
        problems.append(Problem(path, 1, 1, "GIFT has no chapters: the scenarios' titles and "
                                "briefings are left out, and their questions follow in order",
                                "warning"))
    category = None
    for _, question in bank.all_questions():
        if isinstance(question, Ordering | Decision | Prediction):
            kind = {"ordering": "an ordering question", "decision": "a decision",
                    "predict": "a prediction with a confidence"}[question.type]
            problems.append(Problem(path, 1, 1, f"question {question.id!r} is {kind}, which "
                                    "GIFT cannot express; it was left out", "warning"))
            continue
        if reason := _inexpressible(question):
            problems.append(Problem(path, 1, 1, f"question {question.id!r} {reason}; it was "
                                    "left out", "warning"))
            continue
        if isinstance(question, ShortAnswer) and question.case_sensitive:
            problems.append(Problem(path, 1, 1, f"question {question.id!r} is case-sensitive, "
                                    "which GIFT cannot say: Moodle will ignore case (importing "
                                    "the file here keeps it)", "warning"))
        wanted = question.tags[0] if question.tags else None
        if wanted != category:
            category = wanted
            out += [f"$CATEGORY: $course$/top{'/' + category if category else ''}", ""]
        out += _question(question)
        out.append("")
    return "\n".join(out), problems


def _question(question) -> list[str]:
    lines = []
    markers = [f"[id:{question.id}]"] + [f"[tag:{tag}]" for tag in question.tags[1:]]
    lines.append("// " + " ".join(markers))
    meta = {key: value for key, value in {
        "context": question.context.model_dump(exclude_none=True) if question.context else None,
        "sources": [s.model_dump(exclude_none=True) for s in question.sources] or None,
        "difficulty": question.difficulty if question.difficulty != "medium" else None,
        "points": question.points, "time_limit": question.time_limit,
        "unit": question.unit if isinstance(question, Numeric) else None,
        "case_sensitive": True if isinstance(question, ShortAnswer)
        and question.case_sensitive else None,
        # One right choice out of several reads back as single choice unless we say so.
        "type": "multiple_select" if isinstance(question, MultipleSelect)
        and len(question.answers) == 1 else None,
    }.items() if value is not None}
    if meta:
        lines.append("// quiz: " + json.dumps(meta, ensure_ascii=False, separators=(",", ":")))
    text = question.prompt
    if question.context:
        text = f"{context_text(question.context)}\n\n{text}"
    general = question.explanation or ""
    for source in question.sources:
        general += f"\nSource: {source.citation()}"
    # Moodle renders its own format's text as HTML: text with `<` or `&` goes out as
    # [plain], which every piece of the question then inherits.
    text_format = "plain" if any(c in piece for piece in _texts(question) + [text, general]
                                 for c in "<&") else "moodle"
    tail = f"####{_piece(general, text_format)}" if general else ""
    shown = (f"[{text_format}]" if text_format == "plain" or text.startswith("[") else ""
             ) + escape(text)
    lines.append(f"::{escape(question.id)}::{shown} "
                 f"{{{_answer(question, text_format)}{tail}}}")
    return lines


def _texts(question) -> list[str]:
    if isinstance(question, ShortAnswer):
        return [a.text for a in question.answers] + [a.feedback or "" for a in question.answers]
    if isinstance(question, Matching):
        return [p.left for p in question.pairs] + question.matches
    return list(getattr(question, "choices", []))


def _inexpressible(question) -> str | None:
    """Why a short answer or matching cannot be written so that GIFT reads it back: `->`
    in its answers would make Moodle read a matching question, and a left-hand item ends
    at its first `->`."""
    if isinstance(question, ShortAnswer) and any("->" in text for text in _texts(question)):
        return "has `->` in an answer or its feedback, which GIFT would read as matching"
    if isinstance(question, Matching) and any("->" in pair.left for pair in question.pairs):
        return "has `->` in a left-hand item, which GIFT cannot hold"
    return None


def _piece(text: str, text_format: str) -> str:
    """Escaped text; one that itself starts with `[` gets its format marker, so that
    Moodle does not read the start of the text as one."""
    return (f"[{text_format}]" if text.startswith("[") else "") + escape(text)


def _answer(question, text_format: str) -> str:
    if isinstance(question, SingleChoice):
        return "".join(f"\n\t{_marker(i == question.answer, choice)}"
                       f"{_piece(choice, text_format)}"
                       for i, choice in enumerate(question.choices)) + "\n"
    if isinstance(question, MultipleSelect):
        right = percent(100 / len(question.answers))
        return "".join(f"\n\t~%{right if i in question.answers else '-100'}%"
                       f"{_piece(choice, text_format)}"
                       for i, choice in enumerate(question.choices)) + "\n"
    if isinstance(question, TrueFalse):
        return "TRUE" if question.answer else "FALSE"
    if isinstance(question, Numeric):
        values = [format_number(answer) + (f":{format_number(tolerance)}" if tolerance else "")
                  for answer, tolerance in question.accepted()]
        return f"#{values[0]}" if len(values) == 1 else "#" + " ".join(f"={v}" for v in values)
    if isinstance(question, ShortAnswer):
        # `*` is Moodle's wildcard in short answers; `\*` is a real asterisk.
        return "".join(
            f"\n\t={'%100%' if answer.text.startswith('%') else ''}"
            f"{_piece(answer.text, text_format).replace('*', chr(92) + '*')}"
            + (f"#{_piece(answer.feedback, text_format)}" if answer.feedback else "")
            for answer in question.answers) + "\n"
    if isinstance(question, Matching):
        return "".join([f"\n\t={_piece(pair.left, text_format)} -> {escape(pair.right)}"
                        for pair in question.pairs]
                       + [f"\n\t= -> {escape(item)}" for item in question.distractors]) + "\n"
    raise TypeError(type(question).__name__)


def _marker(right: bool, choice: str) -> str:
    """`=` or `~`; a wrong choice whose text starts with `%` gets an explicit 0% weight
    (Moodle reads weights only after `~`, so `=` needs none)."""
    if right:
        return "="
    return "~%0%" if choice.startswith("%") else "~"

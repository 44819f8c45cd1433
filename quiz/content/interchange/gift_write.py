"""Write a bank as Moodle GIFT. Moodle reads `[id:…]` and `[tag:…]` from comments; the
scenario moment, sources, difficulty and units ride in a `// quiz: {…}` comment that
Moodle ignores, so a bank survives the trip out and back exactly. Ordering questions
have no GIFT form: they are reported, never silently left out."""

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


def write_gift(bank: Bank, path: str = "<bank>") -> tuple[str, list[Problem]]:
    out = [f"// {bank.title}", f"// Exported by Scenario Quiz from bank {bank.id!r}.", ""]
    problems: list[Problem] = []
    if bank.scenarios:
        problems.append(Problem(path, 1, 1, "GIFT has no chapters: the scenarios' titles and "
                                "briefings are left out, and their questions follow in order",
                                "warning"))
    category = None
    for _, question in bank.all_questions():
        if isinstance(question, Ordering | Decision | Prediction | ShortAnswer | Matching):
            # Short answer and matching have GIFT forms; until they are written, say so.
            kind = {"ordering": "an ordering question", "decision": "a decision",
                    "predict": "a prediction with a confidence",
                    "short_answer": "a short-answer question",
                    "matching": "a matching question"}[question.type]
            problems.append(Problem(path, 1, 1, f"question {question.id!r} is {kind}, which "
                                    "GIFT cannot express; it was left out", "warning"))
            continue
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
    tail = f"####{escape(general)}" if general else ""
    # A text that itself starts with `[` would read as a format marker: give it one.
    shown = ("[moodle]" if text.startswith("[") else "") + escape(text)
    lines.append(f"::{escape(question.id)}::{shown} {{{_answer(question)}{tail}}}")
    return lines


def _answer(question) -> str:
    if isinstance(question, SingleChoice):
        return "".join(f"\n\t{_marker(i == question.answer, choice)}{escape(choice)}"
                       for i, choice in enumerate(question.choices)) + "\n"
    if isinstance(question, MultipleSelect):
        right = percent(100 / len(question.answers))
        return "".join(f"\n\t~%{right if i in question.answers else '-100'}%{escape(choice)}"
                       for i, choice in enumerate(question.choices)) + "\n"
    if isinstance(question, TrueFalse):
        return "TRUE" if question.answer else "FALSE"
    if isinstance(question, Numeric):
        value = format_number(question.answer)
        if question.tolerance:
            value += f":{format_number(question.tolerance)}"
        return f"#{value}"
    raise TypeError(type(question).__name__)


def _marker(right: bool, choice: str) -> str:
    """`=` or `~`, with an explicit weight when the text itself starts with `%`."""
    if choice.startswith("%"):
        return "=%100%" if right else "~%0%"
    return "=" if right else "~"

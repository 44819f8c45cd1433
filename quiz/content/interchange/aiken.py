"""Moodle's Aiken format: a one-line question, options lettered `A.` or `A)`, then
`ANSWER: X`. It holds single-choice questions only; true/false goes out as two options."""

from __future__ import annotations

import re
import string

from quiz.content.interchange.shared import Converted, unique_id
from quiz.content.problems import Problem
from quiz.model.bank import Bank
from quiz.model.questions import SingleChoice, TrueFalse

_OPTION = re.compile(r"^([A-Z])[.)]\s+(.*\S)\s*$")
_ANSWER = re.compile(r"^ANSWER:\s*([A-Z])\s*$", re.IGNORECASE)


def read_aiken(text: str, path: str = "<aiken>") -> Converted:
    result, ids = Converted(), set()
    prompt, prompt_line, options, broken = None, 0, [], False

    def fail(line: int, message: str) -> None:
        result.problems.append(Problem(path, line, 1, message, "error"))

    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        option, answer = _OPTION.match(line), _ANSWER.match(line)
        if prompt is None:
            prompt, prompt_line, options, broken = line, number, [], False
        elif answer and not broken:
            letter = answer.group(1).upper()
            letters = [mark for mark, _ in options]
            texts = [t for _, t in options]
            if len(options) < 2:
                fail(prompt_line, "this question has fewer than two options; it was not "
                                  "imported")
            elif letter not in letters:
                fail(number, f"ANSWER: {letter} names no option (the options are "
                             f"{', '.join(letters)}); the question was not imported")
            elif len({t.casefold() for t in texts}) < len(texts):
                fail(prompt_line, "this question repeats an option; it was not imported")
            else:
                result.add({"id": unique_id(f"q{len(ids) + 1}", ids), "type": "single_choice",
                            "prompt": prompt, "choices": texts,
                            "answer": letters.index(letter)}, prompt_line)
            prompt = None
        elif answer:
            prompt = None  # the broken question ends here; its problem is reported
        elif option and not broken:
            expected = string.ascii_uppercase[len(options)]
            if option.group(1) != expected:
                fail(number, f"option {option.group(1)} is out of order (expected "
                             f"{expected}); the question was not imported")
                broken = True
            options.append((option.group(1), option.group(2)))
        elif not broken:
            fail(number, "Aiken questions are one line, then options `A.` or `A)`, then "
                         "`ANSWER: X`; this line fits none; the question was not imported")
            broken = True
    if prompt is not None and not broken:
        fail(prompt_line, "this question has no ANSWER: line; it was not imported")
    return result


def write_aiken(bank: Bank, path: str = "<bank>") -> tuple[str, list[Problem]]:
    blocks, problems = [], []
    for _, question in bank.all_questions():
        if isinstance(question, TrueFalse):
            choices, answer = ["True", "False"], 0 if question.answer else 1
        elif isinstance(question, SingleChoice) and len(question.choices) <= 26:
            choices, answer = question.choices, question.answer
        else:
            problems.append(Problem(path, 1, 1, f"question {question.id!r} is "
                                    f"{question.type.replace('_', ' ')}, which Aiken "
                                    "cannot express; it was left out", "warning"))
            continue
        prompt = " ".join(question.prompt.split())  # Aiken questions are one line
        lines = [prompt] + [f"{string.ascii_uppercase[i]}. {' '.join(c.split())}"
                            for i, c in enumerate(choices)]
        lines.append(f"ANSWER: {string.ascii_uppercase[answer]}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n", problems

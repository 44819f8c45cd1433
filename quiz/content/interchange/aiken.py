"""Moodle's Aiken format: a one-line question, options lettered `A.` or `A)` (with or
without a space), then `ANSWER: X`. It holds single-choice questions only; true/false goes
out as two options. A broken question never takes the next one with it: reading starts
again at the next question line, and every question left out is reported by line."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from quiz.content.interchange.shared import Converted, unique_id
from quiz.content.problems import Problem
from quiz.model.bank import Bank
from quiz.model.questions import SingleChoice, TrueFalse

_OPTION = re.compile(r"^([A-Z])[.)][ \t]*(\S.*)$")
"""An option inside a question: current Moodle also takes `A)text`, with no space."""
_LONE_OPTION = re.compile(r"^([A-Z])[.)][ \t]+(\S.*)$")
"""An option where no question is open: only the spaced form, so a question may begin
`U.S. troops …` without being taken for an option."""
_ANSWER = re.compile(r"^ANSWER:(.*)$", re.IGNORECASE)


@dataclass
class _Draft:
    """A question being read: its line, its text, its options, and its first problem."""

    line: int
    prompt: str
    options: list[tuple[str, str]] = field(default_factory=list)
    problem: tuple[int, str] | None = None


@dataclass
class _AikenReader:
    path: str
    result: Converted = field(default_factory=Converted)
    ids: set[str] = field(default_factory=set)
    draft: _Draft | None = None

    def report(self, line: int, message: str, severity: str = "error") -> None:
        self.result.problems.append(Problem(self.path, line, 1, message, severity))

    def line(self, number: int, text: str, after_blank: bool) -> None:
        answer = _ANSWER.match(text)
        option = (_OPTION if self.draft else _LONE_OPTION).match(text)
        if answer:
            if self.draft is None:
                self.report(number, "this ANSWER: line follows no question; it was ignored")
            else:
                self.finish(number, answer.group(1).strip())
        elif option:
            if self.draft is None:
                self.report(number, f"option {option.group(1)} follows no question (an Aiken "
                                    "question is one line of text before its options); it "
                                    "was ignored")
            else:
                self.add_option(number, option.group(1), option.group(2).strip())
        elif self.draft and not self.draft.options and not after_blank:
            self.report(number, f"the question on line {self.draft.line} goes on to this "
                                "line, but Aiken questions are one line (Moodle would take "
                                "this line alone as a new question); the lines were joined",
                        "warning")
            self.draft.prompt += "\n" + text
        else:
            if self.draft:
                self.abandon(number, "before the next question starts here")
            self.draft = _Draft(number, text)

    def abandon(self, number: int, where: str) -> None:
        """The open question ends without its ANSWER: line: report its first problem."""
        draft, self.draft = self.draft, None
        if draft.problem:
            line, message = draft.problem
            self.report(line, f"{message}, so the question on line {draft.line} was not "
                              "imported")
        else:
            self.report(number, f"the question on line {draft.line} has no ANSWER: line "
                                f"{where}; it was not imported")

    def add_option(self, number: int, letter: str, text: str) -> None:
        draft = self.draft
        expected = string.ascii_uppercase[len(draft.options)] if len(draft.options) < 26 else "?"
        if draft.problem is None and letter != expected:
            draft.problem = (number, f"option {letter} is out of order (expected {expected})")
        draft.options.append((letter, text))

    def finish(self, number: int, answer: str) -> None:
        draft, self.draft = self.draft, None
        where = f"the question on line {draft.line}"
        letters = [letter for letter, _ in draft.options]
        texts = [text for _, text in draft.options]
        letter = answer[:1].upper()
        if draft.problem:
            line, message = draft.problem
            self.report(line, f"{message}, so {where} was not imported")
        elif len(draft.options) < 2:
            self.report(number, f"{where} has fewer than two options; it was not imported")
        elif letter not in letters or (len(answer) > 1 and answer[1].isalnum()):
            self.report(number, f"ANSWER: {answer[:20]} names no option of {where} (its "
                                f"options are {', '.join(letters)}); it was not imported")
        elif len({" ".join(t.casefold().split()) for t in texts}) < len(texts):
            self.report(draft.line, f"{where} repeats an option; it was not imported")
        else:
            self.result.add({"id": unique_id(f"q{len(self.ids) + 1}", self.ids),
                             "type": "single_choice", "prompt": draft.prompt,
                             "choices": texts, "answer": letters.index(letter)}, draft.line)


def read_aiken(text: str, path: str = "<aiken>") -> Converted:
    reader, after_blank = _AikenReader(path), True
    for number, raw in enumerate(re.split(r"\r\n?|\n", text.lstrip("\ufeff")), start=1):
        line = raw.strip()
        if line:
            reader.line(number, line, after_blank)
        after_blank = not line
    if reader.draft is not None:
        reader.abandon(reader.draft.line, "at all")
    return reader.result


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

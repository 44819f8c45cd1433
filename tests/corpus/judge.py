"""Judge `quiz import` against Moodle's own readers, question by question.

tests/corpus/gift.yaml and aiken.yaml list, for each question in the files under
tests/corpus/moodle/, what Moodle's reader makes of it (written down from Moodle's tests
and from question/format/*/format.php). The judge compares our import with that record:

- exact: the same question, and not a word of warning;
- warned: every difference from Moodle is named by a warning on the question's line;
- refused: not imported, with an error on its line;
- silent: a difference no warning names, or a question lost without an error.

Run `python -m tests.corpus.judge` for the table behind docs/authoring.md's figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from quiz.content.interchange.aiken import read_aiken
from quiz.content.interchange.gift_read import read_gift
from quiz.content.interchange.gift_text import html_to_text
from quiz.content.interchange.shared import Converted

HERE = Path(__file__).parent
NAMED_BY = {  # a difference, and the words of the warning that must name it
    "feedback": "feedback has no place of its own",
    "html": "HTML markup",
    "partial": "partial credit",
    "penalty": "penalties",
    "free": "costs nothing",
    "unequal": "unequal answer weights",
    "total": "add up to",
    "dropped": "only fully right",
}


@dataclass
class Verdict:
    kind: str
    reasons: list[str] = field(default_factory=list)


@dataclass
class Case:
    file: str
    line: int
    moodle: dict
    expect: str
    text: str = ""  # the question as written, to count repeated examples once
    reported: int = 0  # where Moodle reports a question it refuses, if not its first line


def cases(corpus: str) -> list[Case]:
    found = []
    for entry in yaml.safe_load((HERE / corpus).read_text(encoding="utf-8")):
        lines = (HERE / "moodle" / entry["file"]).read_text(encoding="utf-8").split("\n")
        for question in entry["questions"]:
            found.append(Case(entry["file"], question["line"], question["moodle"],
                              question["expect"], _paragraph(lines, question["line"]),
                              question.get("reported", question["line"])))
    return found


def _paragraph(lines: list[str], start: int) -> str:
    taken = []
    for line in lines[start - 1:]:
        if not line.strip():
            break
        if not line.strip().startswith("//"):
            taken.append(line.strip())
    return " ".join(" ".join(taken).split())


def read(case: Case) -> Converted:
    text = (HERE / "moodle" / case.file).read_text(encoding="utf-8")
    return (read_aiken if case.file.endswith(".aiken.txt") or "aiken" in case.file
            else read_gift)(text, case.file)


def judge(case: Case, converted: Converted) -> Verdict:
    here = [p for p in converted.problems if p.line in (case.line, case.reported)]
    warnings = [p.message for p in here if p.severity == "warning"]
    errors = [p.message for p in here if p.severity == "error"]
    ours = (converted.questions[converted.lines.index(case.line)]
            if case.line in converted.lines else None)
    if "refused" in case.moodle:  # Moodle's reader refuses it too
        return (Verdict("refused by Moodle too", errors) if ours is None and errors
                else Verdict("silent", ["Moodle refuses it: " + case.moodle["refused"]]))
    if ours is None:
        return Verdict("refused", errors) if errors else Verdict("silent", ["lost"])
    differences = Differences()
    compare(case.moodle, ours, differences)
    silent = [what for kind, what in differences.found
              if not any(NAMED_BY.get(kind, "\0") in w for w in warnings)]
    if silent:
        return Verdict("silent", silent)
    if warnings:
        return Verdict("warned", warnings)
    return Verdict("exact")


class Differences:
    """What our import does differently from Moodle, each with its kind."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str]] = []

    def add(self, kind: str, what: str) -> None:
        self.found.append((kind, what))

    def same(self, what: str, theirs, ours) -> None:
        if theirs != ours:
            self.add("changed", f"{what}: Moodle {theirs!r}, ours {ours!r}")


def plain(text: str, text_format: str, differences: Differences) -> str:
    """How a Moodle text reads as plain text (ours never holds markup)."""
    if text_format != "html":
        return text
    reduced, markup = html_to_text(text)
    if markup:
        differences.add("html", f"markup in {text[:30]!r}")
    return reduced


def compare(moodle: dict, ours: dict, differences: Differences) -> None:
    question_format = moodle.get("format", "moodle")
    kind = moodle["qtype"]
    differences.same("prompt", plain(moodle["text"], question_format, differences),
                     ours["prompt"])
    explanation = ours.get("explanation", "")
    if moodle.get("general"):
        general = plain(moodle["general"], moodle.get("general_format", question_format),
                        differences)
        if general not in explanation:
            differences.add("lost", f"general feedback {general!r}")
    for tag in moodle.get("tags", []):
        if tag not in ours.get("tags", []):
            differences.add("lost", f"tag {tag!r}")
    if moodle.get("idnumber"):
        differences.same("id", moodle["idnumber"], ours["id"])
    feedback = []
    if kind == "multichoice":
        feedback = _choices(moodle, ours, question_format, differences)
    elif kind == "truefalse":
        differences.same("type", "true_false", ours["type"])
        differences.same("answer", moodle["correct"], ours.get("answer"))
        feedback = [plain(moodle.get(key, ""), question_format, differences)
                    for key in ("feedbacktrue", "feedbackfalse")]
    elif kind == "numerical":
        feedback = _numerical(moodle, ours, question_format, differences)
    elif kind == "shortanswer":
        feedback = _short_answer(moodle, ours, question_format, differences)
    elif kind == "match":
        _matching(moodle, ours, question_format, differences)
    else:
        differences.add("changed", f"Moodle makes a {kind} question, ours a {ours['type']}")
    for said in filter(None, feedback):
        if said in explanation:
            differences.add("feedback", f"feedback {said!r} joins the explanation")
        else:
            differences.add("lost", f"feedback {said!r}")


def _choices(moodle: dict, ours: dict, question_format: str,
             differences: Differences) -> list[str]:
    answers = [(plain(a[0], a[3] if len(a) > 3 else question_format, differences), a[1],
                a[2] if len(a) > 2 else "", a[3] if len(a) > 3 else question_format)
               for a in moodle["answers"]]
    answers = [a for a in answers if a[0]]  # Moodle saves no answer without text
    differences.same("choices", [a[0] for a in answers], ours.get("choices"))
    positive = [i for i, a in enumerate(answers) if a[1] > 0]
    if moodle["single"]:
        differences.same("type", "single_choice", ours["type"])
        differences.same("answer", [i for i, a in enumerate(answers) if a[1] == 1],
                         [ours.get("answer")])
        if any(0 < a[1] < 1 for a in answers):
            differences.add("partial", "partial credit")
        if any(a[1] < 0 for a in answers):
            differences.add("penalty", "penalties")
    else:
        differences.same("type", "multiple_select", ours["type"])
        differences.same("answers", positive, ours.get("answers"))
        weights = [answers[i][1] for i in positive]
        total = sum(weights)
        if len(set(weights)) > 1:
            differences.add("unequal", "unequal weights")
        if not math.isclose(total, 1, abs_tol=1e-4):
            differences.add("total", f"weights add up to {total}")
        elif any(a[1] == 0 for a in answers):
            differences.add("free", "wrong choices with no penalty")
    return [plain(a[2], a[3], differences) for a in answers]


def _numerical(moodle: dict, ours: dict, question_format: str,
               differences: Differences) -> list[str]:
    differences.same("type", "numeric", ours["type"])
    accepted = [(ours.get("answer"), ours.get("tolerance", 0))] + [
        (other["answer"], other.get("tolerance", 0)) for other in ours.get("other_answers", [])]
    full = [(a[0], a[1]) for a in moodle["answers"] if a[0] != "*" and a[2] == 1]
    if len(full) != len(accepted) or not all(
            math.isclose(v, w, abs_tol=1e-9) and math.isclose(t, u, abs_tol=1e-9)
            for (v, t), (w, u) in zip(sorted(full), sorted(accepted), strict=False)):
        differences.add("changed", f"accepted values: Moodle {full}, ours {accepted}")
    feedback = []
    for value, _, fraction, *said in moodle["answers"]:
        said = plain(said[0], question_format, differences) if said else ""
        if value == "*" or fraction == 1:
            feedback.append(said)
        else:
            differences.add("dropped", f"{value} at {fraction:.0%}")
            if said:
                differences.add("dropped", f"feedback {said!r}")
    return feedback


def _short_answer(moodle: dict, ours: dict, question_format: str,
                  differences: Differences) -> list[str]:
    """Moodle ignores case (GIFT sets no `usecase`), so answers alike but for case are one."""
    differences.same("type", "short_answer", ours["type"])
    accepted: dict[str, dict] = {}
    otherwise = []
    for text, fraction, *said in moodle["answers"]:
        said = plain(said[0], question_format, differences) if said else ""
        if text == "*":
            otherwise.append(said)
        elif fraction == 1:
            accepted.setdefault(" ".join(text.casefold().split()),
                                {"text": text, **({"feedback": said} if said else {})})
        else:
            differences.add("dropped", f"{text} at {fraction:.0%}")
            if said:
                differences.add("dropped", f"feedback {said!r}")
    differences.same("answers", list(accepted.values()), ours.get("answers"))
    differences.same("case_sensitive", False, ours.get("case_sensitive", False))
    return otherwise


def _matching(moodle: dict, ours: dict, question_format: str,
              differences: Differences) -> None:
    differences.same("type", "matching", ours["type"])
    pairs, extra = [], []
    for left, right, *text_format in moodle["pairs"]:
        left = plain(left, text_format[0] if text_format else question_format, differences)
        if left:
            pairs.append({"left": left, "right": right})
        elif right not in extra and right not in [pair["right"] for pair in pairs]:
            extra.append(right)
    differences.same("pairs", pairs, ours.get("pairs"))
    differences.same("distractors", extra, ours.get("distractors", []))


def tally(corpus: str) -> tuple[dict[str, int], dict[str, list[str]], list]:
    """Counts of each verdict over distinct questions, reasons for the refused, and any
    case whose verdict differs from what the corpus expects."""
    counts: dict[str, int] = {}
    reasons: dict[str, list[str]] = {}  # refused: by Moodle type; warned: by warning
    surprises, seen, read_files = [], set(), {}
    for case in cases(corpus):
        if case.file not in read_files:
            read_files[case.file] = read(case)
        verdict = judge(case, read_files[case.file])
        if verdict.kind != case.expect:
            surprises.append((case.file, case.line, case.expect, verdict))
        if case.text in seen:
            continue
        seen.add(case.text)
        counts[verdict.kind] = counts.get(verdict.kind, 0) + 1
        if verdict.kind == "refused":
            reasons.setdefault(case.moodle["qtype"], []).append(f"{case.file}:{case.line}")
        for warning in verdict.reasons if verdict.kind == "warned" else []:
            kind = next((k for k, words in NAMED_BY.items() if words in warning), warning)
            reasons.setdefault(f"warned: {kind}", []).append(f"{case.file}:{case.line}")
    return counts, reasons, surprises


if __name__ == "__main__":
    for corpus in ("gift.yaml", "aiken.yaml"):
        counts, reasons, surprises = tally(corpus)
        print(corpus, counts)
        for reason, where in reasons.items():
            print(f"  {reason}: {len(where)} ({', '.join(where)})")
        for surprise in surprises:
            print("  SURPRISE", surprise)

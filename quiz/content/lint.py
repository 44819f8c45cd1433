"""Item-writing checks on a valid bank, each located at `path:line:col`: answer-position
bias, a conspicuously long correct choice, "all/none of the above", unemphasised
negatives, near-duplicate choices and prompts, missing explanations or sources, and the
checks of typed answers and matchings (lint_typed.py)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from pathlib import Path

from quiz.content.checks import bank_warnings
from quiz.content.key import answer_text, context_text
from quiz.content.lint_typed import typed_findings
from quiz.content.lint_wording import wording_findings
from quiz.content.load import load_file
from quiz.content.locate import compose, find_position
from quiz.content.problems import Problem
from quiz.model.bank import Bank
from quiz.model.questions import MultipleSelect, SingleChoice

NEAR = 0.9
"""Similarity (difflib ratio) from which two texts count as near-duplicates."""
ABOVE = re.compile(r"\b(all|none|both|neither) of the (above|options|choices)\b", re.I)
NEGATIVE = re.compile(r"\b(not|except|never|(?<![Aa]t )least|cannot)\b")
"""Lower-case negatives; written NOT or *not*, they are emphasised and pass."""
REPORTED = re.compile(r"\bthat\b|[\"“‘:]")
"""Where reported words begin: a negative after this is what someone said, not the
question's own logic ("Who said that China was not…?")."""

Finding = tuple[tuple, str]


def lint_file(path: Path | str) -> list[Problem]:
    """Every finding in a bank file, located; raises LoadError if the file is invalid."""
    loaded = load_file(path, "bank")
    findings = list(lint_bank(loaded.model))
    if not findings:
        return []
    root = compose(Path(path).read_text(encoding="utf-8-sig"))
    problems = []
    for location, message in findings:
        line, col = find_position(root, location)
        problems.append(Problem(str(path), line, col, message, "warning"))
    return sorted(problems)


def lint_bank(bank: Bank) -> Iterator[Finding]:
    located = list(_located_questions(bank))
    yield from _position_bias(located)
    for location, question in located:
        yield from _choice_checks(location, question)
        yield from _negatives(location, question)
        yield from wording_findings(location, question)
        yield from typed_findings(location, question)
    yield from _near_duplicate_prompts(located)
    yield from bank_warnings(bank)


def _located_questions(bank: Bank):
    for index, question in enumerate(bank.questions):
        yield ("questions", index), question
    for s_index, scenario in enumerate(bank.scenarios):
        for index, question in enumerate(scenario.questions):
            yield ("scenarios", s_index, "questions", index), question


def _position_bias(located) -> Iterator[Finding]:
    """The game shuffles choices, but exports and printed copies keep the written order,
    and a habit of putting the key in one place is a habit students learn."""
    singles = [(loc, q) for loc, q in located if isinstance(q, SingleChoice)]
    if len(singles) < 5:
        return
    counts = Counter(q.answer for _, q in singles)
    position, count = counts.most_common(1)[0]
    expected = sum(1 / len(q.choices) for _, q in singles if position < len(q.choices))
    if count >= 4 and count > 2 * expected:
        first = next(loc for loc, q in singles if q.answer == position)
        yield first + ("answer",), (
            f"the correct answer is choice {position + 1} in {count} of {len(singles)} "
            f"single-choice questions (about {expected:.0f} expected by chance); vary "
            "where the key sits")


def _choice_checks(location: tuple, question) -> Iterator[Finding]:
    if not isinstance(question, SingleChoice | MultipleSelect):
        return
    for index, choice in enumerate(question.choices):
        if ABOVE.search(choice):
            yield location + ("choices", index), (
                f"question {question.id!r}: {ABOVE.search(choice).group(0)!r} rewards "
                "spotting two right (or wrong) choices rather than knowing the answer; "
                "write a real choice instead")
    if isinstance(question, SingleChoice) and len(question.choices) >= 3:
        right = question.choices[question.answer]
        longest_other = max(len(c) for i, c in enumerate(question.choices)
                            if i != question.answer)
        if len(right) >= 1.5 * longest_other and len(right) - longest_other >= 15:
            yield location + ("choices", question.answer), (
                f"question {question.id!r}: the correct choice is much longer than every "
                "other; test-wise students pick the longest, so trim it or lengthen the "
                "others")
    folded = [" ".join(c.casefold().split()) for c in question.choices]
    for i in range(len(folded)):
        for j in range(i + 1, len(folded)):
            if _near(folded[i], folded[j]):
                yield location + ("choices", j), (
                    f"question {question.id!r}: choices {i + 1} and {j + 1} are nearly "
                    "the same; make them clearly different")


def _negatives(location: tuple, question) -> Iterator[Finding]:
    stem = REPORTED.split(question.prompt, maxsplit=1)[0]
    match = NEGATIVE.search(stem)
    if match and not re.search(rf"[*_]{match.group(0)}[*_]", question.prompt):
        yield location + ("prompt",), (
            f"question {question.id!r}: the prompt turns on {match.group(0)!r}; write it as "
            f"{match.group(0).upper()} so nobody misreads the question")


def _near(first: str, second: str) -> bool:
    """Nearly the same text. Texts whose numbers differ are different on purpose: two
    dates a year apart are distinct choices, not a typo."""
    if re.findall(r"\d+", first) != re.findall(r"\d+", second):
        return False
    matcher = SequenceMatcher(None, first, second)
    return matcher.quick_ratio() >= NEAR and matcher.ratio() >= NEAR


def _signature(question) -> tuple[str, str, str]:
    """The scenario line, the prompt and the right answer. Two questions with one
    template prompt ("Put these events in order") but different answers ask different
    things; the same prompt with the same answer is the same question twice."""
    return (context_text(question.context).casefold(), question.prompt.casefold(),
            " ".join(answer_text(question).casefold().split()))


def _near_duplicate_prompts(located) -> Iterator[Finding]:
    """Each question is reported once, against the first one it nearly repeats.

    Comparing every pair would be quadratic, so pairs are only compared when they share
    one of their rarest words (prefix filtering: near-identical texts share most words,
    so they share a rare one too). Numbers count as words, and they are usually the
    rarest. A word shared by very many questions (a template) links each question only
    to its nearest neighbours by length, so the work stays linear."""
    signatures = [_signature(q) for _, q in located]
    words = [set(re.findall(r"\w+", " ".join(signature))) for signature in signatures]
    frequency = Counter(word for found in words for word in found)
    by_word: dict[str, list[int]] = {}
    for index, found in enumerate(words):
        rare_first = sorted(found, key=lambda w: (frequency[w], w))
        for word in rare_first[:max(1, len(rare_first) // 5 + 1)]:
            by_word.setdefault(word, []).append(index)
    candidates: dict[int, set[int]] = {}
    for indices in by_word.values():
        if len(indices) > BUCKET_LIMIT:
            indices = sorted(indices, key=lambda i: len(signatures[i][1]))
        for a_position, a in enumerate(indices):
            reach = indices[a_position + 1:a_position + 1 + NEIGHBOURS] if len(
                indices) > BUCKET_LIMIT else indices[a_position + 1:]
            for b in reach:
                candidates.setdefault(max(a, b), set()).add(min(a, b))
    numbers = [tuple(re.findall(r"\d+", part) for part in signature)
               for signature in signatures]
    for later in sorted(candidates):
        earlier = next((e for e in sorted(candidates[later])
                        if numbers[e] == numbers[later]  # cheap, and _near requires it
                        and all(a == b or _near(a, b) for a, b in
                                zip(signatures[e], signatures[later], strict=True))), None)
        if earlier is not None:
            first, second = located[earlier][1], located[later][1]
            yield located[later][0] + ("prompt",), (
                f"question {second.id!r} nearly repeats {first.id!r} (same scenario, "
                "prompt and answer); merge them or make them ask different things")


BUCKET_LIMIT = 64
NEIGHBOURS = 16

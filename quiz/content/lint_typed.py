"""Lint checks for typed and matched answers: a prompt that holds its own answer, answers
too long to type exactly, punctuation a player may leave out, a case rule that changes
nothing, and matching pairs that give themselves away or nearly repeat each other."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from quiz.content.lint_wording import has_whole
from quiz.model.folding import folded
from quiz.model.questions import Matching, ShortAnswer

Finding = tuple[tuple, str]

LONG_ANSWER = 6
"""Words from which an accepted answer is unlikely to be typed exactly as written."""
NEAR = 0.9
PUNCTUATION = re.compile(r"[.\-'’‐‑–]")
"""Marks players often leave out or type differently: `U.S.`, `PHB-1`, `Xi’an`."""
HYPHENS = re.compile(r"[\-‐‑–]")


def typed_findings(location: tuple, question) -> Iterator[Finding]:
    if isinstance(question, ShortAnswer):
        yield from _short_answer(location, question)
    elif isinstance(question, Matching):
        yield from _matching(location, question)


def _within(haystack: str, needle: str) -> bool:
    """`needle` as whole words of `haystack`, both folded (case, spacing, Unicode forms)."""
    needle = folded(needle)
    if len(needle) < 3:
        return False
    return has_whole(folded(haystack), needle)


def _stem(question) -> str:
    """The prompt and the scenario's place and role: all the player reads before answering."""
    context = question.context
    parts = [question.prompt] + ([context.place or "", context.role or ""] if context else [])
    return " ".join(parts)


def _without_punctuation(text: str) -> list[str]:
    """The forms a player might type instead: the marks left out, or a hyphen as a space
    (`first-hand`: `firsthand`, `first hand`); none if the text has no such marks."""
    if not PUNCTUATION.search(text):
        return []
    forms = [" ".join(PUNCTUATION.sub("", text).split())]
    if HYPHENS.search(text):
        forms.append(" ".join(PUNCTUATION.sub("", HYPHENS.sub(" ", text)).split()))
    return list(dict.fromkeys(form for form in forms if form))


def _short_answer(location: tuple, question: ShortAnswer) -> Iterator[Finding]:
    qid = question.id
    texts = [answer.text for answer in question.answers]
    for index, text in enumerate(texts):
        where = location + ("answers", index)
        if _within(_stem(question), text):
            yield where, (f"question {qid!r}: the prompt contains the accepted answer "
                          f"{text!r}; a player can copy it")
        if len(text.split()) >= LONG_ANSWER:
            yield where, (f"question {qid!r}: the accepted answer {text!r} is "
                          f"{len(text.split())} words long; players rarely type that exactly, "
                          "so ask for a shorter answer or accept its key words")
    keys = {folded(text, case_sensitive=question.case_sensitive) for text in texts}
    for index, text in enumerate(texts):
        bare = _without_punctuation(text)
        if bare and not any(folded(form, case_sensitive=question.case_sensitive) in keys
                            for form in bare):
            yield location + ("answers", index), (
                f"question {qid!r}: players may type {text!r} without its punctuation; "
                f"accept {' or '.join(map(repr, bare))} as well")
            break  # one hint a question is enough
    if question.case_sensitive and all(text.lower() == text.upper() for text in texts):
        yield location + ("case_sensitive",), (
            f"question {qid!r}: case_sensitive changes nothing, as no accepted answer has "
            "letters with a case; leave it out")


def _matching(location: tuple, question: Matching) -> Iterator[Finding]:
    qid = question.id
    stem = _stem(question)
    for index, pair in enumerate(question.pairs):
        where = location + ("pairs", index)
        if _within(stem, pair.right):
            yield where + ("right",), (f"question {qid!r}: the match {pair.right!r} appears "
                                       "in the prompt")
        if _within(pair.left, pair.right) or _within(pair.right, pair.left):
            yield where, (f"question {qid!r}: pair {index + 1} gives itself away: "
                          f"{pair.left!r} and {pair.right!r} share their words")
    yield from _near_twins([pair.left for pair in question.pairs],
                           lambda n: location + ("pairs", n, "left"), qid, "left items")
    firsts = question.first_pairs()  # the pair that first gives each shared match
    count = len(firsts)
    yield from _near_twins(question.matches, lambda n: location + (
        ("pairs", firsts[n], "right") if n < count else ("distractors", n - count)), qid,
        "right items")


def _near_twins(texts: list[str], at, qid: str, what: str) -> Iterator[Finding]:
    """Items nearly the same once folded, where numbers do not set them apart."""
    keys = [folded(text) for text in texts]
    for later in range(1, len(keys)):
        for earlier in range(later):
            first, second = keys[earlier], keys[later]
            if re.findall(r"\d+", first) != re.findall(r"\d+", second):
                continue
            matcher = SequenceMatcher(None, first, second)
            if matcher.quick_ratio() >= NEAR and matcher.ratio() >= NEAR:
                yield at(later), (f"question {qid!r}: {what} {earlier + 1} and {later + 1} "
                                  "are nearly the same; make them clearly different")
                break

"""Lint checks for the faults a template (or a hurried author) leaves in wording: seams,
give-aways, lower-case months, repeated phrases, bad plurals, undated statements, and
scenes dated before the article they depend on."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from quiz.content.key import format_number
from quiz.model.questions import MultipleSelect, Numeric, SingleChoice, TrueFalse

Finding = tuple[tuple, str]

MONTHS = [m.lower() for m in calendar.month_name[1:]]
LOWER_MONTH = re.compile(
    r"\b(?:(january|february|april|june|july|august|september|october|november|december)"
    r"|(?:(may|march)(?=\s+\d{4}\b))|(?:(?<=\d\s)(may|march)))\b")
"""Lower-case month names; `may` and `march` only next to a date, where they are months."""
SEAM = re.compile(r"\b(?:this|these|following)\s*:\s+\S|(?<=[a-z,] )The\b")
"""A title spliced into a sentence (`…of this: Seoul agrees…`, `It was The United…`)."""
UNITS = r"(?:day|week|month|year|hour|minute|event|time|kilometre|kilometer|mile|question)"
PLURAL_MISMATCH = re.compile(
    rf"\b(?:(?:[02-9]|\d{{2,}})\s+{UNITS}\b(?!-)|1\s+{UNITS}s\b)")
YEAR = re.compile(r"\b(1[5-9]|2\d)\d\d\b")
"""A year from 1500 to 2999: a dated statement names one."""
COMMON_NAME_WORDS = {
    "south", "north", "korea", "korean", "china", "chinese", "the", "united", "states",
    "daily", "news", "agency", "times", "global", "herald", "ministry", "national",
    "defence", "defense", "joint", "chiefs", "staff", "council", "security", "academy",
    "social", "sciences", "japan", "russia", "president", "minister", "general", "of",
}


def wording_findings(location: tuple, question) -> Iterator[Finding]:
    """Every wording fault in one question, located at the field that shows it."""
    qid = question.id
    fields = [(("prompt",), question.prompt)]
    if question.explanation:
        fields.append((("explanation",), question.explanation))
    if question.context and question.context.date:
        fields.append((("context", "date"), question.context.date))
    for index, choice in enumerate(getattr(question, "choices", []) or []):
        fields.append((("choices", index), choice))
    for index, pair in enumerate(getattr(question, "pairs", []) or []):
        fields += [(("pairs", index, "left"), pair.left), (("pairs", index, "right"), pair.right)]
    for index, accepted in enumerate(getattr(question, "answers", []) or []):
        if not isinstance(accepted, int):  # a short answer's, not a select-all's positions
            fields.append((("answers", index), accepted.text))
    for where, text in fields:
        if match := LOWER_MONTH.search(text):
            yield location + where, (f"question {qid!r}: the month {match.group(0)!r} needs a "
                                     "capital letter")
        if match := PLURAL_MISMATCH.search(text):
            yield location + where, (f"question {qid!r}: {match.group(0)!r}: the unit does not "
                                     "agree with the number")
    for where, text in fields[:2]:  # the prompt and the explanation
        if match := SEAM.search(text):
            yield location + where, (
                f"question {qid!r}: {match.group(0)!r} reads as a title spliced into the "
                "sentence; write it as one sentence")
    yield from _repeated_phrase(location, question)
    yield from _give_aways(location, question)
    yield from _undated_statement(location, question)
    yield from _scene_before_source(location, question)


HYPHENATED = re.compile(r"[\w-]+")
WORDS = re.compile(r"[\w'’-]+")


def _words(text: str) -> list[str]:
    return WORDS.findall(text.casefold())


NAME_PAIR = re.compile(r"\b([A-Z][\w-]+ [A-Z][\w-]+)\b")


def _repeated_phrase(location: tuple, question) -> Iterator[Finding]:
    """The same run of words twice in one prompt (3 words, or a two-word name) or one
    explanation (6 words): `the radius China Daily gave … China Daily gave`."""
    names = NAME_PAIR.findall(question.prompt)
    repeated = next((name for n, name in enumerate(names) if name in names[:n]), None)
    if repeated:
        yield location + ("prompt",), (f"question {question.id!r}: the phrase {repeated!r} is "
                                       "repeated in the prompt; say it once")
        return
    for field, size in (("prompt", 3), ("explanation", 6)):
        words = _words(getattr(question, field) or "")
        seen: set[tuple[str, ...]] = set()
        for start in range(len(words) - size + 1):
            gram = tuple(words[start:start + size])
            if sum(len(w) > 3 for w in gram) < 2:
                continue  # "of the …" repeats in any long sentence
            if gram in seen:
                yield location + (field,), (
                    f"question {question.id!r}: the phrase {' '.join(gram)!r} is repeated "
                    f"in the {field}; say it once")
                break
            seen.add(gram)


def _contains(haystack: str, needle: str) -> bool:
    """Whole-word, case-insensitive containment."""
    needle = " ".join(needle.casefold().split())
    if len(needle) < 4:
        return False
    return has_whole(" ".join(haystack.casefold().split()), needle)


def has_whole(text: str, needle: str) -> bool:
    """Whether `needle` occurs in `text` as whole words (nothing word-like either side)."""
    # str.find, not a regex per needle: 10,000 distinct patterns overflow re's cache, and
    # compiling them was most of lint's time on a large bank.
    start = text.find(needle)
    while start != -1:
        end = start + len(needle)
        if not _wordy(text[start - 1:start]) and not _wordy(text[end:end + 1]):
            return True
        start = text.find(needle, start + 1)
    return False


def _wordy(char: str) -> bool:
    """Whether a character (or nothing) would continue a word, as regex `\\w` reads it."""
    return bool(char) and (char.isalnum() or char == "_")


def _give_aways(location: tuple, question) -> Iterator[Finding]:
    stem = question.prompt + " " + " ".join(
        part for part in (question.context.place, question.context.role)
        if question.context and part) if question.context else question.prompt
    if isinstance(question, Numeric):
        for value, _ in question.accepted():
            number = format_number(value)
            if len(number) > 1 and re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d])",
                                             question.prompt):
                yield location + ("prompt",), (f"question {question.id!r}: the prompt "
                                               f"contains the answer {number!r}")
                break
        return
    if not isinstance(question, SingleChoice | MultipleSelect):
        return
    keys = ({question.answer} if isinstance(question, SingleChoice) else set(question.answers))
    for index, choice in enumerate(question.choices):
        if _contains(stem, choice):
            what = "the answer" if index in keys else "a wrong choice"
            yield location + ("choices", index), (
                f"question {question.id!r}: {what} {choice!r} appears in the question itself")
        elif index not in keys and (name := _shared_name(choice, stem)):
            yield location + ("choices", index), (
                f"question {question.id!r}: the wrong choice {choice!r} names {name!r}, whom "
                "the question already names; offer someone else")


def _shared_name(choice: str, stem: str) -> str | None:
    """The part of a person-like choice (`Jung Seung-jo`) that the stem also names."""
    tokens = choice.split()
    if not 2 <= len(tokens) <= 3 or not all(t[:1].isupper() for t in tokens):
        return None
    stem_words = set(HYPHENATED.findall(stem))
    for token in tokens:
        if len(token) >= 3 and token.casefold() not in COMMON_NAME_WORDS and token in stem_words:
            return token
    return None


def _undated_statement(location: tuple, question) -> Iterator[Finding]:
    """A statement set in a dated scenario moment is about events, so it needs their date
    to be true or false; a general statement (`page dates can differ…`) does not."""
    dated_scene = question.context is not None and question.context.date
    if isinstance(question, TrueFalse) and dated_scene and not YEAR.search(question.prompt):
        yield location + ("prompt",), (
            f"question {question.id!r}: a true/false statement needs its date, so it is "
            "true or false for a reason the sources settle")


def _scene_before_source(location: tuple, question) -> Iterator[Finding]:
    context = question.context
    if context is None or not context.date or not question.sources:
        return
    if question.type in ("predict", "decision"):
        return  # made at the turning point, before the report of what happened exists
    scene = scene_span(context.date)
    if scene is None:
        return
    latest = max(question.sources, key=lambda s: s.date)
    if scene[1] < _first_day(latest.date):
        yield location + ("context", "date"), (
            f"question {question.id!r}: the scene ({context.date}) is dated before its source "
            f"({latest.outlet}, {latest.date}) existed")


def scene_span(text: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a scene's date in words can mean (`4 June 2013`, `Mid-December
    2017`, `2016`), or None for words like `Years later`."""
    words = _words(text)
    year = next((int(w) for w in words if re.fullmatch(r"\d{4}", w)), None)
    if year is None:
        return None
    month = next((MONTHS.index(m) + 1 for w in words for m in MONTHS
                  if w == m or w.endswith("-" + m)), None)
    day = next((int(w) for w in words if re.fullmatch(r"\d{1,2}", w)), None)
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day), dt.date(year, month, day)


def _first_day(date: str) -> dt.date:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])

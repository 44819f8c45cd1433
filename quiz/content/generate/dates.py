"""Partial dates in words, their spans, and plausible wrong dates near a true one."""

from __future__ import annotations

import calendar
import datetime as dt
import random

MONTHS = list(calendar.month_name)[1:]


def in_words(date: str) -> str:
    """`2013-06-04` → `4 June 2013`; `2013-06` → `June 2013`; `2013` → `2013`."""
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def on_or_in(date: str) -> str:
    """`on 4 June 2013`, `in June 2013`, `in 2013`: the preposition a sentence needs."""
    return ("on " if date.count("-") == 2 else "in ") + in_words(date)


def asked_form(date: str) -> str:
    """The form a when-question asks for: the year, or the month for finer dates."""
    return date[:7] if len(date) >= 7 else date[:4]


def span(date: str) -> tuple[dt.date, dt.date]:
    """First and last day a partial date could mean."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    day = dt.date(*parts)
    return day, day


def clearly_before(first: str, second: str) -> bool:
    """True when every day `first` could mean precedes every day `second` could mean."""
    return span(first)[1] < span(second)[0]


def nearby(date: str, rng: random.Random, count: int) -> list[str]:
    """`count` distinct wrong dates of the same precision, within a few years or months."""
    form = asked_form(date)
    if len(form) == 4:
        year = int(form)
        pool = [str(year + d) for d in (-3, -2, -1, 1, 2, 3)]
    else:
        year, month = int(form[:4]), int(form[5:7])
        index = year * 12 + month - 1
        pool = [f"{(index + d) // 12:04d}-{(index + d) % 12 + 1:02d}"
                for d in (-12, -6, -4, -2, -1, 1, 2, 4, 6, 12)]
    pool = [p for p in pool if 1 <= int(p[:4]) <= 9999]
    return rng.sample(pool, min(count, len(pool)))

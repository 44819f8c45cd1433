"""Partial dates and date spans in words, what a span settles, and dates a span rules out."""

from __future__ import annotations

import calendar
import datetime as dt
import random

from quiz.model.events import Event

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


def when_phrase(event: Event) -> str:
    """The event's date as a sentence opens with it, saying no more than the sources do:
    `in July 2016`, `in February 2015` (for 3–5 February), `between July and December 2016`."""
    if not event.ranged:
        return on_or_in(event.earliest)
    return span_phrase(event.earliest, event.latest)


def span_phrase(first: str, last: str) -> str:
    """A span of dates as loosely as it is known: `in late 2017`, `in July 2016`,
    `between July 2016 and January 2017`."""
    if first[:7] == last[:7] and len(first) >= 7:
        return "in " + in_words(first[:7])
    if first[:4] == last[:4]:
        if len(first) >= 7 and len(last) >= 7:
            return "in " + _part_of_year(int(first[5:7]), int(last[5:7])) + first[:4]
        return "in " + first[:4]
    return f"between {in_words(first[:7])} and {in_words(last[:7])}"


def span_words(first: str, last: str) -> str:
    """The same without its preposition, as an option or after a comma: `late 2017`."""
    return span_phrase(first, last).removeprefix("in ")


def _part_of_year(first_month: int, last_month: int) -> str:
    """`late ` for September–December, `the second half of ` for July onwards, and so on:
    a span put as loosely as it is known, never more precisely."""
    if first_month >= 9:
        return "late "
    if last_month <= 4:
        return "early "
    if first_month >= 7:
        return "the second half of "
    if last_month <= 6:
        return "the first half of "
    return ""


def settled(event: Event) -> str | None:
    """What a 'when' question may ask: the month (`2016-07`) when the dates fix it, else
    the year (`2016`) when they fix that, else nothing."""
    first, last = event.earliest, event.latest
    if len(first) >= 7 and len(last) >= 7 and first[:7] == last[:7]:
        return first[:7]
    if first[:4] == last[:4]:
        return first[:4]
    return None


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


def event_span(event: Event) -> tuple[dt.date, dt.date]:
    """First and last day the event could have happened on."""
    return span(event.earliest)[0], span(event.latest)[1]


def clearly_before(first: Event, second: Event) -> bool:
    """True when every day `first` could be precedes every day `second` could be."""
    return event_span(first)[1] < event_span(second)[0]


def ruled_out(event: Event, rng: random.Random, count: int, latest: str | None = None,
              avoid: frozenset[str] = frozenset()) -> list[str]:
    """Up to `count` dates in the form `settled` gives that the sources rule out: at least
    two months or two years from the event's span, so no near miss is defensible.

    The key's rank among the options is drawn evenly (some wrong dates before it, the rest
    after), so it is never the tell-tale middle of a cluster built around it. A month is
    drawn from the key's own year where there is room, so the year gives nothing away.
    Nothing after `latest` (the newest source) is offered, and nothing in `avoid` (the
    dates of related events, which a learner could defend by confusion)."""
    form = settled(event)
    if form is None:
        return []
    first, last = event_span(event)
    if len(form) == 4:
        year = int(form)
        before = [str(year - d) for d in range(2, 6) if year - d >= 1]
        after = [str(year + d) for d in range(2, 6) if year + d <= 9999]
    else:
        index = int(form[:4]) * 12 + int(form[5:7]) - 1
        months = [f"{y:04d}-{m + 1:02d}" for y, m in
                  (divmod(index + d, 12) for d in range(-9, 10)) if 1 <= y <= 9999]
        margin = dt.timedelta(days=31)
        before = [m for m in reversed(months) if span(m)[1] < first - margin]
        after = [m for m in months if span(m)[0] > last + margin]
    if latest is not None:
        before = [d for d in before if span(d)[0] <= span(latest)[1]]
        after = [d for d in after if span(d)[0] <= span(latest)[1]]
    before = [d for d in before if d not in avoid]
    after = [d for d in after if d not in avoid]
    if len(form) == 7:
        same_year = [d for d in before + after if d[:4] == form[:4]]
        if len(same_year) >= count:
            before = [d for d in before if d in same_year]
            after = [d for d in after if d in same_year]
    wanted = min(count, len(before) + len(after))
    earlier = rng.randint(max(0, wanted - len(after)), min(wanted, len(before)))
    return (rng.sample(before[:wanted + 2], earlier)
            + rng.sample(after[:wanted + 2], wanted - earlier))

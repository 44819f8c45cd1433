"""Dated true/false statements, where a false one changes exactly one fact, and ordering."""

from __future__ import annotations

import random
from collections.abc import Iterator

from quiz.content.generate.context import (
    Draft,
    Workspace,
    in_text,
    lower_first,
    sentence,
    tags_for,
    upper_first,
)
from quiz.content.generate.dates import clearly_before, in_words, ruled_out, settled, when_phrase
from quiz.content.generate.framing import looking_back
from quiz.model.common import normalized
from quiz.model.events import Event
from quiz.model.questions import Ordering, TrueFalse


def _swapped_date(ws: Workspace, event: Event, rng: random.Random):
    """The same sentence dated to a month or year the sources rule out."""
    if event.ask is None or event.clause is None:
        return None  # not an event worth dating
    form = settled(event)
    wrong = ruled_out(event, rng, 1, ws.newest_source_date,
                      ws.related_dates(event, len(form or "")))
    if not wrong:
        return None
    true = upper_first(f"{when_phrase(event)}, {lower_first(event.clause)}")
    false = upper_first(f"in {in_words(wrong[0])}, {lower_first(event.clause)}")
    cleft = (f"It was {when_phrase(event)}, not in {in_words(wrong[0])}, that "
             f"{lower_first(event.clause)}")
    return "date", true, false, cleft


def _swapped_object(ws: Workspace, event: Event, rng: random.Random):
    """The same sentence with the object replaced by a hand-checked foil."""
    fact = event.fact
    if fact is None or fact.object is None or not fact.foils:
        return None
    foils = [f for f in fact.foils if normalized(f) not in ws.index.true_texts]
    if not foils:
        return None
    subject = fact.named or ws.named(fact.subject)
    foil = rng.choice(foils)
    true = upper_first(f"{when_phrase(event)}, {subject} {fact.verb} {fact.object}")
    false = upper_first(f"{when_phrase(event)}, {subject} {fact.verb} {foil}")
    return "object", true, false, f"{true}, not {foil}"


def true_false(ws: Workspace, event: Event) -> Iterator[Draft]:
    """One dated statement about the event; when false, exactly one fact is changed."""
    if event.status != "happened":
        return
    rng = ws.rng(event.id, "true-false")
    options = [made for make in (_swapped_date, _swapped_object)
               if (made := make(ws, event, rng)) is not None]
    if not options:
        return
    swapped, true, false, correction = rng.choice(options)
    is_true = rng.random() < 0.5
    lead = f"True. {sentence(true)}" if is_true else f"False. {sentence(correction)}"
    question = TrueFalse(
        type="true_false", id=f"{event.id}.true-false",
        prompt=f"True or false? {sentence(true if is_true else false)}", answer=is_true,
        context=looking_back(rng), difficulty="easy",
        explanation=ws.explanation(event, lead, with_date=True),
        sources=ws.cited(event), tags=tags_for("true-false", event))
    yield Draft("true-false", [event.id], question, [swapped], (swapped, true, is_true))


def orderings(ws: Workspace) -> Iterator[Draft]:
    """Timeline questions: 4–5 events worth dating whose dates leave no doubt about order,
    and whose labels do not give it away (no cause with its effect, no two of a thread)."""
    rng = ws.rng("order")
    pending = [e for e in ws.index.by_date if e.ask and e.status == "happened"]
    rng.shuffle(pending)
    number = 0
    # One pass: each event joins the open group if its date is clearly apart from all of
    # them, or waits for the next pass; a pass that forms no group ends the search.
    while len(pending) >= 4:
        waiting: list[Event] = []
        groups: list[list[Event]] = []
        group: list[Event] = []
        size = rng.randint(4, 5)
        for candidate in pending:
            if all((clearly_before(a, candidate) or clearly_before(candidate, a))
                   and not _linked(ws, a, candidate) for a in group):
                group.append(candidate)
                if len(group) == size:
                    groups.append(group)
                    group, size = [], rng.randint(4, 5)
            else:
                waiting.append(candidate)
        if len(group) >= 4:  # three are too easy to order from the story alone
            groups.append(group)
        else:
            waiting.extend(group)
        if not groups:
            break
        pending = waiting
        for group in groups:
            number += 1
            yield _ordering_draft(ws, rng, group, number)


def _ordering_draft(ws: Workspace, rng, group: list[Event], number: int) -> Draft:
    """One ordering question over a group of clearly separated events."""
    group = sorted(group, key=lambda e: (e.earliest, e.latest))
    steps = []
    for event in group:
        when = when_phrase(event).split(" ", 1)[1]
        if event.date_basis == "inferred" and "year" in (event.date_note or ""):
            when += ", year inferred"
        steps.append(f"{lower_first(event.title)} ({when}; "
                     f"{in_text(ws.records[event.sources[0]].outlet)})")
    last = group[-1]
    lines = "In order: " + "; ".join(steps) + "."
    if last.significance:
        lines += f" On the last of these, note that {lower_first(last.significance)}"
    question = Ordering(
        type="ordering", id=f"order-{number}", items=[e.title for e in group],
        prompt="Put these events in the order they happened, earliest first.",
        context=looking_back(rng), difficulty="hard",
        explanation=sentence(lines),
        sources=ws.cited(*group), tags=tags_for("order", *group))
    ids = [e.id for e in group]
    return Draft("order", ids, question, ids, ids)


def _linked(ws: Workspace, first: Event, second: Event) -> bool:
    """Events whose order a learner could work out from the labels alone."""
    if first.thread is not None and first.thread == second.thread:
        return True
    effects = ws.index.effects
    return (second.id in effects[first.id] or first.id in effects[second.id]
            or first.part_of == second.id or second.part_of == first.id)

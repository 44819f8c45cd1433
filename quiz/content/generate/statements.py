"""True/false statements, where a false one swaps exactly one fact, and timeline ordering."""

from __future__ import annotations

import random
from collections.abc import Iterator

from quiz.content.generate.choices import actor_distractors
from quiz.content.generate.context import Draft, Workspace, mentioned, tags_for
from quiz.content.generate.dates import asked_form, clearly_before, in_words, nearby
from quiz.content.generate.framing import looking_back
from quiz.content.generate.index import fact_key
from quiz.content.key import format_number
from quiz.model.common import normalized
from quiz.model.events import Event
from quiz.model.questions import Ordering, TrueFalse


def _date_claim(ws: Workspace, event: Event, rng: random.Random):
    truth = asked_form(event.date)
    wrong = nearby(event.date, rng, 1)[0]
    return ("date", in_words(truth), in_words(wrong),
            lambda v: f"This happened in {v}: {event.title}.")


def _subject_claim(ws: Workspace, event: Event, rng: random.Random):
    fact = event.fact
    if fact is None or fact.subject is None:
        return None
    doers = ws.index.doers[fact_key(event)]
    rest = fact.action + (f" {fact.object}" if fact.object else "")
    swaps = actor_distractors(ws, ws.actors[fact.subject], int(event.date[:4]), rng,
                              shown=rest, also_right=doers)
    if not swaps:
        return None
    return "subject", ws.actors[fact.subject].name, swaps[0][0], lambda v: f"{v} {rest}."


def _place_claim(ws: Workspace, event: Event, rng: random.Random):
    if event.place is None or mentioned(event.place, event.title):
        return None
    others = [p for p in ws.index.places if normalized(p) != normalized(event.place)]
    if not others:
        return None
    return ("place", event.place, rng.choice(others),
            lambda v: f"This took place in {v}: {event.title}.")


def _number_claim(ws: Workspace, event: Event, rng: random.Random):
    if not event.numbers:
        return None
    quantity = event.numbers[0]
    outlet = ws.sources[event.sources[0]].outlet
    step = max(1.0, round(abs(quantity.value) * rng.choice([0.25, 0.5, 1.0])))
    wrong = quantity.value + rng.choice([-step, step])
    unit = f" {quantity.unit}" if quantity.unit else ""
    qualifier = "" if quantity.qualifier == "exact" else quantity.qualifier + " "
    return ("number", format_number(quantity.value), format_number(wrong),
            lambda v: f"{outlet} gave {qualifier}{v}{unit} for {quantity.what}.")


CLAIMS = (_date_claim, _subject_claim, _place_claim, _number_claim)


def true_false(ws: Workspace, event: Event) -> Iterator[Draft]:
    """One statement about the event; when false, exactly one fact is swapped."""
    rng = ws.rng(event.id, "true-false")
    options = [claim for make in CLAIMS if (claim := make(ws, event, rng)) is not None]
    swapped, truth, wrong, render = rng.choice(options)
    is_true = rng.random() < 0.5
    statement = render(truth if is_true else wrong)
    lead = "True." if is_true else f"False: the {swapped} was {truth}, not {wrong}."
    question = TrueFalse(
        type="true_false", id=f"{event.id}.true-false", prompt=statement[0].upper()
        + statement[1:], answer=is_true, context=looking_back(rng), difficulty="easy",
        explanation=ws.explanation(event, lead), sources=ws.cited(event),
        tags=tags_for("true-false", event))
    yield Draft("true-false", [event.id], question, [swapped], (swapped, truth, is_true))


def orderings(ws: Workspace) -> Iterator[Draft]:
    """Timeline questions: 3–5 events whose dates leave no doubt about their order."""
    rng = ws.rng("order")
    pending = sorted(ws.timeline.events, key=lambda e: (e.date, e.id))
    rng.shuffle(pending)
    number = 0
    # One pass: each event joins the open group if its date is clearly apart from all of
    # them, or waits for the next pass; a pass that forms no group ends the search.
    while len(pending) >= 3:
        waiting: list[Event] = []
        groups: list[list[Event]] = []
        group: list[Event] = []
        size = rng.randint(3, 5)
        for candidate in pending:
            if all(clearly_before(a.date, candidate.date)
                   or clearly_before(candidate.date, a.date) for a in group):
                group.append(candidate)
                if len(group) == size:
                    groups.append(group)
                    group, size = [], rng.randint(3, 5)
            else:
                waiting.append(candidate)
        if len(group) >= 3:
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
    group = sorted(group, key=lambda e: e.date)
    lines = "; ".join(f"{e.title} ({in_words(e.date)})" for e in group)
    question = Ordering(
        type="ordering", id=f"order-{number}", items=[e.title for e in group],
        prompt="Put these events in the order they happened, earliest first.",
        context=looking_back(rng), difficulty="hard",
        explanation=f"In order: {lines}.", sources=ws.cited(*group),
        tags=tags_for("order", *group))
    ids = [e.id for e in group]
    return Draft("order", ids, question, ids, ids)

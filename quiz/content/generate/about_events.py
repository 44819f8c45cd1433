"""Question templates about single events: what, when, where, how many, cause and effect."""

from __future__ import annotations

from collections.abc import Iterator

from quiz.content.generate.choices import (
    MAX_DISTRACTORS,
    MIN_DISTRACTORS,
    distinct_by_text,
    single_choice,
)
from quiz.content.generate.context import Draft, Workspace, mentioned, tags_for
from quiz.content.generate.dates import asked_form, in_words, nearby, on_or_in
from quiz.content.generate.framing import looking_back, on_the_day
from quiz.content.key import format_number
from quiz.model.common import normalized
from quiz.model.events import Event
from quiz.model.questions import Numeric


def what(ws: Workspace, event: Event) -> Iterator[Draft]:
    """What the subject did: choose the right object for the action."""
    fact = event.fact
    if fact is None or fact.subject is None or fact.object is None:
        return
    subject = ws.actors[fact.subject]
    also_true = ws.index.objects_done[(fact.subject, normalized(fact.action))]
    rng = ws.rng(event.id, "what")
    others = [e for e in ws.index.neighbours(event) if e.fact and e.fact.object
              and normalized(e.fact.object) not in also_true]
    # Plausible first: objects from events that share a tag, then those nearest in time.
    year = int(event.date[:4])
    others.sort(key=lambda e: (not set(e.tags) & set(event.tags),
                               abs(int(e.date[:4]) - year), rng.random()))
    distractors = distinct_by_text(((e.fact.object, e.id) for e in others), [fact.object])
    if len(distractors) < MIN_DISTRACTORS:
        return
    prompt = f"Complete the record: {on_or_in(event.date)}, {subject.name} {fact.action} …"
    question, refs = single_choice(
        rng, (fact.object, event.id), distractors, id=f"{event.id}.what", prompt=prompt,
        context=on_the_day(event, rng), explanation=ws.explanation(event),
        sources=ws.cited(event), tags=tags_for("what", event))
    yield Draft("what", [event.id], question, refs, event.id)


def when(ws: Workspace, event: Event) -> Iterator[Draft]:
    """The year, or the month, of the event."""
    rng = ws.rng(event.id, "when")
    truth = asked_form(event.date)
    wrong = nearby(event.date, rng, MAX_DISTRACTORS)
    unit = "year" if len(truth) == 4 else "month"
    question, refs = single_choice(
        rng, (in_words(truth), truth), [(in_words(w), w) for w in wrong],
        id=f"{event.id}.when", prompt=f"In which {unit} did this happen: {event.title}?",
        context=looking_back(rng), difficulty="hard" if unit == "month" else "medium",
        explanation=ws.explanation(event, f"It was {in_words(truth)}."),
        sources=ws.cited(event), tags=tags_for("when", event))
    yield Draft("when", [event.id], question, refs, truth)


def where(ws: Workspace, event: Event) -> Iterator[Draft]:
    """Where the event took place, among the timeline's other places."""
    if event.place is None or mentioned(event.place, event.title):
        return
    rng = ws.rng(event.id, "where")
    places = list(ws.index.places)
    rng.shuffle(places)
    distractors = distinct_by_text(((p, p) for p in places), [event.place])
    if len(distractors) < MIN_DISTRACTORS:
        return
    question, refs = single_choice(
        rng, (event.place, event.place), distractors, id=f"{event.id}.where",
        prompt=f"Where did this take place: {event.title}?", context=looking_back(rng),
        difficulty="easy", explanation=ws.explanation(event, f"It was in {event.place}."),
        sources=ws.cited(event), tags=tags_for("where", event))
    yield Draft("where", [event.id], question, refs, event.place)


def how_many(ws: Workspace, event: Event) -> Iterator[Draft]:
    """The figures the sources give, answered by typing the number."""
    outlet = ws.sources[event.sources[0]].outlet
    for index, quantity in enumerate(event.numbers):
        if len(ws.index.values_of[normalized(quantity.what)]) > 1:
            continue  # two different figures for the same thing
        rng = ws.rng(event.id, "how-many", str(index))
        unit = f" ({quantity.unit})" if quantity.unit else ""
        hint = " The report gives a minimum." if quantity.qualifier == "at least" else ""
        figure = format_number(quantity.value) + (f" {quantity.unit}" if quantity.unit else "")
        qualifier = "" if quantity.qualifier == "exact" else quantity.qualifier + " "
        question = Numeric(
            type="numeric", id=f"{event.id}.how-many.{index}", answer=quantity.value,
            unit=quantity.unit,
            prompt=f"What figure did {outlet} give for {quantity.what}{unit}?{hint}",
            context=on_the_day(event, rng),
            explanation=ws.explanation(event, f"{outlet} gave {qualifier}{figure}."),
            sources=ws.cited(event), tags=tags_for("how-many", event))
        yield Draft("how-many", [event.id], question, [], quantity.value)


def cause(ws: Workspace, event: Event) -> Iterator[Draft]:
    """For each documented consequence: what followed from this event."""
    for index, effect_id in enumerate(sorted(ws.index.effects[event.id])):
        effect = ws.events[effect_id]
        rng = ws.rng(event.id, "cause", effect_id)
        # Wrong answers: nearby events this one did not lead to, directly or indirectly.
        others = [e for e in ws.index.neighbours(event)
                  if not ws.index.leads_to(event.id, e.id)]
        year = int(event.date[:4])
        others.sort(key=lambda e: (abs(int(e.date[:4]) - year), rng.random()))
        distractors = distinct_by_text(((e.title, e.id) for e in others), [effect.title])
        if len(distractors) < MIN_DISTRACTORS:
            continue
        question, refs = single_choice(
            rng, (effect.title, effect.id), distractors, id=f"{event.id}.effect.{index}",
            prompt=f"Which of these was a result of this: {event.title}?",
            context=on_the_day(event, rng),
            explanation=f"{effect.title} ({in_words(effect.date)}) was a result. "
            + ws.explanation(effect),
            sources=ws.cited(event, effect), tags=tags_for("cause", event, effect))
        yield Draft("cause", [event.id, effect_id], question, refs, effect_id)

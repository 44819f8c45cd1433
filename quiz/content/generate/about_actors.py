"""Question templates about actors: who did it, who said it, which outlet reported it."""

from __future__ import annotations

from collections.abc import Iterator

from quiz.content.generate.choices import MIN_DISTRACTORS, actor_distractors, single_choice
from quiz.content.generate.context import Draft, Workspace, tags_for
from quiz.content.generate.dates import on_or_in
from quiz.content.generate.framing import on_the_day
from quiz.content.generate.index import fact_key
from quiz.model.common import normalized
from quiz.model.events import Event


def who(ws: Workspace, event: Event) -> Iterator[Draft]:
    """Which actor did what the event's fact describes."""
    fact = event.fact
    if fact is None or fact.subject is None:
        return
    doers = ws.index.doers[fact_key(event)]
    if len(doers) > 1:
        return  # two actors did the same thing: the question would have two answers
    rng = ws.rng(event.id, "who")
    answer = ws.actors[fact.subject]
    deed = fact.action + (f" {fact.object}" if fact.object else "")
    prompt = f"{on_or_in(event.date).capitalize()}, who {deed}?"
    distractors = actor_distractors(ws, answer, int(event.date[:4]), rng, shown=prompt,
                                    also_right=doers)
    if len(distractors) < MIN_DISTRACTORS:
        return
    role = answer.role_at(event.date)
    question, refs = single_choice(
        rng, (answer.name, answer.id), distractors, id=f"{event.id}.who", prompt=prompt,
        context=on_the_day(event, rng), explanation=ws.explanation(
            event, f"{answer.name}" + (f", {role.title}," if role else "") + " did."),
        sources=ws.cited(event), tags=tags_for("who", event))
    yield Draft("who", [event.id], question, refs, answer.id)


def said(ws: Workspace, event: Event) -> Iterator[Draft]:
    """Who made each attributed claim."""
    for index, claim in enumerate(event.claims):
        same_words = ws.index.speakers_of[normalized(claim.said)]
        if len(same_words) > 1:
            continue  # two actors said the same thing
        rng = ws.rng(event.id, "said", str(index))
        answer = ws.actors[claim.speaker]
        medium = ws.actors[claim.medium].name if claim.medium else None
        prompt = f"Who {f'told {medium}' if medium else 'said'} that {claim.said}?"
        year = int(event.date[:4])
        # Other speakers make the best distractors; any actor of the same kind will do.
        distractors = actor_distractors(ws, answer, year, rng, shown=prompt,
                                        among=ws.index.speakers)
        if len(distractors) < MIN_DISTRACTORS:
            distractors = actor_distractors(ws, answer, year, rng, shown=prompt)
        if len(distractors) < MIN_DISTRACTORS:
            continue
        question, refs = single_choice(
            rng, (answer.name, answer.id), distractors, id=f"{event.id}.said.{index}",
            prompt=prompt, context=on_the_day(event, rng), difficulty="hard",
            explanation=ws.explanation(event, f"It was {answer.name}."),
            sources=ws.cited(event), tags=tags_for("said", event))
        yield Draft("said", [event.id], question, refs, answer.id)


def outlet(ws: Workspace, event: Event) -> Iterator[Draft]:
    """Which media outlet reported the event, as the citing article tells it."""
    reporters = {p.actor for p in event.actors
                 if p.part == "reported" and ws.actors[p.actor].kind == "media"}
    if len(reporters) != 1:
        return  # none, or several outlets that would all be right
    answer = ws.actors[next(iter(reporters))]
    carriers = [ws.sources[s].outlet for s in event.sources]
    via = next((c for c in carriers if normalized(c) != normalized(answer.name)), None)
    lead = f"According to {via}, which" if via else "Which"
    prompt = f"{lead} news organisation reported this: {event.title}?"
    if ws.actor_keys[answer.id] in normalized(prompt):
        return  # the prompt would give the answer away
    rng = ws.rng(event.id, "outlet")
    distractors = actor_distractors(ws, answer, int(event.date[:4]), rng, shown=prompt)
    if len(distractors) < MIN_DISTRACTORS:
        return
    question, refs = single_choice(
        rng, (answer.name, answer.id), distractors, id=f"{event.id}.outlet", prompt=prompt,
        context=on_the_day(event, rng),
        explanation=ws.explanation(event, f"The report came from {answer.name}"
                                   + (f", as cited by {via}." if via else ".")),
        sources=ws.cited(event), tags=tags_for("outlet", event))
    yield Draft("outlet", [event.id], question, refs, answer.id)

"""Question templates about actors: who did it, who said it, which outlet reported it."""

from __future__ import annotations

from collections.abc import Iterator

from quiz.content.generate.choices import MIN_DISTRACTORS, actor_distractors, single_choice
from quiz.content.generate.context import Draft, Workspace, mentioned, tags_for
from quiz.content.generate.dates import on_or_in
from quiz.content.generate.framing import on_the_day
from quiz.model.common import normalized
from quiz.model.events import Event


def _fact_key(event: Event) -> tuple[str, str]:
    fact = event.fact
    return normalized(fact.action), normalized(fact.object or "")


def who(ws: Workspace, event: Event) -> Iterator[Draft]:
    """Which actor did what the event's fact describes."""
    fact = event.fact
    if fact is None or fact.subject is None:
        return
    doers = {e.fact.subject for e in ws.timeline.events
             if e.fact and e.fact.subject and _fact_key(e) == _fact_key(event)}
    if len(doers) > 1:
        return  # two actors did the same thing: the question would have two answers
    rng = ws.rng(event.id, "who")
    answer = ws.actors[fact.subject]
    deed = fact.action + (f" {fact.object}" if fact.object else "")
    prompt = f"{on_or_in(event.date).capitalize()}, who {deed}?"
    excluded = {a.id for a in ws.timeline.actors if mentioned(a.name, prompt)}
    distractors = actor_distractors(ws.timeline.actors, answer, int(event.date[:4]),
                                    excluded | doers, rng)
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
        same_words = {c.speaker for e in ws.timeline.events for c in e.claims
                      if normalized(c.said) == normalized(claim.said)}
        if len(same_words) > 1:
            continue
        rng = ws.rng(event.id, "said", str(index))
        answer = ws.actors[claim.speaker]
        medium = ws.actors[claim.medium].name if claim.medium else None
        verb = f"told {medium}" if medium else "said"
        prompt = f"Who {verb} that {claim.said}?"
        excluded = {a.id for a in ws.timeline.actors if mentioned(a.name, prompt)}
        speakers = {c.speaker for e in ws.timeline.events for c in e.claims}
        pool = [a for a in ws.timeline.actors if a.id in speakers] or ws.timeline.actors
        distractors = actor_distractors(pool, answer, int(event.date[:4]), excluded, rng)
        if len(distractors) < MIN_DISTRACTORS:
            distractors = actor_distractors(ws.timeline.actors, answer, int(event.date[:4]),
                                            excluded, rng)
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
    reporters = [p.actor for p in event.actors
                 if p.part == "reported" and ws.actors[p.actor].kind == "media"]
    if len(reporters) != 1:
        return  # none, or several outlets that would all be right
    answer = ws.actors[reporters[0]]
    carriers = [ws.sources[s].outlet for s in event.sources]
    via = next((c for c in carriers if normalized(c) != normalized(answer.name)), None)
    lead = f"According to {via}, which" if via else "Which"
    prompt = f"{lead} news organisation reported this: {event.title}?"
    if mentioned(answer.name, prompt):
        return
    rng = ws.rng(event.id, "outlet")
    excluded = {a.id for a in ws.timeline.actors if mentioned(a.name, prompt)}
    distractors = actor_distractors(ws.timeline.actors, answer, int(event.date[:4]),
                                    excluded, rng)
    if len(distractors) < MIN_DISTRACTORS:
        return
    question, refs = single_choice(
        rng, (answer.name, answer.id), distractors, id=f"{event.id}.outlet", prompt=prompt,
        context=on_the_day(event, rng),
        explanation=ws.explanation(event, f"The report came from {answer.name}"
                                   + (f", as cited by {via}." if via else ".")),
        sources=ws.cited(event), tags=tags_for("outlet", event))
    yield Draft("outlet", [event.id], question, refs, answer.id)

"""Question templates about actors: who did it, who said it, which outlet a report came from."""

from __future__ import annotations

from collections.abc import Iterator

from quiz.content.generate.choices import MIN_DISTRACTORS, actor_distractors, single_choice
from quiz.content.generate.context import (
    Draft,
    Workspace,
    in_text,
    lower_first,
    sentence,
    tags_for,
    upper_first,
)
from quiz.content.generate.dates import when_phrase
from quiz.content.generate.framing import on_reading
from quiz.content.generate.index import fact_key
from quiz.model.common import normalized
from quiz.model.events import Event

ASKING_WORD = {"person": "who", "state": "which country", "organisation": "which organisation",
               "media": "which news organisation"}


def who(ws: Workspace, event: Event) -> Iterator[Draft]:
    """Which actor did what the event's fact describes."""
    fact = event.fact
    if (fact is None or event.status != "happened" or not fact.subject_asked
            or ws.actors[fact.subject].anonymous):
        return
    doers = ws.index.doers[fact_key(event)]
    if len(doers) > 1:
        return  # two actors did the same thing: the question would have two answers
    answer = ws.actors[fact.subject]
    deed = fact.verb + (f" {fact.object}" if fact.object else "")
    prompt = upper_first(f"{when_phrase(event)}, {ASKING_WORD[answer.kind]} {deed}?")
    rng = ws.rng(event.id, "who")
    excluded = doers | {p.actor for p in event.actors} | set(fact.not_offered)
    distractors = actor_distractors(ws, answer, int(event.earliest[:4]), rng, shown=prompt,
                                    excluded=excluded)
    if len(distractors) < MIN_DISTRACTORS:
        return
    role = answer.role_at(event.earliest)
    subject = answer.in_text + (f", {role.title}," if role and answer.kind == "person" else "")
    lead = upper_first(f"{when_phrase(event)}, {subject} {deed}")
    question, refs = single_choice(
        rng, (answer.name, answer.id), distractors, id=f"{event.id}.who", prompt=prompt,
        context=on_reading(event, ws.latest_source(event)),
        explanation=ws.explanation(event, lead, with_date=True), sources=ws.cited(event),
        tags=tags_for("who", event))
    yield Draft("who", [event.id], question, refs, answer.id)


def said(ws: Workspace, event: Event) -> Iterator[Draft]:
    """Who made the event's first claim that can be asked: one per event, so a speaker's
    every sentence does not become a question of its own."""
    for index, claim in enumerate(event.claims):
        answer = ws.actors[claim.speaker]
        if answer.anonymous or len(ws.index.speakers_of[normalized(claim.said)]) > 1:
            continue  # an unnamed speaker, or two actors said the same thing
        medium = ws.named(claim.medium) if claim.medium else None
        # The outlet stays out of the question: a Russian outlet beside one Russian name
        # among Chinese ones would answer it. The explanation names it.
        prompt = f"Who said that {claim.said}?"
        rng = ws.rng(event.id, "said", str(index))
        year = int(event.earliest[:4])
        excluded = ({p.actor for p in event.actors} | set(claim.not_offered)
                    | ({claim.medium} if claim.medium else set()))
        # Other speakers make the best distractors; any named actor of the same kind will do.
        # Only others who speak in the timeline: a body that never speaks is no rival.
        distractors = actor_distractors(ws, answer, year, rng, shown=prompt,
                                        excluded=excluded, among=ws.index.speakers)
        if len(distractors) < MIN_DISTRACTORS:
            continue
        role = answer.role_at(event.earliest)
        who_said = answer.in_text + (f", {role.title}," if role else "")
        lead = upper_first(f"{who_said} {f'told {medium}' if medium else 'said'} that "
                           f"{claim.said}")
        if claim.conditional:
            lead = sentence(lead) + " He put it as a condition, not as a flat prediction"
        question, refs = single_choice(
            rng, (answer.name, answer.id), distractors, id=f"{event.id}.said.{index}",
            prompt=prompt, context=on_reading(event, ws.latest_source(event)),
            difficulty="hard", explanation=ws.explanation(event, lead, claim=claim),
            sources=ws.cited(event), tags=tags_for("said", event))
        yield Draft("said", [event.id], question, refs, answer.id)
        return


def outlet(ws: Workspace, event: Event) -> Iterator[Draft]:
    """Which outlet the citing article took its report from (Yonhap, JoongAng)."""
    attribution = event.attribution
    if (attribution is None or attribution.outlet is None or event.clause is None
            or attribution.basis not in ("other-outlet", "unnamed-source")):
        return
    answer = ws.actors[attribution.outlet]
    record = ws.records[event.sources[0]]
    citing = record.outlet
    if answer.anonymous or normalized(citing) == normalized(answer.name):
        return  # an unnamed outlet is cited, never asked about
    prompt = (f"Which news organisation did {in_text(citing)} credit with the report "
              f"that {lower_first(event.clause)}?")
    rng = ws.rng(event.id, "outlet")
    citing_ids = {a.id for a in ws.timeline.actors if normalized(a.name) == normalized(citing)}
    distractors = actor_distractors(ws, answer, int(event.earliest[:4]), rng, shown=prompt,
                                    excluded=citing_ids)
    if len(distractors) < MIN_DISTRACTORS:
        return
    # Whom that outlet cited in turn is in the citation's path, which ends the explanation.
    lead = (f"{upper_first(in_text(citing))} took the report from {answer.in_text}: "
            f"{lower_first(event.clause)}")
    question, refs = single_choice(
        rng, (answer.name, answer.id), distractors, id=f"{event.id}.outlet", prompt=prompt,
        context=on_reading(event, record), explanation=ws.explanation(event, lead),
        # The question is about the citing article, read on its day: it cites that one.
        sources=[ws.sources[record.id]], tags=tags_for("outlet", event))
    yield Draft("outlet", [event.id], question, refs, answer.id)


"""Question templates about single events: what, when, where, how many, and what followed."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from quiz.content.generate.choices import (
    MAX_DISTRACTORS,
    MIN_DISTRACTORS,
    distinct_by_text,
    lazy_shuffle,
    multiple_select,
    single_choice,
)
from quiz.content.generate.context import (
    Draft,
    Workspace,
    in_text,
    listed,
    lower_first,
    mentioned,
    tags_for,
    upper_first,
)
from quiz.content.generate.dates import in_words, ruled_out, settled, when_phrase
from quiz.content.generate.framing import looking_back, on_reading
from quiz.content.key import format_number
from quiz.model.common import normalized
from quiz.model.events import Event
from quiz.model.questions import Context, Numeric, Prediction


def readable_number(value: float) -> str:
    """`2,000` for whole numbers, as an article prints them; fractions unchanged."""
    if float(value).is_integer() and 0 <= value < len(SMALL):
        return SMALL[int(value)]  # style: numbers under ten in words
    return f"{int(value):,}" if float(value).is_integer() else format_number(value)


SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def what(ws: Workspace, event: Event) -> Iterator[Draft]:
    """What the subject did: the right object among objects of the same kind."""
    fact = event.fact
    if (fact is None or fact.object is None or fact.object_kind is None
            or (fact.verb_base or fact.what_question) is None or event.status != "happened"):
        return
    subject = fact.named or ws.named(fact.subject)
    prompt = upper_first(f"{when_phrase(event)}, " + (
        lower_first(fact.what_question) if fact.what_question
        else f"{fact.object_wh} did {subject} {fact.verb_base}?"))
    also_true = ws.index.objects_done[(fact.subject, normalized(fact.verb))]
    rng = ws.rng(event.id, "what")
    foils = [(text, "foil") for text in fact.foils]
    rng.shuffle(foils)
    # Other events' objects of the same kind, drawn lazily: a big timeline has thousands.
    others = ((text, other_id) for other_id, text in
              lazy_shuffle(ws.index.objects_of_kind[fact.object_kind], rng)
              if other_id != event.id)
    candidates = ((text, ref) for text, ref in itertools.chain(foils, others)
                  if normalized(text) not in also_true and not mentioned(text, prompt))
    distractors = distinct_by_text(candidates, [fact.object])
    if len(distractors) < MIN_DISTRACTORS:
        return
    lead = upper_first(f"{when_phrase(event)}, {subject} {fact.verb} {fact.object}")
    question, refs = single_choice(
        rng, (fact.object, event.id), distractors, id=f"{event.id}.what", prompt=prompt,
        context=on_reading(event, ws.latest_source(event)),
        explanation=ws.explanation(event, lead, with_date=True), sources=ws.cited(event),
        tags=tags_for("what", event))
    yield Draft("what", [event.id], question, refs, event.id)


def when(ws: Workspace, event: Event) -> Iterator[Draft]:
    """The month or year, where the sources settle it, of an event worth dating."""
    truth = settled(event)
    if event.ask is None or truth is None or event.status != "happened":
        return
    rng = ws.rng(event.id, "when")
    wrong = ruled_out(event, rng, MAX_DISTRACTORS, ws.newest_source_date,
                      ws.related_dates(event, len(truth)))
    if len(wrong) < MIN_DISTRACTORS:
        return
    unit = "year" if len(truth) == 4 else "month"
    lead = upper_first(f"{when_phrase(event)}, {lower_first(event.clause or event.title)}")
    question, refs = single_choice(
        rng, (in_words(truth), truth), [(in_words(w), w) for w in wrong],
        id=f"{event.id}.when", prompt=f"In which {unit} {event.ask}?",
        context=looking_back(rng), difficulty="hard" if unit == "month" else "medium",
        explanation=ws.explanation(event, lead, with_date=True),
        sources=ws.cited(event), tags=tags_for("when", event))
    yield Draft("when", [event.id], question, refs, truth)


def where(ws: Workspace, event: Event) -> Iterator[Draft]:
    """Where an event worth placing happened, among places of the same kind."""
    place = ws.index.places.get(normalized(event.place or ""))
    if (place is None or event.ask is None or event.status != "happened"
            or mentioned(place.name, event.ask)):
        return
    rng = ws.rng(event.id, "where")
    used = ws.index.places_used
    others = [p.name for p in ws.index.places.values()
              if p.kind == place.kind and p.name != place.name]
    rng.shuffle(others)
    # Places the story itself visits come first: the key is never the only familiar name.
    others.sort(key=lambda name: normalized(name) not in used)
    distractors = distinct_by_text(((p, p) for p in others), [place.name])
    if len(distractors) < MIN_DISTRACTORS:
        return
    happened = lower_first(event.clause or event.title)
    lead = upper_first(f"{when_phrase(event)}, {happened}, in {place.name}")
    question, refs = single_choice(
        rng, (place.name, place.name), distractors, id=f"{event.id}.where",
        prompt=f"Where {event.ask}?", context=looking_back(rng),
        explanation=ws.explanation(event, lead), sources=ws.cited(event),
        tags=tags_for("where", event))
    yield Draft("where", [event.id], question, refs, place.name)


def how_many(ws: Workspace, event: Event) -> Iterator[Draft]:
    """The figures a source gives, where the timeline asks for them, typed as a number."""
    for index, quantity in enumerate(event.numbers):
        if quantity.question is None or len(ws.index.values_of[normalized(quantity.what)]) > 1:
            continue  # not worth asking, or two different figures for the same thing
        figure = readable_number(quantity.value) + (f" {quantity.unit}" if quantity.unit else "")
        qualifier = "" if quantity.qualifier == "exact" else quantity.qualifier + " "
        credited = in_text(ws.records[event.sources[0]].outlet)
        if event.attribution and event.attribution.outlet:
            credited = ws.named(event.attribution.outlet)
        lead = f"{upper_first(credited)} gives the figure as {qualifier}{figure}"
        question = Numeric(
            type="numeric", id=f"{event.id}.how-many.{index}", answer=quantity.value,
            unit=quantity.unit, prompt=quantity.question,
            context=on_reading(event, ws.latest_source(event)),
            explanation=ws.explanation(event, lead), sources=ws.cited(event),
            tags=tags_for("how-many", event))
        yield Draft("how-many", [event.id], question, [], quantity.value)


def cause(ws: Workspace, event: Event) -> Iterator[Draft]:
    """What a source says this event led to, against developments that did not follow.

    One effect makes a single-choice question; several make one select-all question, so
    no true effect is ever offered as a wrong answer."""
    links = [link for effect_id, link in sorted(ws.index.effects[event.id].items())
             if ws.events[effect_id].noun]
    if not links or event.noun is None or len(event.alternatives) < MIN_DISTRACTORS:
        return
    effects = [ws.events[link.event] for link in links]
    true_texts = ws.index.true_texts
    wrong = [(text, "alternative") for text in event.alternatives
             if normalized(text) not in true_texts]
    rng = ws.rng(event.id, "cause")
    rng.shuffle(wrong)
    wrong = wrong[:MAX_DISTRACTORS]
    if len(wrong) < MIN_DISTRACTORS:
        return
    outlets = list(dict.fromkeys(in_text(ws.records[link.source].outlet) for link in links))
    according = " and ".join(outlets)
    # Effects relayed along the same path share one note, said once.
    by_outlet: dict[str, dict[tuple[str, ...], list[str]]] = {}
    for effect, link in zip(effects, links, strict=True):
        path = _relay_path(ws, effect)
        by_outlet.setdefault(link.source, {}).setdefault(path, []).append(effect.noun)
    lead = " ".join(
        f"{upper_first(in_text(ws.records[source].outlet))} links "
        f"{event.noun if n == 0 else 'it'} to {_effectslisted(by_path)}."
        for n, (source, by_path) in enumerate(by_outlet.items()))
    lead += " None of the other options appears in the sources"
    fields = dict(
        id=f"{event.id}.effects", context=on_reading(event, ws.latest_source(event, *effects)),
        explanation=ws.explanation(event, lead, source_id=links[0].source,
                                   also=tuple(by_outlet)),
        sources=ws.cited(event, *effects), tags=tags_for("cause", event, *effects))
    answers = [(effect.noun, effect.id) for effect in effects]
    if len(answers) == 1:
        question, refs = single_choice(
            rng, answers[0], wrong,
            prompt=f"According to {according}, what did {event.noun} lead to?", **fields)
    else:
        question, refs = multiple_select(
            rng, answers, wrong, prompt=f"According to {according}, which of these did "
            f"{event.noun} lead to? Choose every one that applies.", **fields)
    yield Draft("cause", [event.id, *(e.id for e in effects)], question, refs,
                [e.id for e in effects])



def _relay_path(ws: Workspace, event: Event) -> tuple[str, ...]:
    """The hops that carried the event to its article, when another outlet did; else ()."""
    attribution = event.attribution
    return tuple(ws.path(event)) if attribution and attribution.outlet else ()


def _effectslisted(by_path: dict[tuple[str, ...], list[str]]) -> str:
    """`a, b (relayed from X) and c`, and effects sharing a relay path after the others:
    `a and b, and to c and d (each relayed from X)`, never `a and b and c`."""
    single = [noun + _relayed(path, 1) for path, nouns in by_path.items()
              if len(nouns) == 1 or not path for noun in nouns]
    shared = [listed(nouns) + _relayed(path, len(nouns)) for path, nouns in by_path.items()
              if len(nouns) > 1 and path]
    return ", and to ".join(([listed(single)] if single else []) + shared)


def _relayed(path: tuple[str, ...], count: int) -> str:
    """` (relayed from JoongAng Daily, which cites an unnamed … source)`, where another
    outlet carried the effects to the article; `each relayed` after several."""
    if not path:
        return ""
    first, *rest = path
    each = "each " if count > 1 else ""
    return (f" ({each}relayed from {first}" + "".join(f", which cites {hop}" for hop in rest)
            + ")")


def predict(ws: Workspace, event: Event) -> Iterator[Draft]:
    """'What happened next' at a turning point: the forecasts written in the timeline, each
    about an effect a source states, scored on calibration."""
    for index, forecast in enumerate(event.forecasts):
        effect = ws.events[forecast.effect]
        link = ws.index.effects[event.id][effect.id]
        rng = ws.rng(event.id, "predict", str(index))
        options = [forecast.answer, *forecast.alternatives]
        rng.shuffle(options)
        outlet = in_text(ws.records[link.source].outlet)
        # The citation shows the claim's path; the link is said once, unless the effect's
        # own significance already credits the outlet with it.
        lead = f"What happened: {lower_first(effect.clause or effect.noun)} {when_phrase(effect)}"
        if forecast.note:
            lead += f". {forecast.note}"
        elif outlet.casefold() not in (effect.significance or "").casefold():
            lead += (f". {upper_first(outlet)} links it to "
                     f"{event.noun or lower_first(event.title)}")
        question = Prediction(
            type="predict", id=f"{event.id}.predict.{index}", prompt=forecast.prompt,
            choices=options, answer=options.index(forecast.answer),
            context=Context(date=in_words(event.earliest[:7] if len(event.earliest) > 7
                                          else event.earliest),
                            place=forecast.place, role=forecast.role),
            explanation=ws.explanation(effect, lead, source_id=link.source),
            sources=ws.cited(event, effect), difficulty="hard",
            tags=tags_for("predict", event, effect))
        yield Draft("predict", [event.id, effect.id], question, options, forecast.answer)

"""Assemble choice questions and pick plausible distractors that are never true."""

from __future__ import annotations

import random
from collections.abc import Iterable

from quiz.model.common import normalized
from quiz.model.events import Actor
from quiz.model.questions import MultipleSelect, SingleChoice

MIN_DISTRACTORS = 2
MAX_DISTRACTORS = 3


def distinct_by_text(candidates: Iterable[tuple[str, str]], taken: Iterable[str],
                     limit: int = MAX_DISTRACTORS) -> list[tuple[str, str]]:
    """Up to `limit` (text, ref) pairs whose texts differ, ignoring case and spacing."""
    seen = {normalized(t) for t in taken}
    kept = []
    for text, ref in candidates:
        key = normalized(text)
        if key not in seen:
            seen.add(key)
            kept.append((text, ref))
            if len(kept) == limit:
                break
    return kept


def single_choice(rng: random.Random, answer: tuple[str, str],
                  distractors: list[tuple[str, str]], **fields) -> tuple[SingleChoice, list[str]]:
    """A single-choice question with the answer at a seeded position; also the choice refs."""
    options = [answer, *distractors]
    rng.shuffle(options)
    question = SingleChoice(type="single_choice", choices=[text for text, _ in options],
                            answer=options.index(answer), **fields)
    return question, [ref for _, ref in options]


def multiple_select(rng: random.Random, answers: list[tuple[str, str]],
                    distractors: list[tuple[str, str]],
                    **fields) -> tuple[MultipleSelect, list[str]]:
    """A select-all question with answers and distractors in a seeded order."""
    options = [*answers, *distractors]
    rng.shuffle(options)
    question = MultipleSelect(
        type="multiple_select", choices=[text for text, _ in options],
        answers=sorted(options.index(a) for a in answers), **fields)
    return question, [ref for _, ref in options]


def actor_distractors(ws, answer: Actor, year: int, rng: random.Random, *,
                      shown: str = "", excluded: Iterable[str] = (),
                      among: set[str] | None = None) -> list[tuple[str, str]]:
    """Up to three named actors of the answer's kind, its category first, from the same era.

    Never an actor in `excluded` (others who did it, participants, those the sentence is
    also true of), never one whose name `shown` (the prompt) contains, and, when `among`
    is given, only actors whose ids are in it.
    """
    shown_key = normalized(shown)
    excluded = set(excluded)
    taken = {normalized(answer.name)}
    picked: list[tuple[str, str]] = []
    tiers = _tiers(ws, answer, among)
    # People are only offered beside people of the same standing: a minister's deed is not
    # credibly a researcher's. States, bodies and outlets may come from the wider pool.
    for tier in tiers[:1] if answer.kind == "person" else tiers:
        for actor in lazy_shuffle(tier, rng):
            key = ws.actor_keys[actor.id]
            if (actor.id == answer.id or actor.id in excluded or key in taken
                    or (shown_key and key in shown_key) or not _same_era(actor, year)):
                continue
            taken.add(key)
            picked.append((actor.name, actor.id))
            if len(picked) == MAX_DISTRACTORS:
                return picked
    return picked


def _tiers(ws, answer: Actor, among: set[str] | None) -> list[list[Actor]]:
    pools = ws.actor_pools
    close = pools.get((answer.kind, answer.category), [])
    wider = [a for a in pools.get((answer.kind, None), []) if a.category != answer.category]
    if among is not None:
        close = [a for a in close if a.id in among]
        wider = [a for a in wider if a.id in among]
    return [close, wider]


def lazy_shuffle(items: list, rng: random.Random):
    """Items in a seeded random order, drawing only as many as the caller consumes."""
    remaining = list(range(len(items)))
    while remaining:
        pick = rng.randrange(len(remaining))
        remaining[pick], remaining[-1] = remaining[-1], remaining[pick]
        yield items[remaining.pop()]


def _same_era(actor: Actor, year: int) -> bool:
    """Actors with no documented roles fit any era; others within a year of theirs, so
    nobody is offered for a deed done before or long after they held office."""
    if not actor.roles:
        return True
    return any(int((r.start or "0000")[:4]) - 1 <= year <= int((r.end or "9999")[:4]) + 1
               for r in actor.roles)

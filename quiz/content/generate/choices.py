"""Assemble single-choice questions and pick plausible, never-correct distractors."""

from __future__ import annotations

import random
from collections.abc import Iterable

from quiz.model.common import normalized
from quiz.model.events import Actor
from quiz.model.questions import SingleChoice

MIN_DISTRACTORS = 2
MAX_DISTRACTORS = 3


def distinct_by_text(candidates: Iterable[tuple[str, str]], taken: Iterable[str]
                     ) -> list[tuple[str, str]]:
    """Keep (text, ref) pairs whose text differs, ignoring case and spacing, from all others."""
    seen = {normalized(t) for t in taken}
    kept = []
    for text, ref in candidates:
        key = normalized(text)
        if key not in seen:
            seen.add(key)
            kept.append((text, ref))
    return kept


def single_choice(rng: random.Random, answer: tuple[str, str],
                  distractors: list[tuple[str, str]], **fields) -> tuple[SingleChoice, list[str]]:
    """A single-choice question with the answer at a seeded position; also the choice refs."""
    options = [answer, *distractors]
    rng.shuffle(options)
    question = SingleChoice(type="single_choice", choices=[text for text, _ in options],
                            answer=options.index(answer), **fields)
    return question, [ref for _, ref in options]


def actor_distractors(actors: Iterable[Actor], answer: Actor, year: int, excluded: set[str],
                      rng: random.Random) -> list[tuple[str, str]]:
    """Actors of the answer's kind, its category first, from the same era where known.

    `excluded` holds the ids of every actor that would also be a correct answer, or whose
    name the prompt already shows.
    """
    pool = [a for a in actors if a.kind == answer.kind and a.id != answer.id
            and a.id not in excluded and _same_era(a, year)]
    close = [a for a in pool if a.category == answer.category]
    wider = [a for a in pool if a.category != answer.category]
    rng.shuffle(close)
    rng.shuffle(wider)
    pairs = distinct_by_text(((a.name, a.id) for a in close + wider), [answer.name])
    return pairs[:MAX_DISTRACTORS]


def _same_era(actor: Actor, year: int) -> bool:
    """Actors with no documented roles fit any era; others within three years of theirs."""
    if not actor.roles:
        return True
    return any(int((r.start or "0000")[:4]) - 3 <= year <= int((r.end or "9999")[:4]) + 3
               for r in actor.roles)

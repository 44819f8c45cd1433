"""Scenario framing: who the player is, where, and when, without giving the answer away."""

from __future__ import annotations

import random

from quiz.content.generate.dates import in_words
from quiz.model.events import Event
from quiz.model.questions import Context

ON_THE_DAY = [
    ("a desk officer at the Ministry of National Defense, reading the morning wires", "Seoul"),
    ("an analyst at a Beijing think tank, updating the defence chronology", "Beijing"),
    ("a political officer at an embassy, drafting a cable home", "a foreign embassy"),
    ("a fact-checker at a regional news agency", "Hong Kong"),
    ("a parliamentary researcher preparing a committee briefing", "Seoul"),
]
LOOKING_BACK = [
    ("a graduate student writing a thesis chapter", "a university library"),
    ("a teacher preparing a lesson on East Asian security", "a school staff room"),
    ("an archivist cataloguing press cuttings", "a newspaper archive"),
]


def on_the_day(event: Event, rng: random.Random) -> Context:
    """The player meets the event as news: its date is part of the scene."""
    role, place = rng.choice(ON_THE_DAY)
    return Context(date=in_words(event.date), place=place, role=role)


def looking_back(rng: random.Random) -> Context:
    """The player looks back later, so the scene reveals no date or place."""
    role, place = rng.choice(LOOKING_BACK)
    return Context(date="Years later", place=place, role=role)

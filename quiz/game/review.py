"""Spaced review of missed questions, scheduled by FSRS (the `fsrs` package)."""

from __future__ import annotations

import datetime as dt

from fsrs import Card, Rating, Scheduler

# Fuzzing spreads due dates randomly; a quiz wants the same schedule for the same answers.
SCHEDULER = Scheduler(enable_fuzzing=False)


class ReviewDeck:
    """One card per missed question, keyed by `bank/question`."""

    def __init__(self, cards: dict[str, Card] | None = None):
        self.cards: dict[str, Card] = dict(cards or {})

    def record(self, key: str, correct: bool, when: dt.datetime) -> Card | None:
        """Schedule after an answer. Only a miss puts a question into review; after that,
        every answer to it moves its card on."""
        card = self.cards.get(key)
        if card is None and correct:
            return None
        card, _log = SCHEDULER.review_card(card or Card(), Rating.Good if correct
                                           else Rating.Again, review_datetime=when)
        self.cards[key] = card
        return card

    def due(self, now: dt.datetime) -> list[str]:
        """Keys due now, most overdue first."""
        return [key for key, card in self._by_due() if card.due <= now]

    def queue(self) -> list[str]:
        """Due keys first, then the rest by how soon they fall due."""
        return [key for key, _card in self._by_due()]

    def _by_due(self) -> list[tuple[str, Card]]:
        return sorted(self.cards.items(), key=lambda item: (item[1].due, item[0]))

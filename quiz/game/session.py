"""A player's session: start or resume rounds, record every answer, keep review cards."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from quiz.game.library import Library
from quiz.game.modes import MODES, Mode
from quiz.game.names import ALL_BANKS, counted, place_title
from quiz.game.resume import restore
from quiz.game.round import Outcome, Phase, Round, deal
from quiz.model.scoring import ScoringRules
from quiz.store.history import History, RoundRecord


class NoQuestions(ValueError):
    """The chosen bank, chapter and mode leave nothing to ask."""


@dataclass(frozen=True)
class Target:
    """Something to play: a whole bank, or one chapter of it."""

    bank_id: str
    chapter_id: str | None
    title: str
    count: int
    locked: bool = False


class Session:
    """Everything between the screens and the store. Screens call these methods only."""

    def __init__(self, library: Library, history: History, *, seed: int | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)):
        self.library = library
        self.history = history
        self.fixed_seed = seed
        self.clock = clock
        self.now = now
        self.deck = history.deck()
        self.round: Round | None = None
        self.round_id: int | None = None
        self.bank_id: str | None = None
        self.chapter_id: str | None = None

    # ── What there is to play ──────────────────────────────────────────────
    def targets(self) -> list[Target]:
        found = []
        for bank in self.library.banks:
            found.append(Target(bank.id, None, bank.title, len(list(bank.all_questions()))))
            for scenario in bank.scenarios:
                found.append(Target(bank.id, scenario.id, scenario.title,
                                    len(scenario.questions),
                                    not self.chapter_unlocked(bank.id, scenario.id)))
        return found

    def chapter_unlocked(self, bank_id: str, chapter_id: str) -> bool:
        """The first chapter is open; each later one opens when the one before is passed."""
        chapters = [s.id for s in self.library.bank(bank_id).scenarios]
        index = chapters.index(chapter_id)
        return index == 0 or chapters[index - 1] in self.history.passed_chapters(bank_id)

    def _in_review(self, keys, bank_id: str | None) -> list[str]:
        known = self.library.by_key()
        return [key for key in keys
                if key in known and (bank_id is None or known[key].bank_id == bank_id)]

    def due_count(self, bank_id: str | None = None) -> int:
        """Questions due for review now, in one bank or in all loaded ones."""
        return len(self._in_review(self.deck.due(self.now()), bank_id))

    def review_count(self, bank_id: str | None = None) -> int:
        """Questions in the review deck, due or not, in one bank or in all loaded ones."""
        return len(self._in_review(self.deck.cards, bank_id))

    def next_due(self, bank_id: str | None = None) -> dt.datetime | None:
        """When the next review question falls due, if any waits in the deck."""
        keys = self._in_review(self.deck.queue(), bank_id)
        return self.deck.cards[keys[0]].due if keys else None

    def title(self, bank_id: str | None, chapter_id: str | None = None) -> str:
        """What a player calls a bank or chapter (its title, not its id)."""
        return place_title(self.library, bank_id or ALL_BANKS, chapter_id)

    def unfinished(self) -> list[RoundRecord]:
        """Rounds left unfinished that can be resumed with the banks loaded now."""
        known = self.library.by_key()
        return [record for record in self.history.unfinished()
                if _keys_of(record) and _keys_of(record) <= known.keys()]

    def rules(self, bank_id: str | None) -> ScoringRules:
        return self.library.bank(bank_id).scoring if bank_id else ScoringRules()

    # ── Playing ────────────────────────────────────────────────────────────
    def start(self, bank_id: str | None, chapter_id: str | None, mode_name: str) -> Round:
        mode: Mode = MODES[mode_name]
        if mode.name == "campaign":
            chapter_id = self._campaign_chapter(bank_id, chapter_id)
        if (mode.name == "campaign" and chapter_id
                and not self.chapter_unlocked(bank_id, chapter_id)):
            raise NoQuestions("that chapter is locked: pass the one before it first")
        pool = self.library.pool(mode, bank_id, chapter_id, self.deck, self.now())
        seed = self.fixed_seed if self.fixed_seed is not None else random.randrange(2**31)
        dealt = deal(pool, mode, seed)
        if not dealt:
            raise NoQuestions(self._why_empty(mode, bank_id))
        self.round = Round(dealt, mode, self.rules(bank_id), self.clock)
        self.bank_id = bank_id or ALL_BANKS
        self.chapter_id = chapter_id
        self.round_id = self.history.start(self.round, bank_id=self.bank_id,
                                           chapter_id=chapter_id, seed=seed)
        return self.round

    def resume(self, record: RoundRecord) -> Round:
        self.round = restore(record.state, self.library.by_key(), self.rules(
            record.bank_id if record.bank_id in {b.id for b in self.library.banks} else None),
            self.clock)
        self.round_id, self.bank_id, self.chapter_id = record.id, record.bank_id, record.chapter_id
        self.history.save(self.round_id, self.round, "playing")
        return self.round

    def submit(self, response) -> Outcome:
        outcome = self._active().submit(response)
        self._after(outcome)
        return outcome

    def expire(self) -> Outcome | None:
        outcome = self._active().expire()
        if outcome is not None:
            self._after(outcome)
        return outcome

    def advance(self) -> None:
        self._active().advance()
        self.history.save(self.round_id, self.round)

    def interrupt(self) -> None:
        """Keep an unfinished round so it can be resumed."""
        if self.round is not None and self.round.phase is not Phase.FINISHED:
            self.history.interrupt(self.round_id, self.round)

    def _after(self, outcome: Outcome) -> None:
        # The answer is committed before the screen shows feedback: a crash loses nothing.
        self.history.save(self.round_id, self.round)
        if outcome.scored and self.deck.record(outcome.key, outcome.correct,
                                               self.now()) is not None:
            self.history.save_card(outcome.key, self.deck)

    def _active(self) -> Round:
        if self.round is None:
            raise RuntimeError("no round in progress")
        return self.round

    def _campaign_chapter(self, bank_id: str | None, chapter_id: str | None) -> str:
        if bank_id is None:
            raise NoQuestions("choose a bank with chapters for the campaign")
        chapters = self.library.bank(bank_id).scenarios
        if not chapters:
            raise NoQuestions("this bank has no chapters; the campaign needs scenarios")
        if chapter_id:
            return chapter_id
        passed = self.history.passed_chapters(bank_id)
        return next((s.id for s in chapters if s.id not in passed), chapters[-1].id)


    def _why_empty(self, mode: Mode, bank_id: str | None) -> str:
        where = "in this bank" if bank_id else "in any bank"
        if mode.name == "review":
            upcoming = self.next_due(bank_id)
            if upcoming is None:
                return f"nothing to review {where} yet: questions you miss come back here"
            return (f"nothing is due for review {where} now; the next question is due "
                    f"{when_due(upcoming, self.now())}")
        if mode.only_types:
            return "this bank has no " + "/".join(mode.only_types) + " questions"
        return "this selection has no questions"


def _keys_of(record: RoundRecord) -> set[str]:
    try:
        return {item["key"] for item in record.state["dealt"]}
    except (KeyError, TypeError):
        return set()


def when_due(due: dt.datetime, now: dt.datetime) -> str:
    """`now`, `in 5 minutes`, `in 3 hours`, `in 2 days`."""
    seconds = (due - now).total_seconds()
    if seconds <= 0:
        return "now"
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            return "in " + counted(round(seconds / size), unit)
    return "in under a minute"

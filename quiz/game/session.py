"""A player's session: start or resume rounds, record every answer, keep review cards."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from quiz.game.library import Library
from quiz.game.modes import MODES, Mode
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

    def due_count(self) -> int:
        known = self.library.by_key()
        return sum(1 for key in self.deck.due(self.now()) if key in known)

    def review_count(self) -> int:
        known = self.library.by_key()
        return sum(1 for key in self.deck.cards if key in known)

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
        pool = self.library.pool(mode, None if mode.name == "review" else bank_id,
                                 chapter_id, self.deck, self.now())
        seed = self.fixed_seed if self.fixed_seed is not None else random.randrange(2**31)
        dealt = deal(pool, mode, seed)
        if not dealt:
            raise NoQuestions(_why_empty(mode))
        self.round = Round(dealt, mode, self.rules(bank_id), self.clock)
        self.bank_id = bank_id or dealt[0].entry.bank_id
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
        if self.deck.record(outcome.key, outcome.correct, self.now()) is not None:
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


def _why_empty(mode: Mode) -> str:
    if mode.name == "review":
        return "nothing to review yet: questions you miss come back here"
    if mode.only_types:
        return "this bank has no " + "/".join(mode.only_types) + " questions"
    return "this selection has no questions"

"""A learner's progress as plain data: rounds over time, chapters, topics, the review deck."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quiz.game.answers import is_scored
from quiz.game.modes import MODES, PASS_MARK
from quiz.game.names import UNTAGGED, place_title, tag_name, tag_names

if TYPE_CHECKING:
    from quiz.game.session import Session

DAYS_AHEAD = 7
"""How many days of upcoming reviews the outlook counts one by one."""


@dataclass(frozen=True)
class PlayedRound:
    """One round from history, oldest first."""

    started_at: str
    mode: str
    place: str
    status: str
    score: int
    correct: int
    answered: int

    @property
    def mark(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class ChapterStatus:
    """A campaign chapter: passed (with its best mark), open, or locked."""

    bank: str
    title: str
    state: str
    """`passed`, `open` or `locked`."""
    best: float | None
    """The best share right in a finished campaign round, if one was played."""


@dataclass(frozen=True)
class TopicAccuracy:
    """Answers to questions carrying one tag, under the tag's readable name."""

    name: str
    right: int
    asked: int

    @property
    def accuracy(self) -> float:
        return self.right / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class DeckOutlook:
    """Review questions due now, in each of the next days, and later."""

    due_now: int
    by_day: list[int]
    """by_day[0] falls due within 24 hours, by_day[1] in the 24 hours after, and so on."""
    later: int

    @property
    def total(self) -> int:
        return self.due_now + sum(self.by_day) + self.later


@dataclass
class Progress:
    """Everything the progress screen shows."""

    rounds: list[PlayedRound] = field(default_factory=list)
    chapters: list[ChapterStatus] = field(default_factory=list)
    topics: list[TopicAccuracy] = field(default_factory=list)
    deck: DeckOutlook = field(default_factory=lambda: DeckOutlook(0, [0] * DAYS_AHEAD, 0))
    pass_mark: float = PASS_MARK

    @property
    def finished(self) -> list[PlayedRound]:
        return [r for r in self.rounds if r.status == "finished"]


def build_progress(session: Session, limit: int = 1000) -> Progress:
    """Progress from the session's history, review deck and loaded banks."""
    records = list(reversed(session.history.recent(limit)))
    library = session.library
    rounds = [PlayedRound(r.started_at, MODES[r.mode].title if r.mode in MODES else r.mode,
                          place_title(library, r.bank_id, r.chapter_id), r.status, r.score,
                          r.correct, r.answered) for r in records]
    return Progress(rounds, _chapters(session), _topics(session, records),
                    deck_outlook(session))


def _chapters(session: Session) -> list[ChapterStatus]:
    marks = session.history.best_marks()
    found = []
    for bank in session.library.banks:
        for scenario in bank.scenarios:
            best = marks.get((bank.id, scenario.id))
            if best is not None and best >= PASS_MARK:
                state = "passed"
            elif session.chapter_unlocked(bank.id, scenario.id):
                state = "open"
            else:
                state = "locked"
            found.append(ChapterStatus(bank.title, scenario.title, state, best))
    return found


def _topics(session: Session, records) -> list[TopicAccuracy]:
    known = session.library.by_key()
    names = tag_names(session.library)
    totals: dict[str, list[int]] = {}
    for record in records:
        for outcome in record.state.get("outcomes", []) if isinstance(record.state, dict) else []:
            entry = known.get(outcome.get("key")) if isinstance(outcome, dict) else None
            if entry is None or not is_scored(entry.question):
                continue  # a decision is never right or wrong: no topic counts it
            for tag in entry.question.tags or [UNTAGGED]:
                counts = totals.setdefault(tag_name(tag, names), [0, 0])
                counts[0] += bool(outcome.get("correct"))
                counts[1] += 1
    return sorted((TopicAccuracy(name, right, asked) for name, (right, asked) in totals.items()),
                  key=lambda t: (-t.asked, t.name))


def deck_outlook(session: Session) -> DeckOutlook:
    """When the loaded banks' review questions fall due."""
    now = session.now()
    known = session.library.by_key()
    due_now, later = 0, 0
    by_day = [0] * DAYS_AHEAD
    for key, card in session.deck.cards.items():
        if key not in known:
            continue
        if card.due <= now:
            due_now += 1
            continue
        day = int((card.due - now) / dt.timedelta(days=1))
        if day < DAYS_AHEAD:
            by_day[day] += 1
        else:
            later += 1
    return DeckOutlook(due_now, by_day, later)

"""The banks a player can choose from, and the questions a round in each mode draws on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from quiz.content.load import discover
from quiz.content.problems import LoadError
from quiz.game.bank_cache import cached_load_bank
from quiz.game.modes import Mode
from quiz.game.review import ReviewDeck
from quiz.game.round import Entry
from quiz.model.bank import Bank, Scenario

SHIPPED_BANKS = Path(__file__).resolve().parents[2] / "questions"
AUTHOR_SAMPLES = frozenset({"examples.yaml"})
"""Shipped files that show authors the format; the game leaves them out unless named."""


@dataclass
class Library:
    """Loaded banks, plus the problems of any that failed to load (shown, never fatal)."""

    banks: list[Bank]
    problems: list[str] = field(default_factory=list)

    def bank(self, bank_id: str) -> Bank:
        return next(bank for bank in self.banks if bank.id == bank_id)

    def entries(self, bank_id: str | None = None, chapter_id: str | None = None) -> list[Entry]:
        """Questions of one bank (or all), or of one chapter, in file order."""
        found = []
        for bank in self.banks:
            if bank_id is not None and bank.id != bank_id:
                continue
            for scenario, question in bank.all_questions():
                scenario_id = scenario.id if scenario else None
                if chapter_id is None or scenario_id == chapter_id:
                    found.append(Entry(bank.id, scenario_id, question))
        return found

    def by_key(self) -> dict[str, Entry]:
        return {entry.key: entry for entry in self.entries()}

    def chapter(self, bank_id: str, chapter_id: str) -> Scenario:
        return next(s for s in self.bank(bank_id).scenarios if s.id == chapter_id)

    def pool(self, mode: Mode, bank_id: str | None, chapter_id: str | None,
             deck: ReviewDeck, now: dt.datetime) -> list[Entry]:
        """The questions a round in this mode draws on."""
        if mode.name == "review":  # what is due now, most overdue first
            known = self.by_key()
            return [known[key] for key in deck.due(now) if key in known
                    and (bank_id is None or known[key].bank_id == bank_id)]
        return self.entries(bank_id, chapter_id)


def load_library(paths: list[str | Path] | None = None, cache: Path | None = None,
                 known: dict[Path, Bank] | None = None) -> Library:
    """Load banks from files or folders (by default the shipped banks, less the authors'
    samples), keeping going past any that fail: their problems are reported once, and the
    rest stay playable. With a `cache` folder, unchanged files load from validated JSON
    instead of being parsed; `known` holds banks already loaded (files named on the
    command line)."""
    banks: list[Bank] = []
    problems: list[str] = []
    seen: set[str] = set()
    found = discover(paths) if paths else (
        p for p in discover([SHIPPED_BANKS]) if p.name not in AUTHOR_SAMPLES)
    for path in found:
        try:
            bank = (known or {}).get(path) or cached_load_bank(path, cache)
        except LoadError as error:
            problems.extend(str(problem) for problem in error.problems[:3])
            continue
        if bank.id in seen:
            problems.append(f"{path}: a bank with id {bank.id!r} is already loaded; skipped")
            continue
        seen.add(bank.id)
        banks.append(bank)
    return Library(banks, problems)

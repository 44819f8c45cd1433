"""The menu as plain data: built from a session, and saved so the next start can paint it
before the banks have loaded. Imports nothing heavy."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.game.session import Session

MENU_FILE = "menu.json"


@dataclass(frozen=True)
class MenuItem:
    """One line of the menu: resume a round, review, or play a bank or chapter."""

    kind: str
    label: str
    info: str
    bank_id: str | None = None
    chapter_id: str | None = None
    heading: bool = False
    round_id: int | None = None


@dataclass
class Menu:
    """What the home screen lists, for a given set of bank files."""

    items: list[MenuItem] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    """The bank paths the menu was built from; a menu for other banks is not reused."""

    def to_json(self) -> str:
        return json.dumps({"items": [asdict(i) for i in self.items], "sources": self.sources})

    @classmethod
    def read(cls, folder: Path, sources: list[str]) -> Menu | None:
        """The saved menu for these banks, or None if there is none (or it is unreadable)."""
        try:
            data = json.loads((folder / MENU_FILE).read_text(encoding="utf-8"))
            if data["sources"] != sources:
                return None
            return cls([MenuItem(**item) for item in data["items"]], sources)
        except (OSError, ValueError, KeyError, TypeError):
            return None


def build_menu(session: Session, sources: list[str]) -> Menu:
    """The menu for the session's banks, history and review deck, as they are now."""
    from quiz.game.modes import MODES

    items: list[MenuItem] = []
    resumable = session.history.resumable()
    if resumable and not ({"abandoned", "unreadable"} & resumable.state.keys()):
        items.append(MenuItem(
            "resume", f"▶ Resume {resumable.mode} · {resumable.bank_id} · "
            f"{resumable.answered}/{resumable.total} answered",
            "Carry on where you left off: Enter to resume.", round_id=resumable.id))
    due, waiting = session.due_count(), session.review_count()
    best_scores = session.history.best_scores()
    items.append(MenuItem("review", f"↻ Review {due} due · {waiting} in the deck",
                          f"{due} question(s) due now. Questions you miss come back here on "
                          "a spaced schedule, most overdue first. Enter to start."))
    for target in session.targets():
        bests = [f"{MODES[m].title} {score}" for m in MODES
                 if (score := best_scores.get((target.bank_id, target.chapter_id, m)))
                 is not None]
        info = "Best: " + " · ".join(bests) if bests else "No rounds finished yet."
        if target.locked:
            info += "  Locked for the campaign: pass the chapter before it."
        indent = "   " if target.chapter_id else ""
        lock = "  🔒" if target.locked else ""
        items.append(MenuItem("target", f"{indent}{target.title} ({target.count}){lock}",
                              info + "  Enter, then pick a mode.", target.bank_id,
                              target.chapter_id, heading=target.chapter_id is None))
    return Menu(items, sources)

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
    mark: str = ""
    """Shown before the label: an icon, or a chapter's pass mark (`✔ 83%`) or lock."""
    depth: int = 0
    """Indentation: chapters sit one step under their bank."""


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
    from quiz.game.modes import MODES, PASS_MARK
    from quiz.game.names import counted, short_title
    from quiz.game.session import when_due

    items: list[MenuItem] = []
    for record in session.unfinished():
        mode = MODES[record.mode].title if record.mode in MODES else record.mode
        title = session.title(record.bank_id, record.chapter_id)
        items.append(MenuItem(
            "resume", f"Resume {mode} · {short_title(title)}\u00a0·\u00a0"
            f"{record.played}/{record.total}",
            f"{mode} round on {title}, left on {record.updated_at[:10]} with "
            f"{record.played} of {counted(record.total, 'question')} answered. Enter to "
            "carry on; Delete to discard it.", round_id=record.id, mark="▶"))
    due, waiting = session.due_count(), session.review_count()
    if due:
        review_info = (f"{counted(due, 'question')} from every bank due now, most overdue "
                       "first; a round plays up to 10. ")
    elif waiting:
        review_info = (f"Nothing is due now; the next question is due "
                       f"{when_due(session.next_due(), session.now())}. ")
    else:
        review_info = "Nothing to review yet. "
    items.append(MenuItem(
        "review", f"Review all banks · {due} due",
        review_info + f"{counted(waiting, 'question')} in the deck: questions you miss come "
        "back on a spaced schedule. To review one bank, choose it, then the Review mode.",
        mark="↻"))
    items.append(MenuItem(
        "progress", "Your progress",
        "Your rounds and scores over time, each chapter's status, accuracy by topic and "
        "the review deck. Enter to open; P opens it from anywhere on the menu.", mark="◔"))
    best_scores = session.history.best_scores()
    marks = session.history.best_marks()
    for target in session.targets():
        bests = [f"{MODES[m].title} {score}" for m in MODES
                 if (score := best_scores.get((target.bank_id, target.chapter_id, m)))
                 is not None]
        info = "Best: " + " · ".join(bests) + "." if bests else "No rounds finished yet."
        mark = ""
        if target.chapter_id:
            best = marks.get((target.bank_id, target.chapter_id))
            if target.locked:
                mark = "🔒"
                info += (f" Locked: pass the chapter before it with {PASS_MARK:.0%} in the "
                         "campaign to open it.")
            elif best is not None and best >= PASS_MARK:
                mark = f"✔ {best:.0%}"
                info += f" Passed with {best:.0%} (pass mark {PASS_MARK:.0%})."
            else:
                info += f" Campaign: {PASS_MARK:.0%} right passes it and opens the next."
        else:
            bank_due = session.due_count(target.bank_id)
            if bank_due:
                info += f" {counted(bank_due, 'question')} due for review."
        # A no-break space keeps the count with the title's last word when lines wrap.
        items.append(MenuItem("target", f"{target.title}\u00a0({target.count})",
                              info + " Enter, then pick a mode.", target.bank_id,
                              target.chapter_id, heading=target.chapter_id is None,
                              mark=mark, depth=1 if target.chapter_id else 0))
    return Menu(items, sources)

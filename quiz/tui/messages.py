"""Every message the interface posts, in one place."""

from __future__ import annotations

from textual.message import Message


class AnswerGiven(Message):
    """The player committed an answer, in display terms (positions as shown, or a number)."""

    def __init__(self, shown) -> None:
        super().__init__()
        self.shown = shown

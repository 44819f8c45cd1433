"""Problems found in an author's file, each pinned to a line and column."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from quiz.safety.terminal import one_line

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One located finding: printed as `path:line:col: severity: message`."""

    path: str
    line: int
    col: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        # Paths and messages can carry text from the file or its name: show any control
        # character (or line break) as an escape, so one problem stays one harmless line.
        return one_line(f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}")


class LoadError(Exception):
    """A file could not be turned into a model; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col

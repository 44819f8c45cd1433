"""Values made safe as CSV cells: no formulas, no bare carriage returns, no controls.

Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (OWASP's
"CSV injection"), and tab or carriage return at the start can smuggle one past a trim.
Such cells get a leading `'`, which spreadsheets show as text. Plain numbers such as
`-5` or `+2.5` stay as they are: they are values, not formulas.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from quiz.safety.terminal import visible

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def csv_cell(value: object) -> object:
    """A value ready for csv.writer: text is defused, numbers and None pass through."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        text = "'" + text
    # A lone CR is a line break to some readers and not to others: make every break \n,
    # which csv.writer then quotes. Other controls are shown, never written raw.
    return visible(text.replace("\r\n", "\n").replace("\r", "\n"))


def csv_text(header: list[str], rows: Iterable[Iterable[object]]) -> str:
    """A whole CSV document with every cell passed through `csv_cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()

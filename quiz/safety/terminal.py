"""Outside text made safe for a terminal: control characters shown as visible escapes.

Bank text, names, file names and messages can carry escape sequences (OSC 52 sets the
clipboard, OSC 0 renames the window, `ESC[2J` clears the screen). Everything printed or
drawn passes through `visible` first, so a control character shows as `\\x1b` instead of
acting. Tab and newline are kept where the output is multi-line text.
"""

from __future__ import annotations

import re
import reprlib

# C0 controls except tab and newline, DEL, C1 controls, and lone surrogates (from file
# names that are not valid UTF-8: printing them would raise, not just misbehave).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROLS_AND_BREAKS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str) -> str:
    """`text` with every control character but tab and newline shown as an escape."""
    return _CONTROLS.sub(_escape, text)


def one_line(text: str) -> str:
    """Like `visible`, and newlines shown as `\\n` too: for messages that must stay on
    one line, such as `file:line:col: message`."""
    return _CONTROLS_AND_BREAKS.sub(_escape, text)


def has_controls(text: str) -> bool:
    """True if `visible` would change the text."""
    return _CONTROLS.search(text) is not None


class _ShortRepr(reprlib.Repr):
    """reprlib, bounded for hostile data: a 5,000-digit number and a structure that
    aliases expand into millions of items both print as a few dozen characters."""

    def __init__(self, limit: int):
        super().__init__()
        self.maxlevel = 2
        self.maxstring = self.maxother = self.maxlong = limit
        self.maxlist = self.maxtuple = self.maxdict = self.maxset = self.maxfrozenset = 3

    def repr_int(self, value: int, level: int) -> str:
        if value.bit_length() > 160:  # about 48 digits; str() refuses past 4,300
            return f"<a number of about {int(value.bit_length() * 0.30103) + 1} digits>"
        return super().repr_int(value, level)

    def repr_str(self, value: str, level: int) -> str:
        text = repr(value[: self.maxstring + 1])
        if len(value) > self.maxstring:
            text = repr(value[: self.maxstring]) + "…"
        return text


def shown(value: object, limit: int = 60) -> str:
    """A short, escaped repr of any value, for echoing input back in a message."""
    try:
        text = one_line(_ShortRepr(limit).repr(value))
    except Exception:  # noqa: BLE001 - a hostile __repr__ must not hide the real error
        return f"<a {type(value).__name__}>"
    return text if len(text) <= limit + 20 else text[: limit + 20] + "…"


_JSON_UNESCAPED = re.compile("[\x7f-\x9f\u2028\u2029]")


def json_text(data: object, **options) -> str:
    """json.dumps with non-ASCII kept readable, but DEL, C1 controls and line separators
    escaped too (json only escapes C0), so the document is safe to print."""
    import json

    text = json.dumps(data, ensure_ascii=False, **options)
    return _JSON_UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

"""Outside text made safe inside a Markdown document: it reads as typed, and stays in
the heading or list item it was put in."""

from __future__ import annotations

import re

from quiz.safety.terminal import visible

# Characters that format wherever they are: emphasis, code, links, HTML, tables, headings,
# fences, strikethrough and entities (`&copy;`).
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&])")
# Markers that only count at the start of a line: lists (`- x`, `+ x`, `1. x`, `1) x`),
# setext underlines and thematic breaks (`---`, `===`).
_LINE_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")


def _escape_line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line.strip())  # leading spaces would make a code block
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1)
                           else m.group(2) + "\\" + m.group(3), line)


def md_inline(text: str) -> str:
    """Text for a one-line place such as a heading: line breaks become spaces."""
    return _escape_line(" ".join(visible(text).split()))


def md_block(text: str, indent: str = "  ") -> str:
    """Text for a list item: each line escaped, and lines after the first indented so
    they stay in the item (a blank line between them does not end the list)."""
    lines = [_escape_line(line) for line in visible(text).split("\n")]
    return ("\n").join([lines[0]] + [indent + line if line else "" for line in lines[1:]])

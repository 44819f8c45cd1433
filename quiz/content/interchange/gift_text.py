"""GIFT text pieces as Moodle reads them: escapes, `[format]` markers, and HTML reduced to
plain text; plus what every answer parser needs to know about the question it reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_PLACEHOLDERS = {"\\\\": "\ue000", "\\~": "\ue001", "\\=": "\ue002", "\\#": "\ue003",
                 "\\{": "\ue004", "\\}": "\ue005", "\\:": "\ue006", "\\n": "\ue007"}
_LITERALS = str.maketrans({"\ue000": "\\", "\ue001": "~", "\ue002": "=", "\ue003": "#",
                           "\ue004": "{", "\ue005": "}", "\ue006": ":", "\ue007": "\n"})
FORMATS = ("moodle", "html", "plain", "markdown")


def escape(text: str) -> str:
    """Hide escaped characters (`\\~`, `\\{` …) from the parser, as Moodle does first."""
    for escaped, placeholder in _PLACEHOLDERS.items():
        text = text.replace(escaped, placeholder)
    return text


def unescape(text: str) -> str:
    return text.translate(_LITERALS)


def split_format(text: str, default: str) -> tuple[str, str]:
    """A leading `[html]`, `[moodle]`, `[plain]` or `[markdown]` sets a piece's format
    (Moodle's parse_text_with_format); any other `[…]` is part of the text."""
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[1:end] in FORMATS:
            return text[end + 1:], text[1:end]
    return text, default


class Unsupported(ValueError):
    """A question our model cannot hold; the message says what it is."""


@dataclass
class Asked:
    """The question being read: its name for messages, its text format (which its answers
    and feedback inherit), and the warnings it has earned, given only if it is imported."""

    name: str
    text_format: str = "moodle"
    notes: list[str] = field(default_factory=list)
    case_sensitive: bool = False
    """For short answers: our own export says so in a `// quiz:` comment."""

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def plain(self, piece: str) -> str:
        """A piece of the question (escaped) as plain text, in its own or the question's
        format; HTML is reduced to text, and that is noted once per question."""
        text, text_format = split_format(piece.strip(), self.text_format)
        return self.as_text(unescape(text).strip(), text_format)

    def as_text(self, text: str, text_format: str) -> str:
        if text_format != "html":
            return text
        reduced, had_markup = html_to_text(text)
        if had_markup:
            self.note("HTML markup in this question was reduced to plain text")
        return reduced


_BLOCKS = {"p", "div", "li", "tr", "pre", "blockquote", "table", "ul", "ol", "h1", "h2",
           "h3", "h4", "h5", "h6", "dt", "dd", "hr"}
_SKIPPED = {"script", "style"}


class _TextOf(HTMLParser):
    """Visible text of an HTML fragment: block ends become line breaks, entities become
    characters, spacing collapses as a browser would (except inside <pre>)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.markup = False
        self.pre = 0
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.markup = True
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "br" or tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            self.parts.append(f"[image: {alt}]" if alt else "[image]")
        self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        self.pre -= tag == "pre"
        self.skipping -= tag in _SKIPPED

    def handle_endtag(self, tag: str) -> None:
        self.markup = True
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "pre":
            self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if not self.pre:
            data = re.sub(r"\s+", " ", data)
            if not self.parts or self.parts[-1].endswith("\n"):
                data = data.lstrip()
        self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        self.markup = True


def html_to_text(text: str) -> tuple[str, bool]:
    """(plain text, whether there was any markup beyond entities)."""
    parser = _TextOf()
    parser.feed(text)
    parser.close()
    lines = "\n".join(line.rstrip() for line in "".join(parser.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", lines).strip(), parser.markup

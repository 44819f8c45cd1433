"""Cheap checks on raw bytes that keep hostile files away from the parsers."""

from __future__ import annotations

import codecs

import yaml

from quiz.content.yaml_loader import AuthorLoader

MAX_FILE_BYTES = 40 * 1024 * 1024
"""Room for 100k plain questions (about 30 MiB), small enough to refuse a 50 MB file at once."""

MAX_DEPTH = 1000
"""libyaml's C composer recurses per level and crashes the process somewhere past 20,000."""

_BRACKETS = b"[]{}"
_NOT_BRACKETS = bytes(b for b in range(256) if b not in _BRACKETS)


class GuardError(ValueError):
    """Raw input that must not reach a parser; `offset` points at the culprit."""

    def __init__(self, message: str, offset: int = 0):
        super().__init__(message)
        self.offset = offset


def decode_text(data: bytes) -> str:
    """Bytes to text, rejecting binary and non-UTF-8 input with a located reason."""
    nul = data.find(b"\x00")
    if nul >= 0:
        wide = _wide_encoding(data)
        if wide:
            raise GuardError(f"the file is saved as {wide}; save it as UTF-8 (most editors "
                             "offer this under 'Save with encoding')", 0)
        raise GuardError("this is binary data, not YAML or JSON text", nul)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if _wide_encoding(data):
            raise GuardError(f"the file is saved as {_wide_encoding(data)}; save it as UTF-8 "
                             "(most editors offer this under 'Save with encoding')", 0) from None
        bad = data[error.start : error.start + 1].hex()
        raise GuardError(
            f"the file is not UTF-8 text (byte 0x{bad} cannot be decoded); "
            "save it as UTF-8", error.start,
        ) from None


_BOMS = [(codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")]


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32, by byte-order mark or by the NUL pattern ASCII text makes in them."""
    for bom, name in _BOMS:  # UTF-32 first: its little-endian mark starts like UTF-16's
        if data.startswith(bom):
            return name
    head = data[:64]
    if len(head) >= 8:
        if head[1:4] == b"\x00\x00\x00" or head[:3] == b"\x00\x00\x00":
            return "UTF-32"
        odd, even = head[1::2], head[0::2]
        if odd.count(0) >= len(odd) * 3 // 4 or even.count(0) >= len(even) * 3 // 4:
            return "UTF-16"
    return None


def check_yaml_depth(text: str) -> None:
    """Reject YAML nested deeper than MAX_DEPTH before libyaml's recursive composer sees it.

    The happy path stays cheap: block nesting is bounded by the longest line (each level
    needs its own column) and flow nesting by the brackets left after cancelling pairs.
    Only when that bound is too high do we count depth exactly from the event stream.
    """
    if _depth_bound(text) < MAX_DEPTH:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=AuthorLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    offset = event.start_mark.index if event.start_mark else 0
                    raise GuardError(
                        f"the data is nested more than {MAX_DEPTH} levels deep", offset
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # the real parse reports the syntax error with its location


def _depth_bound(text: str) -> int:
    longest_line = max(map(len, text.splitlines()), default=0)
    brackets = text.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    for _ in range(8):
        if len(brackets) < MAX_DEPTH:
            break
        shorter = brackets.replace(b"[]", b"").replace(b"{}", b"")
        if len(shorter) == len(brackets):
            break
        brackets = shorter
    return longest_line + len(brackets)

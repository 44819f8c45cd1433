"""Students' names: one check used before connecting and by the server, and the key two
names are compared by, so `ｍｉｎ－ｊｉ` (full width) or a Cyrillic `М` cannot pose as
`Min-ji` beside her."""

from __future__ import annotations

import functools
import unicodedata

MAX_NAME_LENGTH = 40
"""Long enough for a real full name; screens cut longer-than-fits names with an ellipsis."""


class NameError_(ValueError):  # noqa: N801 - `NameError` is a builtin
    """A name that cannot be used; `str()` is one sentence saying why."""


def clean_name(name: str) -> str:
    """The name as it will be shown (runs of spaces made one), or NameError_ saying what
    is wrong with it."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise NameError_("a name cannot be empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise NameError_(f"that name is {len(cleaned)} characters long; the limit is "
                         f"{MAX_NAME_LENGTH}")
    if not cleaned.isprintable() or any(unicodedata.category(c) in ("Cf", "Co", "Cs")
                                        for c in cleaned):
        raise NameError_("a name can hold only printable characters (no control or "
                         "invisible ones)")
    return cleaned


@functools.cache
def _prototypes() -> dict[str, str]:
    """Each non-ASCII character that Unicode lists as a look-alike of an ASCII one →
    that ASCII character (a letter where there is one: Cyrillic `о` → `o`, not `0`).
    ASCII itself is left alone, so `Al` and `AI`, typed as such, stay two names."""
    # Read the library's table directly: importing its module keeps all 9,600 entries
    # (6 MB of objects) alive for good, where only the few hundred kept here are needed.
    from confusable_homoglyphs.utils import load

    folded = {}
    for char, homoglyphs in load("confusables.json").items():
        if len(char) != 1 or char.isascii():
            continue
        ascii_ = sorted({h["c"] for h in homoglyphs if len(h["c"]) == 1 and h["c"].isascii()},
                        key=lambda c: (not c.isalpha(), c))
        if ascii_:
            folded[char] = ascii_[0]
    return folded


def name_key(name: str) -> str:
    """What two names are compared by: NFKC, each look-alike of an ASCII character made
    that character, then case folded."""
    # Normalise before collapsing spaces: NFKC can itself make spaces (`´` becomes a
    # space and a combining accent), which the collapse must then see.
    text = " ".join(unicodedata.normalize("NFKC", name).split())
    table = _prototypes()
    return "".join(table.get(char, char) for char in text).casefold()

"""How typed answers and matching items are compared: Unicode-folded, trimmed, caseless."""

from __future__ import annotations

import unicodedata


def folded(text: str, *, case_sensitive: bool = False) -> str:
    """The form two answers are compared in.

    Invisible format characters (zero-width spaces and joiners, soft hyphens, direction
    marks) dropped first, as nobody can see or reliably type them; then NFKC, so
    full-width letters, ligatures and the many Unicode spaces read as their plain forms
    (`ＳＥＯＵＬ` is `SEOUL`, `ﬁve` is `five`); then, unless case matters, case folding
    (`Straße` is `STRASSE`), and NFKC again because folding can leave text that is no
    longer normalised (Unicode's caseless matching does the same); last, every run of
    spaces becomes one and the ends are trimmed, as a learner never sees them.
    """
    if not text.isascii():  # invisible marks out first, so what they split recombines
        text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    text = unicodedata.normalize("NFKC", text)
    if not case_sensitive:
        text = unicodedata.normalize("NFKC", text.casefold())
    return " ".join(text.split())

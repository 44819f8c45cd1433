"""Shared building blocks for every model: strict base, text types, sources, partial dates."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

from quiz.safety.terminal import shown


class StrictModel(BaseModel):
    """Base for all file-facing models: unknown keys are typos, so they are rejected."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        populate_by_name=True,
        # Authors write `choices: [2013, 2014]`; YAML hands those over as numbers.
        coerce_numbers_to_str=True,
        # NaN, infinity and `1e999` are not numbers a question can ask for or score.
        allow_inf_nan=False,
    )


# Patterns rather than Python validators keep the checks inside pydantic-core (fast).
# Bank files travel between teachers, so their text is untrusted: a control character
# (ESC, BEL, DEL, C1's CSI) could drive the player's terminal, and text made only of
# invisible characters (U+200B, a lone U+202E) would show as nothing.
NO_CONTROL = r"[^\x00-\x08\x0B-\x1F\x7F-\x9F]"
"""Any character but C0 controls (tab and newline are allowed), DEL and C1 controls."""
INVISIBLE = r"\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}"
"""Character-class body: space, controls, format and other default-ignorable characters."""
TEXT_PATTERN = rf"^{NO_CONTROL}*[^{INVISIBLE}]{NO_CONTROL}*$"

Text = Annotated[str, StringConstraints(pattern=TEXT_PATTERN, max_length=20_000)]
"""Human-readable text: something visible, and no control characters but tab and newline."""

Identifier = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")
]
"""A stable id: letters, digits, `.`, `_` and `-`, starting with a letter or digit."""

TAG_PATTERN = rf"^[^{INVISIBLE},][^,\p{{Cc}}]{{0,39}}$"
Tag = Annotated[str, StringConstraints(pattern=TAG_PATTERN)]
"""A short label used to group questions; commas are not allowed."""

URL_PATTERN = rf"^https?://[^{INVISIBLE}]+$"

SchemaPath = Annotated[str, StringConstraints(pattern=rf"^{NO_CONTROL}*$", max_length=2000)]
"""Where an editor finds the JSON Schema: a path or URL, with no control characters."""

PARTIAL_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


PartialDate = Annotated[str, StringConstraints(pattern=PARTIAL_DATE_PATTERN)]
"""A date known to the year (`2015`), the month (`2015-02`) or the day (`2015-02-05`)."""


SourceKind = Literal["news report", "wire report", "opinion piece", "editorial", "analysis",
                     "interview", "official statement", "press release", "reference"]
"""What sort of document a source is; readers weigh an opinion piece unlike a news report."""


class Source(StrictModel):
    """Where a fact comes from: enough for a reader to find the document."""

    outlet: Text
    """The publication or organisation, e.g. `China Daily`."""
    title: Text
    """The headline or title of the document."""
    date: PartialDate
    """Publication date as best known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
    author: Text | None = None
    """The author or byline, where one is printed."""
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN)] | None = None
    """A web address for the document, if it has one."""
    note: Text | None = None
    """Source criticism: e.g. how the date was inferred, or where the page disagrees."""
    kind: SourceKind | None = None
    """What sort of document it is: `news report`, `wire report`, `opinion piece`,
    `editorial`, `analysis`, `interview`, `official statement`, `press release` or
    `reference`."""

    def citation(self) -> str:
        """One line a reader can follow: outlet, title, date and author."""
        parts = [self.outlet, f"\u201c{self.title}\u201d", self.date]
        if self.author:
            parts.append(f"by {self.author}")
        return ", ".join(parts)


_PLAIN_KEY = re.compile(r"[A-Za-z_$][A-Za-z0-9_$-]{0,79}\Z")


def dotted(location) -> str:
    """`questions[2].answer` from ('questions', 2, 'answer'). A key from the file that is
    not a plain name (escapes, spaces, a megabyte of text) is quoted and cut short."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _PLAIN_KEY.match(str(part)):
            text += ("." if text else "") + str(part)
        else:
            text += f"[{shown(part, 30)}]"
    return text


def normalized(text: str) -> str:
    """Case- and spacing-insensitive form, used to spot duplicates an author would not notice."""
    return " ".join(text.casefold().split())

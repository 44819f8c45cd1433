"""Shared building blocks for every model: strict base, text types, sources, partial dates."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints


class StrictModel(BaseModel):
    """Base for all file-facing models: unknown keys are typos, so they are rejected."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        populate_by_name=True,
        # Authors write `choices: [2013, 2014]`; YAML hands those over as numbers.
        coerce_numbers_to_str=True,
    )


# A pattern rather than a Python validator keeps the check inside pydantic-core (fast).
Text = Annotated[str, StringConstraints(pattern=r"\S", max_length=20_000)]
"""Human-readable text that must contain something other than whitespace."""

Identifier = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")
]
"""A stable id: letters, digits, `.`, `_` and `-`, starting with a letter or digit."""

Tag = Annotated[str, StringConstraints(pattern=r"^[^\s,][^,]{0,39}$")]
"""A short label used to group questions; commas are not allowed."""

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
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
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


def dotted(location) -> str:
    """`questions[2].answer` from ('questions', 2, 'answer')."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text


def normalized(text: str) -> str:
    """Case- and spacing-insensitive form, used to spot duplicates an author would not notice."""
    return " ".join(text.casefold().split())

"""The pieces an event is built from: actors, date spans, facts, claims, figures, causal links."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Field, StringConstraints, model_validator
from pydantic import Tag as Branch
from pydantic_core import PydanticCustomError

from quiz.model.common import Identifier, PartialDate, Source, StrictModel, Text

EventId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$")]
"""An event id: like other ids but at most 60 characters, so question ids can extend it."""

ActorKind = Literal["person", "organisation", "state", "media"]
Part = Literal[
    "agreed", "announced", "cancelled", "conducted", "decided", "deployed", "discussed",
    "feared", "halted", "hosted", "joined", "met", "opposed", "planned", "raised",
    "reported", "responded", "resumed", "said", "sanctioned", "signed", "sought",
    "suspended", "threatened", "visited",
]


class Role(StrictModel):
    """A position an actor held, with the span the sources document."""

    title: Text
    """E.g. `Defence Minister of China`."""
    start: PartialDate | None = None
    """The earliest date the sources show the actor in this role."""
    end: PartialDate | None = None
    """The latest date the sources show the actor in this role."""


class Actor(StrictModel):
    """A person, organisation, state or media outlet that takes part in events."""

    id: Identifier
    """Referred to by events, claims and other actors' affiliations."""
    name: Text
    """The name players see, e.g. `Chang Wanquan`. A leading `The` becomes `the` mid-sentence."""
    kind: ActorKind
    """`person`, `organisation`, `state` or `media`."""
    category: Identifier
    """A finer kind for plausible distractors, e.g. `defence-minister` or `researcher`."""
    roles: list[Role] = []
    """Positions held, with the dates the sources show them in."""
    affiliation: Identifier | None = None
    """The id of the actor this one belongs to, e.g. a ministry's state."""
    anonymous: bool = False
    """An unnamed source or group ('critics', 'a government source'): cited, never asked
    about and never offered as a wrong answer."""
    note: Text | None = None
    """Source criticism about the name, e.g. an outlet that uses a given name as a surname."""

    def role_at(self, date: str) -> Role | None:
        """The role whose documented span covers the given date's year, if any."""
        year = date[:4]
        for role in self.roles:
            if (role.start or "0000")[:4] <= year <= (role.end or "9999")[:4]:
                return role
        return self.roles[0] if self.roles else None

    @property
    def in_text(self) -> str:
        """The name as it reads mid-sentence: `the Korea Herald`, `Chang Wanquan`."""
        return "the " + self.name[4:] if self.name.startswith("The ") else self.name


class DateSpan(StrictModel):
    """A date the sources only bound: it lies between two dates, each at its own precision."""

    earliest: PartialDate
    """The first date it could be, e.g. `2016-07`."""
    latest: PartialDate
    """The last date it could be, e.g. `2017-01-09`."""

    @model_validator(mode="after")
    def _ordered(self) -> DateSpan:
        if self.latest < self.earliest[:len(self.latest)]:
            raise PydanticCustomError("span_backwards", "latest is before earliest",
                                      {"at": ("latest",)})
        return self


EventDate = Annotated[
    Annotated[PartialDate, Branch("date")] | Annotated[DateSpan, Branch("span")],
    Discriminator(lambda value: "span" if isinstance(value, dict | DateSpan) else "date"),
]
"""A date (`2016-07`) or a span (`{earliest, latest}`); a mapping is always read as a span,
so a broken span gets the span's own error rather than one per alternative."""


class Participant(StrictModel):
    """An actor's part in an event."""

    actor: Identifier
    """The actor's id."""
    part: Part
    """What the actor did in the event, e.g. `raised`, `met`, `reported`."""


class Fact(StrictModel):
    """The event as subject, verb and object, each slot phrased by hand for the templates."""

    subject: Identifier
    """The actor who acted."""
    named: Text | None = None
    """How the subject is named in the sentence, e.g. `Seoul` for South Korea."""
    verb: Text
    """The past-tense predicate before the object: `agreed to host`."""
    verb_base: Text | None = None
    """The same after `did <subject>`: `agree to host`. Needed for 'what' questions."""
    object: Text | None = None
    """What the verb acts on, ending the sentence: `the US THAAD missile-defence system`."""
    object_kind: Identifier | None = None
    """The kind of thing in the object slot, e.g. `weapon-system`; distractors share it."""
    object_wh: Literal["what", "who", "where"] = "what"
    """The question word that asks for the object: `who did Jung hold talks with?`"""
    foils: list[Text] = []
    """Objects of the same kind that plainly did not happen, written and checked by hand."""
    what_question: Text | None = None
    """The 'what' question written by hand, without its date, where composing it from
    `verb_base` would read badly: `Which threats did Chang and Han discuss tackling?`"""
    subject_asked: bool = True
    """False when others plausibly did the same in the world, so 'who' has no single answer."""
    not_offered: list[Identifier] = []
    """Actors never offered as wrong subjects: those of whom the sentence is also true in
    the world though the sources do not say so, or for whom it would make no sense."""


class Quantity(StrictModel):
    """A number the sources give."""

    value: float
    """The number itself."""
    unit: Text | None = None
    """The unit, e.g. `km`; empty for counts."""
    what: Text
    """A noun phrase naming what is measured, e.g. `the radius of the THAAD radar`."""
    qualifier: Literal["exact", "at least", "about"] = "exact"
    """How the source states it: exactly, as a minimum, or approximately."""
    question: Text | None = None
    """The question asking for it, written by hand; without one the figure is not asked."""


class Claim(StrictModel):
    """Something an actor said, paraphrased in our own words."""

    speaker: Identifier
    """The actor who said it."""
    said: Text
    """The content as a clause that follows 'said that', in our own words."""
    medium: Identifier | None = None
    """The outlet the speaker told it to, if any."""
    conditional: bool = False
    """True when the speaker put it as an `if`: the claim is not a flat assertion."""
    not_offered: list[Identifier] = []
    """Actors never offered as wrong speakers: those who plausibly said the same."""


class Link(StrictModel):
    """A causal link that a source states in so many words."""

    event: EventId
    """The event at the other end of the link."""
    source: Identifier
    """The source that states the cause."""
    cue: Text
    """The source's causal wording, e.g. `as a result of`, `in response to`, `since`."""


Basis = Literal["own-reporting", "other-outlet", "unnamed-source", "unattributed-quotation",
                "named-speaker", "statement-to-outlet", "opinion"]
"""How a claim reached its article: the outlet's `own-reporting`; an `other-outlet` it cites;
an `unnamed-source`; an `unattributed-quotation` (quotation marks, no speaker); a
`named-speaker`; a `statement-to-outlet` (an official body's statement given to the citing
outlet itself); or the author's own account in an `opinion` piece."""
NAMELESS_BASES = frozenset({"unnamed-source", "unattributed-quotation"})
"""Paths that name nobody: a reader could take one for the other, so source questions never
offer a claim on one path as a wrong answer beside a claim on the other."""
SPEECH_BASES = frozenset({"named-speaker", "statement-to-outlet"})
"""Paths where the event is someone's statement: the timeline holds that they said it, not
that what they said is so."""


class Forecast(StrictModel):
    """A 'what happened next' prediction at a turning point, written by hand: the player
    stands at the cause's date and forecasts one stated effect."""

    effect: EventId
    """The stated effect the forecast asks about (one of the event's `led_to` links)."""
    prompt: Text
    """The briefing question, as the role would face it then: `It is July 2016 and Seoul
    has just agreed to host THAAD. What will Beijing do about defence exchanges…?`"""
    answer: Text
    """What happened, phrased as an option beside the alternatives."""
    alternatives: list[Text] = Field(min_length=1, max_length=3)
    """What an analyst could plausibly have expected instead, each plainly not what
    happened; phrased like `answer`."""
    note: Text | None = None
    """What the reveal adds, as sentences: how the sources support each part of `answer`
    beyond the effect itself, and who (if anyone) they credit with it. When given, it
    replaces the plain 'the source links it to the cause' sentence."""
    role: Text
    """Who the player is, e.g. `a policy officer at South Korea's defence ministry`."""
    place: Text
    """Where, e.g. `Seoul`."""


class Attribution(StrictModel):
    """How the event reached the article that cites it (its first source): the claim's path."""

    basis: Basis
    """`own-reporting`, `other-outlet`, `unnamed-source`, `unattributed-quotation`,
    `named-speaker`, `statement-to-outlet` (e.g. a ministry's statement to the paper) or
    `opinion`."""
    outlet: Identifier | None = None
    """The outlet the citing article took it from, e.g. `yonhap`; never the citing outlet."""
    speaker: Identifier | None = None
    """Who is quoted or cited, e.g. an unnamed government source or the ministry that made a
    statement to the paper."""
    note: Text | None = None
    """What a careful reader should know, e.g. that a quotation has no speaker."""
    claim: Text | None = None
    """The claim that travelled this path, as a clause that follows 'that' in reported
    speech, in our own words and without its origin or date: `at least seven joint military
    events had been cancelled since Seoul agreed to host THAAD`. Source questions set claims
    side by side and ask which rests on an unnamed source, or which ran ahead of events."""

    @model_validator(mode="after")
    def _path_complete(self) -> Attribution:
        if self.basis == "other-outlet" and self.outlet is None:
            raise PydanticCustomError("path_without_outlet",
                                      "an `other-outlet` path needs the `outlet` it came from",
                                      {"at": ("outlet",)})
        if self.basis in ("named-speaker", "statement-to-outlet") and self.speaker is None:
            raise PydanticCustomError("path_without_speaker",
                                      f"a `{self.basis}` path needs its `speaker`",
                                      {"at": ("speaker",)})
        return self


class Scene(StrictModel):
    """Where and as whom the player meets an event: the role and place, not the date."""

    role: Text
    """E.g. `a desk officer at the defence ministry, reading Yonhap's report`."""
    place: Text
    """E.g. `Seoul`."""
    date: Text | None = None
    """The scene's date in words, where the source's own date will not do (e.g. a source
    dated only to a year): `Mid-December 2017`. Never before the source."""


class Place(StrictModel):
    """A place events happen in, or a plausible alternative for 'where' questions."""

    name: Text
    """As players see it, e.g. `Beijing`."""
    kind: Identifier
    """`city`, `country`, …; 'where' questions offer places of the same kind."""


class PrintedDate(StrictModel):
    """The date a page prints, and what it stands for."""

    date: PartialDate
    """The date as the page prints it, e.g. `2021-07-27`."""
    marks: Literal["publication", "update", "page"]
    """What the date marks: `publication` (when the article first appeared), `update` (an
    'Updated' stamp: it may first have appeared earlier) or `page` (when the page was
    generated or saved, not when the article was written)."""


class SourceRecord(Source):
    """A source with an id, so events can cite it briefly."""

    id: Identifier
    """Events list this id in their `sources`."""
    reader: Scene | None = None
    """Who reads this article when it appears, and where: the scene of questions it backs."""
    about: Text | None = None
    """What the piece is about, as a noun phrase with no outlet, kind or date, so pieces can
    be offered side by side: `Chang Wanquan's visit to Seoul`. Source questions need it."""
    named: Text | None = None
    """How a sentence names the piece, as it reads mid-sentence: `the Korea Herald's report
    on the JCS chairman's talks in Beijing`. Defaults to `the article about` and `about`."""
    kind_note: Text | None = None
    """What shows the piece's `kind`, as a sentence: `It argues a case in its own voice…`."""
    printed: PrintedDate | None = None
    """The date the page prints and what it marks; leave it out when the page prints none."""
    written: DateSpan | None = None
    """When the content shows the piece was written, where the printed date will not do:
    `{earliest: 2017-11, latest: 2017-12}` for a page dated 2021."""
    date_note: Text | None = None
    """How the content dates the piece, as a sentence; required with `written`."""

    @model_validator(mode="after")
    def _written_explained(self) -> SourceRecord:
        if self.written is not None and self.date_note is None:
            raise PydanticCustomError("written_without_note",
                                      "`written` needs a `date_note` saying how the content "
                                      "dates the piece", {"at": ("written",)})
        if (self.written is not None and self.printed is not None
                and self.printed.marks == "page"
                and self.printed.date < self.written.latest[:len(self.printed.date)]):
            raise PydanticCustomError("page_before_writing",
                                      "the page is dated before the piece was written",
                                      {"at": ("printed", "date")})
        return self

"""The classroom wire protocol: JSON messages as pydantic models, one union per direction.

Every message carries `type`; the first message each way also carries the protocol
version. The server never sends a student the answer to a question before its reveal:
`Question` has no answer field, and `Reveal` is only sent after the question closes.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, TypeAdapter, ValidationError

from quiz.classroom.names import MAX_NAME_LENGTH
from quiz.model.common import StrictModel
from quiz.model.questions import CONFIDENCE_LEVELS, MAX_TYPED
from quiz.safety.terminal import has_controls

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 4096
"""The largest message a client may send; the server closes connections that exceed it."""
MAX_NUMBER = 1e15
"""The largest magnitude a numeric answer may have: beyond it, a float loses whole units."""
MAX_POSITIONS = 1000
"""Choice positions run from 0 to this (exclusive), as in a bank."""
States = Literal["lobby", "question", "reveal", "paused", "ended"]

Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME_LENGTH, pattern=r"\S")]
Code = Annotated[str, Field(pattern=r"^[A-Z0-9]{4,8}$")]
Token = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{16,64}$")]


FORECAST_SHAPE = ('a forecast is {"choice": a choice position, "confidence": 50, 60, 70, '
                  '80, 90 or 100}')


def _forecast(value: dict) -> dict:
    """A prediction's answer: the chosen position and a confidence on the game's scale."""
    if set(value) != {"choice", "confidence"}:
        missing = sorted({"choice", "confidence"} - set(value))
        raise ValueError(f"{FORECAST_SHAPE}; " + (f"it has no {' and no '.join(missing)}"
                                                  if missing else "it has other fields too"))
    choice, confidence = value["choice"], value["confidence"]
    if type(choice) is not int or not 0 <= choice < MAX_POSITIONS:
        raise ValueError(f"{FORECAST_SHAPE}; its choice is not a whole number from 0 to "
                         f"{MAX_POSITIONS - 1}")
    if type(confidence) is not int or confidence not in CONFIDENCE_LEVELS:
        raise ValueError(f"{FORECAST_SHAPE}; its confidence is not one of these")
    return value


def _answer_value(value: Any) -> Any:
    """An answer's value, checked strictly: JSON true/false, a choice position, a list
    of distinct positions, a finite number of sensible size, a forecast (a position with
    a confidence), typed text, or a matching's positions with nulls for items left
    unmatched. No NaN, no 1e999, no 4,000-digit integers; text is a short answer's
    shape, so each question kind checks its own in the room ("0" is not choice 0)."""
    if isinstance(value, dict):
        return _forecast(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) > MAX_NUMBER:
            raise ValueError(f"a number in an answer can be at most {MAX_NUMBER:.0e} in size")
        return value
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise ValueError(f"a number in an answer must be finite and at most "
                             f"{MAX_NUMBER:.0e} in size")
        return value
    if isinstance(value, str):
        return _typed_answer(value)
    if isinstance(value, list) and None in value:
        return _matches(value)
    if isinstance(value, list):
        if len(value) > MAX_POSITIONS or not all(
                type(item) is int and 0 <= item < MAX_POSITIONS for item in value):
            raise ValueError("a list answer holds choice positions: whole numbers from 0 "
                             f"to {MAX_POSITIONS - 1}")
        return value
    raise ValueError("an answer is true or false, a choice position, a list of positions, "
                     "a number, a forecast, or typed text")


def _typed_answer(value: str) -> str:
    """A short answer as typed: some visible text, at most MAX_TYPED characters, and no
    control characters (they would reach the teacher's terminal and the report)."""
    if len(value) > MAX_TYPED:
        raise ValueError(f"a typed answer can be at most {MAX_TYPED} characters long")
    if has_controls(value) or "\n" in value or "\t" in value:
        raise ValueError("a typed answer cannot hold control characters")
    if not value.strip():
        raise ValueError("a typed answer cannot be blank")
    return value


def _matches(value: list) -> list:
    """A matching's answer with gaps: a match position or null for each item."""
    if len(value) > MAX_POSITIONS or not all(
            item is None or (type(item) is int and 0 <= item < MAX_POSITIONS)
            for item in value):
        raise ValueError("a matching's answer holds a match position (a whole number from "
                         f"0 to {MAX_POSITIONS - 1}) or null for each item")
    return value


AnswerValue = Annotated[Any, PlainValidator(_answer_value)]
"""One answer. The room reads each question kind's own shape (quiz.classroom.room): a
decision takes an option's position, a prediction a forecast."""


class ProtocolError(ValueError):
    """A message that is not valid JSON of a known type; `str()` is one sentence."""


# ── Client → server ─────────────────────────────────────────────────────────


class Hello(StrictModel):
    """First message on a connection: join as a student, rejoin, or attach as the host."""

    type: Literal["hello"]
    version: int
    """The protocol version the client speaks."""
    role: Literal["student", "host", "screen"]
    """`screen` is the projector page: it sees the class's view and never any scores
    while a question is open."""
    code: Code
    """The session's join code, as shown on the teacher's screen."""
    name: Name | None = None
    """A student's display name; shown literally, never as markup."""
    rejoin_token: Token | None = None
    """Given back by `Welcome`; presenting it restores the same identity and score."""
    host_token: Token | None = None
    """Only the host token controls a session; it also opens the projector screen."""
    screen_token: Token | None = None
    """Opens the projector screen only, so the teacher need not project the host token."""


class Answer(StrictModel):
    """A student's answer to the open question, in display positions."""

    type: Literal["answer"]
    question: int = Field(ge=0)
    """The index of the question being answered; an answer to another one is rejected."""
    value: AnswerValue


class Control(StrictModel):
    """A host command."""

    type: Literal["control"]
    action: Literal["start", "next", "skip", "pause", "resume", "end", "lock", "unlock",
                    "kick", "admit", "gate", "ungate"]
    player: str | None = Field(default=None, max_length=64)
    """For `kick` and `admit`: the player id to remove or let in."""


class Ping(StrictModel):
    """Keep-alive; answered with `Pong`."""

    type: Literal["ping"]


ClientMessage = Annotated[Hello | Answer | Control | Ping, Field(discriminator="type")]

# ── Server → client ─────────────────────────────────────────────────────────


class Welcome(StrictModel):
    """Sent after a successful `Hello`."""

    type: Literal["welcome"]
    version: int
    player_id: str | None = None
    rejoin_token: Token | None = None
    name: str | None = None
    score: int = 0
    """The score as of the last reveal: an open question's points stay hidden."""
    state: States
    admitted: bool = True
    """False while the teacher has yet to let this newcomer in (see `gate`)."""
    join_url: str | None = None
    """For the host and the screen: the link students open in a browser to join."""
    screen_token: Token | None = None
    """For the host only: the token that opens the projector screen."""


class Lobby(StrictModel):
    """Who is in the room."""

    type: Literal["lobby"]
    players: list[str]
    """The most recent arrivals (at most 60), so the message stays small in a big room."""
    count: int = 0
    """How many students are in the session."""
    locked: bool
    total: int | None = None
    """How many questions the session will play."""


class Question(StrictModel):
    """The open question, without its answer."""

    type: Literal["question"]
    index: int
    total: int
    kind: str
    prompt: str
    context: str | None = None
    choices: list[str] = []
    """Choices or ordering items in display order; empty for true/false, numeric and
    short answer. For a matching, its matches, shuffled and lettered A, B, C…"""
    items: list[str] = []
    """A matching's left-hand items, in order: the answer gives a match position (in
    `choices`), or null, for each."""
    unit: str | None = None
    time_limit: float
    """Seconds the server allows; it keeps the time and refuses late answers."""
    time_left: float | None = None
    """Seconds still open, when it is less than the limit (a rejoin, a resume)."""
    locked_in: bool = False
    """True when this student's answer is already stored (sent on rejoin)."""
    confidences: list[int] = []
    """For a prediction: the confidences (in percent) a forecast may give."""


class Ack(StrictModel):
    """The server's verdict on one `Answer`, sent only after it is committed to disk."""

    type: Literal["ack"]
    question: int
    accepted: bool
    reason: str | None = None
    """Why an answer was refused: late, already answered, not open, or malformed."""


class Reveal(StrictModel):
    """The closed question's answer, with how the student and the room did."""

    type: Literal["reveal"]
    index: int
    answer: str
    explanation: str | None = None
    correct: bool | None = None
    points: int = 0
    score: int = 0
    rank: int | None = None
    distribution: list[int] = []
    """How many chose each choice, in display order."""
    sources: list[str] = []
    """Where the answer comes from, one citation a line (outlet, title, date)."""
    matches: list[str] = []
    """A matching: each item's right match, in the items' order."""
    matched: list[int] = []
    """A matching: how many students matched each item rightly, in the items' order."""
    note: str | None = None
    """A short answer: the bank's feedback on the accepted answer this student typed."""
    kind: str | None = None
    """The question's kind, so a reveal reads on its own (after a rejoin, say)."""
    choices: list[str] = []
    """The choices, items or options in display order, as `distribution` counts them."""
    happened: int | None = None
    """For a decision or a prediction: the display position of what really happened
    (the option the real actor took; the documented development)."""
    chosen: int | None = None
    """For a decision or a prediction: this student's choice, as a display position."""
    consequence: str | None = None
    """For a decision: what follows from this student's option."""
    confidence: int | None = None
    """For a prediction: how sure this student said they were, in percent."""
    brier: float | None = None
    """For a prediction: this student's Brier score (0 is perfect; 0.25 is always 50%)."""
    class_brier: float | None = None
    """For a prediction: the class's mean Brier score on it, over those who answered."""


class Phase(StrictModel):
    """The session paused, resumed or ended, outside the question/reveal flow."""

    type: Literal["phase"]
    state: States
    time_left: float | None = None


class RosterEntry(StrictModel):
    id: str
    name: str
    score: int
    connected: bool
    answered: bool = False
    waiting: bool = False
    """A newcomer the teacher has not let in yet."""


class Roster(StrictModel):
    """The host's live view: who is here, who has answered, and the clock."""

    type: Literal["roster"]
    code: str
    state: States
    index: int
    total: int
    locked: bool
    gated: bool = False
    """Newcomers wait until the teacher lets them in."""
    answered: int
    time_left: float | None = None
    players: list[RosterEntry]


class Count(StrictModel):
    """The projector's live view of an open question: answers in, never scores."""

    type: Literal["count"]
    state: States
    answered: int
    present: int
    """Students in the session (the count's denominator)."""
    time_left: float | None = None


class Standings(StrictModel):
    """The leaderboard, top first."""

    type: Literal["standings"]
    top: list[tuple[str, int]]
    final: bool = False
    rank: int | None = None
    """This student's own rank and score (absent for the host)."""
    score: int | None = None
    of: int | None = None
    """How many students are ranked."""


class Error(StrictModel):
    """A refused message; the connection stays open unless `fatal`."""

    type: Literal["error"]
    code: Literal["malformed", "too_large", "rate_limited", "bad_version", "bad_code",
                  "bad_name", "name_taken", "locked", "not_host", "bad_state", "kicked", "late",
                  "bad_token", "too_many", "waiting", "flooding"]
    message: str
    fatal: bool = False


class Pong(StrictModel):
    """Reply to `Ping`."""

    type: Literal["pong"]


ServerMessage = Annotated[Welcome | Lobby | Question | Ack | Reveal | Phase | Roster | Count
                          | Standings | Error | Pong, Field(discriminator="type")]

_CLIENT = TypeAdapter(ClientMessage)
_SERVER = TypeAdapter(ServerMessage)


def parse_client(raw: str | bytes) -> Hello | Answer | Control | Ping:
    """A client message, or ProtocolError with one sentence saying what is wrong."""
    return _parse(_CLIENT, raw)


def parse_server(raw: str | bytes):
    """A server message, or ProtocolError."""
    return _parse(_SERVER, raw)


def encode(message: StrictModel) -> str:
    """A message as compact JSON text."""
    return message.model_dump_json(exclude_none=True)


def _parse(adapter: TypeAdapter, raw: str | bytes):
    size = len(raw.encode() if isinstance(raw, str) else raw)
    if size > MAX_MESSAGE_BYTES:
        raise ProtocolError(f"the message is {size} bytes; the limit is {MAX_MESSAGE_BYTES}")
    try:
        return adapter.validate_json(raw)
    except ValidationError as error:
        first = error.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "message"
        raise ProtocolError(f"{where}: {first['msg']}") from None
    except (ValueError, RecursionError) as error:  # invalid UTF-8 and the like
        raise ProtocolError(f"the message is not valid JSON ({error})") from None

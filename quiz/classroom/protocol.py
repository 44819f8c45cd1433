"""The classroom wire protocol: JSON messages as pydantic models, one union per direction.

Every message carries `type`; the first message each way also carries the protocol
version. The server never sends a student the answer to a question before its reveal:
`Question` has no answer field, and `Reveal` is only sent after the question closes.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, TypeAdapter, ValidationError

from quiz.model.common import StrictModel

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 4096
"""The largest message a client may send; the server closes connections that exceed it."""
MAX_NAME_LENGTH = 24

Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME_LENGTH, pattern=r"\S")]
Code = Annotated[str, Field(pattern=r"^[A-Z0-9]{4,8}$")]
Token = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{16,64}$")]
AnswerValue = int | list[int] | bool | float


class ProtocolError(ValueError):
    """A message that is not valid JSON of a known type; `str()` is one sentence."""


# ── Client → server ─────────────────────────────────────────────────────────


class Hello(StrictModel):
    """First message on a connection: join as a student, rejoin, or attach as the host."""

    type: Literal["hello"]
    version: int
    """The protocol version the client speaks."""
    role: Literal["student", "host"]
    code: Code
    """The session's join code, as shown on the teacher's screen."""
    name: Name | None = None
    """A student's display name; shown literally, never as markup."""
    rejoin_token: Token | None = None
    """Given back by `Welcome`; presenting it restores the same identity and score."""
    host_token: Token | None = None
    """Only the host token controls a session."""


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
                    "kick"]
    player: str | None = Field(default=None, max_length=64)
    """For `kick`: the player id to remove."""


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
    state: Literal["lobby", "question", "reveal", "paused", "ended"]


class Lobby(StrictModel):
    """Who is in the room."""

    type: Literal["lobby"]
    players: list[str]
    """The most recent arrivals (at most 60), so the message stays small in a big room."""
    count: int = 0
    """How many students are in the session."""
    locked: bool


class Question(StrictModel):
    """The open question, without its answer."""

    type: Literal["question"]
    index: int
    total: int
    kind: str
    prompt: str
    context: str | None = None
    choices: list[str] = []
    """Choices or ordering items in display order; empty for true/false and numeric."""
    unit: str | None = None
    time_limit: float
    """Seconds the server allows; it keeps the time and refuses late answers."""
    time_left: float | None = None
    """Seconds still open, when it is less than the limit (a rejoin, a resume)."""
    locked_in: bool = False
    """True when this student's answer is already stored (sent on rejoin)."""


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


class Phase(StrictModel):
    """The session paused, resumed or ended, outside the question/reveal flow."""

    type: Literal["phase"]
    state: Literal["lobby", "question", "reveal", "paused", "ended"]
    time_left: float | None = None


class RosterEntry(StrictModel):
    id: str
    name: str
    score: int
    connected: bool
    answered: bool = False


class Roster(StrictModel):
    """The host's live view: who is here, who has answered, and the clock."""

    type: Literal["roster"]
    code: str
    state: Literal["lobby", "question", "reveal", "paused", "ended"]
    index: int
    total: int
    locked: bool
    answered: int
    time_left: float | None = None
    players: list[RosterEntry]


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
                  "bad_token"]
    message: str
    fatal: bool = False


class Pong(StrictModel):
    """Reply to `Ping`."""

    type: Literal["pong"]


ServerMessage = Annotated[Welcome | Lobby | Question | Ack | Reveal | Phase | Roster | Standings
                          | Error | Pong, Field(discriminator="type")]

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

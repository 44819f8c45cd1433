"""A live room's authoritative state: players, the open question, answers and scores.

Pure Python with an injected clock; the server wraps it with sockets and the database.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from quiz.classroom.answers import Malformed, read_answer
from quiz.classroom.names import NameError_, clean_name, name_key
from quiz.game import calibration
from quiz.game.answers import is_correct, is_scored
from quiz.game.modes import limit_for
from quiz.game.round import LATE_GRACE, Dealt
from quiz.game.scoring import score_answer
from quiz.model.questions import Matching, Prediction
from quiz.model.scoring import ScoringRules


class RoomError(ValueError):
    """A refused request; `code` matches the protocol's error codes."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Submission:
    """One accepted answer."""

    question: int
    value: object
    correct: bool
    points: int
    elapsed: float


@dataclass
class Player:
    id: str
    name: str
    token: str
    score: int = 0
    streak: int = 0
    kicked: bool = False
    admitted: bool = True
    """False while the teacher has yet to let this newcomer in."""
    answers: dict[int, Submission] = field(default_factory=dict)

    @property
    def playing(self) -> bool:
        """In the game: let in and not removed."""
        return self.admitted and not self.kicked


class Room:
    """States: lobby → question ⇄ paused → reveal → question … → ended."""

    def __init__(self, code: str, dealt: list[Dealt], rules: ScoringRules, *,
                 time_limit: float = 20.0, clock: Callable[[], float] = time.monotonic,
                 host_token: str | None = None, screen_token: str | None = None):
        if not dealt:
            raise ValueError("a room needs at least one question")
        self.code = code
        self.host_token = host_token or secrets.token_urlsafe(18)
        self.screen_token = screen_token or secrets.token_urlsafe(18)
        """Opens the projector page, and nothing else."""
        self.dealt = dealt
        self.rules = rules
        self.time_limit = time_limit
        self.clock = clock
        self.state = "lobby"
        self.index = -1
        self.locked = False
        self.gated = False
        """Newcomers wait in the lobby until the teacher admits them."""
        self.players: dict[str, Player] = {}
        self.names: dict[str, str] = {}
        """name_key → the id of the player (not removed) who holds that name."""
        self.opened_at = 0.0
        self.paused_left: float | None = None
        self.answer_count = 0
        """Answers to the open question, so a server can skip the full check cheaply."""

    # ── Players ────────────────────────────────────────────────────────────
    def join(self, name: str) -> Player:
        if self.locked:
            raise RoomError("locked", "the teacher has locked this session")
        try:
            cleaned = clean_name(name)
        except NameError_ as error:
            raise RoomError("bad_name", str(error)) from None
        if name_key(cleaned) in self.names:
            raise RoomError("name_taken", "someone in this session already uses that name "
                                          "(or one that looks the same)")
        player = Player(f"p-{len(self.players) + 1}", cleaned, secrets.token_urlsafe(18),
                        admitted=not self.gated)
        self.adopt(player)
        return player

    def adopt(self, player: Player) -> None:
        """Add a player (a new one, or one read back from the file)."""
        self.players[player.id] = player
        if not player.kicked:
            self.names[name_key(player.name)] = player.id

    def admit(self, player_id: str) -> Player:
        player = self.players.get(player_id)
        if player is None or player.kicked:
            raise RoomError("bad_state", f"there is no player {player_id!r}")
        player.admitted = True
        return player

    def rejoin(self, token: str) -> Player:
        for player in self.players.values():
            if secrets.compare_digest(player.token, token):
                if player.kicked:
                    raise RoomError("kicked", "you were removed from this session")
                return player
        raise RoomError("bad_token", "that rejoin token belongs to no one in this session")

    def kick(self, player_id: str) -> Player:
        player = self.players.get(player_id)
        if player is None:
            raise RoomError("bad_state", f"there is no player {player_id!r}")
        player.kicked = True
        if self.names.get(name_key(player.name)) == player.id:
            del self.names[name_key(player.name)]
        return player

    def is_host(self, token: str | None) -> bool:
        return token is not None and secrets.compare_digest(token, self.host_token)

    def is_screen(self, token: str | None) -> bool:
        return token is not None and (secrets.compare_digest(token, self.screen_token)
                                      or self.is_host(token))

    # ── The host's controls ────────────────────────────────────────────────
    def control(self, action: str) -> None:
        handlers = {"start": self._start, "next": self._next, "skip": self._skip,
                    "pause": self._pause, "resume": self._resume, "end": self._end,
                    "lock": lambda: setattr(self, "locked", True),
                    "unlock": lambda: setattr(self, "locked", False),
                    "gate": lambda: setattr(self, "gated", True),
                    "ungate": lambda: setattr(self, "gated", False)}
        handlers[action]()

    def _need(self, why: str, *states: str) -> None:
        if self.state not in states:
            raise RoomError("bad_state", f"{why} (the session is in {self.state})")

    def _open(self, index: int) -> None:
        self.index, self.state, self.opened_at = index, "question", self.clock()
        self.paused_left = None
        self.answer_count = 0

    def _start(self) -> None:
        self._need("the session has already started", "lobby")
        self._open(0)

    def _next(self) -> None:
        self._need("next comes after the reveal; skip to reveal now", "reveal")
        if self.index + 1 >= len(self.dealt):
            self.state = "ended"
        else:
            self._open(self.index + 1)

    def _skip(self) -> None:
        self._need("there is no open question to skip", "question", "paused")
        self._close()

    def _pause(self) -> None:
        self._need("only an open question can be paused", "question")
        self.paused_left, self.state = self.time_left(), "paused"

    def _resume(self) -> None:
        self._need("nothing is paused", "paused")
        self.state = "question"
        self.opened_at = self.clock() - (self.limit() - (self.paused_left or 0.0))
        self.paused_left = None

    def _end(self) -> None:
        if self.state in ("question", "paused"):
            self._close()  # its answers count, and the server shows its reveal first
        self.state = "ended"

    # ── The open question ──────────────────────────────────────────────────
    @property
    def current(self) -> Dealt:
        return self.dealt[self.index]

    def limit(self, index: int | None = None) -> float:
        """Seconds allowed for a question: its own limit, else the room's (stretched for a
        matching's pairs, as in the solo game)."""
        dealt = self.dealt[self.index if index is None else index]
        return limit_for(dealt.question, self.time_limit)

    def time_left(self) -> float:
        if self.state == "paused":
            return self.paused_left or 0.0
        if self.state != "question":
            return 0.0
        return max(0.0, self.limit() - (self.clock() - self.opened_at))

    def extend_to(self, seconds: float) -> None:
        """Give the open question at least this much time (used after a restart)."""
        if self.state == "question" and self.time_left() < seconds:
            self.opened_at = self.clock() - (self.limit() - seconds)

    def answer(self, player_id: str, question: int, shown: object) -> Submission:
        """Record a student's answer; the server acknowledges it only once stored."""
        player = self.players.get(player_id)
        if player is None or player.kicked:
            raise RoomError("kicked", "you are not in this session")
        if not player.admitted:
            raise RoomError("waiting", "the teacher has not let you in yet")
        if self.state != "question" or question != self.index:
            raise RoomError("bad_state", "that question is not open")
        if question in player.answers:
            raise RoomError("bad_state", "you have already answered this question")
        elapsed = self.clock() - self.opened_at
        limit = self.limit()
        if elapsed > limit + LATE_GRACE:
            raise RoomError("late", f"late: the question closed {elapsed - limit:.1f} s ago")
        dealt = self.current
        try:
            response = read_answer(dealt, shown)
        except Malformed as error:
            raise RoomError("malformed", str(error)) from None
        correct = is_correct(dealt.question, response)
        elapsed = min(elapsed, limit)
        points = _points(self, dealt, response, correct, elapsed, player.streak)
        submission = Submission(question, shown, correct, points, elapsed)
        player.answers[question] = submission
        self.answer_count += 1
        player.score += points
        if is_scored(dealt.question):  # a decision is never marked: the streak stands
            player.streak = player.streak + 1 if correct else 0
        return submission

    def retract(self, player_id: str, submission: Submission, streak_before: int) -> None:
        """Undo an answer that could not be stored, so the student can send it again."""
        player = self.players[player_id]
        if player.answers.get(submission.question) is submission:
            del player.answers[submission.question]
            player.score -= submission.points
            player.streak = streak_before
            self.answer_count -= submission.question == self.index

    def snapshot(self) -> tuple:
        """The session-level state, to restore if a control cannot be stored."""
        return self.state, self.index, self.opened_at, self.paused_left, self.locked, \
            self.answer_count, self.gated

    def restore(self, snapshot: tuple) -> None:
        (self.state, self.index, self.opened_at, self.paused_left, self.locked,
         self.answer_count, self.gated) = snapshot

    def close_if_due(self, waiting_for: set[str] | None = None) -> bool:
        """Reveal when time is up or every player still waited for has answered.

        `waiting_for` is the ids of players who count as present (connected, or within
        their reconnection grace); by default every player who was not kicked."""
        if self.state != "question":
            return False
        present = [p for p in self.players.values() if p.playing
                   and (waiting_for is None or p.id in waiting_for)]
        everyone = bool(present) and all(self.index in p.answers for p in present)
        if self.time_left() <= 0 or everyone:
            self._close()
            return True
        return False

    def _close(self) -> None:
        if is_scored(self.current.question):
            for player in self.players.values():
                if self.index not in player.answers:
                    player.streak = 0
        self.state = "reveal"

    def distribution(self) -> list[int]:
        """How many picked each displayed choice (single choice, true/false, a decision's
        options and a prediction's choices)."""
        size = len(self.current.order) if self.current.order else 2
        counts = [0] * size
        for player in self.players.values():
            submission = player.answers.get(self.index)
            value = submission.value if submission else None
            if isinstance(value, dict):  # a forecast
                value = value.get("choice")
            if isinstance(value, bool):
                counts[0 if value else 1] += 1
            elif isinstance(value, int) and 0 <= value < size:
                counts[value] += 1
        return counts

    def matched(self) -> list[int]:
        """A matching: how many players matched each item rightly, in the items' order."""
        question = self.current.question
        if not isinstance(question, Matching):
            return []
        counts, key = [0] * len(question.pairs), question.key
        for player in self.players.values():
            submission = player.answers.get(self.index)
            if submission and isinstance(submission.value, list):
                for item, shown in enumerate(submission.value[:len(counts)]):
                    counts[item] += (shown is not None
                                     and self.current.order[shown] == key[item])
        return counts
    def class_brier(self) -> float | None:
        """For an open or revealed prediction: the mean Brier score of the forecasts made."""
        if not isinstance(self.current.question, Prediction):
            return None
        calls = [(s.value["confidence"], s.correct) for player in self.players.values()
                 if player.playing and (s := player.answers.get(self.index))]
        return round(calibration.calibration(calls).mean_brier, 3) if calls else None

    def shown_score(self, player: Player) -> int:
        """The score as of the last reveal: while a question is open, its points would
        tell a student (or a projected dashboard) which choice is right."""
        if self.state in ("question", "paused") and self.index in player.answers:
            return player.score - player.answers[self.index].points
        return player.score

    def standings(self) -> list[Player]:
        return sorted((p for p in self.players.values() if p.playing),
                      key=lambda p: (-p.score, p.name.casefold()))

    def rank(self, player: Player) -> int:
        return 1 + sum(1 for other in self.standings() if other.score > player.score)

    def ranks(self) -> dict[str, int]:
        """Every player's rank at once (ties share a rank), in O(n log n)."""
        ranks: dict[str, int] = {}
        previous, rank = None, 0
        for position, player in enumerate(self.standings(), start=1):
            if player.score != previous:
                previous, rank = player.score, position
            ranks[player.id] = rank
        return ranks


def _points(room: Room, dealt: Dealt, response, correct: bool, elapsed: float,
            streak_before: int) -> int:
    """The same rules as the solo game's: a decision scores nothing, a forecast scores
    on the Brier score of its confidence (no speed or streak bonus), the rest by the bank."""
    question = dealt.question
    if not is_scored(question):
        return 0
    if isinstance(question, Prediction):
        return calibration.points(response.confidence, correct)
    return score_answer(room.rules, question, correct=correct, elapsed=elapsed,
                        limit=room.limit(), streak_before=streak_before,
                        response=response).total

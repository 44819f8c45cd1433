"""What each party sees of a room, as protocol messages. The key stays out of `question`."""

from __future__ import annotations

import json

from quiz.classroom import protocol as p
from quiz.classroom.room import Player, Room
from quiz.content.key import answer_text, context_text
from quiz.game.answers import accepted
from quiz.game.calibration import brier
from quiz.model.questions import (
    CONFIDENCE_LEVELS,
    Decision,
    Matching,
    Numeric,
    Prediction,
    ShortAnswer,
)

LOBBY_NAMES = 60
PODIUM = 10


def question(room: Room, player: Player | None = None) -> p.Question:
    dealt = room.current
    q = dealt.question
    limit = room.limit()
    left = room.time_left()
    return p.Question(
        type="question", index=room.index, total=len(room.dealt), kind=q.type,
        prompt=q.prompt, context=context_text(q.context) or None, choices=dealt.labels(),
        unit=q.unit if isinstance(q, Numeric) else None, time_limit=limit,
        items=[pair.left for pair in q.pairs] if isinstance(q, Matching) else [],
        time_left=round(left, 2) if left < limit - 0.05 else None,
        locked_in=bool(player and room.index in player.answers),
        confidences=list(CONFIDENCE_LEVELS) if isinstance(q, Prediction) else [])


def reveal(room: Room, player: Player | None, distribution: list[int],
           ranks: dict[str, int], class_brier: float | None = None) -> p.Reveal:
    """The answer for everyone; for a student, also how they did. A decision names the
    option the real actor took (with its own sources first) and is never marked."""
    dealt = room.current
    q = dealt.question
    sources = [source.citation() for source in q.sources]
    answer = answer_text(q)
    happened = None
    if isinstance(q, Decision):
        if q.actual is not None:
            option = q.options[q.actual]
            answer, happened = option.text, dealt.order.index(q.actual)
            own = [source.citation() for source in option.sources]
            sources = own + [each for each in sources if each not in own]
        else:
            answer = "The bank does not record what the real actor did"
    elif isinstance(q, Prediction):
        happened = dealt.order.index(q.answer)
    message = p.Reveal(type="reveal", index=room.index, answer=answer,
                       explanation=q.explanation, distribution=distribution, sources=sources,
                       kind=q.type, choices=dealt.labels(), happened=happened,
                       class_brier=class_brier)
    if isinstance(q, Matching):
        message.matches, message.matched = [pair.right for pair in q.pairs], room.matched()
    if player is not None:
        submission = player.answers.get(room.index)
        message.note = typed_note(q, submission.value if submission else None)
        message.correct = bool(submission and submission.correct)
        message.points = submission.points if submission else 0
        message.score = player.score
        message.rank = ranks.get(player.id)
        _own_choice(message, dealt, submission)
    return message


def typed_note(question, typed: object) -> str | None:
    """The bank's feedback on the accepted answer a student typed, if it has one."""
    if not isinstance(question, ShortAnswer):
        return None
    hit = accepted(question, typed)
    return hit.feedback if hit else None


def _own_choice(message: p.Reveal, dealt, submission) -> None:
    """A decision's or a forecast's own details: the choice, and what it led to."""
    question = dealt.question
    if isinstance(question, Decision):
        message.correct = None  # not marked, either way
        if submission is not None:
            message.chosen = submission.value
            option = question.options[dealt.order[submission.value]]
            message.consequence = option.consequence
    elif isinstance(question, Prediction) and submission is not None:
        message.chosen = submission.value["choice"]
        message.confidence = submission.value["confidence"]
        message.brier = round(brier(message.confidence, submission.correct), 4)


def standings(room: Room, final: bool, player: Player | None = None,
              ranks: dict[str, int] | None = None) -> p.Standings:
    top = [(each.name, each.score) for each in room.standings()[:PODIUM]]
    message = p.Standings(type="standings", top=top, final=final)
    if player is not None and ranks is not None:
        message.rank, message.score, message.of = ranks.get(player.id), player.score, len(ranks)
    return message


def lobby(room: Room) -> p.Lobby:
    present = [each.name for each in room.players.values() if each.playing]
    return p.Lobby(type="lobby", players=present[-LOBBY_NAMES:], count=len(present),
                   locked=room.locked, total=len(room.dealt))


def count(room: Room) -> p.Count:
    """The projector's view of an open question: how many answered, never who or how."""
    playing = [each for each in room.players.values() if each.playing]
    open_index = room.index if room.state in ("question", "paused", "reveal") else None
    answered = sum(1 for each in playing if open_index in each.answers)
    left = room.time_left() if room.state in ("question", "paused") else None
    return p.Count(type="count", state=room.state, answered=answered, present=len(playing),
                   time_left=round(left, 1) if left is not None else None)


def roster(room: Room, connected: set[str]) -> p.Roster:
    return p.Roster.model_validate_json(roster_json(room, connected))


def roster_json(room: Room, connected: set[str]) -> str:
    """The same message as `roster`, encoded straight from dicts: with thousands of
    students the dashboard's roster is the server's largest recurring message."""
    open_index = room.index if room.state in ("question", "paused", "reveal") else None
    players = [{"id": each.id, "name": each.name, "score": room.shown_score(each),
                "connected": each.id in connected,
                "answered": open_index is not None and open_index in each.answers,
                "waiting": not each.admitted}
               for each in room.players.values() if not each.kicked]
    left = room.time_left() if room.state in ("question", "paused") else None
    message = {"type": "roster", "code": room.code, "state": room.state, "index": room.index,
               "total": len(room.dealt), "locked": room.locked, "gated": room.gated,
               "answered": sum(1 for each in players if each["answered"]),
               "players": players}
    if left is not None:
        message["time_left"] = round(left, 1)
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))

"""The live room's rules, and its invariants under random streams of requests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.classroom.room import Room, RoomError
from quiz.game.modes import MODES
from quiz.game.round import Entry, deal
from quiz.model.bank import Bank
from quiz.model.scoring import ScoringRules
from tests.strategies import bank, examples


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def room_for(data: dict, clock: Clock) -> Room:
    model = Bank.model_validate(data)
    entries = [Entry(model.id, None, q) for _, q in model.all_questions()]
    return Room("ABCD12", deal(entries, MODES["practice"], 3), ScoringRules(), clock=clock)


TF_BANK = {"id": "b", "title": "t", "questions": [
    {"id": f"q{i}", "type": "true_false", "prompt": "p", "answer": True} for i in range(3)]}


def test_one_answer_per_question_and_late_answers_refused():
    clock = Clock()
    room = room_for(TF_BANK, clock)
    ann = room.join("Ann")
    bob = room.join("Bob")
    room.control("start")
    room.answer(ann.id, 0, True)
    with pytest.raises(RoomError, match="already answered"):
        room.answer(ann.id, 0, False)
    clock.now += 30
    with pytest.raises(RoomError, match="late"):
        room.answer(bob.id, 0, True)
    assert room.close_if_due() and room.state == "reveal"
    assert ann.score > 0 and bob.score == 0


def test_names_are_unique_trimmed_and_limited():
    room = room_for(TF_BANK, Clock())
    room.join("  Ann  ")
    with pytest.raises(RoomError) as taken:
        room.join("ann")
    assert taken.value.code == "name_taken"
    assert room.join("Maria Fernanda Rodrigues Silva").name  # a real 30-character name
    for bad in ["", "   ", "x" * 41, "bell\x07", "zero\u200bwidth"]:
        with pytest.raises(RoomError) as refused:
            room.join(bad)
        assert refused.value.code == "bad_name"
    assert room.join("[bold]Sam[/]").name == "[bold]Sam[/]"  # kept literally


def test_rejoin_keeps_identity_and_score_kick_and_lock():
    room = room_for(TF_BANK, Clock())
    ann = room.join("Ann")
    room.control("start")
    room.answer(ann.id, 0, True)
    assert room.rejoin(ann.token) is ann and ann.score > 0
    room.kick(ann.id)
    with pytest.raises(RoomError, match="removed"):
        room.rejoin(ann.token)
    room.control("lock")
    with pytest.raises(RoomError, match="locked"):
        room.join("Bob")


def test_pause_stops_the_clock():
    clock = Clock()
    room = room_for(TF_BANK, clock)
    room.join("Ann")
    room.control("start")
    clock.now += 5
    room.control("pause")
    clock.now += 100
    assert room.time_left() == pytest.approx(15)
    room.control("resume")
    assert room.time_left() == pytest.approx(15)
    assert not room.close_if_due()


def test_host_token_is_required_to_be_exact():
    room = room_for(TF_BANK, Clock())
    assert room.is_host(room.host_token)
    assert not room.is_host(None) and not room.is_host(room.host_token + "x")


operations = st.lists(st.one_of(
    st.tuples(st.just("join"), st.text(max_size=30)),
    st.tuples(st.just("answer"), st.integers(0, 6), st.integers(-1, 4),
              st.one_of(st.integers(-3, 8), st.booleans(), st.floats(allow_nan=True),
                        st.lists(st.integers(-2, 6), max_size=6), st.none(), st.text(max_size=3))),
    st.tuples(st.just("control"), st.sampled_from(
        ["start", "next", "skip", "pause", "resume", "end", "lock", "unlock"])),
    st.tuples(st.just("kick"), st.integers(1, 6)),
    st.tuples(st.just("wait"), st.floats(0, 30)),
), max_size=60)


@settings(max_examples=examples(200), deadline=None)
@given(data=bank(), ops=operations)
def test_random_requests_never_break_the_rules(data, ops):
    clock = Clock()
    room = room_for(data, clock)
    for op in ops:
        try:
            if op[0] == "join":
                room.join(op[1])
            elif op[0] == "answer":
                room.answer(f"p-{op[1]}", op[2], op[3])
            elif op[0] == "control":
                room.control(op[1])
            elif op[0] == "kick":
                room.kick(f"p-{op[1]}")
            else:
                clock.now += op[1]
                room.close_if_due()
        except RoomError as error:
            assert error.code and str(error)
        for player in room.players.values():
            assert player.score >= 0
            assert player.score == sum(s.points for s in player.answers.values())
            assert all(s.elapsed <= room.time_limit + 0.25 for s in player.answers.values())
        names = [p.name.casefold() for p in room.players.values() if not p.kicked]
        assert len(names) == len(set(names))
        assert room.state in {"lobby", "question", "reveal", "paused", "ended"}

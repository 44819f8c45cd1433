"""The live room's rules, and its invariants under random streams of requests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.classroom.room import Room, RoomError
from quiz.game.calibration import points as brier_points
from quiz.game.modes import MODES, Mode
from quiz.game.round import Entry, deal
from quiz.model.bank import Bank
from quiz.model.scoring import ScoringRules
from tests.strategies import ALL_KINDS, bank, examples


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


CLASSROOM = Mode("classroom", "Classroom", "", shuffle=False)
"""As `quiz host` deals: in the bank's order, decisions and predictions included."""


def room_for(data: dict, clock: Clock, mode: Mode = MODES["practice"]) -> Room:
    model = Bank.model_validate(data)
    entries = [Entry(model.id, None, q) for _, q in model.all_questions()]
    return Room("ABCD12", deal(entries, mode, 3), ScoringRules(), clock=clock)


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


SCENARIO_BANK = {"id": "b", "title": "t", "questions": [
    {"id": "tf", "type": "true_false", "prompt": "p", "answer": True},
    {"id": "choose", "type": "decision", "prompt": "What do you advise?", "options": [
        {"text": "Deny", "consequence": "Calm now, trouble later."},
        {"text": "Admit", "consequence": "Candid.", "actual": True},
        {"text": "Stall", "consequence": "Nobody is fooled."}]},
    {"id": "guess", "type": "predict", "prompt": "What happens next?",
     "choices": ["Talks stop", "Talks go on", "A summit"], "answer": 0},
]}


def test_a_decision_is_never_marked_and_leaves_the_streak_alone():
    room = room_for(SCENARIO_BANK, Clock(), CLASSROOM)
    ann, bob, cy = room.join("Ann"), room.join("Bob"), room.join("Cy")
    room.control("start")
    for player in (ann, bob, cy):
        room.answer(player.id, 0, True)
    room.close_if_due()
    streaks = [p.streak for p in (ann, bob, cy)]
    room.control("next")
    order = room.current.order
    real = order.index(1)  # "Admit", as displayed
    room.answer(ann.id, 1, real)
    room.answer(bob.id, 1, (real + 1) % 3)
    with pytest.raises(RoomError, match="does not fit"):
        room.answer(cy.id, 1, 3)  # no fourth option
    room.control("skip")  # Cy never decides
    assert [p.streak for p in (ann, bob, cy)] == streaks  # not even Cy's is broken
    assert ann.answers[1].points == bob.answers[1].points == 0
    assert not ann.answers[1].correct and not bob.answers[1].correct
    assert sorted(room.distribution()) == [0, 1, 1] and room.distribution()[real] == 1
    assert room.class_brier() is None


def test_a_forecast_scores_its_brier_points_and_needs_a_confidence():
    clock = Clock()
    room = room_for(SCENARIO_BANK, clock, CLASSROOM)
    ann, bob, cy = room.join("Ann"), room.join("Bob"), room.join("Cy")
    room.control("start")
    room.control("skip")
    room.control("next")
    room.control("skip")
    room.control("next")
    happened = room.current.order.index(0)
    for refused in (happened, {"choice": happened}, {"choice": happened, "confidence": 85},
                    {"choice": happened, "confidence": True}, {"choice": 7, "confidence": 80},
                    {"choice": happened, "confidence": 80, "extra": 1}, [happened, 80]):
        with pytest.raises(RoomError, match="forecast|does not fit") as error:
            room.answer(ann.id, 2, refused)
        assert error.value.code == "malformed" and "\n" not in str(error.value)
    assert not ann.answers  # nothing half-stored
    clock.now += 15  # speed earns nothing on a forecast
    room.answer(ann.id, 2, {"choice": happened, "confidence": 80})
    room.answer(bob.id, 2, {"choice": (happened + 1) % 3, "confidence": 80})
    room.answer(cy.id, 2, {"choice": happened, "confidence": 50})
    assert (ann.score, bob.score, cy.score) == (96, 36, 75)
    assert ann.answers[2].correct and not bob.answers[2].correct
    assert (ann.streak, bob.streak) == (1, 0)
    assert room.close_if_due() and room.distribution()[happened] == 2
    # (0.2² + 0.8² + 0.5²) / 3 = (0.04 + 0.64 + 0.25) / 3 = 0.31
    assert room.class_brier() == 0.31


operations = st.lists(st.one_of(
    st.tuples(st.just("join"), st.text(max_size=30)),
    st.tuples(st.just("answer"), st.integers(0, 6), st.integers(-1, 4),
              st.one_of(st.integers(-3, 8), st.booleans(), st.floats(allow_nan=True),
                        st.lists(st.integers(-2, 6), max_size=6), st.none(), st.text(max_size=3),
                        st.lists(st.none() | st.integers(-1, 6), max_size=6))),
    st.tuples(st.just("control"), st.sampled_from(
        ["start", "next", "skip", "pause", "resume", "end", "lock", "unlock"])),
    st.tuples(st.just("kick"), st.integers(1, 6)),
    st.tuples(st.just("wait"), st.floats(0, 30)),
), max_size=60)


@settings(max_examples=examples(200), deadline=None)
@given(data=bank(ALL_KINDS), ops=operations)
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
            assert all(s.elapsed <= room.limit(s.question) + 0.25
                       for s in player.answers.values())
        names = [p.name.casefold() for p in room.players.values() if not p.kicked]
        assert len(names) == len(set(names))
        assert room.state in {"lobby", "question", "reveal", "paused", "ended"}


TYPED_BANK = {"id": "b", "title": "t", "questions": [
    {"id": "s", "type": "short_answer", "prompt": "Capital?",
     "answers": ["Seoul", {"text": "Sŏul", "feedback": "Another romanisation."}]},
    {"id": "m", "type": "matching", "prompt": "Match", "distractors": ["Japan"],
     "pairs": [{"left": "Han", "right": "ROK"}, {"left": "Chang", "right": "PRC"},
               {"left": "Carter", "right": "USA"}]}]}


def typed_room(clock: Clock) -> Room:
    """The short answer, then the matching, in the bank's order."""
    model = Bank.model_validate(TYPED_BANK)
    entries = [Entry(model.id, None, q) for _, q in model.all_questions()]
    return Room("ABCD12", deal(entries, MODES["campaign"], 3), ScoringRules(), clock=clock)


def test_typed_answers_are_folded_and_bad_text_refused():
    clock = Clock()
    room = typed_room(clock)
    ann, bob, cat = room.join("Ann"), room.join("Bob"), room.join("Cat")
    room.control("start")
    assert room.current.question.type == "short_answer"
    for bad in ["   ", "x" * 1001, "Seoul\x1b[2J", 3, ["Seoul"]]:
        with pytest.raises(RoomError) as refused:
            room.answer(ann.id, 0, bad)
        assert refused.value.code == "malformed"
    assert room.answer(ann.id, 0, "  SEOUL ").correct
    assert room.answer(bob.id, 0, "sŏul").correct
    assert not room.answer(cat.id, 0, "Tokyo").correct
    from quiz.classroom import views

    room.close_if_due()
    assert views.reveal(room, bob, room.distribution(), room.ranks()).note == (
        "Another romanisation.")
    assert views.reveal(room, ann, room.distribution(), room.ranks()).note is None


def test_matching_scores_per_pair_and_counts_each_item_matched():
    clock = Clock()
    room = typed_room(clock)
    ann, bob = room.join("Ann"), room.join("Bob")
    room.control("start")
    room.control("skip")
    room.control("next")
    question = room.current.question
    assert question.type == "matching" and room.limit() == 30.0  # 20 s, stretched
    order = room.current.order
    right = [order.index(n) for n in range(3)]
    for bad in [right[:2], right + [None], [0, 0, 9], [None, "1", None], [True, 0, 1]]:
        with pytest.raises(RoomError):
            room.answer(ann.id, 1, bad)
    assert room.answer(ann.id, 1, right).points == 300  # 200, and 100 for speed
    partial = room.answer(bob.id, 1, [right[0], None, order.index(3)])
    assert not partial.correct and partial.points == round(200 / 3)
    assert room.matched() == [2, 1, 1]
    from quiz.classroom import views

    room.close_if_due()
    reveal = views.reveal(room, bob, room.distribution(), room.ranks())
    assert reveal.matches == ["ROK", "PRC", "USA"] and reveal.matched == [2, 1, 1]
    shown = views.question(room)
    assert shown.items == ["Han", "Chang", "Carter"] and sorted(shown.choices) == sorted(
        ["ROK", "PRC", "USA", "Japan"])


forecasts = st.one_of(
    st.fixed_dictionaries({"choice": st.integers(-1, 5),
                           "confidence": st.sampled_from([50, 60, 70, 80, 90, 100])}),
    st.dictionaries(st.sampled_from(["choice", "confidence", "extra"]),
                    st.integers(-5, 120) | st.booleans() | st.floats() | st.none()
                    | st.text(max_size=3), max_size=3),
)


answers = st.tuples(st.just("answer"), st.integers(1, 3), st.integers(-1, 5) | forecasts)
"""(player, value) for the open question: other questions are the other test's business."""


@settings(max_examples=examples(200), deadline=None)
@given(data=bank(("decision", "predict", "true_false")), ops=st.lists(st.one_of(
    st.tuples(st.just("join"), st.text(max_size=8)),
    answers, answers, answers,  # mostly answers, so plenty reach an open question
    st.tuples(st.just("control"), st.sampled_from(["next", "skip", "advance"])),
    st.tuples(st.just("wait"), st.floats(0, 30)),
), min_size=5, max_size=60))
def test_decisions_and_forecasts_keep_the_scores_honest(data, ops):
    """Whatever is sent: a decision scores nothing, a forecast scores exactly its Brier
    points, a refusal is one sentence and stores nothing."""
    clock = Clock()
    room = room_for(data, clock, CLASSROOM)
    for name in ("Ann", "Bob", "Cy"):
        room.join(name)
    room.control("start")
    for op in ops:
        try:
            if op[0] == "join":
                room.join(op[1])
            elif op[0] == "answer":
                room.answer(f"p-{op[1]}", room.index, op[2])
            elif op[1] == "advance":  # on to the next question, whatever the state
                room.close_if_due()
                if room.state in ("question", "paused"):
                    room.control("skip")
                room.control("next")
            elif op[0] == "control":
                room.control(op[1])
            else:
                clock.now += op[1]
                room.close_if_due()
        except RoomError as error:
            assert error.code and str(error) and "\n" not in str(error)
    for player in room.players.values():
        assert player.score == sum(s.points for s in player.answers.values())
        for index, submission in player.answers.items():
            question = room.dealt[index].question
            if question.type == "decision":
                assert submission.points == 0 and not submission.correct
                assert type(submission.value) is int
            elif question.type == "predict":
                value = submission.value
                assert set(value) == {"choice", "confidence"}
                right = room.dealt[index].order[value["choice"]] == question.answer
                assert submission.correct == right
                assert submission.points == brier_points(value["confidence"], right)


def test_a_shared_match_counts_for_each_item_it_fits():
    bank = {"id": "b", "title": "t", "questions": [
        {"id": "m", "type": "matching", "prompt": "Match", "pairs": [
            {"left": "cat", "right": "mammal"}, {"left": "dog", "right": "mammal"},
            {"left": "eagle", "right": "bird"}]}]}
    model = Bank.model_validate(bank)
    entries = [Entry(model.id, None, q) for _, q in model.all_questions()]
    room = Room("ABCD12", deal(entries, MODES["campaign"], 3), ScoringRules(), clock=Clock())
    ann = room.join("Ann")
    room.control("start")
    order = room.current.order  # two matches shown: mammal (0) and bird (1)
    assert sorted(order) == [0, 1]
    mammal, bird = order.index(0), order.index(1)
    assert room.answer(ann.id, 0, [mammal, mammal, bird]).correct
    assert room.matched() == [1, 1, 1]

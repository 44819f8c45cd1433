"""Properties of scoring and the round state machine, on random banks and answer streams."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.game.answers import is_correct
from quiz.game.modes import MODES
from quiz.game.resume import restore, snapshot
from quiz.game.round import Entry, Phase, Round, deal
from quiz.game.scoring import score_answer
from quiz.model.bank import Bank
from quiz.model.questions import (
    Matching,
    MultipleSelect,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from quiz.model.scoring import ScoringRules
from tests.strategies import ALL_KINDS, bank, examples, question

PROPS = settings(max_examples=examples(150), deadline=None)

rules_strategy = st.builds(
    ScoringRules, time_bonus=st.floats(0, 10), streak_bonus=st.floats(0, 10),
    streak_cap=st.integers(0, 100), speed_free=st.booleans())


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _entries(data: dict) -> list[Entry]:
    model = Bank.model_validate(data)
    return [Entry(model.id, s.id if s else None, q) for s, q in model.all_questions()]


def right_response(dealt):
    question = dealt.question
    match question:
        case SingleChoice():
            return dealt.from_display(dealt.order.index(question.answer))
        case MultipleSelect():
            return dealt.from_display([dealt.order.index(i) for i in question.answers])
        case Ordering():
            return dealt.from_display([dealt.order.index(i) for i in range(len(dealt.order))])
        case TrueFalse():
            return question.answer
        case Numeric():
            return question.answer
        case ShortAnswer():
            return f"  {question.answers[-1].text} "
        case Matching():
            return dealt.from_display([dealt.order.index(i) for i in range(len(question.pairs))])


@PROPS
@given(q=question("q", ALL_KINDS), rules=rules_strategy, correct=st.booleans(),
       elapsed=st.floats(-5, 500), limit=st.none() | st.floats(0.1, 120),
       streak=st.integers(-3, 200))
def test_a_score_is_never_negative(q, rules, correct, elapsed, limit, streak):
    model = Bank.model_validate({"id": "b", "title": "t", "questions": [q]}).questions[0]
    points = score_answer(rules, model, correct=correct, elapsed=elapsed, limit=limit,
                          streak_before=streak)
    assert points.base >= 0 and points.time_bonus >= 0 and points.streak_bonus >= 0
    if not correct:
        assert points.total == 0
    if rules.speed_free:
        assert points.time_bonus == 0


@PROPS
@given(data=bank(ALL_KINDS), mode=st.sampled_from(list(MODES)), seed=st.integers(0, 2**31))
def test_every_question_is_dealt_at_most_once_and_keys_survive_the_shuffle(data, mode, seed):
    entries = _entries(data)
    spec = MODES[mode]
    dealt = deal(entries, spec, seed)
    keys = [d.entry.key for d in dealt]
    assert len(keys) == len(set(keys)), "no question twice"
    eligible = [e for e in entries if spec.only_types is None or e.question.type in
                spec.only_types]
    expected = len(eligible) if spec.round_length is None else min(spec.round_length,
                                                                    len(eligible))
    assert len(dealt) == expected
    if not spec.shuffle:
        assert keys == [e.key for e in eligible][:expected]
    for item in dealt:
        assert sorted(item.order) == list(range(len(item.order)))
        assert is_correct(item.question, right_response(item)), "the shuffle keeps the key"


@PROPS
@given(data=bank(ALL_KINDS), mode=st.sampled_from(["practice", "challenge", "exam", "campaign"]),
       seed=st.integers(0, 2**31), plan=st.lists(st.tuples(st.booleans(), st.floats(0, 60)),
                                                   min_size=30, max_size=30))
def test_the_total_is_the_sum_of_question_scores_and_rounds_finish(data, mode, seed, plan):
    clock = FakeClock()
    dealt = deal(_entries(data), MODES[mode], seed)
    round_ = Round(dealt, MODES[mode], ScoringRules(), clock)
    for step, (right, wait) in enumerate(plan):
        if round_.phase is Phase.FINISHED:
            break
        clock.now += wait
        if wait > 50 and round_.mode.timed:
            outcome = round_.expire()
        else:
            response = right_response(round_.current) if right else None
            outcome = round_.submit(response)
        assert outcome is None or outcome.points.total >= 0
        assert round_.score == sum(o.points.total for o in round_.outcomes)
        if round_.phase is Phase.FEEDBACK:
            assert round_.mode.feedback
            round_.advance()
        if step % 3 == 0:  # resuming mid-round changes nothing
            restored = restore(snapshot(round_), {d.entry.key: d.entry for d in dealt},
                               ScoringRules(), clock)
            assert snapshot(restored) == snapshot(round_)
    if round_.phase is Phase.FINISHED:
        summary = round_.summary()
        assert summary.total == len(dealt)
        assert summary.score == sum(o.points.total for o in round_.outcomes)
        assert [o.key for o in round_.outcomes] == [d.entry.key for d in dealt]


def test_a_late_answer_is_rejected_and_scores_nothing():
    clock = FakeClock()
    data = {"id": "b", "title": "t", "questions": [
        {"id": "q", "type": "true_false", "prompt": "p", "answer": True}]}
    round_ = Round(deal(_entries(data), MODES["challenge"], 1), MODES["challenge"],
                   ScoringRules(), clock)
    clock.now += 21
    outcome = round_.submit(True)
    assert outcome.timed_out and not outcome.correct and outcome.points.total == 0


def test_speed_and_streak_bonuses():
    clock = FakeClock()
    data = {"id": "b", "title": "t", "questions": [
        {"id": f"q{i}", "type": "true_false", "prompt": "p", "answer": True,
         "difficulty": "easy"} for i in range(3)]}
    round_ = Round(deal(_entries(data), MODES["challenge"], 1), MODES["challenge"],
                   ScoringRules(), clock)
    totals = []
    for _ in range(3):
        clock.now += 10  # half the 20 s limit
        totals.append(round_.submit(True).points)
        round_.advance()
    assert [p.base for p in totals] == [100, 100, 100]
    assert [p.time_bonus for p in totals] == [25, 25, 25]
    assert [p.streak_bonus for p in totals] == [0, 10, 20]

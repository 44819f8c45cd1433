"""Properties of typed-answer folding and of partial credit, on random text and responses."""

from __future__ import annotations

import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quiz.game.answers import accepted, is_correct
from quiz.game.scoring import base_points, parts_right, score_answer
from quiz.model.folding import folded
from quiz.model.questions import Matching, Ordering, ShortAnswer
from quiz.model.scoring import ScoringRules
from tests.strategies import examples, text

PROPS = settings(max_examples=examples(300), deadline=None)
SPACES = st.text(alphabet=" \t\u00a0\u2003\u3000", max_size=3)
"""Spacing a learner might add: plain, tab, no-break, em and ideographic spaces."""
ASCII_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                     min_size=1, max_size=12)


def short(answers: list[str], case_sensitive: bool = False) -> ShortAnswer:
    return ShortAnswer(id="q", type="short_answer", prompt="?", answers=answers,
                       case_sensitive=case_sensitive)


@PROPS
@given(word=text())
def test_folding_is_idempotent(word):
    assert folded(folded(word)) == folded(word)
    assert folded(folded(word, case_sensitive=True), case_sensitive=True) == folded(
        word, case_sensitive=True)


@PROPS
@given(answer=text(), before=SPACES, after=SPACES,
       form=st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"]), case_sensitive=st.booleans(),
       invisible=st.sampled_from(["", "\u200b", "\u00ad", "\u2060", "\ufeff"]),
       where=st.integers(0, 60))
def test_an_accepted_answer_counts_however_it_is_spaced_composed_or_hidden(
        answer, before, after, form, case_sensitive, invisible, where):
    question = short([answer], case_sensitive)
    typed = unicodedata.normalize(form, answer)
    typed = before + typed[:where] + invisible + typed[where:] + after
    assert is_correct(question, typed)
    assert accepted(question, typed) is question.answers[0]


@PROPS
@given(words=st.lists(ASCII_WORD, min_size=1, max_size=4), data=st.data())
def test_case_is_ignored_unless_it_matters(words, data):
    answer = " ".join(words)
    flips = data.draw(st.lists(st.booleans(), min_size=len(answer), max_size=len(answer)))
    typed = "".join(c.swapcase() if flip else c for c, flip in zip(answer, flips,
                                                                   strict=True))
    assert is_correct(short([answer]), typed)
    assert is_correct(short([answer], case_sensitive=True), typed) == (typed == answer)


@PROPS
@given(answers=st.lists(text(), min_size=1, max_size=4, unique_by=folded), typed=text(),
       case_sensitive=st.booleans())
def test_a_typed_answer_is_right_exactly_when_it_folds_to_an_accepted_one(
        answers, typed, case_sensitive):
    question = short(answers, case_sensitive)
    keys = {folded(a, case_sensitive=case_sensitive) for a in answers}
    assert is_correct(question, typed) == (folded(typed, case_sensitive=case_sensitive) in keys)


@PROPS
@given(answer=text(), extra=st.characters(categories=("L", "N")))
def test_more_than_an_answer_is_not_the_answer(answer, extra):
    assume(folded(answer + extra) != folded(answer))
    assert not is_correct(short([answer]), answer + extra)


@st.composite
def matching_and_response(draw):
    size = draw(st.integers(2, 8))
    extra = draw(st.integers(0, 3))
    question = Matching(id="q", type="matching", prompt="?",
                        difficulty=draw(st.sampled_from(["easy", "medium", "hard"])),
                        pairs=[{"left": f"L{n}", "right": f"R{n}"} for n in range(size)],
                        distractors=[f"D{n}" for n in range(extra)])
    picks = st.none() | st.integers(0, size + extra - 1)
    return question, tuple(draw(st.lists(picks, min_size=size, max_size=size)))


@PROPS
@given(case=matching_and_response(), streak=st.integers(0, 10))
def test_partial_credit_is_a_share_per_pair_and_full_only_when_right(case, streak):
    question, response = case
    rules = ScoringRules()
    correct = is_correct(question, response)
    points = score_answer(rules, question, correct=correct, elapsed=1.0, limit=20.0,
                          streak_before=streak, response=response)
    right, of = parts_right(question, response)
    assert right == sum(1 for n, pick in enumerate(response) if pick == n)
    assert correct == (right == of)
    base = base_points(rules, question)
    if correct:
        assert points.base == base
    else:
        assert points == type(points)(round(base * right / of), 0, 0)
        assert points.total < base


@PROPS
@given(case=matching_and_response(), position=st.integers(0, 7))
def test_righting_one_pair_never_lowers_the_score(case, position):
    question, response = case
    position %= len(response)
    better = response[:position] + (position,) + response[position + 1:]
    rules = ScoringRules()

    def points(resp):
        return score_answer(rules, question, correct=is_correct(question, resp), elapsed=0,
                            limit=None, streak_before=0, response=resp).total

    assert points(better) >= points(response)


@PROPS
@given(size=st.integers(2, 8), data=st.data())
def test_ordering_partial_credit_counts_items_in_place(size, data):
    question = Ordering(id="q", type="ordering", prompt="?",
                        items=[f"item {n}" for n in range(size)])
    response = tuple(data.draw(st.permutations(range(size))))
    right, of = parts_right(question, response)
    assert of == size and right == sum(1 for n, item in enumerate(response) if n == item)

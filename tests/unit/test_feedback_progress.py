"""The pure core behind the learner's screens: judged feedback in the order shown, partial
points for orderings, review by bank, progress, and the names a player reads."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.classroom.room import Room
from quiz.game.feedback import judge
from quiz.game.library import Library
from quiz.game.modes import MODES
from quiz.game.names import counted, humanized, place_title, short_title, tag_name
from quiz.game.progress import build_progress
from quiz.game.round import Dealt, Entry, Outcome, deal
from quiz.game.scoring import NO_POINTS, Points, items_in_place, score_answer
from quiz.game.session import NoQuestions, Session
from quiz.model.bank import Bank
from quiz.model.questions import MultipleSelect, Ordering
from quiz.model.scoring import ScoringRules
from quiz.store.history import History
from tests.strategies import examples

RULES = ScoringRules()
ORDER = Ordering(id="o", type="ordering", prompt="Order", items=list("ABCDE"))
MULTI = MultipleSelect(id="m", type="multiple_select", prompt="Pick", choices=list("pqrs"),
                       answers=[0, 2])
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_multiple_select_feedback_follows_the_shown_order():
    dealt = Dealt(Entry("b", None, MULTI), order=(3, 2, 1, 0))  # shown: s, r, q, p
    outcome = Outcome("b/m", frozenset({0, 1}), False, NO_POINTS, 1.0)
    feedback = judge(dealt, outcome)
    assert [(r.text, r.right, r.chosen) for r in feedback.rows] == [
        ("s", False, False), ("r", True, False), ("q", False, True), ("p", True, True)]
    assert feedback.your_answer == "q; p" and feedback.right_answer == "r; p"


def test_ordering_feedback_marks_items_in_place_and_where_the_rest_belong():
    dealt = Dealt(Entry("b", None, ORDER), order=(4, 3, 2, 1, 0))
    outcome = Outcome("b/o", (0, 2, 1, 3, 4), False, NO_POINTS, 1.0)
    feedback = judge(dealt, outcome)
    assert [(r.text, r.right, r.belongs_at) for r in feedback.rows] == [
        ("A", True, None), ("C", False, 3), ("B", False, 2), ("D", True, None),
        ("E", True, None)]
    assert feedback.in_place == 3 and feedback.right_order == list("ABCDE")


def test_an_ordering_earns_its_share_of_the_base_for_items_in_place_and_no_bonus():
    points = score_answer(RULES, ORDER, correct=False, elapsed=1, limit=20, streak_before=4,
                          response=(0, 2, 1, 3, 4))
    assert points == Points(round(200 * 3 / 5), 0, 0)
    assert score_answer(RULES, ORDER, correct=False, elapsed=1, limit=20, streak_before=4,
                        response=None) == NO_POINTS
    assert score_answer(RULES, MULTI, correct=False, elapsed=1, limit=20, streak_before=0,
                        response=frozenset({0})) == NO_POINTS


@settings(max_examples=examples(200), deadline=None)
@given(st.permutations(range(6)), st.integers(1, 1000))
def test_partial_points_stay_within_the_base_and_reach_it_only_when_right(order, base):
    question = Ordering(id="o", type="ordering", prompt="p", items=list("abcdef"), points=base)
    correct = list(order) == sorted(order)
    points = score_answer(RULES, question, correct=correct, elapsed=0, limit=None,
                          streak_before=0, response=tuple(order))
    assert 0 <= points.total <= base
    if not correct:
        assert points.total == round(base * items_in_place(question, order) / 6)


def test_the_classroom_scores_an_ordering_the_same_way():
    clock = type("Clock", (), {"now": 0.0, "__call__": lambda self: self.now})()
    entry = Entry("b", None, ORDER)
    dealt = deal([entry], MODES["practice"], 1)
    room = Room("ABCD12", dealt, RULES, clock=clock)
    ann = room.join("Ann")
    room.control("start")
    shown = [dealt[0].order.index(i) for i in (0, 2, 1, 3, 4)]  # three in place
    submission = room.answer(ann.id, 0, shown)
    assert not submission.correct and submission.points == 120


def two_banks() -> Library:
    return Library([Bank.model_validate({
        "id": name, "title": f"Bank {name}", "questions": [
            {"id": f"q{i}", "type": "true_false", "prompt": f"{name} {i}", "answer": True}
            for i in range(3)]}) for name in ("a", "b")])


def session(folder, now=START, library=None) -> Session:
    return Session(library or two_banks(), History.open(folder), seed=1, clock=lambda: 0.0,
                   now=lambda: now)


def test_review_plays_what_is_due_in_the_chosen_bank_or_in_all(tmp_path):
    first = session(tmp_path)
    for bank in ("a", "b"):
        first.start(bank, None, "practice")
        first.submit(False)
    later = session(tmp_path, now=START + dt.timedelta(hours=1))
    assert later.due_count() == 2 and later.due_count("a") == 1
    later.start("a", None, "review")
    assert {d.entry.bank_id for d in later.round.dealt} == {"a"}
    later.start(None, None, "review")
    assert {d.entry.bank_id for d in later.round.dealt} == {"a", "b"}
    assert later.title(later.bank_id, None) == "All banks"
    with pytest.raises(NoQuestions, match="next question is due in 1 minute"):
        session(tmp_path).start("b", None, "review")


def campaign() -> Library:
    return Library([Bank.model_validate({
        "id": "c", "title": "Campaign: a test", "tag_names": {"ppl": "People"},
        "scenarios": [{"id": f"ch{n}", "title": f"Chapter {n}", "briefing": "Go.",
                       "questions": [{"id": f"c{n}q{i}", "type": "true_false",
                                      "prompt": "p", "answer": True,
                                      "tags": ["ppl", "who"] if i else []}
                                     for i in range(5)]} for n in (1, 2, 3)]})])


def test_progress_counts_rounds_chapters_topics_and_the_deck(tmp_path):
    player = session(tmp_path, library=campaign())
    player.start("c", None, "campaign")
    for right in (True, True, True, False, True):  # 80%: chapter 1 passed
        player.submit(right)
        player.advance()
    player.start("c", None, "campaign")  # chapter 2
    player.submit(False)
    player.interrupt()
    progress = build_progress(session(tmp_path, library=campaign()))
    assert [r.status for r in progress.rounds] == ["finished", "interrupted"]
    assert progress.finished[0].mark == 0.8 and progress.finished[0].place == "Chapter 1"
    assert [(c.title, c.state, c.best) for c in progress.chapters] == [
        ("Chapter 1", "passed", 0.8), ("Chapter 2", "open", None),
        ("Chapter 3", "locked", None)]
    topics = {t.name: (t.right, t.asked) for t in progress.topics}
    assert topics == {"People": (3, 4), "Who did it": (3, 4), "Untagged questions": (1, 2)}
    assert progress.deck.due_now == 0 and progress.deck.by_day[0] == 2
    assert progress.deck.total == 2


def test_names_for_players():
    assert counted(1, "question") == "1 question" and counted(0, "question") == "0 questions"
    assert counted(3, "problem") == "3 problems"
    assert tag_name("north-korea") == "North korea" == humanized("north-korea")
    assert tag_name("said") == "Who said what" and tag_name("untagged") == "Untagged questions"
    assert tag_name("thaad", {"thaad": "THAAD"}) == "THAAD"
    assert short_title("Hotlines and THAAD: China and South Korea, 2013–2017") == \
        "Hotlines and THAAD"
    assert short_title("Chapter 1 · Opening channels (2013)") == \
        "Chapter 1 · Opening channels (2013)"
    assert place_title(None, "gone", "ch1") == "gone / ch1"
    assert place_title(campaign(), "c", "ch2") == "Chapter 2"

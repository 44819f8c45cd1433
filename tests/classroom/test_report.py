"""Item analysis: facility, the 27% discrimination index, the most chosen wrong answer
and the median time, from a real session file; and `quiz report` in every format."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from quiz.classroom import report, store
from quiz.classroom.room import Room
from quiz.cli import main
from quiz.game.round import Dealt, Entry
from quiz.model.bank import Bank
from quiz.model.scoring import ScoringRules


class Clock:
    now = 1000.0

    def __call__(self):
        return self.now


def session_file(tmp_path, outcomes: dict[str, list[tuple[int, float]]]):
    """A stored session where each student gave (display choice, seconds) per question."""
    bank = Bank.model_validate({"id": "b", "title": "Report test", "questions": [
        {"id": f"q{i}", "type": "single_choice", "prompt": f"Question {i}?",
         "choices": ["right", "near", "far"], "answer": 0} for i in range(2)]})
    dealt = [Dealt(Entry("b", None, q), (0, 1, 2)) for q in bank.questions]
    clock = Clock()
    room = Room("ABCD", dealt, ScoringRules(), clock=clock)
    connection = store.open_store(tmp_path / "r.db")
    session = store.create_session(connection, room, bank.title)
    players = {name: room.join(name) for name in outcomes}
    for player in players.values():
        store.commit(connection, store.new_player(session, player))
    room.control("start")
    for index in range(2):
        opened = clock.now
        for name, answers in outcomes.items():
            if index < len(answers):
                choice, seconds = answers[index]
                clock.now = opened + seconds
                submission = room.answer(players[name].id, index, choice)
                store.commit(connection, store.answer_row(session, players[name], submission))
        clock.now = opened + 30
        room.close_if_due()
        if index == 0:
            room.control("next")
    room.control("next")
    store.commit(connection, store.room_state(session, room))
    return connection, session


OUTCOMES = {  # four strong students, three middling, four weak
    "A": [(0, 2), (0, 2)], "B": [(0, 3), (0, 3)], "C": [(0, 4), (0, 4)], "D": [(0, 4), (1, 4)],
    "E": [(0, 5), (1, 5)], "F": [(1, 6), (0, 6)], "G": [(1, 6), (1, 6)],
    "H": [(1, 8), (2, 8)], "I": [(2, 9), (1, 9)], "J": [(1, 9)], "K": [],
}


def test_item_analysis_by_hand(tmp_path):
    connection, session = session_file(tmp_path, OUTCOMES)
    built = report.build_report(connection, session)
    first, second = built.items
    assert first.facility == round(5 / 11, 3)  # A–E right; K never answered
    # 27% of 11 students is 3: top A, B, C all right; bottom I, J, K none right.
    assert first.discrimination == 1.0
    assert first.common_wrong == "near" and first.common_wrong_count == 4
    assert first.median_seconds == 5.5  # of the ten answers given
    assert second.facility == round(4 / 11, 3)
    assert second.answered == 9
    students = {s.name: s for s in built.students}
    assert students["A"].rank == 1 and students["A"].accuracy == 1.0
    assert students["K"].answered == 0 and students["K"].answers == ["", ""]
    assert students["H"].answers == ["near", "far"]
    assert students["H"].right == [False, False] and students["K"].right == [None, None]


def test_discrimination_is_none_for_a_class_too_small_to_split():
    assert report._discrimination([True]) is None
    assert report._discrimination([True, False, True, False]) == 1.0


def test_report_command_in_every_format(tmp_path):
    session_file(tmp_path, OUTCOMES)
    db = str(tmp_path / "r.db")
    runner = CliRunner()
    text = runner.invoke(main, ["report", "--db", db])
    assert text.exit_code == 0, text.output
    assert "facility" in text.output and "most chosen wrong: near (4)" in text.output
    data = json.loads(runner.invoke(main, ["report", "--db", db, "--format", "json"]).output)
    assert data["items"][0]["discrimination"] == 1.0
    rows = list(csv.reader(io.StringIO(
        runner.invoke(main, ["report", "--db", db, "--format", "csv"]).output)))
    assert rows[0][0] == "section" and sum(1 for r in rows if r[0] == "student") == 11


def test_report_errors_are_one_sentence(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(main, ["report", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    session_file(tmp_path, OUTCOMES)
    wrong = runner.invoke(main, ["report", "--db", str(tmp_path / "r.db"), "--session", "9"])
    assert wrong.exit_code == 2 and "there is no session 9" in wrong.output
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    junk = runner.invoke(main, ["report", "--db", str(tmp_path / "junk.db")])
    assert junk.exit_code == 2 and "not a usable classroom file" in junk.output


def test_a_name_cannot_become_a_spreadsheet_formula(tmp_path):
    connection, session = session_file(tmp_path, {"=HYPERLINK(1)": [(0, 1)], "B": [(1, 1)]})
    out = report.as_csv(report.build_report(connection, session))
    assert "'=HYPERLINK(1)" in out


def test_accuracy_counts_only_the_questions_asked(tmp_path):
    """Ending after the first of two questions: 1/1 is 100%, not 1/2, and the answer
    lists hold one entry, not two padded with blanks."""
    bank = Bank.model_validate({"id": "b", "title": "Early end", "questions": [
        {"id": "q0", "type": "numeric", "prompt": "How far?", "answer": 3, "unit": "km"},
        {"id": "q1", "type": "true_false", "prompt": "Never asked", "answer": True}]})
    room = Room("ABCD", [Dealt(Entry("b", None, q), ()) for q in bank.questions],
                ScoringRules(), clock=Clock())
    connection = store.open_store(tmp_path / "r.db")
    session = store.create_session(connection, room, bank.title)
    ann = room.join("Ann")
    store.commit(connection, store.new_player(session, ann))
    room.control("start")
    store.commit(connection, store.answer_row(session, ann, room.answer(ann.id, 0, 3)))
    room.control("end")  # mid-question: it counts, and it was the only one asked
    store.commit(connection, store.room_state(session, room))
    built = report.build_report(connection, session)
    (student,) = built.students
    assert student.accuracy == 1.0 and student.answers == ["3 km"] and student.right == [True]
    assert len(built.items) == 1
    assert "1/1" in report.as_text(built) and "100%" in report.as_text(built)
    data = json.loads(report.as_json(built))
    assert data["students"][0]["answers"] == ["3 km"]


def test_no_medals_for_nobody_scoring():
    from quiz.tui.classroom.shared import leaderboard

    assert "🥇" not in leaderboard([("Ann", 0), ("Bob", 0)]).plain
    shared = leaderboard([("Ann", 300), ("Bob", 300), ("Cy", 100), ("Di", 0)]).plain
    assert shared.count("🥇") == 2 and "🥉" in shared and " 4. Di" in shared


def test_typed_and_matched_answers_read_as_words_after_a_reload(tmp_path):
    bank = Bank.model_validate({"id": "b", "title": "Typed", "questions": [
        {"id": "s", "type": "short_answer", "prompt": "Capital?", "answers": ["Seoul"]},
        {"id": "m", "type": "matching", "prompt": "Match", "distractors": ["Japan"],
         "pairs": [{"left": "Han", "right": "ROK"}, {"left": "Chang", "right": "PRC"}]}]})
    dealt = [Dealt(Entry("b", None, bank.questions[0])),
             Dealt(Entry("b", None, bank.questions[1]), (2, 0, 1))]  # Japan, ROK, PRC
    clock = Clock()
    room = Room("ABCD", dealt, ScoringRules(), clock=clock)
    connection = store.open_store(tmp_path / "t.db")
    session = store.create_session(connection, room, bank.title)
    ann, bob = room.join("Ann"), room.join("Bob")
    for player in (ann, bob):
        store.commit(connection, store.new_player(session, player))
    room.control("start")
    for player, typed in ((ann, "  seoul "), (bob, "Soul")):
        store.commit(connection, store.answer_row(session, player, room.answer(
            player.id, 0, typed)))
    clock.now += 30
    room.close_if_due()
    room.control("next")
    for player, shown in ((ann, [1, 2]), (bob, [0, None])):
        store.commit(connection, store.answer_row(session, player, room.answer(
            player.id, 1, shown)))
    room.control("end")
    store.commit(connection, store.room_state(session, room))
    built = report.build_report(connection, session)
    by_name = {s.name: s for s in built.students}
    assert by_name["Ann"].answers == ["seoul", "Han → ROK; Chang → PRC"]
    assert by_name["Bob"].answers == ["Soul", "Han → Japan; Chang → (none)"]
    assert by_name["Bob"].score == 0 and by_name["Ann"].right == [True, True]
    typed, matched = built.items
    assert typed.facility == 0.5 and typed.common_wrong == "Soul"
    assert matched.answer == "Han → ROK; Chang → PRC"
    assert matched.common_wrong == "Han → Japan; Chang → (none)"
    assert "Han → Japan; Chang → (none)" in report.as_text(built)


SCENARIO_BANK = {"id": "b", "title": "Decisions and forecasts", "questions": [
    {"id": "q0", "type": "single_choice", "prompt": "Where?", "choices": ["right", "near", "far"],
     "answer": 0},
    {"id": "q1", "type": "decision", "prompt": "What do you advise?", "options": [
        {"text": "Deny", "consequence": "Calm now."},
        {"text": "Admit", "consequence": "Candid.", "actual": True,
         "sources": [{"outlet": "The Herald", "title": "Admitted", "date": "2015-02-04"}]},
        {"text": "Stall", "consequence": "Nobody is fooled."}]},
    {"id": "q2", "type": "predict", "prompt": "What next?",
     "choices": ["Talks stop", "Talks go on", "A summit"], "answer": 0,
     "sources": [{"outlet": "China Daily", "title": "On hold", "date": "2016-11-08"}]},
]}
ORDERS = [(0, 1, 2), (2, 0, 1), (1, 2, 0)]
"""Shown in another order than the bank's: Stall, Deny, Admit; go on, summit, stop."""
ANSWERS = {  # display positions; None: no answer
    "Ann": [0, 2, {"choice": 2, "confidence": 90}],   # right; Admit; stop at 90%: right
    "Bob": [1, 2, {"choice": 0, "confidence": 80}],   # wrong; Admit; go on at 80%: wrong
    "Cy": [0, 0, {"choice": 2, "confidence": 80}],    # right; Stall; stop at 80%: right
    "Di": [None, None, {"choice": 1, "confidence": 50}],  # -; -; summit at 50%: wrong
}


def scenario_session(tmp_path):
    bank = Bank.model_validate(SCENARIO_BANK)
    dealt = [Dealt(Entry("b", None, q), order)
             for q, order in zip(bank.questions, ORDERS, strict=True)]
    clock = Clock()
    room = Room("ABCD", dealt, ScoringRules(), clock=clock)
    connection = store.open_store(tmp_path / "r.db")
    session = store.create_session(connection, room, bank.title)
    players = {name: room.join(name) for name in ANSWERS}
    for player in players.values():
        store.commit(connection, store.new_player(session, player))
    room.control("start")
    for index in range(3):
        opened = clock.now
        clock.now = opened + 20  # the whole limit: no time bonus, to keep sums by hand
        for name, answers in ANSWERS.items():
            if answers[index] is not None:
                submission = room.answer(players[name].id, index, answers[index])
                store.commit(connection, store.answer_row(session, players[name], submission))
        room.close_if_due()
        room.control("next")
    store.commit(connection, store.room_state(session, room))
    return connection, session


def test_decisions_and_predictions_in_the_report_by_hand(tmp_path):
    connection, session = scenario_session(tmp_path)
    built = report.build_report(connection, session)
    students = {s.name: s for s in built.students}
    # Scores: 200 for the right single choice; nothing for a decision; a forecast's
    # round(100 × (1 − Brier)): 90% right 99, 80% wrong 36, 80% right 96, 50% 75.
    assert {n: s.score for n, s in students.items()} == {
        "Ann": 299, "Bob": 36, "Cy": 296, "Di": 75}
    assert [s.name for s in built.students] == ["Ann", "Cy", "Di", "Bob"]
    # Accuracy over the two marked questions; the decision counts for nobody.
    assert {n: (s.correct, s.accuracy) for n, s in students.items()} == {
        "Ann": (2, 1.0), "Bob": (0, 0.0), "Cy": (2, 1.0), "Di": (0, 0.0)}
    assert students["Bob"].right == [False, None, False]
    assert students["Cy"].answers == ["right", "Stall", "Talks stop (80% sure)"]
    # Brier: (0.9 − 1)² = 0.01, (0.8 − 0)² = 0.64, (0.8 − 1)² = 0.04, (0.5 − 0)² = 0.25.
    assert {n: s.mean_brier for n, s in students.items()} == {
        "Ann": 0.01, "Bob": 0.64, "Cy": 0.04, "Di": 0.25}
    _, decision, prediction = built.items
    assert not decision.scored and decision.facility is None and decision.answer == "Admit"
    assert [(c.text, c.count, c.happened) for c in decision.choices] == [
        ("Stall", 1, False), ("Deny", 0, False), ("Admit", 2, True)]
    assert decision.sources == ["The Herald, “Admitted”, 2015-02-04"]
    assert [(c.text, c.count, c.happened) for c in prediction.choices] == [
        ("Talks go on", 1, False), ("A summit", 1, False), ("Talks stop", 2, True)]
    assert prediction.facility == 0.5 and prediction.mean_brier == 0.235
    assert [(f.name, f.confidence, f.right, f.brier) for f in prediction.forecasts] == [
        ("Ann", 90, True, 0.01), ("Cy", 80, True, 0.04), ("Di", 50, False, 0.25),
        ("Bob", 80, False, 0.64)]
    # The class: 50% once (wrong), 80% twice (one right), 90% once (right);
    # mean Brier (0.01 + 0.64 + 0.04 + 0.25) / 4 = 0.235 against 0.25 for always 50%.
    summed = built.calibration
    assert summed.forecasts == 4 and summed.mean_brier == 0.235 and summed.baseline == 0.25
    assert [(lv.confidence, lv.forecasts, lv.right, lv.hit_rate) for lv in summed.levels] == [
        (50, 1, 0, 0.0), (80, 2, 1, 0.5), (90, 1, 1, 1.0)]


def test_the_report_formats_show_decisions_unscored_and_the_class_calibration(tmp_path):
    connection, session = scenario_session(tmp_path)
    built = report.build_report(connection, session)
    text = report.as_text(built)
    assert "  1  Ann" in text and "2/2 " in text and "0.01" in text
    assert "◆" in text and "unmarked" in text
    assert "◆ 3. 2  Admit  ← what the real actor did" in text
    assert "✔ 3. 2  Talks stop  ← what happened" in text
    assert "source: The Herald, “Admitted”, 2015-02-04" in text
    assert "class mean Brier 0.235 over 4 forecasts (always saying 50%: 0.25)" in text
    assert "         80%         2     1      50%" in text
    assert "mean Brier 0.235, better than always saying 50% (0.25)" in text
    assert "most chosen wrong: Talks go on (1)" in text
    rows = list(csv.DictReader(io.StringIO(report.as_csv(built))))
    forecasts = [r for r in rows if r["section"] == "forecast"]
    assert [(r["name_or_prompt"], r["confidence"], r["brier"]) for r in forecasts] == [
        ("Ann", "90", "0.01"), ("Cy", "80", "0.04"), ("Di", "50", "0.25"), ("Bob", "80", "0.64")]
    choices = [(r["name_or_prompt"], r["count"], r["score_or_answer"]) for r in rows
               if r["section"] == "choice" and r["rank_or_number"] == "2"]
    assert choices == [("Stall", "1", ""), ("Deny", "0", ""), ("Admit", "2", "what happened")]
    decision_row = next(r for r in rows if r["section"] == "question" and r["kind"] == "decision")
    assert decision_row["accuracy_or_facility"] == ""
    levels = [(r["rank_or_number"], r["answered"], r["correct"]) for r in rows
              if r["section"] == "calibration"]
    assert levels[:3] == [("50%", "1", "0"), ("80%", "2", "1"), ("90%", "1", "1")]
    assert [r["brier"] for r in rows if r["section"] == "calibration"][3:] == ["0.235", "0.25"]
    data = json.loads(report.as_json(built))
    assert data["calibration"]["mean_brier"] == 0.235
    assert data["items"][1]["scored"] is False

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

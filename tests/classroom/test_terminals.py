"""The student and host terminals, driven with Pilot against a real loopback server."""

from __future__ import annotations

import asyncio
import contextlib
import json

from textual.widgets import DataTable, Static

from quiz.classroom.client import RejoinTokens
from quiz.tui.classroom.host_app import HostApp
from quiz.tui.classroom.student_app import StudentApp
from tests.classroom.helpers import (
    SCENARIO,
    Running,
    answer,
    control,
    host,
    student,
    write_bank,
)


@contextlib.asynccontextmanager
async def running(tmp_path):
    """A server thread, stopped off the test's loop: the apps' clients live on that loop
    and must be free to answer the closing handshake."""
    server = await asyncio.to_thread(Running, tmp_path / "class.db", write_bank(tmp_path))
    try:
        yield server
    finally:
        await asyncio.to_thread(server.stop)


async def until(pilot, predicate, timeout: float = 5.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if predicate():
            return
        await pilot.pause(0.05)
    raise AssertionError("the screen never showed what was expected")


def text_of(app, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


async def test_a_student_plays_a_question_and_sees_the_reveal(tmp_path):
    async with running(tmp_path) as server:
        teacher = await asyncio.to_thread(host, server)
        tokens = RejoinTokens(tmp_path / "rejoin.json")
        app = StudentApp(server.url, server.code, "[b]Kim[/b]", tokens)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Waiting for the teacher" in text_of(app, "#message"))
            assert "[b]Kim[/b]" in text_of(app, "#status")
            assert tokens.get(server.url, server.code, "[b]Kim[/b]")
            await asyncio.to_thread(control, teacher, "start")
            await until(pilot, lambda: "Beijing" in str(app.question and app.question.choices))
            await pilot.press(str(app.question.choices.index("Beijing") + 1))
            # The only student answered, so the reveal follows the lock-in at once.
            await until(pilot, lambda: "Right!" in text_of(app, "#message"))
            assert "rank 1" in text_of(app, "#status")


async def test_a_student_who_quits_comes_back_with_the_same_score(tmp_path):
    async with running(tmp_path) as server:
        teacher = await asyncio.to_thread(host, server)
        await asyncio.to_thread(student, server, "Other")
        tokens = RejoinTokens(tmp_path / "rejoin.json")
        app = StudentApp(server.url, server.code, "Kim", tokens)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Waiting" in text_of(app, "#message"))
            await asyncio.to_thread(control, teacher, "start")
            await until(pilot, lambda: app.question is not None)
            await pilot.press(str(app.question.choices.index("Beijing") + 1))
            await until(pilot, lambda: "locked in" in text_of(app, "#message"))
            await pilot.press("ctrl+q")
        score = next(p.score for p in server.room.players.values() if p.name == "Kim")
        assert score > 0
        # `quiz join` without --name finds the one name saved for this session.
        assert tokens.names(server.url, server.code) == ["Kim"]
        again = StudentApp(server.url, server.code, "Kim", tokens)
        async with again.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "locked in" in text_of(again, "#message"))
            assert "Kim" in text_of(again, "#status")
            assert "0 points" in text_of(again, "#status")  # as of the last reveal
            await asyncio.to_thread(control, teacher, "skip")
            await until(pilot, lambda: f"{score} points" in text_of(again, "#status"))


async def test_the_dashboard_runs_the_session_from_the_keyboard(tmp_path):
    async with running(tmp_path) as server:
        app = HostApp(server.url, server.code, server.host_token)
        async with app.run_test(size=(100, 30)) as pilot:
            ann, _ = await asyncio.to_thread(student, server, "[red]Ann[/red]")
            table = app.query_one("#roster", DataTable)
            await until(pilot, lambda: table.row_count == 1)
            assert str(table.get_row_at(0)[0]) == "[red]Ann[/red]"
            await pilot.press("s")
            await until(pilot, lambda: "Answers in: 0 of 1" in text_of(app, "#live-body"))
            await until(pilot, lambda: str(table.get_row_at(0)[1]) == "")  # no scores now
            await pilot.press("x")
            await until(pilot, lambda: "Answer: Beijing" in text_of(app, "#live-body"))
            await until(pilot, lambda: str(table.get_row_at(0)[1]) == "0")
            await pilot.press("k")
            await pilot.press("y")
            await until(pilot, lambda: table.row_count == 0)
            assert server.room.state == "reveal"
            await pilot.press("e", "y")
            await until(pilot, lambda: "Final podium" in text_of(app, "#live-body"))


ALL_KINDS = """\
id: kinds
title: Every kind
questions:
  - {id: tf, type: true_false, prompt: The hotline opened in 2015., answer: true}
  - {id: num, type: numeric, prompt: How many visits?, answer: 3}
  - id: multi
    type: multiple_select
    prompt: Which were agreed?
    choices: [Drills, Visits, A shield]
    answers: [0, 1]
  - id: order
    type: ordering
    prompt: Put them in order.
    items: [First, Second, Third]
"""


async def test_a_student_answers_every_kind_of_question_from_the_keyboard(tmp_path):
    (tmp_path / "kinds.yaml").write_text(ALL_KINDS, encoding="utf-8")
    server = await asyncio.to_thread(Running, tmp_path / "class.db", tmp_path / "kinds.yaml")
    try:
        teacher = await asyncio.to_thread(host, server)
        app = StudentApp(server.url, server.code, "Kim", RejoinTokens(tmp_path / "r.json"))
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Waiting" in text_of(app, "#message"))
            await asyncio.to_thread(control, teacher, "start")

            async def next_question(index: int) -> None:
                await until(pilot, lambda: "Right!" in text_of(app, "#message"))
                await asyncio.to_thread(control, teacher, "next")
                await until(pilot, lambda: app.question and app.question.index == index)
                await pilot.pause(0.1)

            await until(pilot, lambda: app.question is not None)
            await pilot.press("t")
            await next_question(1)
            await pilot.press("3", "enter")
            await next_question(2)
            for label in ("Drills", "Visits"):
                await pilot.press(str(app.question.choices.index(label) + 1))
            await pilot.press("enter")
            await next_question(3)
            shown = app.question.choices
            listing = app.query_one("#ordering-list")
            for position, item in enumerate(["First", "Second", "Third"]):
                listing.highlighted = shown.index(item)
                while listing.highlighted != position:
                    await pilot.press("k")
                shown.insert(position, shown.pop(shown.index(item)))
            await pilot.press("enter")
            await until(pilot, lambda: "Right!" in text_of(app, "#message"))
        kim = next(p for p in server.room.players.values() if p.name == "Kim")
        assert [kim.answers[i].correct for i in range(4)] == [True] * 4
    finally:
        await asyncio.to_thread(server.stop)


async def test_a_terminal_student_decides_and_forecasts_beside_another_student(tmp_path):
    """Over a real socket: the terminal student's decision is never marked and shows its
    consequence beside the real one; a forecast waits for its confidence (Esc goes back
    to the choices), and scores on Brier points; another client's refused forecasts
    (no confidence, 85%) change nothing."""
    (tmp_path / "scenario.yaml").write_text(SCENARIO, encoding="utf-8")
    server = await asyncio.to_thread(Running, tmp_path / "class.db",
                                     tmp_path / "scenario.yaml")
    try:
        teacher = await asyncio.to_thread(host, server)
        other, _ = await asyncio.to_thread(student, server, "Lee")
        app = StudentApp(server.url, server.code, "Kim", RejoinTokens(tmp_path / "r.json"))
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Waiting" in text_of(app, "#message"))
            await asyncio.to_thread(control, teacher, "start")
            await until(pilot, lambda: app.question is not None)
            assert "not marked" in text_of(app, "#hint")
            never = app.question.choices.index("That Seoul will never host THAAD")
            await pilot.press(str(never + 1))
            await until(pilot, lambda: "locked in" in text_of(app, "#message"))
            await asyncio.to_thread(answer, other, 0, 1 - never)
            await until(pilot, lambda: "Your decision" in text_of(app, "#message"))
            shown = text_of(app, "#message")
            assert "decisions are not marked" in shown and "commits Seoul" in shown
            assert "What the real actor did: That Seoul has signed no agreement" in shown
            assert "JoongAng Daily" in shown and "Not this time" not in shown
            assert "1 × " in shown

            await asyncio.to_thread(control, teacher, "next")
            await until(pilot, lambda: app.question is not None and app.question.index == 1)
            await pilot.pause(0.1)
            assert app.question.confidences == [50, 60, 70, 80, 90, 100]
            hold = app.question.choices.index("Put the dialogue on hold")
            await pilot.press(str(hold + 1))
            await until(pilot, lambda: "How sure are you" in text_of(app, "#message"))
            await pilot.press("escape")  # changes her mind: back to the choices
            await until(pilot, lambda: "How sure" not in text_of(app, "#message"))
            assert "forecast" in text_of(app, "#hint")
            await pilot.press(str(hold + 1))
            await until(pilot, lambda: "How sure are you" in text_of(app, "#message"))
            kim = next(p for p in server.room.players.values() if p.name == "Kim")
            assert 1 not in kim.answers  # nothing is sent without a confidence
            await pilot.press("4")  # 80%
            await until(pilot, lambda: "locked in" in text_of(app, "#message"))
            for bad in ({"choice": 1}, {"choice": 1, "confidence": 85}):
                raw = json.dumps({"type": "answer", "question": 1, "value": bad})
                await asyncio.to_thread(other.send, raw)
                error = await asyncio.to_thread(other.expect, "error")
                assert error.code == "malformed" and "forecast" in error.message
            refused = await asyncio.to_thread(answer, other, 1, 1)  # a bare choice
            assert not refused.accepted and "how sure" in refused.reason
            await asyncio.to_thread(answer, other, 1, {"choice": (hold + 1) % 3,
                                                       "confidence": 60})
            await until(pilot, lambda: "That is what happened" in text_of(app, "#message"))
            shown = text_of(app, "#message")
            assert "+96 points" in shown and "(80% sure)" in shown and "Brier score 0.04" in shown
            assert "China Daily" in shown
        lee = next(p for p in server.room.players.values() if p.name == "Lee")
        assert kim.score == 96 and kim.answers[0].points == 0
        # Wrong at 60%: Brier 0.6² = 0.36, so round(100 × 0.64) = 64 points.
        assert lee.score == 64 and not lee.answers[1].correct
    finally:
        await asyncio.to_thread(server.stop)


async def test_the_dashboard_reveals_a_decision_and_a_forecast_for_discussion(tmp_path):
    (tmp_path / "scenario.yaml").write_text(SCENARIO, encoding="utf-8")
    server = await asyncio.to_thread(Running, tmp_path / "class.db",
                                     tmp_path / "scenario.yaml")
    try:
        app = HostApp(server.url, server.code, server.host_token)
        async with app.run_test(size=(100, 30)) as pilot:
            ann, _ = await asyncio.to_thread(student, server, "Ann")
            await until(pilot, lambda: app.query_one("#roster", DataTable).row_count == 1)
            await pilot.press("s")
            await until(pilot, lambda: "A decision: not marked" in text_of(app, "#live-body"))
            question = await asyncio.to_thread(ann.expect, "question", index=0)
            await asyncio.to_thread(answer, ann, 0, question.choices.index(
                "That Seoul will never host THAAD"))
            await until(pilot, lambda: "what the class chose" in text_of(app, "#live-body"))
            shown = text_of(app, "#live-body")
            assert "What the real actor did: That Seoul has signed no agreement" in shown
            assert "JoongAng Daily" in shown and "2015-02-05" in shown and "◆" in shown
            assert "Discuss" in text_of(app, "#hint")
            await pilot.pause(0.5)
            assert server.room.state == "reveal"  # it waits for the teacher
            await pilot.press("n")
            question = await asyncio.to_thread(ann.expect, "question", index=1)
            await until(pilot, lambda: "how sure" in text_of(app, "#live-body"))
            hold = question.choices.index("Put the dialogue on hold")
            await asyncio.to_thread(answer, ann, 1, {"choice": hold, "confidence": 70})
            await until(pilot, lambda: "what the class predicted" in text_of(app, "#live-body"))
            shown = text_of(app, "#live-body")
            assert "Class Brier score 0.09: better than always saying 50%" in shown
            assert "China Daily" in shown
    finally:
        await asyncio.to_thread(server.stop)

"""What a live lesson exposed, each with a test: a paused answer, bad names, long names
in the roster, a shared data folder, the end of a session, a dead address, the wording,
and a server left running."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

from click.testing import CliRunner
from textual.widgets import DataTable

from quiz.classroom import protocol as p
from quiz.classroom.client import RejoinTokens, SessionClient
from quiz.cli import main
from quiz.tui.classroom.host_app import HostApp
from quiz.tui.classroom.student_app import StudentApp
from tests.classroom.helpers import ROOT, ServeProcess, control, host, student, write_bank
from tests.classroom.test_terminals import running, text_of, until


async def test_a_refused_answer_during_a_pause_does_not_lock_the_student_out(tmp_path):
    async with running(tmp_path) as server:
        teacher = await asyncio.to_thread(host, server)
        await asyncio.to_thread(student, server, "Other")
        app = StudentApp(server.url, server.code, "Kim", RejoinTokens(tmp_path / "r.json"))
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Waiting" in text_of(app, "#message"))
            await asyncio.to_thread(control, teacher, "start")
            await until(pilot, lambda: app.question is not None)
            await asyncio.to_thread(control, teacher, "pause")
            await until(pilot, lambda: "Paused by the teacher" in text_of(app, "#message"))
            await pilot.press("1")  # nothing is sent while paused
            await pilot.pause(0.2)
            assert 0 not in next(p for p in server.room.players.values()
                                 if p.name == "Kim").answers
            # An answer that crossed the pause on the wire comes back refused.
            app.sent = True
            await app.client.send(p.Answer(type="answer", question=0, value=0))
            await until(pilot, lambda: "not open" in text_of(app, "#message"))
            await asyncio.to_thread(control, teacher, "resume")
            await until(pilot, lambda: "Resumed" in text_of(app, "#message"))
            widget = app.query_one("#answer-area").children[0]
            assert not widget.disabled
            await pilot.press("2")
            await until(pilot, lambda: "locked in" in text_of(app, "#message"))


def test_bad_names_are_refused_before_connecting(tmp_path):
    runner = CliRunner()
    url = "ws://127.0.0.1:9"  # nothing listens: the name is checked first
    for name, said in (("x" * 41, "the limit is 40"), ("   ", "cannot be empty"),
                       ("bell\x07", "printable")):
        result = runner.invoke(main, ["join", url, "--code", "ABCD12", "--name", name,
                                      "--data-dir", str(tmp_path)])
        assert result.exit_code == 2 and said in result.output, result.output


async def test_a_name_refused_by_the_server_is_final(tmp_path):
    async with running(tmp_path) as server:
        await asyncio.to_thread(student, server, "Kim")
        seen: list = []
        client = SessionClient(server.url, server.code, name="kim", on_message=seen.append)
        await asyncio.wait_for(client.run(), 10)  # returns: no reconnecting
        assert client.fatal is not None and client.fatal.code == "name_taken"


async def test_long_names_leave_the_roster_columns_in_view(tmp_path):
    async with running(tmp_path) as server:
        app = HostApp(server.url, server.code, server.host_token)
        async with app.run_test(size=(80, 24)) as pilot:
            for n in range(32):
                await asyncio.to_thread(student, server, f"Maria Fernanda Rodrigues {n:02}")
            table = app.query_one("#roster", DataTable)
            await until(pilot, lambda: table.row_count == 32)
            await pilot.pause(0.2)
            lines = app.query_one("#roster").render_lines(
                app.query_one("#roster").region.reset_offset)
            rows = ["".join(segment.text for segment in line) for line in lines[2:7]]
            assert all("…" in row and "●" in row for row in rows), rows
            assert "32 students" in text_of(app, "#status")


def test_one_data_folder_keeps_each_students_place(tmp_path):
    tokens = RejoinTokens(tmp_path / "rejoin.json")
    url, code = "ws://10.0.0.5:8765", "K7Q2ZD"
    tokens.put(url, code, "Min-ji", "a" * 24)
    tokens.put(url, code, "Tomás", "b" * 24)
    assert tokens.get(url, code, "min-ji") == "a" * 24
    assert tokens.get(url, code, "Tomás") == "b" * 24
    assert tokens.get(url, code, "Sam") is None  # Sam joins as Sam, not as Min-ji
    assert sorted(tokens.names(url, code)) == ["Min-ji", "Tomás"]
    runner = CliRunner()
    result = runner.invoke(main, ["join", url, "--code", code, "--data-dir",
                                  str(tmp_path)], env={"QUIZ_DATA_DIR": str(tmp_path)})
    assert result.exit_code == 2 and "more than one name" in result.output


async def test_after_the_end_a_client_stops_when_the_server_goes(tmp_path):
    db, bank = tmp_path / "class.db", write_bank(tmp_path)
    server = ServeProcess(db, bank)
    try:
        seen: list = []
        client = SessionClient(server.url, server.code, name="Kim", on_message=seen.append)
        task = asyncio.create_task(client.run())
        teacher = await asyncio.to_thread(host, server)
        while not any(isinstance(m, p.Welcome) for m in seen):
            await asyncio.sleep(0.05)
        await asyncio.to_thread(control, teacher, "end")
        while not client.ended:
            await asyncio.sleep(0.05)
        server.stop()
        await asyncio.wait_for(task, 10)  # stops instead of "trying again" forever
        assert client.fatal is None
    finally:
        server.stop()


async def test_a_server_never_reached_is_given_up_on(tmp_path):
    statuses: list[str] = []
    client = SessionClient("ws://127.0.0.1:9", "ABCD12", name="Kim",
                           on_message=lambda _: None, on_status=statuses.append)
    client.give_up = 1.0
    started = time.monotonic()
    await asyncio.wait_for(client.run(), 15)
    assert "could not reach" in client.fatal.message
    assert time.monotonic() - started < 10


def test_quiz_join_without_a_terminal_says_so_at_once(tmp_path):
    """Run as a script would, with no terminal, it used to spin a core for ten minutes;
    now it says what to do instead, and stops."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = os.times()
    result = subprocess.run([sys.executable, "-m", "quiz", "join", "ws://127.0.0.1:9",
                             "--code", "ABCD12", "--name", "Kim", "--data-dir",
                             str(tmp_path)], capture_output=True, text=True, env=env,
                            stdin=subprocess.DEVNULL, timeout=60)
    after = os.times()
    assert result.returncode == 2
    assert "needs a terminal" in result.stdout + result.stderr
    assert "http://127.0.0.1:9/?code=ABCD12" in result.stdout + result.stderr
    assert (after.children_user - before.children_user) < 5


async def test_wording_on_the_screens(tmp_path):
    async with running(tmp_path) as server:
        student_app = StudentApp(server.url, server.code, "Kim", None)
        shown = {binding.key for binding in student_app.BINDINGS if binding.show}
        assert shown == {"ctrl+q"}  # the footer says Ctrl+Q, as the hint does
        async with student_app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "1 student in the session, 3 questions to play"
                        in text_of(student_app, "#message"))
        app = HostApp(server.url, server.code, server.host_token)
        async with app.run_test(size=(100, 30)) as pilot:
            await asyncio.to_thread(student, server, "Lee")
            await until(pilot, lambda: "2 students" in text_of(app, "#status"))
            await asyncio.to_thread(control, host(server), "kick", player="p-2")
            await until(pilot, lambda: "1 student " in text_of(app, "#status") + " ")
            assert "1 students" not in text_of(app, "#status")
            await until(pilot, lambda: "3 questions will be played" in
                        text_of(app, "#live-body"))


def test_bar_chart_labels_use_the_room_there_is():
    from quiz.tui.classroom.shared import bar_chart

    label = "The Ministry of National Defense in Seoul"  # 41 characters
    wide = bar_chart([label, "Beijing"], [3, 1], {0}, width=100).plain
    assert label in wide
    narrow = bar_chart([label, "Beijing"], [3, 1], {0}, width=40).plain
    assert label not in narrow and "…" in narrow


def test_a_second_quiz_host_offers_the_server_left_running(tmp_path):
    from quiz.commands.leftover import find_running

    db, bank = tmp_path / "class.db", write_bank(tmp_path)
    server = ServeProcess(db, bank)
    try:
        found = find_running(db, server.port)
        assert found and found["code"] == server.code
        assert found["host_token"] == server.host_token
        result = CliRunner().invoke(main, ["host", str(bank), "--db", str(db), "--port",
                                           str(server.port)])
        assert result.exit_code == 1
        assert "already running" in result.output and "--attach" in result.output
        assert find_running(tmp_path / "other.db", server.port) is None
    finally:
        server.stop()

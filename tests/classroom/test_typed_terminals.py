"""Short-answer and matching questions in the live classroom's terminals, against a real
loopback server: the student types and matches from the keyboard, sees each pair marked
and the bank's note at the reveal; the dashboard charts the pairs matched."""

from __future__ import annotations

import asyncio

from quiz.classroom.client import RejoinTokens
from quiz.tui.classroom.host_app import HostApp
from quiz.tui.classroom.student_app import StudentApp
from tests.classroom.helpers import Running, control, host, student
from tests.classroom.test_terminals import text_of, until

TYPED = """\
id: typed
title: Typed and matched
questions:
  - id: town
    type: short_answer
    prompt: In which city were the 2014 defence talks held?
    answers: [Beijing, {text: Peking, feedback: The old romanisation; Beijing today.}]
  - id: roles
    type: matching
    prompt: Match each minister with the country they served.
    pairs:
      - {left: Han Min-koo, right: South Korea}
      - {left: Chang Wanquan, right: China}
      - {left: "[b]Nakatani[/b]", right: Japan}
    distractors: [North Korea]
"""


def serve(tmp_path) -> Running:
    (tmp_path / "typed.yaml").write_text(TYPED, encoding="utf-8")
    return Running(tmp_path / "class.db", tmp_path / "typed.yaml")


async def test_a_student_types_an_answer_and_matches_pairs(tmp_path):
    server = await asyncio.to_thread(serve, tmp_path)
    try:
        teacher = await asyncio.to_thread(host, server)
        app = StudentApp(server.url, server.code, "Kim", RejoinTokens(tmp_path / "r.json"))
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Waiting" in text_of(app, "#message"))
            await asyncio.to_thread(control, teacher, "start")
            await until(pilot, lambda: app.question is not None)
            assert "Type your answer" in text_of(app, "#hint")
            await pilot.press(*"  PEKING ", "enter")
            await until(pilot, lambda: "Right!" in text_of(app, "#message"))
            assert "On your answer: The old romanisation" in text_of(app, "#message")
            await asyncio.to_thread(control, teacher, "next")
            await until(pilot, lambda: app.question and app.question.index == 1)
            await pilot.pause(0.1)
            question = app.question
            assert question.items[2] == "[b]Nakatani[/b]" and len(question.choices) == 4
            assert "A–D: its match" in text_of(app, "#hint")
            letters = "abcd"
            # Han right, Chang given the distractor, Nakatani right.
            await pilot.press(letters[question.choices.index("South Korea")],
                              letters[question.choices.index("North Korea")],
                              letters[question.choices.index("Japan")], "enter")
            await until(pilot, lambda: "Not all right" in text_of(app, "#message"))
            shown = text_of(app, "#message")
            assert "✔ Han Min-koo → South Korea" in shown
            assert "✘ Chang Wanquan → North Korea   (right: China)" in shown
            assert "✔ [b]Nakatani[/b] → Japan" in shown
            assert "+133 points for the parts you got right" in shown
        kim = next(p for p in server.room.players.values() if p.name == "Kim")
        assert kim.answers[0].correct and kim.answers[0].value == "  PEKING "
        assert not kim.answers[1].correct and kim.answers[1].points == round(200 * 2 / 3)
    finally:
        await asyncio.to_thread(server.stop)


async def test_the_dashboard_shows_the_pairs_and_charts_them_at_the_reveal(tmp_path):
    server = await asyncio.to_thread(serve, tmp_path)
    try:
        app = HostApp(server.url, server.code, server.host_token)
        async with app.run_test(size=(100, 30)) as pilot:
            ann, _ = await asyncio.to_thread(student, server, "Ann")
            await pilot.press("s")
            await until(pilot, lambda: "Answers in: 0 of 1" in text_of(app, "#live-body"))
            await pilot.press("x", "n")
            await until(pilot, lambda: "Han Min-koo → ?" in text_of(app, "#live-body"))
            body = text_of(app, "#live-body")
            assert "[b]Nakatani[/b] → ?" in body and "D. " in body
            order = server.room.current.order
            ann.send(f'{{"type": "answer", "question": 1, "value": '
                     f'[{order.index(0)}, null, {order.index(2)}]}}')
            await until(pilot, lambda: "matched each item rightly" in text_of(app, "#live-body"))
            assert "Han Min-koo → South Korea; Chang Wanquan → China" in text_of(
                app, "#live-body")
        assert server.room.matched() == [1, 0, 1]
    finally:
        await asyncio.to_thread(server.stop)

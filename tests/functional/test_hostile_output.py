"""Escape sequences and markup that get past validation (an old cache, a bank built in
code, a history row, a file name) never reach the terminal: every screen, key format and
notification shows them as visible escapes, and the app survives."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from textual.app import App

from quiz.cli import main
from quiz.commands.key import FORMATTERS
from quiz.content.key import key_entries
from quiz.game.library import Library
from quiz.model.bank import Bank
from quiz.safety.terminal import visible
from quiz.store.history import History
from quiz.tui.preview import PreviewApp
from quiz.tui.screens.briefing import BriefingScreen
from quiz.tui.screens.debrief import DebriefScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.functional.test_tui import choose
from tests.functional.tui_helpers import answer, make_app

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ATTACKS = ["\x1b]52;c;cHduZWQ=\x07", "\x1b]0;PWNED\x07", "\x1b[2J", "\x1b]8;;http://x\x1b\\",
           "\x1b[31m", "\u009b2J", "\x07", "\x7f", "\r", "\x9d0;C1 OSC\x9c", "[/]"]


def hostile_bank() -> Bank:
    """A bank whose every text field carries escape sequences. Validation would refuse
    the file, so the text is put in after validating, as an old cache or code could."""
    counter = iter(range(10_000))

    def text() -> str:
        n = next(counter)
        return f"{ATTACKS[n % len(ATTACKS)]}text {n}{ATTACKS[(n + 3) % len(ATTACKS)]}"

    source = {"outlet": "o", "title": "t", "date": "2016", "author": "a"}
    questions = [
        {"id": "single", "type": "single_choice", "prompt": "p", "choices": ["a", "b", "c"],
         "answer": 0, "context": {"date": "d", "place": "p", "role": "r"}},
        {"id": "multi", "type": "multiple_select", "prompt": "p", "choices": ["a", "b", "c"],
         "answers": [0, 1]},
        {"id": "tf", "type": "true_false", "prompt": "p", "answer": True},
        {"id": "order", "type": "ordering", "prompt": "p", "items": ["a", "b", "c"]},
        {"id": "number", "type": "numeric", "prompt": "p", "answer": 4, "unit": "km"},
        {"id": "typed", "type": "short_answer", "prompt": "p",
         "answers": ["a", {"text": "b", "feedback": "f"}]},
        {"id": "match", "type": "matching", "prompt": "p", "distractors": ["z"],
         "pairs": [{"left": "a", "right": "x"}, {"left": "b", "right": "y"}]},
        {"id": "decide", "type": "decision", "prompt": "p", "options": [
            {"text": "a", "consequence": "c"}, {"text": "b", "consequence": "d",
                                                "actual": True, "sources": [dict(source)]}]},
        {"id": "forecast", "type": "predict", "prompt": "p", "choices": ["a", "b", "c"],
         "answer": 1},
    ]
    for question in questions:
        question |= {"explanation": "e", "sources": [dict(source)], "tags": ["tag"]}
    bank = Bank.model_validate({"id": "hostile", "title": "t", "scenarios": [
        {"id": "ch", "title": "t", "briefing": "b", "questions": questions}]})
    bank.title = text()
    for scenario in bank.scenarios:
        scenario.title, scenario.briefing = text(), text()
    for _, question in bank.all_questions():
        question.prompt, question.explanation = text(), text()
        question.tags = [text().replace(",", "")]
        for name in ("choices", "items"):
            if hasattr(question, name):
                setattr(question, name, [text() for _ in getattr(question, name)])
        for option in getattr(question, "options", []):
            option.text, option.consequence = text(), text()
        if question.type == "numeric":
            question.unit = text()
        for accepted in getattr(question, "answers", []):
            if not isinstance(accepted, int):
                accepted.text = text()
                accepted.feedback = accepted.feedback and text()
        for pair in getattr(question, "pairs", []):
            pair.left, pair.right = text(), text()
        if question.type == "matching":
            question.distractors = [text()]
        if question.context:
            question.context.date, question.context.place = text(), text()
            question.context.role = text()
        for cited in question.sources:
            cited.outlet, cited.title, cited.author = text(), text(), text()
    return bank


def on_screen(app: App) -> str:
    """Everything the terminal would be sent as text: the composited screen, toasts
    included, plus every widget's whole content (parts may be scrolled out of view)."""
    lines = [strip.text for strip in app.screen._compositor.render_strips()]
    for widget in app.screen.query("*"):
        try:
            lines.append(str(widget.render()))
        except Exception:  # noqa: BLE001, S112 - containers render nothing of their own
            continue
    return "\n".join(lines)


def assert_clean(text: str) -> None:
    raw = RAW.search(text)
    near = text[max(0, raw.start() - 40):raw.end() + 20] if raw else ""
    assert raw is None, f"raw {raw.group()!r} reached the screen near {near!r}"


async def test_a_bank_full_of_escape_sequences_renders_as_visible_escapes(tmp_path):
    bank = hostile_bank()
    app = make_app(tmp_path, library=Library([bank]))
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        app.notify(f"A notice naming {ATTACKS[1]}{bank.title}", title=ATTACKS[0])
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        screens = [on_screen(app)]
        assert "\\x1b]0;PWNED\\x07" in screens[0]  # the title is there, shown as escapes
        await choose(pilot, app, bank.scenarios[0].title.strip(), "campaign")
        assert isinstance(app.screen, BriefingScreen)
        screens.append(on_screen(app))
        await pilot.press("enter")
        while isinstance(app.screen, QuestionScreen):
            screens.append(on_screen(app))
            await answer(pilot, app, right=False)
            screens.append(on_screen(app))
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)  # the chapter has a decision
        screens.append(on_screen(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        screens.append(on_screen(app))
        assert app.is_running
    for text in screens:
        assert_clean(text)
    everything = "\n".join(screens)
    for _, question in bank.all_questions():
        assert visible(question.prompt) in everything


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
def test_the_answer_key_of_such_a_bank_has_no_raw_control_character(fmt):
    output = FORMATTERS[fmt](key_entries(hostile_bank()))
    assert_clean(output.replace("\t", "").replace("\n", ""))
    assert "text 3" in output


def test_quiz_key_on_a_hostile_file_prints_escaped_errors(tmp_path, bank_data):
    bank_data["questions"][0]["prompt"] = ATTACKS[0] + "prompt"
    bank_data["questions"][0]["\x1b]0;PWNED\x07x"] = 1
    path = tmp_path / "\x1b[2Jbank.yaml"
    path.write_text(yaml.safe_dump(bank_data), encoding="utf-8")
    for fmt in sorted(FORMATTERS):
        # color=True: click would otherwise strip some escapes itself, hiding a leak.
        result = CliRunner().invoke(main, ["key", str(path), "--format", fmt], color=True)
        assert result.exit_code == 1
        assert_clean(result.output.replace("\n", ""))
        assert "\\x1b[2Jbank.yaml" in result.output and "contains the control" in result.output


async def test_a_history_row_with_markup_does_not_kill_the_app(tmp_path, bank_data):
    history = History.open(tmp_path)
    history.db.execute(
        "INSERT INTO rounds (bank_id, chapter_id, mode, seed, started_at, updated_at, status,"
        " total, state) VALUES ('demo', NULL, 'practice', 1, 'x', 'x', 'playing', 2, ?)",
        (json.dumps({"dealt": [{"key": "[/] \x1b]0;PWNED\x07", "order": [0]}]}),))
    history.close()
    app = make_app(tmp_path, library=Library([Bank.model_validate(bank_data)]))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in range(5):
            await pilot.pause()
        # A round whose questions are not loaded is not offered for resuming at all, so
        # the hostile key never reaches a label; the app starts and the screen is clean.
        assert all(item.kind != "resume" for item in app.screen.items)
        shown = on_screen(app)
        assert app.is_running and app.return_code is None
        assert_clean(shown)


async def test_a_file_name_with_markup_survives_reloads_in_preview(tmp_path):
    path = tmp_path / 'u[@click=app.quit("].yaml'
    path.write_text(Path("questions/examples.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    app = PreviewApp(path, poll=0.05)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for _ in range(100):
            if app.reloads:
                break
            await pilot.pause(0.05)
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        stamp = path.stat().st_mtime_ns + 1_000_000_000
        os.utime(path, ns=(stamp, stamp))
        for _ in range(100):
            if app.reloads >= 2 and list(app.screen.query("Toast")):
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert 'Reloaded u[@click=app.quit("].yaml' in on_screen(app)


@pytest.fixture
def headless(monkeypatch):
    """`App.run` without a terminal, so a command's app can be started from a test."""
    real_run = App.run
    monkeypatch.setattr(App, "run", lambda self, **kw: real_run(self, headless=True, **kw))


def _dies_on_mount(monkeypatch, app_class) -> None:
    def boom(self, *args) -> None:
        raise RuntimeError("the app died")

    monkeypatch.setattr(app_class, "on_mount", boom)


def test_quiz_play_exits_non_zero_when_the_app_dies(tmp_path, monkeypatch, headless):
    from quiz.tui.app import QuizApp

    _dies_on_mount(monkeypatch, QuizApp)
    result = CliRunner().invoke(main, ["play", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1


def test_quiz_preview_exits_non_zero_when_the_app_dies(tmp_path, monkeypatch, headless):
    _dies_on_mount(monkeypatch, PreviewApp)
    result = CliRunner().invoke(main, ["preview", "questions/examples.yaml"])
    assert result.exit_code == 1


async def test_the_confidence_hint_quotes_a_choice_as_typed(tmp_path):
    bank = Bank.model_validate({"id": "b", "title": "t", "questions": [
        {"id": "f", "type": "predict", "prompt": "What next?", "answer": 0,
         "choices": ["[bold]loud[/bold] [/]", "quiet"]}]})
    bank.questions[0].choices[0] += " \x1b]0;PWNED\x07"  # past validation, as a cache could
    app = make_app(tmp_path, library=Library([bank]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await choose(pilot, app, "t", "predict")
        await pilot.pause()
        dealt = app.screen.round.current
        await pilot.press(str(dealt.order.index(0) + 1))
        await pilot.pause()
        shown = on_screen(app)
        assert "How sure are you" in shown and app.is_running
        assert "“[bold]loud[/bold] [/] \\x1b]0;PWNED\\x07”" in shown
        assert_clean(shown)

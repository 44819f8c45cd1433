"""How the classroom terminals look, fed fixed server messages (no network, no clock)."""

from __future__ import annotations

from quiz.classroom import protocol as p
from quiz.tui.classroom.host_app import HostApp
from quiz.tui.classroom.student_app import StudentApp

QUESTION = p.Question(type="question", index=2, total=10, kind="single_choice",
                      prompt="Who raised China's concern over THAAD in February 2015?",
                      context="February 2015 · Seoul · a desk officer",
                      choices=["Han Min-koo", "Chang Wanquan", "Fang Fenghui", "Wang Yi"],
                      time_limit=20.0)


async def _offline(*_args) -> None:
    """Stands in for the network, so only the fed messages are shown."""


def _feed(app, *messages) -> None:
    for message in messages:
        app.received(message)
    if app.countdown:
        app.countdown.freeze(12.0)
    app.tick()


def student_app() -> StudentApp:
    app = StudentApp("ws://127.0.0.1:8765", "K7Q2ZD", "[bold]Min-ji[/]", None)
    app.client.run = _offline
    return app


def test_student_question(snap_compare):
    async def feed(pilot):
        _feed(pilot.app, p.Welcome(type="welcome", version=1, name="[bold]Min-ji[/]",
                                   score=410, state="question"), QUESTION)
        await pilot.pause()

    assert snap_compare(student_app(), run_before=feed, terminal_size=(80, 24))


def test_student_reveal(snap_compare):
    async def feed(pilot):
        app = pilot.app
        _feed(app, p.Welcome(type="welcome", version=1, name="[bold]Min-ji[/]", score=410,
                             state="question"), QUESTION)
        await pilot.pause()
        await pilot.press("2")
        _feed(app, p.Ack(type="ack", question=2, accepted=True),
              p.Reveal(type="reveal", index=2, answer="Chang Wanquan",
                       explanation="Chang raised it during his February 2015 visit.",
                       correct=True, points=275, score=685, rank=2))
        await pilot.pause()

    assert snap_compare(student_app(), run_before=feed, terminal_size=(80, 24))


def test_dashboard_reveal(snap_compare):
    app = HostApp("ws://127.0.0.1:8765", "K7Q2ZD", "x" * 24)
    app.client.run = _offline
    roster = p.Roster(type="roster", code="K7Q2ZD", state="reveal", index=2, total=10,
                      locked=False, answered=3, players=[
                          p.RosterEntry(id="p-1", name="[bold]Min-ji[/]", score=685,
                                        connected=True, answered=True),
                          p.RosterEntry(id="p-2", name="Tomás", score=910, connected=True,
                                        answered=True),
                          p.RosterEntry(id="p-3", name="Sam", score=120, connected=False,
                                        answered=True)])

    async def feed(pilot):
        _feed(pilot.app, roster, QUESTION,
              p.Reveal(type="reveal", index=2, answer="Chang Wanquan",
                       explanation="Chang raised it during his February 2015 visit.",
                       distribution=[1, 2, 0, 0]),
              p.Standings(type="standings", top=[("Tomás", 910), ("[bold]Min-ji[/]", 685),
                                                 ("Sam", 120)]))
        await pilot.pause()

    assert snap_compare(app, run_before=feed, terminal_size=(100, 30))


def test_preview_shows_problems_in_place(snap_compare, tmp_path, monkeypatch):
    from pathlib import Path

    from quiz.tui.preview import PreviewApp

    monkeypatch.chdir(tmp_path)
    Path("draft.yaml").write_text(
        "id: draft\ntitle: Draft\nquestions:\n  - id: q1\n    type: true_false\n"
        "    prompt: The hotline opened in 2015.\n    answer: maybe\n"
        "  - id: q1\n    type: numeric\n    prompt: How many?\n    answer: 3\n",
        encoding="utf-8")

    async def settle(pilot):
        await pilot.pause(0.3)

    assert snap_compare(PreviewApp(Path("draft.yaml"), poll=60), run_before=settle,
                        terminal_size=(80, 24))

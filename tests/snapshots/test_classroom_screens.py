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


DECISION = p.Question(type="question", index=3, total=10, kind="decision",
                      prompt="Chang has just raised THAAD. What do you advise Han Min-koo to say?",
                      context="February 2015 · Seoul · a desk officer",
                      choices=["That Seoul will never host THAAD",
                               "That Seoul has signed no agreement to deploy THAAD",
                               "That talks with Washington are under way"],
                      time_limit=30.0)
FORECAST = p.Question(type="question", index=4, total=10, kind="predict",
                      prompt="It is July 2016 and Seoul has agreed to host THAAD. What will "
                             "Beijing do about the defence dialogue?",
                      context="July 2016 · Seoul · a policy officer",
                      choices=["Put the dialogue on hold", "Hold it as planned",
                               "Raise it to ministers", "[bold]Cancel[/] every exchange"],
                      time_limit=30.0, confidences=[50, 60, 70, 80, 90, 100])
SOURCE = "China Daily, “Defence dialogue on hold”, 2016-11-08"
DECISION_REVEAL = p.Reveal(
    type="reveal", index=3, kind="decision", choices=DECISION.choices, happened=1,
    answer="That Seoul has signed no agreement to deploy THAAD",
    explanation="Han said no agreement had been signed; Seoul agreed in July 2016.",
    distribution=[1, 3, 2], sources=["JoongAng Daily, “THAAD on the table”, 2015-02-05"])
FORECAST_REVEAL = p.Reveal(
    type="reveal", index=4, kind="predict", choices=FORECAST.choices, happened=0,
    answer="Put the dialogue on hold", distribution=[3, 1, 0, 2], sources=[SOURCE],
    explanation="The vice-ministerial dialogue was put on hold in late 2016.",
    class_brier=0.213)


def _dashboard(question: p.Question, reveal: p.Reveal) -> HostApp:
    app = HostApp("ws://127.0.0.1:8765", "K7Q2ZD", "x" * 24)
    app.client.run = _offline
    roster = p.Roster(type="roster", code="K7Q2ZD", state="reveal", index=question.index,
                      total=10, locked=False, answered=6, players=[
                          p.RosterEntry(id=f"p-{n}", name=name, score=score, connected=True,
                                        answered=True)
                          for n, (name, score) in enumerate(
                              [("[bold]Min-ji[/]", 685), ("Tomás", 910), ("Sam", 120),
                               ("Ana", 400), ("Jun", 300), ("Lee", 96)], start=1)])

    async def feed(pilot):
        _feed(pilot.app, roster, question, reveal)
        await pilot.pause()

    app.feed = feed
    return app


def test_dashboard_reveal_of_a_decision(snap_compare):
    app = _dashboard(DECISION, DECISION_REVEAL)
    assert snap_compare(app, run_before=app.feed, terminal_size=(100, 30))


def test_dashboard_reveal_of_a_forecast(snap_compare):
    app = _dashboard(FORECAST, FORECAST_REVEAL)
    assert snap_compare(app, run_before=app.feed, terminal_size=(100, 30))


def test_student_confidence_picker(snap_compare):
    async def feed(pilot):
        _feed(pilot.app, p.Welcome(type="welcome", version=1, name="Min-ji", score=410,
                                   state="question"), FORECAST)
        await pilot.pause()
        await pilot.press("4")  # the [bold]… choice, shown as typed
        await pilot.pause()

    assert snap_compare(student_app(), run_before=feed, terminal_size=(80, 24))


def test_student_reveal_of_a_decision(snap_compare):
    async def feed(pilot):
        app = pilot.app
        _feed(app, p.Welcome(type="welcome", version=1, name="Min-ji", score=410,
                             state="question"), DECISION)
        await pilot.pause()
        await pilot.press("3")
        reveal = DECISION_REVEAL.model_copy(update={
            "chosen": 2, "score": 410, "rank": 3,
            "consequence": "Candid, but it turns the visit towards THAAD; Chang presses."})
        _feed(app, p.Ack(type="ack", question=3, accepted=True), reveal)
        await pilot.pause()

    assert snap_compare(student_app(), run_before=feed, terminal_size=(80, 24))


def test_student_reveal_of_a_forecast(snap_compare):
    async def feed(pilot):
        app = pilot.app
        _feed(app, p.Welcome(type="welcome", version=1, name="Min-ji", score=410,
                             state="question"), FORECAST)
        await pilot.pause()
        await pilot.press("1", "4")
        reveal = FORECAST_REVEAL.model_copy(update={
            "chosen": 0, "confidence": 80, "brier": 0.04, "correct": True, "points": 96,
            "score": 506, "rank": 2})
        _feed(app, p.Ack(type="ack", question=4, accepted=True), reveal)
        await pilot.pause()

    assert snap_compare(student_app(), run_before=feed, terminal_size=(80, 24))

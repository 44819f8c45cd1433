"""How the student's terminal shows a short answer and a matching, and a matching's reveal
with each pair marked, fed fixed server messages (no network, no clock)."""

from __future__ import annotations

from quiz.classroom import protocol as p
from tests.snapshots.test_classroom_screens import _feed, student_app

WELCOME = p.Welcome(type="welcome", version=1, name="[bold]Min-ji[/]", score=410,
                    state="question")
TYPED = p.Question(type="question", index=3, total=10, kind="short_answer",
                   prompt="Which US missile-defence system did Seoul agree to deploy in "
                          "July 2016?", context="July 2016 · Seoul · a desk officer",
                   time_limit=20.0)
MATCHING = p.Question(type="question", index=4, total=10, kind="matching",
                      prompt="Match each defence minister with the country they served in "
                             "2015.",
                      items=["Han Min-koo", "Chang Wanquan", "Gen Nakatani"],
                      choices=["Japan", "North Korea", "South Korea", "China"],
                      time_limit=30.0)


def test_student_short_answer(snap_compare):
    async def feed(pilot):
        _feed(pilot.app, WELCOME, TYPED)
        await pilot.pause()
        await pilot.press(*"thaad")

    assert snap_compare(student_app(), run_before=feed, terminal_size=(80, 24))


def test_student_matching(snap_compare):
    async def feed(pilot):
        _feed(pilot.app, WELCOME, MATCHING)
        await pilot.pause()
        await pilot.press("c")

    assert snap_compare(student_app(), run_before=feed, terminal_size=(80, 24))


def test_student_matching_reveal(snap_compare):
    async def feed(pilot):
        app = pilot.app
        _feed(app, WELCOME, MATCHING)
        await pilot.pause()
        await pilot.press("c", "b", "a", "enter")  # the second pair wrong
        _feed(app, p.Ack(type="ack", question=4, accepted=True),
              p.Reveal(type="reveal", index=4,
                       answer="Han Min-koo → South Korea; Chang Wanquan → China; "
                              "Gen Nakatani → Japan",
                       explanation="Each served as defence minister throughout 2015.",
                       correct=False, points=133, score=543, rank=3,
                       matches=["South Korea", "China", "Japan"], matched=[9, 6, 8]))
        await pilot.pause()

    assert snap_compare(student_app(), run_before=feed, terminal_size=(80, 24))


async def test_four_long_pairs_all_show_at_80_by_24():
    ships = p.Question(type="question", index=0, total=1, kind="matching",
                       prompt="Match each ship with the cargo it carried into the harbour.",
                       items=["The Northern Star", "Mary Ellen", "The Gull", "Anna of Bergen"],
                       choices=["Coal for the harbour's steam cranes", "Passengers and the mail",
                                "Salt fish for the winter market",
                                "Timber from the forests up the coast"], time_limit=40.0)
    app = student_app()
    async with app.run_test(size=(80, 24)) as pilot:
        _feed(app, WELCOME, ships)
        await pilot.pause()
        await pilot.press("a", "b")  # two picks, each wrapping onto a third line
        await pilot.pause()
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "4. Anna of Bergen" in shown and shown.count("→ ?") == 2
        assert "steam cranes" in shown and "Enter sends" in shown

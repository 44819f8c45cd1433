"""The student page and the class screen in a real headless Chromium against a real
server on loopback: join by link, answer every kind by keyboard, a refresh and a dropped
connection mid-question, the projector through a round, and hostile names and bank text
shown literally."""

from __future__ import annotations

import time

import pytest

from tests.browser.chromium import missing
from tests.classroom.helpers import answer, control, host, running, student

REASON = missing()
pytestmark = pytest.mark.skipif(REASON is not None,
                                reason=f"browser tests skipped: {REASON}")


def until(driver, predicate, timeout: float = 8.0, what: str = ""):
    from selenium.common.exceptions import StaleElementReferenceException

    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except StaleElementReferenceException:  # the page redrew meanwhile: look again
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            body = driver.find_element("tag name", "body").text
            raise AssertionError(f"timed out waiting for {what or predicate}; page says:\n"
                                 f"{body[:800]}")
        time.sleep(0.05)


def text(driver, element_id: str) -> str:
    return driver.execute_script(
        "const n = document.getElementById(arguments[0]); return n && !n.closest('[hidden]')"
        " ? n.textContent : '';", element_id)


def texts(driver, selector: str) -> list[str]:
    """Every matching element's text, read in one go (the page may redraw between two
    separate reads)."""
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);",
        selector)


def press(driver, *keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    chain = ActionChains(driver)
    for key in keys:
        chain.send_keys(key)
    chain.perform()


def join_by_link(driver, server, name: str) -> None:
    from urllib.parse import quote

    driver.get(f"http://127.0.0.1:{server.port}/?code={server.code}&name={quote(name)}")
    until(driver, lambda: "You are in" in text(driver, "wait-title"), what="the lobby")


def player(server, name: str):
    return next(p for p in server.room.players.values() if p.name == name)


def test_join_by_link_answer_and_see_the_reveal(tmp_path, tab):
    with running(tmp_path) as server:
        teacher = host(server)
        other, _ = student(server, "Bob")
        tab.get(f"http://127.0.0.1:{server.port}/?code={server.code}")
        assert tab.find_element("id", "code").get_attribute("value") == server.code
        tab.find_element("id", "name").send_keys("Min-ji\n")
        until(tab, lambda: "You are in, Min-ji" in text(tab, "wait-title"))
        assert "2 students" in text(tab, "wait-detail")
        control(teacher, "start")
        question = other.expect("question", index=0)
        until(tab, lambda: question.prompt in text(tab, "prompt"))
        press(tab, str(question.choices.index("Beijing") + 1))
        until(tab, lambda: "locked in" in text(tab, "answer-note"))
        assert "0 points" in text(tab, "status")
        answer(other, 0, 0)
        until(tab, lambda: "Right!" in text(tab, "verdict"))
        assert "Beijing" in text(tab, "right-answer")
        assert player(server, "Min-ji").score > 0
        assert f"{player(server, 'Min-ji').score} points" in text(tab, "status")


def test_a_refresh_mid_question_keeps_the_answer_locked_in(tmp_path, tab):
    with running(tmp_path) as server:
        teacher = host(server)
        student(server, "Bob")
        join_by_link(tab, server, "Ana")
        control(teacher, "start")
        until(tab, lambda: text(tab, "prompt"))
        press(tab, "1")
        until(tab, lambda: "locked in" in text(tab, "answer-note"))
        tab.refresh()
        until(tab, lambda: "locked in" in text(tab, "answer-note"), what="locked in again")
        assert "Ana" in text(tab, "status")
        assert len(server.room.players) == 2 and 0 in player(server, "Ana").answers
        assert not tab.find_elements("css selector", "#answer-area button")


def test_a_dropped_connection_comes_back_as_the_same_student(tmp_path, tab):
    with running(tmp_path) as server:
        teacher = host(server)
        student(server, "Bob")
        join_by_link(tab, server, "Ana")
        ana = player(server, "Ana")
        control(teacher, "start")
        until(tab, lambda: text(tab, "prompt"))
        # The server loses the socket without a goodbye, as when Wi-Fi drops.
        socket = server.server.students[ana.id]
        server.loop.call_soon_threadsafe(socket.transport.abort)
        until(tab, lambda: server.server.students.get(ana.id) not in (None, socket),
              what="the reconnection")
        assert len(server.room.players) == 2
        press(tab, "2")
        until(tab, lambda: "locked in" in text(tab, "answer-note"))
        assert 0 in ana.answers


def test_a_pause_holds_answers_and_a_refusal_never_locks_the_student_out(tmp_path, tab):
    with running(tmp_path) as server:
        teacher = host(server)
        student(server, "Bob")
        join_by_link(tab, server, "Ana")
        control(teacher, "start")
        until(tab, lambda: text(tab, "prompt"))
        control(teacher, "pause")
        until(tab, lambda: "Paused" in text(tab, "paused"))
        assert tab.execute_script(
            "return [...document.querySelectorAll('.choice')].every(b => b.disabled);")
        # An answer that crossed the pause on the wire is refused; the page lets the
        # student answer again once the question is open.
        tab.execute_script("quiz.sent = true; quiz.session.send({type: 'answer', "
                           "question: 0, value: 0});")
        until(tab, lambda: "not open" in text(tab, "answer-note"))
        control(teacher, "resume")
        until(tab, lambda: all(b.is_enabled() for b in
                               tab.find_elements("css selector", ".choice")))
        press(tab, "1")
        until(tab, lambda: "locked in" in text(tab, "answer-note"))


ALL_KINDS = """\
id: kinds
title: Every kind
questions:
  - {id: tf, type: true_false, prompt: The hotline opened in 2015., answer: true}
  - {id: num, type: numeric, prompt: How many visits?, answer: 3, unit: visits}
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


def test_every_kind_of_question_from_the_keyboard(tmp_path, tab):
    from tests.classroom.helpers import Running

    (tmp_path / "kinds.yaml").write_text(ALL_KINDS, encoding="utf-8")
    server = Running(tmp_path / "class.db", tmp_path / "kinds.yaml")
    try:
        teacher = host(server)
        join_by_link(tab, server, "Kim")
        control(teacher, "start")

        def next_question(index: int) -> None:
            until(tab, lambda: "Right!" in text(tab, "verdict"), what=f"right at {index - 1}")
            control(teacher, "next")
            until(tab, lambda: f"Question {index + 1} of" in text(tab, "progress"))

        until(tab, lambda: "hotline" in text(tab, "prompt"))
        press(tab, "t")
        next_question(1)
        assert "visits" in text(tab, "answer-area")
        press(tab, "3", "\n")
        next_question(2)
        shown = texts(tab, ".choice .label")
        for label in ("Drills", "Visits"):
            press(tab, str(shown.index(label) + 1))
        press(tab, "\n")
        next_question(3)
        from selenium.webdriver.common.keys import Keys

        for position, item in enumerate(["First", "Second", "Third"]):
            items = texts(tab, ".ordering .label")
            tab.find_element("id", f"order-item-{items.index(item)}").click()
            for step in range(items.index(item) - position):
                if step % 2:  # both ways the terminal knows: K, and Shift+↑
                    press(tab, "k")
                else:
                    from selenium.webdriver.common.action_chains import ActionChains

                    ActionChains(tab).key_down(Keys.SHIFT).send_keys(Keys.ARROW_UP) \
                        .key_up(Keys.SHIFT).perform()
        press(tab, "\n")
        until(tab, lambda: "Right!" in text(tab, "verdict"), what="the ordering right")
        kim = player(server, "Kim")
        assert [kim.answers[i].correct for i in range(4)] == [True] * 4
    finally:
        server.stop()


HOSTILE = ['<img src=x onerror="alert(1)">', "[bold]Sam[/]",
           '"><script>alert(1)</script>', "Tom & Jerry &amp;"]


def test_hostile_names_and_bank_text_are_shown_literally(tmp_path, tab, browser):
    bank = tmp_path / "hostile.yaml"
    bank.write_text(
        "id: hostile\ntitle: Hostile\nquestions:\n"
        "  - id: q\n    type: single_choice\n"
        "    prompt: 'Pick <b>bold</b> or <img src=x onerror=\"document.title=1\">'\n"
        "    choices: ['<i>one</i>', '&lt;two&gt;']\n    answer: 0\n", encoding="utf-8")
    from tests.classroom.helpers import Running

    server = Running(tmp_path / "class.db", bank)
    try:
        teacher = host(server)
        for name in HOSTILE:
            student(server, name)
        # The same name again is refused, and the page asks for another one.
        tab.get(f"http://127.0.0.1:{server.port}/?code={server.code}&name=%5Bbold%5DSam%5B/%5D")
        until(tab, lambda: "already uses that name" in text(tab, "join-error"))
        mine = "<b onmouseover=alert(1)>Eve</b>"
        name_field = tab.find_element("id", "name")
        name_field.clear()
        name_field.send_keys(mine + "\n")
        until(tab, lambda: len(tab.find_elements("css selector", "#lobby-names li")) == 5)
        assert texts(tab, "#lobby-names li") == [*HOSTILE, mine]
        control(teacher, "start")
        until(tab, lambda: "<b>bold</b>" in text(tab, "prompt"))
        assert sorted(texts(tab, ".choice .label")) == sorted(["<i>one</i>", "&lt;two&gt;"])
        assert not tab.find_elements("css selector", "main img, main b, main i, main script")
        assert tab.title.startswith("Scenario Quiz")
        assert mine in text(tab, "status")
    finally:
        server.stop()


def test_the_class_screen_through_a_round(tmp_path, tab):
    with running(tmp_path) as server:
        teacher = host(server)
        tab.get(f"http://127.0.0.1:{server.port}/screen#code={server.code}"
                f"&token={server.room.screen_token}")
        until(tab, lambda: text(tab, "join-code") == server.code)
        assert f"/?code={server.code}" in text(tab, "join-link")
        until(tab, lambda: tab.execute_script(
            "const q = document.getElementById('qr'); return q.complete && q.naturalWidth > 0"))
        ann, _ = student(server, "[b]Ann[/b]")
        bob, _ = student(server, "Bob")
        until(tab, lambda: "2 students in" in text(tab, "lobby-count"))
        control(teacher, "start")
        question = ann.expect("question", index=0)
        until(tab, lambda: question.prompt in text(tab, "prompt"))
        until(tab, lambda: "0 of 2 students answered" in text(tab, "answered"))
        right = question.choices.index("Beijing")
        answer(ann, 0, right)
        until(tab, lambda: "1 of 2 students answered" in text(tab, "answered"))
        score = player(server, "[b]Ann[/b]").score
        body = tab.find_element("tag name", "body").text
        assert str(score) not in body and "Ann" not in body  # no scores, no names
        control(teacher, "skip")
        until(tab, lambda: text(tab, "reveal-answer") == "Beijing")
        marked = tab.execute_script(
            "return document.querySelector('#chart .is-right').innerText;")
        assert marked.startswith("✔") and "Beijing" in marked
        until(tab, lambda: "[b]Ann[/b]" in text(tab, "top-list"))
        assert str(score) in text(tab, "top-list")
        control(teacher, "next")
        bob.expect("question", index=1)
        until(tab, lambda: text(tab, "reveal-answer") == "" and "hotline" in text(tab, "prompt"))
        assert text(tab, "top-list") == ""  # the top five go while a question is open
        control(teacher, "end")
        until(tab, lambda: "[b]Ann[/b]" in text(tab, "podium"))
        assert text(tab, "podium").count("🥇") == 1


def test_the_class_screen_needs_a_token(tmp_path, tab):
    with running(tmp_path) as server:
        tab.get(f"http://127.0.0.1:{server.port}/screen#code={server.code}&token="
                + "x" * 24)
        until(tab, lambda: "not this session" in text(tab, "stop-reason"))
        tab.get(f"http://127.0.0.1:{server.port}/screen")
        until(tab, lambda: tab.find_element("id", "token").is_displayed())


def test_the_page_fits_a_phone(tmp_path, browser):
    driver = browser.driver
    driver.switch_to.new_window("tab")
    browser.phone()
    try:
        with running(tmp_path) as server:
            teacher = host(server)
            student(server, "Maria Fernanda Rodrigues Silva")
            join_by_link(driver, server, "Min-ji")
            control(teacher, "start")
            until(driver, lambda: text(driver, "prompt"))
            width = driver.execute_script("return document.documentElement.scrollWidth")
            assert width <= 360
            driver.save_screenshot(str(tmp_path / "phone.png"))
            sizes = driver.execute_script(
                "return [...document.querySelectorAll('.choice')].map(b => b.offsetHeight)")
            assert min(sizes) >= 44  # a finger's target
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.close()
        driver.switch_to.window(driver.window_handles[0])


"""Short-answer and matching questions on the student page and the class screen, in a
real headless Chromium against a real server: typing, matching by keyboard alone, each
pair marked at the reveal, the bank's note, hostile text shown literally, a phone's width."""

from __future__ import annotations

import pytest

from tests.browser.chromium import missing
from tests.browser.test_student_page import join_by_link, player, press, text, texts, until
from tests.classroom.helpers import Running, control, host, student

REASON = missing()
pytestmark = pytest.mark.skipif(REASON is not None,
                                reason=f"browser tests skipped: {REASON}")


TYPED = """\
id: typed
title: Typed and matched
questions:
  - id: town
    type: short_answer
    prompt: In which city were the 2014 defence talks held?
    answers: [Beijing, {text: Peking, feedback: "The old romanisation; <b>Beijing</b> today."}]
  - id: roles
    type: matching
    prompt: Match each minister with the country they served.
    pairs:
      - {left: Han Min-koo, right: South Korea}
      - {left: Chang Wanquan, right: China}
      - {left: "<img src=x onerror=alert(1)>Nakatani", right: "Japan & <i>co</i>"}
    distractors: [North Korea]
"""


def serve(tmp_path) -> Running:
    (tmp_path / "typed.yaml").write_text(TYPED, encoding="utf-8")
    return Running(tmp_path / "class.db", tmp_path / "typed.yaml")


def to_matching(tab, server, teacher) -> None:
    """Past the short answer (answered rightly) to the open matching."""
    control(teacher, "start")
    until(tab, lambda: "defence talks" in text(tab, "prompt"))
    tab.find_element("id", "typed-answer").send_keys("  PEKING \n")
    until(tab, lambda: "locked in" in text(tab, "answer-note"), what="the answer locked in")
    control(teacher, "skip")  # the others need not answer
    until(tab, lambda: "Right!" in text(tab, "verdict"), what="the short answer right")
    control(teacher, "next")
    until(tab, lambda: "Match each minister" in text(tab, "prompt"))


def test_a_short_answer_and_a_matching_by_keyboard(tmp_path, tab):
    server = serve(tmp_path)
    try:
        teacher = host(server)
        join_by_link(tab, server, "Kim")
        control(teacher, "start")
        until(tab, lambda: "defence talks" in text(tab, "prompt"))
        assert "Type your answer" in text(tab, "keys-hint")
        field = tab.find_element("id", "typed-answer")
        field.send_keys("   \n")
        assert "Type your answer first" in text(tab, "typed-error")
        field.send_keys("PEKING\n")
        until(tab, lambda: "Right!" in text(tab, "verdict"))
        assert text(tab, "typed-note") == (
            "On your answer: The old romanisation; <b>Beijing</b> today.")
        control(teacher, "next")
        until(tab, lambda: "Match each minister" in text(tab, "prompt"))
        matches = texts(tab, ".matches li")
        assert len(matches) == 4 and "Japan & <i>co</i>" in matches
        assert texts(tab, ".pairs label")[2] == "<img src=x onerror=alert(1)>Nakatani"
        letter = {m: "ABCD"[matches.index(m)] for m in matches}
        # Keys only: the first list box has the focus; 1-3 jump between items.
        press(tab, letter["South Korea"].lower())
        press(tab, "2", letter["North Korea"].lower())
        press(tab, "\n")
        until(tab, lambda: "1 item has no match yet" in text(tab, "matching-error"))
        assert tab.switch_to.active_element.get_attribute("id") == "match-2"
        press(tab, "\n")  # sent as it is
        until(tab, lambda: "Not all right" in text(tab, "verdict"), what="the partial reveal")
        assert "+67 points for the parts you got right" in text(tab, "verdict")
        assert texts(tab, "#pair-marks li") == [
            "✔ Right: Han Min-koo → South Korea",
            "✘ Wrong: Chang Wanquan → North Korea (right: China)",
            "✘ Wrong: <img src=x onerror=alert(1)>Nakatani → (none) (right: Japan & <i>co</i>)"]
        assert not tab.find_elements("css selector", "main img, main b, main i")
        kim = player(server, "Kim")
        assert kim.answers[0].value == "   PEKING" and kim.answers[0].correct
        assert kim.answers[1].points == round(200 / 3)
    finally:
        server.stop()


def test_the_class_screen_shows_the_pairs_and_charts_them(tmp_path, tab):
    server = serve(tmp_path)
    try:
        teacher = host(server)
        ann, _ = student(server, "Ann")
        tab.get(f"http://127.0.0.1:{server.port}/screen#code={server.code}"
                f"&token={server.room.screen_token}")
        until(tab, lambda: text(tab, "join-code") == server.code)
        control(teacher, "start")
        until(tab, lambda: "defence talks" in text(tab, "prompt"))
        assert texts(tab, "#matches li") == []  # a short answer has no list
        control(teacher, "skip")
        control(teacher, "next")
        until(tab, lambda: "Match each minister" in text(tab, "prompt"))
        assert texts(tab, "#choices li")[0] == "Han Min-koo"
        assert sorted(texts(tab, "#matches li")) == sorted(
            ["South Korea", "China", "Japan & <i>co</i>", "North Korea"])
        order = server.room.current.order
        ann.send(f'{{"type": "answer", "question": 1, "value": [{order.index(0)}, '
                 f'{order.index(1)}, null]}}')
        until(tab, lambda: "Han Min-koo → South Korea" in text(tab, "reveal-answer"))
        rows = texts(tab, "#chart li")
        assert rows[0].startswith("Han Min-koo") and rows[0].endswith("1")
        assert rows[2].endswith("0") and "✔" not in "".join(rows)
    finally:
        server.stop()


def test_a_matching_fits_a_phone(tmp_path, browser):
    driver = browser.driver
    driver.switch_to.new_window("tab")
    browser.phone()
    try:
        server = serve(tmp_path)
        try:
            teacher = host(server)
            student(server, "Maria Fernanda Rodrigues Silva")
            join_by_link(driver, server, "Min-ji")
            to_matching(driver, server, teacher)
            width = driver.execute_script("return document.documentElement.scrollWidth")
            assert width <= 360
            heights = driver.execute_script(
                "return [...document.querySelectorAll('#answer-area select, #answer-area .send')]"
                ".map(b => b.offsetHeight)")
            assert min(heights) >= 44  # a finger's target
            driver.save_screenshot(str(tmp_path / "phone-matching.png"))
        finally:
            server.stop()
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.close()
        driver.switch_to.window(driver.window_handles[0])

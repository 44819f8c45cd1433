"""Decisions and forecasts in a real headless Chromium: by keyboard at desktop width, by
touch at phone width, and on the class screen; bank text shown literally throughout."""

from __future__ import annotations

import pytest

from tests.browser.chromium import missing
from tests.browser.test_student_page import join_by_link, player, press, text, texts
from tests.browser.test_student_page import until as wait_for
from tests.classroom.helpers import SCENARIO, Running, answer, control, host, student

REASON = missing()
pytestmark = pytest.mark.skipif(REASON is not None,
                                reason=f"browser tests skipped: {REASON}")

NEVER = '<img src=x onerror="document.title=1">That Seoul will never host THAAD'
"""A hostile option: it must show as typed, tags and all."""


def scenario_server(tmp_path) -> Running:
    bank = tmp_path / "scenario.yaml"
    hostile = SCENARIO.replace("- text: That Seoul will never host THAAD", f"- text: '{NEVER}'")
    assert hostile != SCENARIO
    bank.write_text(hostile, encoding="utf-8")
    return Running(tmp_path / "class.db", bank, time_limit=60)


def test_a_decision_and_a_forecast_by_keyboard(tmp_path, tab):
    server = scenario_server(tmp_path)
    try:
        teacher = host(server)
        other, _ = student(server, "Lee")
        join_by_link(tab, server, "Kim")
        control(teacher, "start")
        wait_for(tab, lambda: "advise" in text(tab, "prompt"), what="the decision")
        labels = texts(tab, ".choice .label")
        assert NEVER in labels and "Not marked" in text(tab, "answer-area")
        assert not tab.find_elements("css selector", "main img")
        press(tab, str(labels.index(NEVER) + 1))
        wait_for(tab, lambda: "locked in" in text(tab, "answer-note"))
        answer(other, 0, labels.index(NEVER))
        wait_for(tab, lambda: "Your decision" in text(tab, "verdict"), what="the reveal")
        assert text(tab, "your-answer") == f"You chose: {NEVER}"
        assert "commits Seoul to a promise" in text(tab, "consequence")
        assert text(tab, "answer-label") == "What the real actor did:"
        assert "signed no agreement" in text(tab, "right-answer")
        assert "JoongAng Daily" in text(tab, "source")
        chart = texts(tab, "#class-chart li")
        assert any(row.startswith("2 ×") and NEVER in row for row in chart)
        assert any("◆ what the real actor did" in row for row in chart)
        assert "Right" not in text(tab, "verdict") and "Not this time" not in text(tab, "main")
        tab.save_screenshot(str(tmp_path / "decision-reveal-desktop.png"))

        control(teacher, "next")
        wait_for(tab, lambda: "dialogue" in text(tab, "prompt"), what="the forecast")
        choices = texts(tab, ".choice .label")
        hold = choices.index("Put the dialogue on hold")
        tab.find_element("id", "forecast-help").click()  # Enter on a choice would pick it
        press(tab, "\n")  # nothing chosen yet
        wait_for(tab, lambda: "Choose what you forecast first" in text(tab, "forecast-error"))
        press(tab, str(hold + 1))
        assert "How sure are you of “Put the dialogue on hold”" in text(tab, "confidence")
        tab.find_element("id", "forecast-help").click()  # focus off the buttons
        press(tab, "\n")  # a choice, but no confidence: refused on the page, in words
        wait_for(tab, lambda: "Choose how sure you are" in text(tab, "forecast-error"))
        assert 1 not in player(server, "Kim").answers
        press(tab, "\x1b", str((hold + 1) % 3 + 1))  # Esc: change the forecast …
        press(tab, "\x1b", str(hold + 1), "4")  # … and back again, at 80%
        assert tab.execute_script(
            "return document.querySelector('.level[aria-pressed=true]').dataset.confidence"
        ) == "80"
        tab.save_screenshot(str(tmp_path / "forecast-desktop.png"))
        press(tab, "\n")
        wait_for(tab, lambda: "locked in" in text(tab, "answer-note"))
        assert player(server, "Kim").answers[1].value == {"choice": hold, "confidence": 80}
        answer(other, 1, {"choice": (hold + 1) % 3, "confidence": 60})
        wait_for(tab, lambda: "That is what happened" in text(tab, "verdict"))
        assert "+96 points" in text(tab, "verdict")
        assert text(tab, "your-answer") == "You forecast: Put the dialogue on hold (80% sure)"
        assert "Brier score 0.04" in text(tab, "brier-line")
        assert text(tab, "answer-label") == "What happened:"
        assert "China Daily" in text(tab, "source")
        assert "96 points" in text(tab, "status")
        tab.save_screenshot(str(tmp_path / "forecast-reveal-desktop.png"))
        assert tab.title.startswith("Scenario Quiz")
    finally:
        server.stop()


def test_a_forecast_by_touch_on_a_phone(tmp_path, browser):
    driver = browser.driver
    driver.switch_to.new_window("tab")
    browser.phone()
    server = scenario_server(tmp_path)
    try:
        teacher = host(server)
        join_by_link(driver, server, "Min-ji")
        control(teacher, "start")
        wait_for(driver, lambda: text(driver, "prompt"))
        control(teacher, "skip")
        control(teacher, "next")
        wait_for(driver, lambda: "dialogue" in text(driver, "prompt"))
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
        sizes = driver.execute_script(
            "return [...document.querySelectorAll('.choice, .level, #send-forecast')]"
            ".map(b => b.offsetHeight)")
        assert len(sizes) == 3 + 6 + 1 and min(sizes) >= 44  # a finger's target
        driver.find_element("id", "send-forecast").click()
        wait_for(driver, lambda: "Choose what you forecast" in text(driver, "forecast-error"))
        driver.find_element("css selector", ".choice[data-index='1']").click()
        driver.find_element("id", "send-forecast").click()
        wait_for(driver, lambda: "Choose how sure you are" in text(driver, "forecast-error"))
        driver.save_screenshot(str(tmp_path / "forecast-phone.png"))
        driver.find_element("css selector", ".level[data-confidence='60']").click()
        driver.find_element("id", "send-forecast").click()
        # The only student has answered, so the reveal follows at once.
        wait_for(driver, lambda: "What happened" in text(driver, "answer-label"))
        assert player(server, "Min-ji").answers[1].value == {"choice": 1, "confidence": 60}
        assert "(60% sure)" in text(driver, "your-answer")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
        driver.save_screenshot(str(tmp_path / "forecast-reveal-phone.png"))
    finally:
        server.stop()
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.close()
        driver.switch_to.window(driver.window_handles[0])


def test_the_class_screen_shows_the_class_beside_what_happened(tmp_path, tab):
    server = scenario_server(tmp_path)
    try:
        teacher = host(server)
        ann, _ = student(server, "Ann")
        bob, _ = student(server, "Bob")
        tab.get(f"http://127.0.0.1:{server.port}/screen#code={server.code}"
                f"&token={server.room.screen_token}")
        wait_for(tab, lambda: text(tab, "join-code") == server.code)
        control(teacher, "start")
        question = ann.expect("question", index=0)
        wait_for(tab, lambda: "not marked" in text(tab, "kind-note"))
        wait_for(tab, lambda: "0 of 2 students answered" in text(tab, "answered"))
        never = question.choices.index(NEVER)
        assert answer(ann, 0, never).accepted and answer(bob, 0, never).accepted
        wait_for(tab, lambda: "What the real actor did" in text(tab, "reveal-label"))
        rows = texts(tab, "#chart li")
        real = next(row for row in rows if "◆" in row)
        assert "signed no agreement" in real and real.rstrip().endswith("0")
        assert any(NEVER in row and row.rstrip().endswith("2") for row in rows)
        assert "JoongAng Daily" in text(tab, "reveal-source")
        assert not tab.find_elements("css selector", "main img:not(#qr)")
        control(teacher, "next")
        question = ann.expect("question", index=1)
        hold = question.choices.index("Put the dialogue on hold")
        answer(ann, 1, {"choice": hold, "confidence": 90})  # Brier 0.01
        answer(bob, 1, {"choice": (hold + 1) % 3, "confidence": 70})  # Brier 0.49
        wait_for(tab, lambda: text(tab, "reveal-label") == "What happened:")
        assert "Class Brier score 0.250" in text(tab, "reveal-brier")  # (0.01 + 0.49) / 2
        marked = tab.execute_script(
            "return document.querySelector('#chart .is-right').innerText;")
        assert marked.startswith("✔") and "Put the dialogue on hold" in marked
        tab.save_screenshot(str(tmp_path / "screen-forecast.png"))
    finally:
        server.stop()

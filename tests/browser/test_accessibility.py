"""Accessibility in a real browser: Chromium's own accessibility tree names every form control,
the chat answers land in a live region, and the chat and a quiz work from the keyboard alone."""

from __future__ import annotations

import pytest

CONTROLS = "input:not([type=hidden]), select, textarea, button"
MAX_TABS = 300


def unnamed_controls(page) -> tuple[int, list[str]]:
    """(controls checked, the markup of each one Chromium computes no accessible name for)."""
    # Chromium re-pushes the document at DOMContentLoaded, dropping node ids handed out before it.
    page.wait_for_load_state("load")
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        ids = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": CONTROLS})["nodeIds"]
        checked, missing = 0, []
        for node_id in ids:
            ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node_id})["nodes"][0]
            if ax.get("ignored"):
                continue  # not rendered (hidden): no one can reach it
            checked += 1
            if not ax.get("name", {}).get("value", "").strip():
                missing.append(cdp.send("DOM.getOuterHTML", {"nodeId": node_id})["outerHTML"])
        return checked, missing
    finally:
        cdp.detach()


def assert_every_control_is_named(page, at_least: int) -> None:
    checked, missing = unnamed_controls(page)
    assert missing == [], f"controls without an accessible name on {page.url}: {missing}"
    assert checked >= at_least


def focused_matches(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement?.matches(s) ?? false", selector)


def tab_to(page, selector: str) -> int:
    """Press Tab until the focus is on an element matching selector; the presses needed."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if focused_matches(page, selector):
            return presses
    raise AssertionError(f"{MAX_TABS} Tab presses never reached {selector}")


PAGES = {
    "chat": ("/", 3),
    "topics": ("/topics", 2),
    "topic": ("/topics/image", 2),
    "quizzes": ("/quizzes", 3),
    "sign-in": ("/instructor/sign-in", 3),
}


@pytest.mark.parametrize("name", PAGES)  # names, not paths: they name the screenshots
def test_every_form_control_on_a_page_has_an_accessible_name(page, live_server, name):
    path, at_least = PAGES[name]
    page.goto(live_server + path)
    assert_every_control_is_named(page, at_least)
    page.snap(name)


def test_every_control_of_every_quiz_attempt_has_an_accessible_name(page, live_server):
    page.goto(live_server + "/quizzes")
    starts = page.locator(".quiz-card form button").count()
    assert starts >= 1
    for index in range(starts):
        page.goto(live_server + "/quizzes")  # a started quiz's card says Continue
        page.locator(".quiz-card-actions :is(button, a)").nth(index).click()
        page.wait_for_url("**/attempts/**")
        page.wait_for_selector("progress")
        assert_every_control_is_named(page, at_least=4)
    page.snap("last-attempt")


def live_setting(page, selector: str) -> str | None:
    """The aria-live value Chromium's accessibility tree gives the element, if any."""
    page.wait_for_load_state("load")
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node})["nodes"][0]
    finally:
        cdp.detach()
    return {p["name"]: p["value"]["value"] for p in ax.get("properties", [])}.get("live")


def test_the_chat_answer_arrives_inside_a_polite_live_region(page, live_server):
    page.goto(live_server + "/")
    assert live_setting(page, "#conversation") == "polite"
    page.fill("#question", "what is a docker image")
    page.keyboard.press("Enter")
    answer = page.locator("#conversation .turn--answer").first
    answer.wait_for()
    assert "image" in answer.inner_text().lower()
    page.snap("answer-in-live-region")


def test_tab_reaches_the_question_box_then_the_ask_button(page, live_server):
    page.goto(live_server + "/")
    tab_to(page, "#question")
    page.keyboard.press("Tab")
    assert focused_matches(page, "#ask-form button[type=submit]")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Ask"
    page.snap("focus-on-ask")


def test_a_quiz_from_start_to_results_with_tab_space_and_enter_only(page, live_server):
    page.goto(live_server + "/quizzes")
    tab_to(page, ".quiz-card form button")
    page.keyboard.press("Enter")
    page.wait_for_selector("progress")
    tab_to(page, "input[type=radio]")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") is True
    page.snap("keyboard-answer")
    tab_to(page, "button[value=summary]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".quiz-summary")
    tab_to(page, "button[value=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".score")
    assert "points" in page.locator(".score").inner_text()
    page.snap("keyboard-results")

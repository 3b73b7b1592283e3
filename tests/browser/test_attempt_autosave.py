"""Attempts that save themselves and resume, in a real browser on a phone and a laptop: each
answer saved as given (and again once back online), a warning before leaving with unsaved
changes, Continue on the quiz card, a summary before submitting; without JavaScript, Save."""

from __future__ import annotations

import threading

import pytest
from playwright.sync_api import expect

SIZES = {"phone": (390, 844), "laptop": (1280, 800)}
SLUG = "misconceptions"


def start(page, base: str) -> str:
    page.goto(base + "/quizzes")
    page.locator(f"form[action='/quizzes/{SLUG}/start'] button").click()
    page.wait_for_selector("#quiz-form")
    return page.url


def radio_question(page, n: int):
    return page.locator(".question:has(input[type=radio]:not([name^=flag-]))").nth(n)


@pytest.mark.parametrize("size", SIZES)
def test_answers_save_themselves_and_the_attempt_resumes(make_page, live_server, size):
    page = make_page(SIZES[size])
    attempt = start(page, live_server)
    first = radio_question(page, 0)
    first.locator("input[type=radio]").first.check()
    first.locator(".answer-state[data-state=saved]").wait_for()
    assert "All answers saved" in page.locator("#save-status").inner_text()
    page.snap("saved")
    page.reload()
    assert radio_question(page, 0).locator("input[type=radio]").first.is_checked()
    page.goto(live_server + "/quizzes")
    page.locator(".quiz-card a", has_text="Continue").click()
    page.wait_for_selector("#quiz-form")
    assert page.url == attempt
    radio_question(page, 1).locator("input[name^=flag-]").check()
    page.locator("button[value=summary]").click()
    page.wait_for_selector(".quiz-summary")
    summary = page.locator(".quiz-summary").inner_text()
    assert "Answer saved" in summary
    assert "flagged" in summary
    assert "Not answered" in summary
    page.snap("summary")
    page.locator("button[value=submit]").click()
    page.wait_for_selector(".score")


def test_an_answer_given_before_the_script_runs_is_saved_when_it_does(make_page, live_server):
    page = make_page(SIZES["phone"])
    held = []
    script = "**/js/quiz.js*"
    page.route(script, lambda route: held.append(route))  # a slow connection: the script waits
    start(page, live_server)
    first = radio_question(page, 0)
    first.locator("input[type=radio]").first.check()
    while not held:
        page.wait_for_timeout(50)
    assert first.locator(".answer-state").get_attribute("data-state") != "saved"
    held[0].continue_()
    first.locator(".answer-state[data-state=saved]").wait_for()
    page.unroute(script)
    page.reload()
    assert radio_question(page, 0).locator("input[type=radio]").first.is_checked()


def test_a_changed_answer_is_sent_after_the_save_on_its_way_not_beside_it(make_page, live_server):
    """A learner changes an answer while the first one is still on its way. Two requests side by
    side may reach the server in either order (a slow connection, another socket): the later
    answer must be the one kept, not the one that happened to arrive last."""
    page = make_page(SIZES["phone"])
    held, released = [], threading.Event()

    def stall(route) -> None:  # the first answer's request stalls on the way
        if released.is_set():
            route.continue_()
        else:
            held.append(route)

    saves = "**/attempts/*/answers/*"
    page.route(saves, stall)
    attempt = start(page, live_server)
    page.wait_for_load_state("load")  # quiz.js saves both ticks below itself
    choices = radio_question(page, 0).locator("input[type=radio]")
    choices.nth(0).check()
    while not held:
        page.wait_for_timeout(50)
    choices.nth(1).check()
    for _ in range(40):  # a page that sends the second answer at once has 2 s to do it
        if len(held) > 1:
            break
        page.wait_for_timeout(50)
    if len(held) > 1:  # then the second overtakes the first, as a network may make it
        with page.expect_response(saves):
            held[1].continue_()
    released.set()
    with page.expect_response(saves):
        held[0].continue_()
    expect(radio_question(page, 0).locator(".answer-state")).to_have_attribute(
        "data-state", "saved"
    )
    expect(page.locator("#save-status")).to_have_text("All answers saved.")
    page.goto(live_server + "/quizzes")
    page.goto(attempt)  # drawn from what the server kept, not from the form's restored state
    expect(radio_question(page, 0).locator("input[type=radio]").nth(1)).to_be_checked()


def test_an_answer_given_offline_is_saved_when_back_online_and_leaving_warns(
    make_page, live_server
):
    page = make_page(SIZES["phone"], expected=("ERR_INTERNET_DISCONNECTED",))
    start(page, live_server)
    # The page's script must be here before the network goes: offline, quiz.js would never load.
    # Deferred scripts have run by the load event.
    page.wait_for_load_state("load")
    page.context.set_offline(True)
    question = radio_question(page, 0)
    question.locator("input[type=radio]").first.check()
    question.locator(".answer-state[data-state=error]").wait_for()
    assert "offline" in page.locator("#save-status").inner_text()
    page.snap("offline")
    dialogs: list[str] = []

    def stay(dialog) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    with page.expect_event("dialog"):  # not a fixed wait: on a loaded machine it comes late
        page.evaluate("() => { location.href = '/quizzes'; }")
    assert dialogs == ["beforeunload"]
    assert "/attempts/" in page.url
    page.context.set_offline(False)
    question.locator(".answer-state[data-state=saved]").wait_for()
    page.snap("back-online")


@pytest.mark.parametrize("size", SIZES)
def test_without_javascript_the_save_button_keeps_answers(make_page, live_server, size):
    page = make_page(SIZES[size], javascript=False)
    start(page, live_server)
    radio_question(page, 0).locator("input[type=radio]").first.check()
    page.locator("button[value=save]").click()
    page.wait_for_selector(".flash")
    assert "Saved 1 answer" in page.locator(".flash").inner_text()
    assert radio_question(page, 0).locator("input[type=radio]").first.is_checked()
    page.locator("button[value=summary]").click()
    page.wait_for_selector(".quiz-summary")
    page.snap("summary-without-js")

"""Learner flows in a real browser: the chat with a follow-up and a suggestion, a topic, a quiz."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_ask_read_click_a_suggestion_and_follow_up(page, live_server):
    page.goto(live_server + "/")
    page.snap("empty-chat")
    page.fill("#question", "How can I list my containers?")
    page.keyboard.press("Enter")
    first = page.locator(".turn--answer").nth(0)
    first.wait_for()
    assert "docker ps" in first.inner_text()
    assert first.locator(".sources a").first.get_attribute("href").startswith("/topics/")
    page.snap("first-answer")
    suggestion = first.locator("button.suggestion").first
    suggested = suggestion.inner_text()
    suggestion.click()
    page.locator(".turn--answer").nth(1).wait_for()
    assert suggested in page.locator(".turn--question").nth(1).inner_text()
    page.fill("#question", "and for images?")
    page.keyboard.press("Enter")
    third = page.locator(".turn--answer").nth(2)
    third.wait_for()
    # the follow-up keeps the last question's action and switches it to images
    assert (
        third.locator(".sources a").first.get_attribute("href").startswith("/topics/docker-image-")
    )
    page.snap("follow-up")


def test_a_question_sent_while_an_answer_is_on_its_way_stays_in_the_box(page, live_server):
    """A learner who types the next question and presses Enter before the last answer has come
    keeps it: the chat asks one question at a time, and used to empty the box and drop it."""
    held = []
    asks = "**/api/ask"
    page.route(asks, lambda route: held.append(route))  # a slow answer
    page.goto(live_server + "/")
    page.fill("#question", "How can I list my containers?")
    page.keyboard.press("Enter")
    while not held:
        page.wait_for_timeout(50)
    page.fill("#question", "and for images?")
    page.keyboard.press("Enter")  # the first answer is still on its way
    expect(page.locator("#question")).to_have_value("and for images?")
    held[0].continue_()
    page.locator(".turn--answer").first.wait_for()
    expect(page.locator(".turn--question")).to_have_count(1)
    page.unroute(asks)
    page.keyboard.press("Enter")
    page.locator(".turn--answer").nth(1).wait_for()
    expect(page.locator(".turn--question").nth(1)).to_have_text("and for images?")
    expect(page.locator("#question")).to_have_value("")


def test_the_chat_works_from_the_keyboard_alone(page, live_server):
    page.goto(live_server + "/")
    page.keyboard.press("Tab")  # skip link
    focused = page.evaluate_handle("document.activeElement")
    assert focused.get_property("className").json_value() == "skip-link"
    page.focus("#question")
    page.keyboard.type("what is a docker image")
    page.keyboard.press("Enter")
    page.locator(".turn--answer").first.wait_for()
    assert (
        page.evaluate_handle("document.activeElement").get_property("id").json_value() == "question"
    )
    assert page.locator("#conversation").get_attribute("aria-live") == "polite"
    assert page.locator("label[for=question]").count() == 1


def test_a_source_link_opens_the_section_of_its_topic(page, live_server):
    page.goto(live_server + "/")
    page.fill("#question", "what happens to my data when a container is removed?")
    page.keyboard.press("Enter")
    link = page.locator(".turn--answer .sources a").first
    link.wait_for()
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url("**/topics/**")
    assert page.locator(f"[id='{anchor}']").count() == 1
    page.snap("topic")


def test_take_a_quiz_submit_and_review(page, live_server):
    page.goto(live_server + "/quizzes")
    page.locator(".quiz-card form button").first.click()
    page.wait_for_selector("progress")
    page.snap("quiz")
    radios = page.locator("input[type=radio]")
    radios.first.check()
    # The bar is quiz.js's, a deferred script that may run after the tick: wait for it, whichever
    # came first (the script counts the answers it finds when it starts).
    expect(page.locator("progress")).to_have_attribute("value", "1")
    expect(page.locator("label[for=progress]")).to_have_text(re.compile(r"^Answered 1 of \d+$"))
    page.locator("button[value=summary]").click()
    page.locator("button[value=submit]").click()
    page.wait_for_selector(".score")
    assert "points" in page.locator(".score").inner_text()
    assert page.locator("a", has_text="Ask about this").count() >= 1
    page.snap("results")

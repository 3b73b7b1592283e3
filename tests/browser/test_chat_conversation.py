"""The conversation is the server's and the address's: a reload, Back and the link in another tab
show the same turns, with JavaScript and without, on a phone and a laptop; another browser sees
none of it (a conversation is its learner's)."""

from __future__ import annotations

import pytest

SIZES = {"phone": (390, 844), "laptop": (1280, 800)}


def questions(page) -> list[str]:
    return [text.strip() for text in page.locator(".turn--question").all_inner_texts()]


def ask(page, question: str) -> None:
    before = page.locator(".turn--answer").count()
    page.fill("#question", question)
    page.locator("#ask-form button[type=submit]").click()
    page.locator(".turn--answer").nth(before).wait_for()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_reload_back_and_another_tab_show_the_same_turns(make_page, live_server, size, javascript):
    page = make_page(SIZES[size], javascript=javascript)
    page.goto(live_server + "/")
    ask(page, "How can I list my containers?")
    ask(page, "and for images?")
    asked = ["How can I list my containers?", "and for images?"]
    assert questions(page) == asked
    assert "c=c-" in page.url
    page.reload()
    assert questions(page) == asked
    page.snap("after-reload")
    page.locator(".turn--answer .sources a").first.click()
    page.wait_for_url("**/topics/**")
    page.go_back()
    page.locator(".turn--question").first.wait_for()
    assert questions(page) == asked
    tab = page.context.new_page()
    tab.goto(page.url)
    assert questions(tab) == asked
    other = make_page(SIZES[size], javascript=javascript)
    other.goto(page.url)
    assert questions(other) == []
    assert "belongs to another browser" in other.locator(".conversation-ended").inner_text()
    page.locator(".new-conversation button").click()
    page.wait_for_selector(".starters")
    assert questions(page) == []
    assert "c=" not in page.url
    page.snap("new-conversation")


def test_an_unknown_conversation_is_said_plainly_to_be_new(make_page, live_server):
    page = make_page(SIZES["phone"])
    page.goto(live_server + "/?c=c-thisconversationneverwas")
    assert "could not be found" in page.locator(".conversation-ended").inner_text()
    assert "c=" not in page.url  # the address no longer names it
    ask(page, "what is a docker image")
    assert "c=c-" in page.url
    page.snap("started-anew")

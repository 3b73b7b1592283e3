"""'Why this answer?' in words in a real browser, for replies that arrive through the API (the
script builds them) and for the same conversation rendered by the server after a reload."""

from __future__ import annotations

import re

import pytest

SIZES = {"phone": (390, 844), "laptop": (1280, 800)}


def why_of(page, n: int) -> str:
    details = page.locator(".turn--answer details.why").nth(n)
    details.locator("summary").click()
    return details.inner_text()


def assert_in_words(text: str) -> None:
    sure = re.search(r"\(about (\d+)%\)", text)
    assert sure and int(sure.group(1)) <= 99
    assert "score" not in text
    assert "Your words found in it" in text


@pytest.mark.parametrize("size", SIZES)
def test_the_evidence_is_in_words_before_and_after_a_reload(make_page, live_server, size):
    page = make_page(SIZES[size])
    page.goto(live_server + "/")
    page.fill("#question", "how do I rename a container")
    page.keyboard.press("Enter")
    page.locator(".turn--answer").first.wait_for()
    assert_in_words(why_of(page, 0))
    page.fill("#question", "docker run -d -p 8080:80 nginx")
    page.keyboard.press("Enter")
    page.locator(".turn--answer").nth(1).wait_for()
    explained = why_of(page, 1)
    assert "How this reply was made" in explained and "command reference" in explained
    page.snap("why-in-words")
    page.reload()
    assert_in_words(why_of(page, 0))
    assert "How this reply was made" in why_of(page, 1)

"""Review pages in a real browser on a phone and a laptop: "1 of 4", the card styled like an
attempt's question, the next review in words with the exact local time on hover, a finish page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from shipshape.extensions import db
from tests.quizzes.review_helpers import import_recall_bank

from .test_review_flow import answer_right, shown_question

SIZES = {"phone": (390, 844), "laptop": (1280, 800)}


@pytest.mark.parametrize("size", SIZES)
def test_a_review_sitting_counts_says_when_and_finishes(app, make_page, live_server, size):
    import_recall_bank()
    db.session.commit()
    page = make_page(SIZES[size])
    page.goto(live_server + "/quizzes")
    page.click("button:has-text('Start “Recall check”')")
    page.locator("button[value=summary]").click()
    page.locator("button[value=submit]").click()
    page.wait_for_selector(".score")
    page.goto(live_server + "/review")
    assert page.locator(".review-count").inner_text().startswith("1 of 4")
    assert page.locator(".question fieldset").count() == 1
    page.snap("card")
    for n in range(1, 5):
        answer_right(page, shown_question(page))
        page.click("button:has-text('Check my answer')")
        page.wait_for_selector(".verdict")
        assert page.locator(".review-count").inner_text().startswith(f"{n} of 4")
        when = page.locator(".verdict time")
        assert when.inner_text().startswith(("in ", "tomorrow"))
        # the page's script (deferred) writes the time in the learner's own zone
        expect(when).to_have_attribute("title", re.compile(r"^(?!.*UTC)."))
        if n == 1:
            page.snap("result")
        page.locator("main a.button-link").click()
        page.wait_for_url("**/review")
    assert "you reviewed 4 questions" in page.locator(".review-finish").inner_text()
    assert page.locator(".review-coming li").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.snap("finish")

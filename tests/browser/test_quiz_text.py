"""Quiz text renders as Markdown in a real browser: no backticks on the attempt or the results,
several-part right answers as lists, on a phone and a laptop."""

from __future__ import annotations

import pytest

from shipshape.extensions import db
from tests.quizzes.helpers import import_bank
from tests.web.test_quiz_markdown import BANK, SLUG  # items, categories, options with `code`

SIZES = {"phone": (390, 844), "laptop": (1280, 800)}


@pytest.mark.parametrize("size", SIZES)
def test_no_raw_markdown_on_the_attempt_or_the_results(app, make_page, live_server, size):
    import_bank(BANK, SLUG)
    db.session.commit()
    page = make_page(SIZES[size])
    page.goto(live_server + "/quizzes")
    page.locator(f"form[action='/quizzes/{SLUG}/start'] button").click()
    page.wait_for_selector("#quiz-form")
    assert "`" not in page.locator("main").inner_text()
    assert page.locator(".classify-row label code").count() >= 2
    page.locator("button[value=summary]").click()
    page.locator("button[value=submit]").click()
    page.wait_for_selector(".score")
    assert "`" not in page.locator("main").inner_text()
    assert page.locator("dd ol.answer-parts li").count() >= 2
    assert page.locator("dd ul.answer-parts li code").count() >= 2
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.locator("dd ol.answer-parts").first.scroll_into_view_if_needed()
    page.snap("results")

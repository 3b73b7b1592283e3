"""/account in a real browser, with and without JavaScript, on a phone and a laptop: download
everything held as JSON, then delete all of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SIZES = {"phone": (390, 844), "laptop": (1280, 800)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_download_everything_then_delete_it(make_page, live_server, size, javascript):
    page = make_page(SIZES[size], javascript=javascript)
    page.goto(live_server + "/quizzes")
    page.locator(".quiz-card-actions button").first.click()
    page.locator("button[value=summary]").click()
    page.locator("button[value=submit]").click()
    page.wait_for_selector(".score")
    page.goto(live_server + "/account")
    assert "1 quiz attempt" in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.locator("a", has_text="Download all of it").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert len(data["attempts"]) == 1 and data["review_cards"]
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.snap("account")
    page.locator("input[name=confirm]").check()
    page.locator("button", has_text="Delete everything").click()
    page.wait_for_selector(".flash")
    assert "Your data is deleted" in page.locator(".flash").inner_text()
    page.goto(live_server + "/account")
    assert "0 quiz attempts" in page.locator("main").inner_text()

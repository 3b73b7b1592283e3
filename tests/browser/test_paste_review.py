"""A pasted Dockerfile in a real browser: reviewed as a table and findings, with and without JS."""

from __future__ import annotations

DOCKERFILE = (
    "FROM ubuntu\nRUN apt-get update\nRUN apt-get install curl\nCOPY . /app\nCMD python app.py"
)


def test_a_pasted_dockerfile_shows_its_table_and_findings(page, live_server):
    page.goto(live_server + "/")
    page.fill("#question", DOCKERFILE)
    page.click("#ask-form button[type=submit]")
    answer = page.locator(".turn--answer").nth(0)
    answer.wait_for()
    answer.locator("table").first.wait_for()
    text = answer.inner_text()
    assert "RUN apt-get install curl" in text and "DL3014" in text
    assert "RUN apt-get install -y curl" in text
    page.snap("review-with-js")
    conversation = page.input_value("#conversation-id")
    page.goto(f"{live_server}/?c={conversation}")  # the same turn, rendered by the server
    reviewed = page.locator(".turn--answer .review").first
    reviewed.wait_for()
    assert reviewed.locator("table.review-rows tbody tr").count() == 5
    assert reviewed.locator(".finding--error .finding-rule").first.inner_text() == "DL3014"
    page.snap("review-rendered-by-the-server")


def test_the_review_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(live_server + "/")
        tab.fill("#question", DOCKERFILE)
        tab.click("#ask-form button[type=submit]")
        rows = tab.locator("table.review-rows tbody tr")
        rows.first.wait_for()
        assert rows.count() == 5
        lesson = tab.locator(".finding-lesson a").first
        assert lesson.get_attribute("href").startswith("/topics/")
    finally:
        context.close()


def test_words_beside_a_dockerfile_get_the_answer_then_the_review_on_a_phone(
    make_page, live_server
):
    page = make_page((320, 700))
    page.goto(live_server + "/")
    page.fill("#question", f"Why is my image so slow to build?\n{DOCKERFILE}")
    page.click("#ask-form button[type=submit]")
    answer = page.locator(".turn--answer").nth(0)
    answer.locator("table").first.wait_for()
    text = answer.inner_text()
    assert "cache" in text.lower()
    assert text.lower().index("cache") < text.index("DL3014")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.snap("answer-over-review-phone")

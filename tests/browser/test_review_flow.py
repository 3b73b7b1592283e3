"""A learner in a real browser: take a quiz and miss questions, review them at /review, and see
their progress at /progress."""

from __future__ import annotations

from tests.quizzes.review_helpers import import_recall_bank

RIGHT_TEXT = {"default-registry": "Docker Hub", "list-all": "docker ps -a"}


def answer_right(page, question_id: str) -> None:
    if question_id == "image-is":
        page.locator("label.choice", has_text="It is a read-only template.").click()
    elif question_id == "own-kernel":
        page.check("input[name=q-own-kernel][value=false]")
    else:
        page.fill(f"#q-{question_id}", RIGHT_TEXT[question_id])


def shown_question(page) -> str:
    name = page.locator("form.quiz-form [name^='q-']").first.get_attribute("name")
    return name.removeprefix("q-")


def test_miss_questions_review_them_and_see_progress(page, live_server, app):
    import_recall_bank()
    page.goto(live_server + "/quizzes")
    page.click("button:has-text('Start “Recall check”')")
    page.wait_for_selector("progress")
    page.locator("label.choice", has_text="It is a running process.").click()
    page.check("input[name=q-own-kernel][value=false]")  # the one right answer
    page.fill("#q-list-all", "docker ps")
    page.snap("quiz-answered")
    page.locator("button[value=summary]").click()
    page.locator("button[value=submit]").click()
    page.wait_for_selector(".score")
    assert "25.0%" in page.locator(".score").inner_text()

    page.goto(live_server + "/")
    notice = page.locator(".review-notice a")
    assert notice.inner_text() == "3 questions to review"
    notice.click()
    page.wait_for_url("**/review")
    page.snap("review-card")

    first = shown_question(page)
    answer_right(page, first)
    page.click("button:has-text('Check my answer')")
    page.wait_for_selector(".verdict")
    assert page.locator(".verdict").inner_text().startswith("Correct")
    assert page.locator("a", has_text="Learn more:").count() >= 1
    page.snap("review-right")
    page.click("a:has-text('Next question')")
    page.wait_for_url("**/review")
    second = shown_question(page)
    assert second != first  # the card answered right left the due list
    page.click("button:has-text('Check my answer')")  # nothing chosen
    page.wait_for_selector(".flash--error")
    assert "Answer the question first." in page.locator(".flash--error").inner_text()

    page.goto(live_server + "/quizzes")
    assert page.locator(".review-notice a").inner_text() == "2 questions to review"

    page.click("nav[aria-label=Main] a:has-text('Progress')")
    page.wait_for_url("**/progress")
    row = page.locator(".progress-table tbody tr", has_text="Recall check")
    assert "25.0%" in row.inner_text()
    assert page.locator("svg.line-chart--wide circle.chart-point").count() == 1
    assert page.locator("svg.line-chart title").first.text_content().startswith("Your score")
    assert page.locator("table caption", has_text="Your score in each").count() == 1
    page.snap("progress")

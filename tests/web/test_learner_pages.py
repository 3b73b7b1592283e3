"""The progress and review pages work with plain forms; the chat and the quiz list say how many
questions are due; each browser sees only its own."""

from __future__ import annotations

import re

import pytest

from tests.quizzes.review_helpers import RIGHT, WRONG, import_recall_bank
from tests.web.learner_pages import form_data, take_in_browser
from tests.web.markup import parse_page

HALF = WRONG | {"image-is": RIGHT["image-is"], "own-kernel": False}


@pytest.fixture
def bank(app):
    return import_recall_bank()


def text(response) -> str:
    return response.get_data(as_text=True)


def review_form_action(html: str) -> str:
    match = re.search(r'<form method="post" action="(/review/\d+)"', html)
    assert match, "no review form on the page"
    return match.group(1)


def shown_question_id(html: str) -> str:
    return re.search(r'name="q-([\w-]+)', html).group(1)


def test_progress_before_any_quiz_says_how_to_start(client):
    page = text(client.get("/progress"))
    assert "No submitted quizzes yet" in page
    assert "<svg" not in page


def test_progress_shows_grades_topics_and_an_accessible_chart(client, bank):
    take_in_browser(client, HALF)
    take_in_browser(client, RIGHT)
    response = client.get("/progress")
    assert response.status_code == 200
    page = text(response)
    assert re.search(r"Recall check</th><td>2</td>\s*<td>100.0% <span", page)
    wide = page.split("line-chart--wide", 1)[1].split("</svg>", 1)[0]
    assert wide.count('<circle class="chart-point"') == 2  # one quiz: one series, one shape
    assert wide.count('class="chart-grade"') == 1  # its grade, marked
    parsed = parse_page(page)
    assert len(parsed.find_all("svg", role="img")) == 2  # drawn for a wide screen and a phone
    assert "score-chart-title-wide" in parsed.ids
    assert "Recall check: grade 100.0%" in page  # the legend
    assert "1 of 1 right (100%)" in page  # mastery per topic
    assert "<caption>Your score in each submitted attempt, oldest first</caption>" in page
    assert "50.0%</td>" in page and "100.0%</td>" in page
    assert 'href="/topics/registries"' in page


def test_the_review_page_without_misses_has_nothing_due(client, bank):
    take_in_browser(client, RIGHT)
    page = text(client.get("/review"))
    assert "Nothing to review right now" in page


def test_missed_questions_are_announced_on_the_chat_and_the_quiz_list(client, bank):
    assert "to review" not in text(client.get("/"))
    take_in_browser(client, HALF)
    for path in ("/", "/quizzes"):
        page = text(client.get(path))
        assert '<a href="/review">2 questions to review</a>' in page


def test_a_due_question_is_answered_with_a_plain_form_and_leaves_the_list(client, bank):
    take_in_browser(client, HALF)
    page = text(client.get("/review"))
    action, question_id = review_form_action(page), shown_question_id(page)
    assert "Recall check" in page
    result = client.post(action, data=form_data({question_id: RIGHT[question_id]}))
    assert result.status_code == 200
    shown = text(result)
    assert "Correct" in shown and "comes back" in shown
    assert "1 of 2" in shown  # two were due when this sitting began
    assert "Learn more:" in shown and "Ask about this" in shown
    after = text(client.get("/review"))
    assert review_form_action(after) != action
    assert "2 of 2" in after
    assert '<a href="/review">1 question to review</a>' in text(client.get("/quizzes"))


def test_a_wrong_review_answer_shows_the_right_one_and_the_feedback(client, bank):
    take_in_browser(client, WRONG)
    page = text(client.get("/review"))
    action, question_id = review_form_action(page), shown_question_id(page)
    shown = text(client.post(action, data=form_data({question_id: WRONG[question_id]})))
    assert "Not right" in shown
    assert "Right answer" in shown


def test_an_empty_review_answer_asks_for_one(client, bank):
    take_in_browser(client, WRONG)
    action = review_form_action(text(client.get("/review")))
    response = client.post(action, data={}, follow_redirects=True)
    assert "Answer the question first." in text(response)


def test_another_browser_sees_none_of_it(app, client, bank):
    take_in_browser(client, WRONG)
    action = review_form_action(text(client.get("/review")))
    other = app.test_client()
    assert "No submitted quizzes yet" in text(other.get("/progress"))
    assert "Nothing to review right now" in text(other.get("/review"))
    assert "to review" not in text(other.get("/quizzes"))
    assert other.post(action, data={"q-own-kernel": "false"}).status_code == 404


@pytest.mark.parametrize("path", ["/review/0", "/review/99999", "/review/99999999999999999999"])
def test_unknown_review_cards_are_404_pages(client, bank, path):
    take_in_browser(client, WRONG)
    response = client.post(path, data={"q-own-kernel": "false"})
    assert response.status_code == 404
    assert "text/html" in response.content_type

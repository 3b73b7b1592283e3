"""Review pages polished: a count ("2 of 7"), the next review in words with the exact time in a
title, and a finish page that says what comes due next."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from shipshape.extensions import db
from shipshape.models import ReviewCard
from shipshape.web.time_words import in_words
from tests.quizzes.review_helpers import RIGHT, WRONG
from tests.web.learner_pages import form_data, take_in_browser
from tests.web.test_learner_pages import bank, review_form_action, shown_question_id, text

__all__ = ["bank"]  # the recall quiz, imported for these tests

NOW = datetime(2026, 3, 1, 9, 0)


def test_times_ahead_are_said_in_words():
    assert in_words(NOW + timedelta(seconds=20), NOW) == "now"
    assert in_words(NOW + timedelta(minutes=10), NOW) == "in 10 minutes"
    assert in_words(NOW + timedelta(hours=5), NOW) == "in 5 hours"
    assert in_words(NOW + timedelta(days=1), NOW) == "tomorrow"
    assert in_words(NOW + timedelta(days=3), NOW) == "in 3 days"
    assert in_words(NOW + timedelta(days=15), NOW) == "in 2 weeks"
    assert in_words(NOW + timedelta(days=61), NOW) == "in 2 months"


def answer_every_due_card(client, answers: dict) -> tuple[int, str]:
    """(cards answered, the review page shown after the last one)."""
    answered = 0
    while (page := text(client.get("/review"))) and 'action="/review/' in page:
        question_id = shown_question_id(page)
        client.post(review_form_action(page), data=form_data({question_id: answers[question_id]}))
        answered += 1
    return answered, page


def words_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_result_says_when_the_card_comes_back_in_words_with_the_exact_time(client, bank):
    take_in_browser(client, WRONG)
    page = text(client.get("/review"))
    question_id = shown_question_id(page)
    shown = text(
        client.post(review_form_action(page), data=form_data({question_id: RIGHT[question_id]}))
    )
    card = db.session.query(ReviewCard).filter_by(question_id=question_id).one()
    assert f'datetime="{card.due_at.isoformat()}Z"' in shown
    assert f'title="{card.due_at:%Y-%m-%d %H:%M} UTC"' in shown
    assert re.search(r"comes back (in \d+ \w+|tomorrow)", words_of(shown))


def test_the_finish_page_counts_the_sitting_and_says_what_comes_next(client, bank):
    take_in_browser(client, WRONG)
    answered, finish = answer_every_due_card(client, RIGHT)
    assert answered == 4
    assert "All done for now" in finish and "you reviewed 4 questions" in finish
    assert "Coming up" in finish
    assert "questions <time" in finish or "question <time" in finish
    assert "Nothing to review right now" in text(client.get("/review"))  # the sitting is over

"""FSRS scheduling: the rating a graded answer earns, and due times that move forward."""

from datetime import datetime, timedelta

import pytest

from shipshape.quizzes.bank import parse_bank
from shipshape.quizzes.graders import grade
from shipshape.quizzes.scheduling import Rating, due_of, new_card, rating_for, review
from tests.quizzes.review_helpers import BANK, SLUG

T = datetime(2026, 3, 1, 9, 0)
DOC = parse_bank(BANK.format(extra=""), SLUG)


def rated(question_id: str, response: object) -> Rating:
    question = DOC.question(question_id)
    return rating_for(question, grade(question, response), response)


def test_a_new_card_is_due_at_once():
    assert due_of(new_card(T)) == T


@pytest.mark.parametrize(
    ("question_id", "response", "rating"),
    [
        ("own-kernel", True, Rating.Again),
        ("own-kernel", False, Rating.Good),
        ("image-is", "a", Rating.Good),
        ("image-is", "b", Rating.Again),
        ("default-registry", "docker hub", Rating.Easy),  # a listed answer, typed
        ("default-registry", "DockerHub registry", Rating.Good),  # only the loose pattern took it
        ("default-registry", "quay", Rating.Again),
    ],
)
def test_ratings_follow_the_grade_and_how_the_answer_was_given(question_id, response, rating):
    assert rated(question_id, response) == rating


def test_a_right_answer_moves_the_due_time_forward_each_time():
    state, now, gaps = new_card(T), T, []
    for _ in range(4):
        state = review(state, Rating.Good, now)
        due = due_of(state)
        gaps.append(due - now)
        now = due
    assert all(gap > timedelta(0) for gap in gaps)
    assert gaps[-1] > gaps[0]  # intervals grow as the card is remembered


def test_again_brings_a_card_back_sooner_than_good():
    learned = review(review(new_card(T), Rating.Good, T), Rating.Good, T + timedelta(minutes=10))
    now = due_of(learned)
    assert due_of(review(learned, Rating.Again, now)) < due_of(review(learned, Rating.Good, now))


def test_easy_schedules_later_than_good():
    assert due_of(review(new_card(T), Rating.Easy, T)) > due_of(review(new_card(T), Rating.Good, T))

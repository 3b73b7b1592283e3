"""Review cards: made from missed questions, due one at a time, graded like the quiz, and
rescheduled by FSRS; a card answered right leaves the due list until it is due again."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from shipshape.extensions import db
from shipshape.models import ReviewCard
from shipshape.quizzes.bank import parse_bank
from shipshape.quizzes.cards import CardError, answer_card, due_cards, due_count
from shipshape.quizzes.files import import_quiz_docs
from shipshape.runtime import get_library
from tests.quizzes.helpers import walk
from tests.quizzes.review_helpers import (
    BANK,
    RIGHT,
    SLUG,
    WRONG,
    import_recall_bank,
    new_learner,
    take,
)

T = datetime(2026, 3, 1, 9, 0)


@pytest.fixture
def learner(app) -> int:
    import_recall_bank()
    return new_learner()


def cards_of(learner_id: int) -> dict[str, ReviewCard]:
    query = select(ReviewCard).where(ReviewCard.learner_id == learner_id)
    return {card.question_id: card for card in db.session.execute(query).scalars()}


def answer(learner_id: int, card_id: int, response: object, now: datetime) -> dict:
    return answer_card(learner_id, card_id, response, get_library().catalog, now=now)


def due_ids(learner_id: int, now: datetime) -> dict[str, int]:
    """question id -> card id of the cards due at `now`."""
    return {c["question"]["id"]: c["card_id"] for c in due_cards(learner_id, now)["due"]}


def test_every_missed_question_becomes_a_card_due_at_once(learner):
    take(learner, WRONG | {"own-kernel": False}, now=T)
    assert set(cards_of(learner)) == {"image-is", "default-registry", "list-all"}
    assert set(due_ids(learner, T)) == {"image-is", "default-registry", "list-all"}
    assert due_count(learner, T) == 3


def test_an_unanswered_question_is_missed_too(learner):
    take(learner, {"image-is": RIGHT["image-is"]}, now=T)
    assert set(cards_of(learner)) == {"own-kernel", "default-registry", "list-all"}


def test_a_perfect_attempt_makes_no_card(learner):
    take(learner, RIGHT, now=T)
    assert cards_of(learner) == {}


def test_an_attempt_without_a_learner_makes_no_card(learner):
    take(None, WRONG, now=T)
    assert db.session.scalar(select(db.func.count()).select_from(ReviewCard)) == 0


def test_missing_a_question_again_updates_its_one_card(learner):
    take(learner, WRONG, now=T)
    first = cards_of(learner)["own-kernel"]
    card_id, reviews = first.id, first.reviews
    take(learner, WRONG, now=T + timedelta(days=2))
    again = cards_of(learner)["own-kernel"]
    assert again.id == card_id
    assert again.reviews == reviews + 1
    assert len(cards_of(learner)) == 4


def test_a_due_card_shows_the_question_without_its_key(learner):
    take(learner, WRONG, now=T)
    due = due_cards(learner, T)["due"]
    card = next(c for c in due if c["question"]["id"] == "image-is")
    assert card["quiz"] == {"slug": "recall-check", "title": "Recall check"}
    assert card["due_at"] == "2026-03-01T09:00:00Z"
    keys = {key for key, _ in walk(card["question"])}
    assert not keys & {"correct", "feedback", "answer", "answers", "pattern", "explanation"}
    assert {o["id"] for o in card["question"]["options"]} == {RIGHT["image-is"], WRONG["image-is"]}


def test_a_right_answer_takes_the_card_off_the_due_list_until_it_is_due(learner):
    take(learner, WRONG, now=T)
    card_id = due_ids(learner, T)["own-kernel"]
    result = answer(learner, card_id, False, T + timedelta(minutes=1))
    assert result["correct"] is True
    assert result["rating"] == "good"
    due_at = datetime.fromisoformat(result["due_at"].removesuffix("Z"))
    assert due_at > T + timedelta(minutes=1)
    assert "own-kernel" not in due_ids(learner, T + timedelta(minutes=2))
    assert due_cards(learner, T + timedelta(minutes=2))["next_due_at"] == result["due_at"]
    assert "own-kernel" in due_ids(learner, due_at)


def test_due_times_move_further_forward_with_each_right_answer(learner):
    take(learner, WRONG, now=T)
    card_id = due_ids(learner, T)["image-is"]
    now, gaps = T, []
    for _ in range(4):
        result = answer(learner, card_id, RIGHT["image-is"], now)
        due_at = datetime.fromisoformat(result["due_at"].removesuffix("Z"))
        gaps.append(due_at - now)
        now = due_at
    assert all(gap > timedelta(0) for gap in gaps)
    assert gaps[-1] > gaps[1] > gaps[0]


def test_a_wrong_answer_keeps_the_card_coming_back_soon(learner):
    take(learner, WRONG, now=T)
    card_id = due_ids(learner, T)["own-kernel"]
    result = answer(learner, card_id, True, T)
    assert (result["correct"], result["rating"]) == (False, "again")
    assert result["correct_response"] is False
    assert "share the host kernel" in result["feedback"]
    due_at = datetime.fromisoformat(result["due_at"].removesuffix("Z"))
    assert due_at - T <= timedelta(minutes=10)


def test_a_typed_command_right_is_easy_and_teaches_with_links(learner):
    take(learner, WRONG, now=T)
    result = answer(learner, due_ids(learner, T)["list-all"], "docker ps --all", T)
    assert (result["correct"], result["rating"]) == (True, "easy")
    assert result["sources"][0]["url"] == "/topics/docker-container-ls"
    assert result["ask_url"].startswith("/?ask=")


def test_a_card_not_yet_due_cannot_be_answered(learner):
    take(learner, WRONG, now=T)
    card_id = due_ids(learner, T)["own-kernel"]
    answer(learner, card_id, False, T)
    with pytest.raises(CardError) as refused:
        answer(learner, card_id, False, T + timedelta(seconds=30))
    assert (refused.value.status, refused.value.code) == (409, "card_not_due")


def test_a_response_of_the_wrong_shape_is_refused_and_changes_nothing(learner):
    take(learner, WRONG, now=T)
    card_id = due_ids(learner, T)["image-is"]
    with pytest.raises(CardError) as refused:
        answer(learner, card_id, "no-such-option", T)
    assert refused.value.status == 400
    assert "image-is" in due_ids(learner, T)


def test_another_learners_card_is_not_found(learner):
    take(learner, WRONG, now=T)
    card_id = due_ids(learner, T)["own-kernel"]
    stranger = new_learner()
    with pytest.raises(CardError) as refused:
        answer(stranger, card_id, False, T)
    assert refused.value.status == 404
    assert due_cards(stranger, T) == {"due": [], "next_due_at": None}


@pytest.mark.parametrize("card_id", [0, -1, 2**31, 10**12, "1"])
def test_impossible_card_ids_are_not_found(learner, card_id):
    with pytest.raises(CardError) as refused:
        answer(learner, card_id, False, T)
    assert refused.value.status == 404


def test_a_card_is_graded_against_the_revision_it_came_from(learner):
    take(learner, WRONG, now=T)
    card_id = due_ids(learner, T)["own-kernel"]
    flipped = BANK.format(extra="").replace("answer: false", "answer: true")
    import_quiz_docs([parse_bank(flipped, SLUG)])  # a later revision with another key
    assert answer(learner, card_id, False, T)["correct"] is True

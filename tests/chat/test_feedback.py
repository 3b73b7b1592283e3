"""Thumbs up or down on an answer: stored on its turn, only by whoever knows its conversation."""

import pytest

from shipshape.chat.feedback import InvalidFeedback, TurnNotFound, rate_turn
from shipshape.chat.service import ask
from shipshape.extensions import db
from shipshape.models import Turn


@pytest.fixture
def answered(library) -> dict:
    """A reply to a fresh question: its conversation_id and turn_id."""
    return ask("how do I rename a container", None, library)


def helpful_of(turn_id: int) -> bool | None:
    db.session.expire_all()
    return db.session.get(Turn, turn_id).helpful


def test_every_reply_names_its_turn(library, answered):
    follow_up = ask("thanks", answered["conversation_id"], library)
    assert isinstance(answered["turn_id"], int)
    assert follow_up["turn_id"] > answered["turn_id"]
    turn = db.session.get(Turn, follow_up["turn_id"])
    assert (turn.question, turn.conversation_id) == ("thanks", answered["conversation_id"])


def test_a_rating_is_stored_on_the_turn(answered):
    rating = rate_turn(answered["turn_id"], False, answered["conversation_id"])
    assert (rating.turn_id, rating.helpful) == (answered["turn_id"], False)
    assert helpful_of(answered["turn_id"]) is False


def test_rating_again_overwrites_the_first_rating(answered):
    rate_turn(answered["turn_id"], False, answered["conversation_id"])
    rate_turn(answered["turn_id"], True, answered["conversation_id"])
    assert helpful_of(answered["turn_id"]) is True


def test_an_answer_cannot_be_rated_from_another_conversation(library, answered):
    other = ask("what is an image", None, library)
    with pytest.raises(TurnNotFound):
        rate_turn(answered["turn_id"], False, other["conversation_id"])
    assert helpful_of(answered["turn_id"]) is None


def test_an_unknown_turn_is_not_found(answered):
    with pytest.raises(TurnNotFound):
        rate_turn(answered["turn_id"] + 1000, True, answered["conversation_id"])


@pytest.mark.parametrize(
    ("turn_id", "helpful", "conversation_id", "field"),
    [
        (None, True, "c-" + "a" * 22, "turn_id"),
        ("1", True, "c-" + "a" * 22, "turn_id"),
        (True, True, "c-" + "a" * 22, "turn_id"),
        (1.0, True, "c-" + "a" * 22, "turn_id"),
        (0, True, "c-" + "a" * 22, "turn_id"),
        (-3, True, "c-" + "a" * 22, "turn_id"),
        (2**31, True, "c-" + "a" * 22, "turn_id"),
        (1, None, "c-" + "a" * 22, "helpful"),
        (1, "yes", "c-" + "a" * 22, "helpful"),
        (1, 1, "c-" + "a" * 22, "helpful"),
        (1, True, None, "conversation_id"),
        (1, True, "not-a-conversation", "conversation_id"),
        (1, True, ["c-" + "a" * 22], "conversation_id"),
    ],
)
def test_a_malformed_rating_is_refused_naming_the_field(turn_id, helpful, conversation_id, field):
    with pytest.raises(InvalidFeedback) as caught:
        rate_turn(turn_id, helpful, conversation_id)
    assert caught.value.field == field
    assert caught.value.message

"""Learners' thumbs up or down on a chat answer: kept on its turn; rating again overwrites."""

from __future__ import annotations

from dataclasses import dataclass

from ..extensions import db
from ..models import Turn
from .conversations import CONVERSATION_ID_RE

MAX_TURN_ID = 2**31 - 1  # the column is a 32-bit integer on PostgreSQL


class InvalidFeedback(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


class TurnNotFound(LookupError):
    """No such answer in that conversation (the same reply either way: ids are not secrets)."""


@dataclass(frozen=True)
class Rating:
    turn_id: int
    helpful: bool


def validate_feedback(turn_id: object, helpful: object, conversation_id: object) -> Rating:
    """The rating asked for; InvalidFeedback naming the field that is missing or malformed."""
    if isinstance(turn_id, bool) or not isinstance(turn_id, int):
        raise InvalidFeedback("turn_id", "Send the turn_id of the answer, a number.")
    if not 1 <= turn_id <= MAX_TURN_ID:
        raise InvalidFeedback("turn_id", "The turn_id is not one this chat gave out.")
    if not isinstance(helpful, bool):
        raise InvalidFeedback("helpful", "Send helpful: true (it helped) or false (it did not).")
    if not isinstance(conversation_id, str) or not CONVERSATION_ID_RE.match(conversation_id):
        raise InvalidFeedback(
            "conversation_id", "Send the conversation_id of the conversation the answer is in."
        )
    return Rating(turn_id, helpful)


def rate_turn(
    turn_id: object, helpful: object, conversation_id: object, owner: str | None = None
) -> Rating:
    """Record whether an answer helped; only the conversation's owner (the digest of the key
    that started it; None for one an API client started without a key) may rate it."""
    rating = validate_feedback(turn_id, helpful, conversation_id)
    turn = db.session.get(Turn, rating.turn_id)
    if turn is None or turn.conversation_id != conversation_id or turn.owner != owner:
        raise TurnNotFound("There is no such answer in this conversation.")
    turn.helpful = rating.helpful
    db.session.commit()
    return rating

"""Spaced review with FSRS-6 (the `fsrs` package): which rating an answer earns, and when the
card is due next. Card state travels as the package's own to_dict() JSON. No database here.

Ratings: a wrong answer is Again, a right one Good; Easy is a right answer *typed* from memory
that needed no leniency: a command question (graded by meaning, so it was the command), or a
short answer that is one of the listed answers (not only matched by the loose pattern). Picking
an option, true/false, sorting and ordering are recognition, so they earn Good at most.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fsrs import Card, Rating, Scheduler

from .bank import Question
from .graders import Grade, normalize_text

SCHEDULER = Scheduler()  # FSRS-6 default parameters, 90% desired retention, fuzzed intervals


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def naive_utc(moment: datetime) -> datetime:
    """The database keeps naive UTC, like every other timestamp in the schema."""
    return _aware(moment).replace(tzinfo=None)


def new_card(now: datetime) -> dict:
    """A card for a question just missed: due at once, since it is not learned yet."""
    return Card(due=_aware(now)).to_dict()


def due_of(state: dict) -> datetime:
    return naive_utc(Card.from_dict(state).due)


def rating_for(question: Question, grade: Grade, response: object) -> Rating:
    if not grade.correct:
        return Rating.Again
    if question.type == "command":
        return Rating.Easy
    if question.type == "short_answer" and isinstance(response, str):
        listed = {normalize_text(a) for a in question.answers}
        return Rating.Easy if normalize_text(response) in listed else Rating.Good
    return Rating.Good


def review(state: dict, rating: Rating, now: datetime) -> dict:
    """The card's state after a review at `now` with `rating`."""
    card, _log = SCHEDULER.review_card(Card.from_dict(state), rating, _aware(now))
    return card.to_dict()

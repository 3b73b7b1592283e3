"""Attempts never submitted expire, and so do browser learners left with nothing; a submitted
attempt, a review card or an account is never touched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, exists, select

from ..extensions import db
from ..knowledge.catalog import Catalog
from ..models import Attempt, AttemptAnswer, Learner, ReviewCard
from .attempts import attempt_payload


@dataclass(frozen=True)
class PurgedAttempts:
    deleted: int  # never submitted, their time not up or no answer saved
    graded: int  # their time ran out with answers saved: graded, as opening them would
    learners: int  # browser learners with no attempt, card or account left


def _stale(before: datetime):
    return select(Attempt).where(Attempt.submitted_at.is_(None), Attempt.started_at < before)


def _grade_the_expired(before: datetime, catalog: Catalog, now: datetime) -> int:
    """An attempt whose deadline passed counts the answers saved in time: grade it, keep it."""
    answered = exists().where(AttemptAnswer.attempt_id == Attempt.id)
    query = _stale(before).where(Attempt.deadline.is_not(None), Attempt.deadline < now, answered)
    attempts = db.session.execute(query).scalars().all()
    for attempt in attempts:
        attempt_payload(attempt.id, catalog, now=now, learner_id=attempt.learner_id)
    return len(attempts)


def _delete_unsubmitted(before: datetime) -> int:
    ids = select(Attempt.id).where(Attempt.submitted_at.is_(None), Attempt.started_at < before)
    db.session.execute(delete(AttemptAnswer).where(AttemptAnswer.attempt_id.in_(ids)))
    return db.session.execute(delete(Attempt).where(Attempt.id.in_(ids))).rowcount


def _delete_empty_learners(before: datetime) -> int:
    """Keys nobody used (or whose attempts just expired): no email, attempt or card."""
    has_attempt = exists().where(Attempt.learner_id == Learner.id)
    has_card = exists().where(ReviewCard.learner_id == Learner.id)
    empty = select(Learner.id).where(
        Learner.email.is_(None), Learner.created_at < before, ~has_attempt, ~has_card
    )
    return db.session.execute(delete(Learner).where(Learner.id.in_(empty))).rowcount


def purge_attempts(before: datetime, catalog: Catalog, now: datetime) -> PurgedAttempts:
    """Expire attempts started before `before` and never submitted, then the learners that held
    only those. Commits."""
    graded = _grade_the_expired(before, catalog, now)
    deleted = _delete_unsubmitted(before)
    learners = _delete_empty_learners(before)
    db.session.commit()
    return PurgedAttempts(deleted, graded, learners)

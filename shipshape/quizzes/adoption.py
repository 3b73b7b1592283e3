"""A browser's attempts joining a learner account, within each quiz's max_attempts."""

from __future__ import annotations

from sqlalchemy import func, select

from ..extensions import db
from ..models import Attempt, Quiz
from . import store
from .views import published_quiz


def _max_attempts(quiz: Quiz) -> int | None:
    return published_quiz(store.latest_revision(quiz).source, quiz.slug).max_attempts


def adopt_attempts(browser_id: int, account_id: int) -> int:
    """Move the browser's attempts to the account, oldest first, while each quiz's max_attempts
    leaves room; the rest are kept but belong to no one, so they count for no one (signing out
    to take a quiz again must not buy an attempt). Returns how many moved. Callers commit."""
    counted = select(Attempt.quiz_id, func.count()).where(Attempt.learner_id == account_id)
    used = {quiz: n for quiz, n in db.session.execute(counted.group_by(Attempt.quiz_id))}
    query = select(Attempt).where(Attempt.learner_id == browser_id).order_by(Attempt.started_at)
    limits: dict[int, int | None] = {}
    moved = 0
    for attempt in db.session.execute(query).scalars().all():
        if attempt.quiz_id not in limits:
            limits[attempt.quiz_id] = _max_attempts(attempt.quiz)
        limit, taken = limits[attempt.quiz_id], used.get(attempt.quiz_id, 0)
        if limit is not None and taken >= limit:
            attempt.learner_id = None
            continue
        attempt.learner_id, used[attempt.quiz_id] = account_id, taken + 1
        moved += 1
    db.session.flush()
    return moved

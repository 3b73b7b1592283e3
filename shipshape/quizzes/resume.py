"""Where a learner stands with each quiz: the open attempt to continue, attempts taken and the
best grade, for the quiz cards. One open attempt per learner and quiz is resumed, not doubled."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from ..extensions import db
from ..models import Attempt, Quiz, utcnow
from .attempts import GRACE


def _open_query(learner_id: int, now: datetime):
    """A learner's attempts still open for answers: not submitted, not past the deadline."""
    return (
        select(Attempt)
        .where(Attempt.learner_id == learner_id, Attempt.submitted_at.is_(None))
        .where((Attempt.deadline.is_(None)) | (Attempt.deadline >= now - GRACE))
        .order_by(Attempt.started_at.desc())
    )


def open_attempt_id(slug: str, learner_id: int | None, now: datetime | None = None) -> str | None:
    """The learner's newest open attempt at this quiz, if any."""
    if learner_id is None:
        return None
    query = _open_query(learner_id, now or utcnow()).join(Quiz).where(Quiz.slug == slug)
    attempt = db.session.scalars(query.limit(1)).first()
    return attempt.id if attempt is not None else None


def quiz_states(learner_id: int | None, now: datetime | None = None) -> dict[str, dict]:
    """slug -> {"open_attempt": id or None, "answered": saved answers in it, "submitted": count,
    "best_percent": best submitted percent or None}."""
    if learner_id is None:
        return {}
    now = now or utcnow()
    states: dict[str, dict] = {}

    def state(attempt: Attempt) -> dict:
        return states.setdefault(
            attempt.quiz.slug,
            {"open_attempt": None, "answered": 0, "submitted": 0, "best_percent": None},
        )

    for attempt in db.session.scalars(_open_query(learner_id, now)):
        if state(attempt)["open_attempt"] is None:
            state(attempt).update(open_attempt=attempt.id, answered=len(attempt.answers))
    done = select(Attempt).where(
        Attempt.learner_id == learner_id, Attempt.submitted_at.is_not(None)
    )
    for attempt in db.session.scalars(done):
        row = state(attempt)
        percent = float((attempt.result or {}).get("percent") or 0.0)
        row["submitted"] += 1
        row["best_percent"] = max(row["best_percent"] or 0.0, percent)
    return states

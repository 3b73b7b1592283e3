"""Attempts: start, save answers, submit once, review. Plain data in and out; commits here."""

from __future__ import annotations

import random
import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..knowledge.catalog import Catalog
from ..models import Attempt, AttemptAnswer, utcnow
from . import store
from .bank import Question, QuizDoc
from .cards import record_misses
from .command_grading import CommandContext
from .disclosure import visible_result
from .graders import ResponseError, check_response, grade
from .review import review_payload
from .settings import iso_utc as _iso
from .views import attempt_questions, draw_questions, published_quiz, question_for_learner

GRACE = timedelta(seconds=5)  # network time between a learner's last click and the deadline


class AttemptError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _closed(doc: QuizDoc, now: datetime) -> bool:
    return doc.closes_at is not None and now >= doc.closes_at


def list_quizzes(now: datetime | None = None) -> list[dict]:
    """Every live quiz; question_count is what one attempt gets (the draw, or every question)."""
    now = now or utcnow()
    result = []
    for quiz in store.live_quizzes():
        doc = published_quiz(quiz.source, quiz.slug)
        result.append({
            "slug": quiz.slug, "title": doc.title, "description": doc.description,
            "question_count": doc.questions_per_attempt, "bank_size": len(doc.questions),
            "draw": doc.draw, "time_limit_minutes": doc.time_limit_minutes,
            "pass_percent": doc.pass_percent, "max_attempts": doc.max_attempts,
            "grade_method": doc.grade_method, "show_correct": doc.show_correct,
            "closes_at": _iso(doc.closes_at), "closed": _closed(doc, now),
        })  # fmt: skip
    return result


def _quiz_doc(attempt: Attempt) -> QuizDoc:
    return published_quiz(attempt.revision.source, attempt.quiz.slug)


def _load(attempt_id: str) -> Attempt:
    attempt = db.session.get(Attempt, attempt_id) if isinstance(attempt_id, str) else None
    if attempt is None:
        raise AttemptError(404, "attempt_not_found", "There is no attempt with that id.")
    return attempt


def _owned(attempt_id: str, learner_id: int | None) -> Attempt:
    """The attempt, for the learner acting: an attempt with an owner opens to that owner alone
    (its id is not a credential); one begun by no one opens to whoever holds its id."""
    attempt = _load(attempt_id)
    if attempt.learner_id is not None and attempt.learner_id != learner_id:
        raise AttemptError(404, "attempt_not_found", "There is no attempt with that id.")
    return attempt


def _expired(attempt: Attempt, now: datetime) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + GRACE


def _questions(attempt: Attempt, doc: QuizDoc) -> list[Question]:
    """The attempt's questions in its order: the ones it drew."""
    return attempt_questions(doc, attempt.seed, attempt.question_ids)


def _deadline(doc: QuizDoc, now: datetime) -> datetime | None:
    """The time limit's end, or the quiz's closing time when that comes first."""
    ends = [doc.closes_at] if doc.closes_at else []
    if doc.time_limit_minutes:
        ends.append(now + timedelta(minutes=doc.time_limit_minutes))
    return min(ends) if ends else None


def _shown(attempt: Attempt, result: dict, now: datetime) -> dict:
    """A stored result as the learner may see it now (show_correct)."""
    return visible_result(result, _quiz_doc(attempt), attempt.deadline, now)


def start_attempt(slug: str, learner_id: int | None = None, now: datetime | None = None) -> dict:
    """Begin an attempt on the quiz's latest revision, with its own shuffle; max_attempts
    counts per learner."""
    now = now or utcnow()
    quiz = store.get_quiz(slug)
    if quiz is None:
        raise AttemptError(404, "quiz_not_found", f"There is no quiz '{slug}'.")
    revision = store.latest_revision(quiz)
    doc = published_quiz(revision.source, slug)
    if _closed(doc, now):
        raise AttemptError(409, "quiz_closed", f"This quiz closed at {_iso(doc.closes_at)}.")
    if learner_id is not None and doc.max_attempts:
        used = db.session.scalar(
            select(func.count()).where(Attempt.quiz_id == quiz.id, Attempt.learner_id == learner_id)
        )
        if used >= doc.max_attempts:
            raise AttemptError(
                409, "attempt_limit", f"This quiz allows {doc.max_attempts} attempts."
            )
    rng = random.SystemRandom()
    attempt = Attempt(
        id=secrets.token_urlsafe(24), quiz=quiz, revision=revision, learner_id=learner_id,
        seed=rng.randrange(2**31), started_at=now, deadline=_deadline(doc, now),
        question_ids=draw_questions(doc, rng),
    )  # fmt: skip
    db.session.add(attempt)
    db.session.commit()
    return in_progress_payload(attempt)


def in_progress_payload(attempt: Attempt) -> dict:
    doc = _quiz_doc(attempt)
    return {
        "attempt_id": attempt.id,
        "status": "in_progress",
        "quiz": {"slug": attempt.quiz.slug, "title": doc.title, "description": doc.description},
        "started_at": _iso(attempt.started_at),
        "deadline": _iso(attempt.deadline),
        "pass_percent": doc.pass_percent,
        "closes_at": _iso(doc.closes_at),
        "questions": [question_for_learner(q) for q in _questions(attempt, doc)],
        "saved": {a.question_id: a.response for a in attempt.answers},
    }


def _checked(attempt: Attempt, doc: QuizDoc, question_id: object, response: object) -> object:
    question = doc.question(question_id) if isinstance(question_id, str) else None
    if question is None:
        raise AttemptError(404, "question_not_found", f"The quiz has no question '{question_id}'.")
    if attempt.question_ids is not None and question.id not in attempt.question_ids:
        raise AttemptError(
            404, "question_not_found", f"This attempt did not draw question '{question_id}'."
        )
    try:
        return check_response(question, response)
    except ResponseError as exc:
        raise AttemptError(400, "invalid_response", f"Question '{question_id}': {exc}") from exc


def _open_for_answers(attempt: Attempt, now: datetime) -> None:
    if attempt.submitted_at is not None:
        raise AttemptError(409, "attempt_submitted", "This attempt was already submitted.")
    if _expired(attempt, now):
        raise AttemptError(409, "attempt_expired", "Time is up for this attempt.")


def _store_answer(attempt: Attempt, question_id: str, response: object, now: datetime) -> None:
    row = next((a for a in attempt.answers if a.question_id == question_id), None)
    if row is None:
        attempt.answers.append(
            AttemptAnswer(question_id=question_id, response=response, saved_at=now)
        )
    else:
        row.response, row.saved_at = response, now


def save_answer(
    attempt_id: str,
    question_id: str,
    response: object,
    now: datetime | None = None,
    learner_id: int | None = None,
) -> dict:
    """Save one response for the learner acting; the attempt stays untouched when the response
    or timing is wrong."""
    now = now or utcnow()
    attempt = _owned(attempt_id, learner_id)
    _open_for_answers(attempt, now)
    value = _checked(attempt, _quiz_doc(attempt), question_id, response)
    _store_answer(attempt, question_id, value, now)
    try:
        db.session.commit()
    except IntegrityError:  # the same answer saved twice at once: keep the later one
        db.session.rollback()
        attempt = _load(attempt_id)
        _store_answer(attempt, question_id, value, now)
        db.session.commit()
    return {"attempt_id": attempt_id, "question_id": question_id, "saved": True}


def submit_attempt(
    attempt_id: str,
    answers: object,
    catalog: Catalog,
    now: datetime | None = None,
    learner_id: int | None = None,
) -> dict:
    """Grade once, for the learner acting; a second submit (or a racing one) returns the first
    result unchanged."""
    now = now or utcnow()
    attempt = _owned(attempt_id, learner_id)
    if attempt.submitted_at is not None:
        return _shown(attempt, attempt.result, now)
    if answers is not None and not isinstance(answers, dict):
        raise AttemptError(400, "invalid_answers", "'answers' must be an object of question ids.")
    if answers and _expired(attempt, now):
        raise AttemptError(409, "attempt_expired", "Time is up: only answers saved in time count.")
    doc = _quiz_doc(attempt)
    given = {qid: _checked(attempt, doc, qid, r) for qid, r in (answers or {}).items()}
    return _finalize(attempt, doc, given, catalog, now)


def _finalize(attempt: Attempt, doc: QuizDoc, given: dict, catalog: Catalog, now: datetime) -> dict:
    responses = {a.question_id: a.response for a in attempt.answers} | given
    ctx = CommandContext(catalog.specs, catalog.commands)
    # graded on the bank's own questions: a shuffled copy's item order is not the right order
    drawn = attempt.question_ids
    questions = [q for q in doc.questions if drawn is None or q.id in drawn]
    grades = {q.id: grade(q, responses.get(q.id), ctx) for q in questions}
    result = review_payload(attempt, doc, responses, grades, catalog)
    claimed = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(
            submitted_at=now, score=result["score"], max_score=result["max_score"], result=result
        )
    ).rowcount
    if claimed != 1:  # another submit won the race: return what it stored
        db.session.rollback()
        db.session.expire_all()
        winner = _load(attempt.id)
        return _shown(winner, winner.result, now)
    for qid, response in given.items():
        _store_answer(attempt, qid, response, now)
    for row in attempt.answers:
        g = grades.get(row.question_id)
        if g is not None:
            row.points, row.max_points, row.correct = g.points, g.max_points, g.correct
    if attempt.learner_id is not None:
        record_misses(attempt.learner_id, attempt.quiz_id, attempt.revision_id, grades, now)
    db.session.commit()
    return _shown(attempt, result, now)


def attempt_payload(
    attempt_id: str, catalog: Catalog, now: datetime | None = None, learner_id: int | None = None
) -> dict:
    """In progress: the questions and the learner's saved answers. Submitted: the review.
    An attempt past its deadline is graded on the answers saved in time."""
    now = now or utcnow()
    attempt = _owned(attempt_id, learner_id)
    if attempt.submitted_at is None and _expired(attempt, now):
        return _finalize(attempt, _quiz_doc(attempt), {}, catalog, now)
    if attempt.submitted_at is not None:
        return _shown(attempt, attempt.result, now)
    return in_progress_payload(attempt)


def attempts_of(learner_id: int) -> list[dict]:
    """A learner's attempts, newest first, for the history page."""
    query = select(Attempt).where(Attempt.learner_id == learner_id)
    rows = db.session.execute(query.order_by(Attempt.started_at.desc()).limit(100)).scalars()
    return [
        {
            "attempt_id": a.id,
            "quiz": a.quiz.title,
            "started_at": _iso(a.started_at),
            "submitted": a.submitted_at is not None,
            "percent": (a.result or {}).get("percent"),
            "passed": (a.result or {}).get("passed"),
        }
        for a in rows
    ]

"""Quizzes as instructors see them: the list, revisions, reversible deletion. No commits."""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import Quiz, QuizRevision, utcnow
from . import store
from .views import published_quiz


def revisions_of(slug: str) -> list[QuizRevision]:
    """A quiz's revisions, newest first; empty when there is no such quiz."""
    query = (
        select(QuizRevision)
        .join(Quiz)
        .where(Quiz.slug == slug)
        .order_by(QuizRevision.number.desc())
    )
    return list(db.session.execute(query).scalars())


def get_revision(slug: str, number: int) -> QuizRevision | None:
    query = select(QuizRevision).join(Quiz).where(Quiz.slug == slug, QuizRevision.number == number)
    return db.session.execute(query).scalar_one_or_none()


def current_number(quiz: Quiz | None) -> int:
    """The quiz's latest revision number; 0 for a quiz that does not exist yet."""
    return quiz.revisions[-1].number if quiz is not None and quiz.revisions else 0


def deleted_quizzes() -> list[Quiz]:
    query = select(Quiz).where(Quiz.deleted.is_(True)).order_by(Quiz.updated_at.desc())
    return list(db.session.execute(query).scalars())


def mark_deleted(slug: str, author: str | None) -> Quiz | None:
    """Hide a live quiz from learners; a 'delete' revision keeps its text for a restore."""
    quiz = store.get_quiz(slug)
    if quiz is None:
        return None
    quiz.deleted, quiz.updated_at = True, utcnow()
    number = current_number(quiz) + 1
    quiz.revisions.append(
        QuizRevision(number=number, source=quiz.source, action="delete", author=author)
    )
    return quiz


def quiz_rows() -> list[dict]:
    """The live quizzes for the editor's list, with question counts and their latest revision."""
    return [
        {
            "slug": quiz.slug,
            "title": quiz.title,
            "question_count": len(published_quiz(quiz.source, quiz.slug).questions),
            "revision": current_number(quiz),
            "updated_at": quiz.updated_at,
        }
        for quiz in store.live_quizzes()
    ]


def deleted_rows() -> list[dict]:
    """Deleted quizzes, most recently deleted first, with the revision a restore brings back."""
    return [
        {
            "slug": q.slug,
            "title": q.title,
            "revision": current_number(q),
            "deleted_at": q.updated_at,
        }
        for q in deleted_quizzes()
    ]

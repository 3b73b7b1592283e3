"""Quizzes in the database: every save is a revision; attempts keep the revision they began on."""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import Quiz, QuizRevision, utcnow
from .bank import QuizDoc
from .views import published_quiz


def get_quiz(slug: str, include_deleted: bool = False) -> Quiz | None:
    quiz = db.session.execute(select(Quiz).where(Quiz.slug == slug)).scalar_one_or_none()
    return None if quiz is None or (quiz.deleted and not include_deleted) else quiz


def live_quizzes() -> list[Quiz]:
    query = select(Quiz).where(Quiz.deleted.is_(False)).order_by(Quiz.title)
    return list(db.session.execute(query).scalars())


def questions_naming_topic(slug: str) -> list[tuple[str, str, list[str]]]:
    """(quiz slug, quiz title, question ids) for every live quiz whose questions point at a topic
    for "learn more"."""
    found = []
    for quiz in live_quizzes():
        doc = published_quiz(quiz.source, quiz.slug)
        ids = [q.id for q in doc.questions if slug in q.topics]
        if ids:
            found.append((quiz.slug, quiz.title, ids))
    return found


def latest_revision(quiz: Quiz) -> QuizRevision:
    return quiz.revisions[-1]


def write_quiz(doc: QuizDoc, action: str, author: str | None = None) -> Quiz | None:
    """Store a quiz's new text as a revision; None when unchanged. No commit."""
    quiz = get_quiz(doc.slug, include_deleted=True)
    if quiz is not None and not quiz.deleted and quiz.source == doc.text:
        return None
    if quiz is None:
        quiz = Quiz(slug=doc.slug, title=doc.title, source=doc.text)
        db.session.add(quiz)
    quiz.title, quiz.source, quiz.deleted, quiz.updated_at = doc.title, doc.text, False, utcnow()
    number = len(quiz.revisions) + 1
    quiz.revisions.append(
        QuizRevision(number=number, source=doc.text, action=action, author=author)
    )
    return quiz

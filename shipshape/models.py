"""SQLAlchemy models: the one place the schema lives."""

from __future__ import annotations

from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ContentState(db.Model):
    """One row: the content version, bumped by every topic change, so indexes know they lag."""

    __tablename__ = "content_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Topic(db.Model):
    __tablename__ = "topics"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True, nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    group: Mapped[str] = mapped_column(String(80), nullable=False, default="Topics")
    markdown: Mapped[str] = mapped_column(Text, nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    revisions: Mapped[list[TopicRevision]] = relationship(
        back_populates="topic", order_by="TopicRevision.number", cascade="all, delete-orphan"
    )


class TopicRevision(db.Model):
    """Every saved text of a topic; an edit adds a row and never rewrites one."""

    __tablename__ = "topic_revisions"
    __table_args__ = (UniqueConstraint("topic_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"), nullable=False, index=True)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    markdown: Mapped[str] = mapped_column(Text, nullable=False)
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    author: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    topic: Mapped[Topic] = relationship(back_populates="revisions")


class Instructor(UserMixin, db.Model):
    """Someone who may write topics and quizzes; the password is stored as an argon2id hash."""

    __tablename__ = "instructors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, nullable=False)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    # Every session carries the version it began with; signing out or a new password moves it on.
    session_version: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, server_default="0"
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    tokens: Mapped[list[ApiToken]] = relationship(
        back_populates="instructor", order_by="ApiToken.id", cascade="all, delete-orphan"
    )

    def get_id(self) -> str:
        """Session ids are namespaced ("i:3") so a learner's session is never an instructor's."""
        return f"i:{self.id}"


class ApiToken(db.Model):
    """An API token; only its SHA-256 digest is kept, so a leaked database leaks no token."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    instructor_id: Mapped[int] = mapped_column(
        ForeignKey("instructors.id", ondelete="CASCADE"), nullable=False, index=True
    )
    digest: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    prefix: Mapped[str] = mapped_column(String(16), nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    instructor: Mapped[Instructor] = relationship(back_populates="tokens")


class Turn(db.Model):
    """One question and the reply it got: the conversation's memory and the ask log. A
    conversation is its turns: no row of its own, so an ask writes one INSERT."""

    __tablename__ = "turns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    # Who started the conversation: the SHA-256 digest of the browser's or API learner's key;
    # None for an API client without a key, whose conversation id alone reaches it.
    owner: Mapped[str | None] = mapped_column(String(64))
    question: Mapped[str] = mapped_column(Text, nullable=False)
    # The question as understood in its conversation ("and for images?" -> "list images").
    resolved: Mapped[str | None] = mapped_column(Text)
    # Not indexed: the insights group by an expression over it, which no index serves, and every
    # ask would write to one.
    normalized: Mapped[str] = mapped_column(String(1000), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    confidence: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    topic_slug: Mapped[str | None] = mapped_column(String(120))
    anchor: Mapped[str | None] = mapped_column(String(200))
    reply: Mapped[dict] = mapped_column(JSON, nullable=False)
    helpful: Mapped[bool | None] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, nullable=False, index=True
    )


class Quiz(db.Model):
    __tablename__ = "quizzes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True, nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    source: Mapped[str] = mapped_column(Text, nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    revisions: Mapped[list[QuizRevision]] = relationship(
        back_populates="quiz", order_by="QuizRevision.number", cascade="all, delete-orphan"
    )


class QuizRevision(db.Model):
    """Every saved text of a quiz; attempts point at the revision they were drawn from."""

    __tablename__ = "quiz_revisions"
    __table_args__ = (UniqueConstraint("quiz_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id"), nullable=False, index=True)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    source: Mapped[str] = mapped_column(Text, nullable=False)
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    author: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    quiz: Mapped[Quiz] = relationship(back_populates="revisions")


class Learner(UserMixin, db.Model):
    """A browser or API client (known by the SHA-256 digest of its key), or a learner account
    (email and argon2id password hash). Never an instructor: the session id is "l:<id>"."""

    __tablename__ = "learners"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_digest: Mapped[str | None] = mapped_column(String(64), unique=True)
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    session_version: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, server_default="0"
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)

    def get_id(self) -> str:
        return f"l:{self.id}"


class Attempt(db.Model):
    """One learner's go at a quiz; its unguessable id is the learner's key to it."""

    __tablename__ = "attempts"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id"), nullable=False, index=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("quiz_revisions.id"), nullable=False)
    seed: Mapped[int] = mapped_column(Integer, nullable=False)
    learner_id: Mapped[int | None] = mapped_column(
        ForeignKey("learners.id", ondelete="SET NULL"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    deadline: Mapped[datetime | None] = mapped_column(DateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[float | None] = mapped_column(Float)
    result: Mapped[dict | None] = mapped_column(JSON)
    # the questions this attempt drew (`draw:`), fixed at start; None: every question of the
    # revision (attempts begun before draws existed)
    question_ids: Mapped[list[str] | None] = mapped_column(JSON)
    quiz: Mapped[Quiz] = relationship()
    revision: Mapped[QuizRevision] = relationship()
    answers: Mapped[list[AttemptAnswer]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", order_by="AttemptAnswer.id"
    )


class AttemptAnswer(db.Model):
    """A saved response; points are filled in when the attempt is graded."""

    __tablename__ = "attempt_answers"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[str] = mapped_column(
        ForeignKey("attempts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    question_id: Mapped[str] = mapped_column(String(80), nullable=False)
    response: Mapped[object] = mapped_column(JSON, nullable=True)
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    points: Mapped[float | None] = mapped_column(Float)
    max_points: Mapped[float | None] = mapped_column(Float)
    correct: Mapped[bool | None] = mapped_column(Boolean)
    attempt: Mapped[Attempt] = relationship(back_populates="answers")


class ReviewCard(db.Model):
    """A question a learner missed, scheduled for spaced review by FSRS (its state as JSON)."""

    __tablename__ = "review_cards"
    __table_args__ = (UniqueConstraint("learner_id", "quiz_id", "question_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), nullable=False, index=True
    )
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id"), nullable=False)
    question_id: Mapped[str] = mapped_column(String(80), nullable=False)
    # The revision of the latest miss: the card is shown and graded as that revision has it.
    revision_id: Mapped[int] = mapped_column(ForeignKey("quiz_revisions.id"), nullable=False)
    fsrs: Mapped[dict] = mapped_column(JSON, nullable=False)
    due_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    reviews: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    quiz: Mapped[Quiz] = relationship()
    revision: Mapped[QuizRevision] = relationship()

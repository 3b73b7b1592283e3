"""A learner's data is theirs: everything held about one learner as JSON, and deleting the
learner with all of it. Conversations are their turns, tied to no learner: the caller names the
conversations it knows to be this learner's (a browser's open conversation)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select

from ..extensions import db
from ..models import Attempt, AttemptAnswer, Learner, ReviewCard, Turn, utcnow

EXPORT_VERSION = 1


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() + "Z" if moment else None


def _answer(row: AttemptAnswer) -> dict:
    return {
        "question_id": row.question_id, "response": row.response, "saved_at": _iso(row.saved_at),
        "points": row.points, "max_points": row.max_points, "correct": row.correct,
    }  # fmt: skip


def _attempt(row: Attempt) -> dict:
    return {
        "attempt_id": row.id, "quiz": row.quiz.slug, "started_at": _iso(row.started_at),
        "deadline": _iso(row.deadline), "submitted_at": _iso(row.submitted_at),
        "score": row.score, "max_score": row.max_score,
        "percent": (row.result or {}).get("percent"),
        "answers": [_answer(a) for a in row.answers],
    }  # fmt: skip


def _card(row: ReviewCard) -> dict:
    return {
        "card_id": row.id, "quiz": row.quiz.slug, "question_id": row.question_id,
        "due_at": _iso(row.due_at), "reviews": row.reviews, "fsrs": row.fsrs,
        "created_at": _iso(row.created_at), "updated_at": _iso(row.updated_at),
    }  # fmt: skip


def _turn(row: Turn) -> dict:
    return {
        "turn_id": row.id, "question": row.question, "kind": row.kind,
        "answer_markdown": (row.reply or {}).get("answer", {}).get("markdown"),
        "helpful": row.helpful, "asked_at": _iso(row.created_at),
    }  # fmt: skip


def _conversations(conversation_ids: Iterable[str]) -> list[dict]:
    found = []
    for conversation_id in dict.fromkeys(conversation_ids):
        turns = db.session.scalars(
            select(Turn).where(Turn.conversation_id == conversation_id).order_by(Turn.id)
        ).all()
        if turns:
            found.append({"conversation_id": conversation_id, "turns": [_turn(t) for t in turns]})
    return found


def export_learner(learner_id: int | None, conversation_ids: Iterable[str] = ()) -> dict:
    """Everything held about the learner: who (never a password hash or key digest), attempts
    with their answers, review cards, and the named conversations' turns."""
    learner = db.session.get(Learner, learner_id) if learner_id is not None else None
    attempts = db.session.scalars(
        select(Attempt).where(Attempt.learner_id == learner_id).order_by(Attempt.started_at)
    ).all() if learner else []  # fmt: skip
    cards = db.session.scalars(
        select(ReviewCard).where(ReviewCard.learner_id == learner_id).order_by(ReviewCard.id)
    ).all() if learner else []  # fmt: skip
    return {
        "version": EXPORT_VERSION,
        "exported_at": _iso(utcnow()),
        "learner": {
            "kind": "account" if learner.email else "browser or API key",
            "email": learner.email,
            "created_at": _iso(learner.created_at),
        } if learner else None,
        "attempts": [_attempt(a) for a in attempts],
        "review_cards": [_card(c) for c in cards],
        "conversations": _conversations(conversation_ids),
    }  # fmt: skip


def _rows_naming(learner_id: int) -> list:
    """Every other table's column that points at learners.id (tables other features add too)."""
    handled = {Attempt.__table__, ReviewCard.__table__}
    found = []
    for table in db.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is Learner.__table__ and table not in handled:
                found.append(delete(table).where(fk.parent == learner_id))
    return found


def delete_learner(learner_id: int | None, conversation_ids: Iterable[str] = ()) -> dict:
    """Delete the learner and all of it: attempts and their answers, review cards, any row of
    another table naming the learner, and the named conversations' turns. Commits; the counts."""
    ids = list(dict.fromkeys(conversation_ids))
    turns = (
        db.session.execute(delete(Turn).where(Turn.conversation_id.in_(ids))).rowcount if ids else 0
    )
    if learner_id is None or db.session.get(Learner, learner_id) is None:
        db.session.commit()
        return {"attempts": 0, "answers": 0, "review_cards": 0, "turns": turns}
    mine = select(Attempt.id).where(Attempt.learner_id == learner_id)
    answers = db.session.execute(
        delete(AttemptAnswer).where(AttemptAnswer.attempt_id.in_(mine))
    ).rowcount
    attempts = db.session.execute(delete(Attempt).where(Attempt.learner_id == learner_id)).rowcount
    cards = db.session.execute(
        delete(ReviewCard).where(ReviewCard.learner_id == learner_id)
    ).rowcount
    for statement in _rows_naming(learner_id):
        db.session.execute(statement)
    db.session.execute(delete(Learner).where(Learner.id == learner_id))
    db.session.commit()
    db.session.expire_all()
    return {"attempts": attempts, "answers": answers, "review_cards": cards, "turns": turns}

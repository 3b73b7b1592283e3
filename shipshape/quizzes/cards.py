"""Review cards: every question a learner misses in a submitted attempt becomes one (per learner,
quiz and question); due cards are answered one at a time, graded by the quiz graders against the
revision the card came from, and rescheduled by FSRS. Commits only in answer_card."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..knowledge.catalog import Catalog
from ..knowledge.render import render_markdown
from ..models import Quiz, ReviewCard, utcnow
from .command_grading import CommandContext
from .graders import Grade, ResponseError, check_response, grade
from .review import ask_url, topic_sources
from .scheduling import Rating, due_of, naive_utc, new_card, rating_for, review
from .views import published_quiz, question_for_learner, shuffled_questions

MAX_DUE = 50


class CardError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() + "Z" if moment else None


def record_misses(
    learner_id: int, quiz_id: int, revision_id: int, grades: dict[str, Grade], now: datetime
) -> None:
    """A new card (due at once) for each question missed the first time; a card missed again
    gets an Again review. No commit: this is part of grading the attempt."""
    missed = sorted(qid for qid, g in grades.items() if not g.correct)
    if not missed:
        return
    query = select(ReviewCard).where(
        ReviewCard.learner_id == learner_id,
        ReviewCard.quiz_id == quiz_id,
        ReviewCard.question_id.in_(missed),
    )
    existing = {card.question_id: card for card in db.session.execute(query).scalars()}
    for question_id in missed:
        card = existing.get(question_id)
        if card is None:
            _add_card(learner_id, quiz_id, question_id, revision_id, now)
        else:
            _reschedule(card, Rating.Again, now)
            card.revision_id = revision_id


def _add_card(learner_id: int, quiz_id: int, question_id: str, revision_id: int, now) -> None:
    state = new_card(now)
    card = ReviewCard(
        learner_id=learner_id, quiz_id=quiz_id, question_id=question_id, revision_id=revision_id,
        fsrs=state, due_at=due_of(state), created_at=naive_utc(now), updated_at=naive_utc(now),
    )  # fmt: skip
    try:
        with db.session.begin_nested():  # a racing submit of the same learner made it first
            db.session.add(card)
    except IntegrityError:
        pass


def _reschedule(card: ReviewCard, rating: Rating, now: datetime) -> None:
    card.fsrs = review(card.fsrs, rating, now)
    card.due_at, card.updated_at = due_of(card.fsrs), naive_utc(now)
    card.reviews += 1


def _live(learner_id: int):
    return (
        select(ReviewCard)
        .join(Quiz, ReviewCard.quiz_id == Quiz.id)
        .where(ReviewCard.learner_id == learner_id, Quiz.deleted.is_(False))
    )


def due_count(learner_id: int | None, now: datetime | None = None) -> int:
    if learner_id is None:
        return 0
    query = _live(learner_id).where(ReviewCard.due_at <= naive_utc(now or utcnow()))
    return db.session.scalar(select(func.count()).select_from(query.subquery()))


def _question(card: ReviewCard):
    doc = published_quiz(card.revision.source, card.quiz.slug)
    return doc, doc.question(card.question_id)


def card_view(card: ReviewCard) -> dict:
    """A card as the learner sees it: the question as in an attempt (no key), reshuffled."""
    doc, question = _question(card)
    shown = shuffled_questions(replace(doc, questions=(question,)), card.id * 1000 + card.reviews)
    return {
        "card_id": card.id,
        "quiz": {"slug": card.quiz.slug, "title": doc.title},
        "question": question_for_learner(shown[0]),
        "due_at": _iso(card.due_at),
    }


def due_cards(learner_id: int, now: datetime | None = None, limit: int = MAX_DUE) -> dict:
    """{"due": [card views, most overdue first], "next_due_at": the first due time after now}."""
    moment = naive_utc(now or utcnow())
    due = db.session.execute(
        _live(learner_id)
        .where(ReviewCard.due_at <= moment)
        .order_by(ReviewCard.due_at)
        .limit(limit)
    ).scalars()
    upcoming = db.session.scalar(
        select(func.min(ReviewCard.due_at)).where(
            ReviewCard.learner_id == learner_id, ReviewCard.due_at > moment
        )
    )
    return {"due": [card_view(card) for card in due], "next_due_at": _iso(upcoming)}


def _own_card(learner_id: int, card_id: object) -> ReviewCard:
    valid = isinstance(card_id, int) and 0 < card_id < 2**31  # the column is a 32-bit integer
    card = db.session.get(ReviewCard, card_id) if valid else None
    if card is None or card.learner_id != learner_id or card.quiz.deleted:
        raise CardError(404, "card_not_found", "You have no review card with that id.")
    return card


def get_card(learner_id: int, card_id: int) -> dict:
    return card_view(_own_card(learner_id, card_id))


def answer_card(
    learner_id: int, card_id: int, response: object, catalog: Catalog, now: datetime | None = None
) -> dict:
    """Grade a due card's answer, rate it and schedule its next review (one commit)."""
    now = now or utcnow()
    card = _own_card(learner_id, card_id)
    if card.due_at > naive_utc(now):
        raise CardError(409, "card_not_due", f"This card is due again at {_iso(card.due_at)}.")
    doc, question = _question(card)
    try:
        checked = check_response(question, response)
    except ResponseError as exc:
        raise CardError(400, "invalid_response", str(exc)) from exc
    graded = grade(question, checked, CommandContext(catalog.specs, catalog.commands))
    rating = rating_for(question, graded, checked)
    _reschedule(card, rating, now)
    db.session.commit()
    hidden = getattr(doc, "show_correct", "immediately") == "never"
    return {
        "card_id": card.id, "correct": graded.correct, "feedback": graded.feedback,
        "feedback_html": render_markdown(graded.feedback),
        "correct_response": None if hidden else graded.correct_response,
        "response": checked, "rating": rating.name.lower(), "due_at": _iso(card.due_at),
        "sources": topic_sources(question.topics, catalog), "ask_url": ask_url(question.prompt),
    }  # fmt: skip

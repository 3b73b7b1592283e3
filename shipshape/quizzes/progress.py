"""A learner's progress: per quiz the grade by its grade method, best and last; per topic how many
questions on it were answered and how many the latest answer got right; scores over time."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..knowledge.catalog import Catalog
from ..models import Attempt
from .grading_methods import quiz_grade
from .views import published_quiz


def _submitted(learner_id: int) -> list[Attempt]:
    query = (
        select(Attempt)
        .where(Attempt.learner_id == learner_id, Attempt.submitted_at.is_not(None))
        .options(selectinload(Attempt.answers))
        .order_by(Attempt.submitted_at, Attempt.id)
    )
    return [a for a in db.session.execute(query).scalars() if not a.quiz.deleted]


def _percent(attempt: Attempt) -> float:
    return float((attempt.result or {}).get("percent") or 0.0)


def _quizzes(attempts: list[Attempt]) -> list[dict]:
    by_quiz: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        by_quiz[attempt.quiz_id].append(attempt)
    rows = []
    for taken in by_quiz.values():
        quiz = taken[0].quiz
        doc = published_quiz(quiz.source, quiz.slug)
        method = getattr(doc, "grade_method", "highest")
        percents = [_percent(a) for a in taken]
        rows.append({
            "slug": quiz.slug, "title": doc.title, "attempts": len(taken),
            "grade": quiz_grade(percents, method), "grade_method": method,
            "best_percent": max(percents), "last_percent": percents[-1],
        })  # fmt: skip
    return sorted(rows, key=lambda row: row["title"].casefold())


def _latest_answers(attempts: list[Attempt]) -> dict[tuple[int, str], tuple[bool, tuple]]:
    """(quiz id, question id) -> (right?, the question's topics), from the newest attempt."""
    latest = {}
    for attempt in attempts:  # oldest first, so newer answers overwrite
        doc = published_quiz(attempt.revision.source, attempt.quiz.slug)
        for answer in attempt.answers:
            question = doc.question(answer.question_id)
            if question is not None and answer.response is not None and answer.correct is not None:
                latest[(attempt.quiz_id, answer.question_id)] = (answer.correct, question.topics)
    return latest


def _topics(attempts: list[Attempt], catalog: Catalog) -> list[dict]:
    answered: dict[str, int] = defaultdict(int)
    correct: dict[str, int] = defaultdict(int)
    for right, topics in _latest_answers(attempts).values():
        for slug in topics:
            answered[slug] += 1
            correct[slug] += int(right)
    rows = []
    for slug in answered:
        doc = catalog.get(slug)
        title = doc.title if doc is not None else slug
        rows.append(
            {"slug": slug, "title": title, "answered": answered[slug], "correct": correct[slug]}
        )
    return sorted(rows, key=lambda row: row["title"].casefold())


def _history(attempts: list[Attempt]) -> list[dict]:
    return [
        {
            "attempt_id": a.id,
            "slug": a.quiz.slug,
            "quiz": (a.result or {}).get("quiz", {}).get("title") or a.quiz.title,
            "submitted_at": a.submitted_at,
            "percent": _percent(a),
        }
        for a in attempts
    ]


def learner_progress(learner_id: int | None, catalog: Catalog) -> dict:
    """{"quizzes", "topics"} as the API gives them, and "history" (oldest first) for the chart."""
    attempts = _submitted(learner_id) if learner_id is not None else []
    return {
        "quizzes": _quizzes(attempts),
        "topics": _topics(attempts, catalog),
        "history": _history(attempts),
    }

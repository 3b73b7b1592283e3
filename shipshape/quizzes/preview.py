"""A quiz previewed by its instructor: the learner's view (no key) and, apart, the key itself.

The learner part goes through the same serializer as an attempt; the key has its own function,
so what an instructor sees can never slip into what a learner sees.
"""

from __future__ import annotations

from ..knowledge.render import render_markdown
from .bank import Choice, Question, QuizDoc
from .settings import iso_utc
from .views import published_quiz, question_for_learner, shuffled_questions

PREVIEW_SEED = 1  # any fixed seed: the preview shuffles like an attempt, the same way each time


def learner_preview(doc: QuizDoc) -> list[dict]:
    """The questions as an attempt shows them: opaque ids, shuffled, nothing that tells the key."""
    published = published_quiz(doc.text, doc.slug)
    return [question_for_learner(q) for q in shuffled_questions(published, PREVIEW_SEED)]


def _choice(c: Choice, categories: dict[str, str]) -> dict:
    return {
        "id": c.id,
        "html": render_markdown(c.text),
        "correct": c.correct,
        "feedback_html": render_markdown(c.feedback),
        "category": categories.get(c.category or ""),
    }


def _key(q: Question) -> dict:
    if q.type == "true_false":
        return {"answer": "true" if q.answer else "false"}
    if q.type == "short_answer":
        return {"answers": list(q.answers), "pattern": q.pattern}
    if q.type == "command":
        return {"answer": str(q.answer)}
    return {}


def question_for_instructor(q: Question) -> dict:
    """A question with its key, feedback and explanation: for the instructor's eyes only."""
    categories = {c.id: c.text for c in q.categories}
    return {
        "id": q.id,
        "type": q.type,
        "points": q.points,
        "prompt_html": render_markdown(q.prompt),
        "topics": list(q.topics),
        "explanation_html": render_markdown(q.explanation),
        "options": [_choice(o, categories) for o in q.options],
        "items": [_choice(i, categories) for i in q.items],
        **_key(q),
    }


def quiz_preview(doc: QuizDoc) -> dict:
    """Everything the editor's preview shows."""
    return {
        "title": doc.title,
        "description": doc.description,
        "pass_percent": doc.pass_percent,
        "time_limit_minutes": doc.time_limit_minutes,
        "max_attempts": doc.max_attempts,
        "draw": doc.draw,
        "grade_method": doc.grade_method,
        "show_correct": doc.show_correct,
        "closes_at": iso_utc(doc.closes_at),
        "questions": learner_preview(doc),
        "key": [question_for_instructor(q) for q in doc.questions],
    }

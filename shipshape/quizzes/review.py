"""The graded result of an attempt: score, pass or fail, and per question what teaches."""

from __future__ import annotations

from urllib.parse import urlencode

from ..knowledge.catalog import Catalog
from ..knowledge.render import render_markdown
from ..models import Attempt
from .bank import QuizDoc
from .disclosure import WITHHELD, feedback_without_key
from .graders import Grade
from .views import attempt_questions, question_for_learner


def topic_sources(topics: tuple[str, ...], catalog: Catalog) -> list[dict]:
    found = [(slug, catalog.get(slug)) for slug in topics]
    return [{"title": doc.title, "url": f"/topics/{slug}"} for slug, doc in found if doc]


def ask_url(prompt: str) -> str:
    """A link that opens the chat with a question about this quiz question."""
    return "/?" + urlencode({"ask": f"Explain: {prompt}"[:900]})


def review_payload(
    attempt: Attempt, doc: QuizDoc, responses: dict, grades: dict[str, Grade], catalog: Catalog
) -> dict:
    """The result stored with a submitted attempt, scored on the questions it drew; every later
    submit or GET returns it as disclosure.visible_result allows at that moment."""
    score = round(sum(g.points for g in grades.values()), 4)
    max_score = round(sum(g.max_points for g in grades.values()), 4)
    percent = round(100 * score / max_score, 1) if max_score else 0.0
    questions = attempt_questions(doc, attempt.seed, attempt.question_ids)
    results = []
    for q in questions:
        g = grades[q.id]
        entry = {
            "question_id": q.id, "correct": g.correct, "points": g.points,
            "max_points": g.max_points, "feedback": g.feedback,
            "feedback_html": render_markdown(g.feedback), "correct_response": g.correct_response,
            "response": responses.get(q.id), "sources": topic_sources(q.topics, catalog),
            "ask_url": ask_url(q.prompt),
        }  # fmt: skip
        if doc.show_correct != "immediately":
            entry[WITHHELD] = feedback_without_key(q, responses.get(q.id), g)
        results.append(entry)
    return {
        "attempt_id": attempt.id,
        "status": "submitted",
        "quiz": {"slug": attempt.quiz.slug, "title": doc.title, "description": doc.description},
        "score": score,
        "max_score": max_score,
        "percent": percent,
        "pass_percent": doc.pass_percent,
        "passed": percent >= doc.pass_percent,
        "questions": [question_for_learner(q) for q in questions],
        "results": results,
    }

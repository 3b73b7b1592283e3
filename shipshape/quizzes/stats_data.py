"""Load what quiz statistics need from the database as plain rows: submitted attempts only."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Row, func, select

from ..extensions import db
from ..models import Attempt, AttemptAnswer, QuizRevision
from . import store
from .bank import SLUG_RE, Question, QuizDoc
from .statistics import AnswerRow, AttemptRow
from .views import published_quiz


@dataclass(frozen=True)
class QuizData:
    slug: str
    title: str
    current: QuizDoc
    attempts: tuple[AttemptRow, ...]


Saved = tuple[float | None, float | None, bool | None, object]  # points, max, correct, response


def _answer_row(q: Question, saved: Saved | None) -> AnswerRow:
    """An unanswered question scored 0 when the attempt was graded."""
    if saved is None or saved[0] is None:
        return AnswerRow(q.id, 0.0, q.points, False, saved[3] if saved else None)
    points, max_points, correct, response = saved
    return AnswerRow(
        q.id, points, q.points if max_points is None else max_points, bool(correct), response
    )


def _attempt_row(attempt: Row, doc: QuizDoc, saved: dict[str, Saved]) -> AttemptRow:
    """Marks for the questions the attempt drew (all of them before draws existed)."""
    drawn = attempt.question_ids
    questions = [q for q in doc.questions if drawn is None or q.id in drawn]
    answers = tuple(_answer_row(q, saved.get(q.id)) for q in questions)
    score = attempt.score if attempt.score is not None else sum(a.points for a in answers)
    top = attempt.max_score if attempt.max_score is not None else sum(a.max_points for a in answers)
    return AttemptRow(score, top, answers, doc)


def _saved_answers(quiz_id: int) -> dict[str, dict[str, Saved]]:
    """Every saved answer of the quiz's submitted attempts, by attempt id and question id."""
    query = (
        select(
            AttemptAnswer.attempt_id, AttemptAnswer.question_id, AttemptAnswer.points,
            AttemptAnswer.max_points, AttemptAnswer.correct, AttemptAnswer.response,
        )
        .join(Attempt, Attempt.id == AttemptAnswer.attempt_id)
        .where(Attempt.quiz_id == quiz_id, Attempt.submitted_at.is_not(None))
    )  # fmt: skip
    grouped: dict[str, dict[str, Saved]] = defaultdict(dict)
    # unpacked by position: attribute access on a Row costs more than the rest of the loop
    for attempt_id, question_id, *saved in db.session.execute(query):
        grouped[attempt_id][question_id] = tuple(saved)
    return grouped


def _revision_docs(revision_ids: set[int], slug: str) -> dict[int, QuizDoc]:
    query = select(QuizRevision.id, QuizRevision.source).where(QuizRevision.id.in_(revision_ids))
    return {rid: published_quiz(source, slug) for rid, source in db.session.execute(query)}


def load_quiz_data(slug: str) -> QuizData | None:
    """The quiz's current revision and every submitted attempt on it, oldest first.

    Plain column rows rather than ORM objects, which would cost about 1 ms per attempt to build.
    """
    quiz = store.get_quiz(slug) if SLUG_RE.match(slug) else None  # no NUL bytes to PostgreSQL
    if quiz is None:
        return None
    query = (
        select(
            Attempt.id, Attempt.revision_id, Attempt.score, Attempt.max_score, Attempt.question_ids
        )
        .where(Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_not(None))
        .order_by(Attempt.submitted_at, Attempt.id)
    )
    attempts = db.session.execute(query).all()
    docs = _revision_docs({a.revision_id for a in attempts}, slug)
    saved = _saved_answers(quiz.id)
    rows = tuple(_attempt_row(a, docs[a.revision_id], saved.get(a.id, {})) for a in attempts)
    current = published_quiz(store.latest_revision(quiz).source, slug)
    return QuizData(slug, current.title, current, rows)


def quiz_overview() -> list[dict]:
    """Every live quiz with its number of submitted attempts and their mean percent."""
    percent = Attempt.score * 100.0 / Attempt.max_score
    totals = select(
        Attempt.quiz_id, func.count(Attempt.id), func.avg(percent).filter(Attempt.max_score > 0)
    ).where(Attempt.submitted_at.is_not(None))
    found = {qid: (n, avg) for qid, n, avg in db.session.execute(totals.group_by(Attempt.quiz_id))}
    return [
        _overview_row(quiz.slug, quiz.title, *found.get(quiz.id, (0, None)))
        for quiz in store.live_quizzes()
    ]


def _overview_row(slug: str, title: str, attempts: int, mean: object) -> dict:
    return {
        "slug": slug,
        "title": title,
        "attempts": attempts,
        "mean": None if mean is None else float(mean),
    }

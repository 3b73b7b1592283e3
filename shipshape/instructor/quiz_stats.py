"""What learners miss: per-quiz and per-question statistics."""

from __future__ import annotations

from flask import abort, render_template

from ..knowledge.render import render_markdown
from ..quizzes.histogram import chart, histogram
from ..quizzes.statistics import all_question_stats, summarize_quiz
from ..quizzes.stats_data import load_quiz_data, quiz_overview
from . import bp


@bp.get("/quiz-stats")
def quiz_stats():
    return render_template("instructor/quiz_stats.html", quizzes=quiz_overview())


@bp.get("/quiz-stats/<slug>")
def quiz_stats_detail(slug: str):
    data = load_quiz_data(slug)
    if data is None:
        abort(404, f"There is no quiz '{slug}'.")
    questions = all_question_stats(data.current, data.attempts)
    bins = histogram([a.percent for a in data.attempts])
    return render_template(
        "instructor/quiz_stats_detail.html",
        quiz=data,
        summary=summarize_quiz(data.attempts),
        bins=bins,
        chart=chart(bins),
        questions=questions,
        prompts={q.question_id: render_markdown(q.prompt) for q in questions},
    )

"""The learner's progress page: grades per quiz, mastery per topic, scores over time (SVG, one
series per quiz, drawn once for a wide screen and once for a phone)."""

from __future__ import annotations

from flask import render_template

from ..quizzes.progress import learner_progress
from ..quizzes.progress_chart import NARROW, WIDE, score_chart
from ..runtime import get_library
from . import bp
from .learners import current_learner_id


@bp.get("/progress")
def progress():
    data = learner_progress(current_learner_id(), get_library().catalog)
    grades = {q["slug"]: q["grade"] for q in data["quizzes"]}
    charts = {
        "wide": score_chart(data["history"], grades, WIDE),
        "narrow": score_chart(data["history"], grades, NARROW),
    }
    return render_template("progress.html", progress=data, charts=charts)

"""The learner's progress page: grades per quiz, answers per topic, scores over time (SVG)."""

from __future__ import annotations

from flask import render_template

from ..quizzes.progress import learner_progress
from ..quizzes.progress_chart import score_chart
from ..runtime import get_library
from . import bp
from .learners import current_learner_id


@bp.get("/progress")
def progress():
    data = learner_progress(current_learner_id(), get_library().catalog)
    return render_template("progress.html", progress=data, chart=score_chart(data["history"]))

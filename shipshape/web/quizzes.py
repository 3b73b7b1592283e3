"""Quiz pages: list, take (plain forms, no JavaScript needed), results and history."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from ..extensions import learners_limit
from ..quizzes.attempts import (
    AttemptError,
    attempt_payload,
    attempts_of,
    list_quizzes,
    save_answer,
    start_attempt,
    submit_attempt,
)
from ..quizzes.settings import GRADE_METHOD_TEXT
from ..runtime import get_library
from . import bp
from .learners import current_learner_id
from .quiz_forms import responses_from_form


@bp.get("/quizzes")
def quizzes():
    learner_id = current_learner_id()
    history = attempts_of(learner_id) if learner_id is not None else []
    return render_template(
        "quizzes.html", quizzes=list_quizzes(), history=history, grade_methods=GRADE_METHOD_TEXT
    )


@bp.post("/quizzes/<slug>/start")
@learners_limit()
def start_quiz(slug: str):
    try:
        attempt = start_attempt(slug, learner_id=current_learner_id(create=True))
    except AttemptError as exc:
        abort(exc.status, description=exc.message)
    return redirect(url_for("web.attempt", attempt_id=attempt["attempt_id"]), code=303)


def _payload(attempt_id: str) -> dict:
    try:
        return attempt_payload(attempt_id, get_library().catalog, learner_id=current_learner_id())
    except AttemptError as exc:
        abort(exc.status, description=exc.message)


@bp.get("/attempts/<attempt_id>")
def attempt(attempt_id: str):
    payload = _payload(attempt_id)
    template = "results.html" if payload["status"] == "submitted" else "attempt.html"
    return render_template(template, attempt=payload)


@bp.post("/attempts/<attempt_id>")
def answer_attempt(attempt_id: str):
    payload = _payload(attempt_id)
    if payload["status"] == "submitted":
        return redirect(url_for("web.attempt", attempt_id=attempt_id), code=303)
    answers = responses_from_form(payload["questions"], request.form)
    learner_id = current_learner_id()
    try:
        if request.form.get("action") == "submit":
            submit_attempt(attempt_id, answers, get_library().catalog, learner_id=learner_id)
        else:
            for question_id, response in answers.items():
                save_answer(attempt_id, question_id, response, learner_id=learner_id)
            flash(f"Saved {len(answers)} answer{'s' if len(answers) != 1 else ''}.")
    except AttemptError as exc:
        flash(exc.message, "error")
    return redirect(url_for("web.attempt", attempt_id=attempt_id), code=303)

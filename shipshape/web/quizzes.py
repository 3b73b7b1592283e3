"""Quiz pages: list, take (plain forms, no JavaScript needed), a summary before submitting,
results and history. A learner's open attempt at a quiz is continued, not started again."""

from __future__ import annotations

from datetime import datetime

from flask import abort, flash, jsonify, redirect, render_template, request, url_for

from ..errors import ApiError
from ..extensions import learners_limit
from ..json_body import json_field
from ..models import utcnow
from ..quizzes.attempts import (
    AttemptError,
    attempt_payload,
    attempts_of,
    list_quizzes,
    save_answer,
    start_attempt,
    submit_attempt,
)
from ..quizzes.resume import open_attempt_id, quiz_states
from ..quizzes.settings import GRADE_METHOD_TEXT
from ..runtime import get_library
from . import bp
from .attempt_flags import flagged, forget, set_flags
from .learners import current_learner_id
from .quiz_forms import responses_from_form


@bp.get("/quizzes")
def quizzes():
    learner_id = current_learner_id()
    history = attempts_of(learner_id) if learner_id is not None else []
    return render_template(
        "quizzes.html",
        quizzes=list_quizzes(),
        states=quiz_states(learner_id),
        history=history,
        grade_methods=GRADE_METHOD_TEXT,
    )


@bp.post("/quizzes/<slug>/start")
@learners_limit()
def start_quiz(slug: str):
    learner_id = current_learner_id(create=True)
    resumed = open_attempt_id(slug, learner_id)
    if resumed is not None:
        flash("You have this quiz open: carry on where you left off.", "info")
        return redirect(url_for("web.attempt", attempt_id=resumed), code=303)
    try:
        attempt = start_attempt(slug, learner_id=learner_id)
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
    if payload["status"] == "submitted":
        forget(attempt_id)
        learner_id = current_learner_id()
        return render_template(
            "results.html", attempt=payload, learner_has_reviews=learner_id is not None
        )
    return render_template(
        "attempt.html",
        attempt=payload,
        flagged=flagged(attempt_id),
        minutes_left=_minutes_left(payload["deadline"]),
    )


def _minutes_left(deadline: str | None) -> int | None:
    """Whole minutes to the deadline as the page is drawn: a clock without JavaScript or zones."""
    if not deadline:
        return None
    ends = datetime.fromisoformat(deadline.removesuffix("Z"))
    return max(0, int((ends - utcnow()).total_seconds() // 60))


@bp.get("/attempts/<attempt_id>/summary")
def attempt_summary(attempt_id: str):
    """Before submitting: which questions are answered, which are not, which are flagged."""
    payload = _payload(attempt_id)
    if payload["status"] == "submitted":
        return redirect(url_for("web.attempt", attempt_id=attempt_id), code=303)
    return render_template("attempt_summary.html", attempt=payload, flagged=flagged(attempt_id))


def _save(attempt_id: str, answers: dict, learner_id: int | None) -> None:
    for question_id, response in answers.items():
        save_answer(attempt_id, question_id, response, learner_id=learner_id)


@bp.put("/attempts/<attempt_id>/answers/<question_id>")
def save_one_answer(attempt_id: str, question_id: str):
    """The attempt page's script saves each answer as it is given: this browser's learner, the
    page's CSRF token (X-CSRFToken); the same JSON body and errors as the API's."""
    response = json_field("response")
    try:
        save_answer(attempt_id, question_id, response, learner_id=current_learner_id())
    except AttemptError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from exc
    return jsonify({"saved": True})


@bp.post("/attempts/<attempt_id>")
def answer_attempt(attempt_id: str):
    """Save (the page's Save button), go to the summary, or submit; answers are saved first."""
    payload = _payload(attempt_id)
    if payload["status"] == "submitted":
        return redirect(url_for("web.attempt", attempt_id=attempt_id), code=303)
    action = request.form.get("action")
    answers = responses_from_form(payload["questions"], request.form)
    learner_id = current_learner_id()
    if action != "submit":  # the summary page posts no answers and no flags
        set_flags(
            attempt_id,
            [q["id"] for q in payload["questions"] if request.form.get(f"flag-{q['id']}")],
        )
    target = url_for("web.attempt", attempt_id=attempt_id)
    try:
        if action == "submit":
            submit_attempt(attempt_id, answers, get_library().catalog, learner_id=learner_id)
        else:
            _save(attempt_id, answers, learner_id)
            if action == "summary":
                target = url_for("web.attempt_summary", attempt_id=attempt_id)
            else:
                flash(f"Saved {len(answers)} answer{'s' if len(answers) != 1 else ''}.")
    except AttemptError as exc:
        flash(exc.message, "error")
    return redirect(target, code=303)

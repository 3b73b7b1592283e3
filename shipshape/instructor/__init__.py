"""Instructor pages: sign-in, the topic and quiz editors, imports, what learners ask and miss."""

from flask import Blueprint, abort, current_app, request

from ..auth import current_instructor

bp = Blueprint("instructor", __name__, url_prefix="/instructor")

PUBLIC_ENDPOINTS = {"instructor.sign_in"}
SECTIONS = [
    ("instructor.topics", "Topics"),
    ("instructor.quizzes", "Quizzes"),
    ("instructor.transfer", "Import & export"),
    ("instructor.questions", "What learners ask"),
    ("instructor.quiz_stats", "What learners miss"),
    ("instructor.tokens", "API tokens"),
]


@bp.before_request
def instructors_only():
    """Every instructor page but sign-in answers 403 to anyone not signed in."""
    if request.endpoint not in PUBLIC_ENDPOINTS and current_instructor() is None:
        abort(403, "This page is for instructors. Sign in at /instructor/sign-in.")


@bp.context_processor
def sections() -> dict:
    present = current_app.view_functions
    return {
        "instructor_sections": [(e, label) for e, label in SECTIONS if e in present],
        "instructor": current_instructor(),
    }


from . import questions, quiz_editor, quiz_stats, session, tokens, topics, transfer  # noqa: E402,F401  (views register themselves on bp)

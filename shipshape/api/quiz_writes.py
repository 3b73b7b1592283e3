"""PUT and DELETE /api/quizzes/<slug>: instructors write quizzes as the quiz file's YAML."""

from __future__ import annotations

from flask import jsonify, request

from ..auth import author_name, instructor_api
from ..errors import ApiError
from ..quizzes.authoring import QuizConflict, QuizRejected, delete_quiz, save_quiz
from ..quizzes.checks import Problem
from ..runtime import get_library
from . import bp
from .requests import json_object

MAX_QUIZ_BYTES = 1024 * 1024
MAX_BODY_BYTES = 2 * MAX_QUIZ_BYTES  # JSON escaping makes a quiz's text longer on the wire
YAML_TYPES = {"application/yaml", "text/yaml", "application/x-yaml", "text/x-yaml"}


def _too_large() -> ApiError:
    return ApiError(413, "too_large", f"A quiz file may be at most {MAX_QUIZ_BYTES} bytes (1 MB).")


def _raw_yaml() -> str:
    try:
        return request.get_data(cache=True).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_encoding", "The body is not valid UTF-8.") from exc


def _base_revision(body: dict) -> int | None:
    """The revision the client edited, if it says: a save after someone else's is refused."""
    value = body.get("base_revision")
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ApiError(400, "invalid_base_revision", "'base_revision' must be a revision number.")
    return value


def _quiz_request() -> tuple[str, int | None]:
    """(the quiz file's text, the base revision): a raw YAML body, or {"yaml": "..."} in JSON."""
    if (request.content_length or 0) > MAX_BODY_BYTES:
        raise _too_large()
    if request.mimetype in YAML_TYPES:
        text, base = _raw_yaml(), None
    else:
        body = json_object()
        text, base = body.get("yaml"), _base_revision(body)
        if not isinstance(text, str):
            raise ApiError(400, "missing_yaml", 'Send {"yaml": "<the quiz file>"} or a YAML body.')
    if len(text.encode("utf-8", "surrogatepass")) > MAX_QUIZ_BYTES:
        raise _too_large()
    return text, base


def _detail(problem: Problem) -> dict:
    return {"where": problem.where, "question": problem.question, "message": problem.message}


@bp.put("/quizzes/<slug>")
@instructor_api
def put_quiz(slug: str):
    text, base = _quiz_request()
    try:
        saved = save_quiz(text, slug, get_library(), author_name(), base_revision=base)
    except QuizRejected as exc:
        details = [_detail(p) for p in exc.problems]
        raise ApiError(422, "invalid_quiz", str(exc), details) from exc
    except QuizConflict as exc:
        raise ApiError(409, "stale_revision", exc.message, [{"current": exc.current}]) from exc
    body = {
        "slug": slug,
        "revision": saved.revision,
        "created": saved.created,
        "question_count": saved.question_count,
        "warnings": [_detail(w) for w in saved.warnings],
    }
    return jsonify(body), 201 if saved.created else 200


@bp.delete("/quizzes/<slug>")
@instructor_api
def remove_quiz(slug: str):
    saved = delete_quiz(slug, author_name())
    if saved is None:
        raise ApiError(404, "not_found", f"There is no quiz '{slug}'.")
    return jsonify({"slug": slug, "deleted": True, "revision": saved.revision})

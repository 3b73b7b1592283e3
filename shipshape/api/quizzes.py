"""Quizzes and attempts over JSON. An attempt started with X-Learner-Key answers only to that
key; one started without is reached by its id alone."""

from __future__ import annotations

from flask import jsonify, request

from ..errors import ApiError
from ..extensions import learners_limit
from ..quizzes.attempts import (
    AttemptError,
    attempt_payload,
    list_quizzes,
    save_answer,
    start_attempt,
    submit_attempt,
)
from ..runtime import get_library
from . import bp
from .learners import optional_learner_id
from .requests import json_field, json_object


def _call(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except AttemptError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from exc


@bp.get("/quizzes")
def quizzes():
    return jsonify({"quizzes": list_quizzes()})


@bp.post("/quizzes/<slug>/attempts")
@learners_limit()
def start(slug: str):
    return jsonify(_call(start_attempt, slug, learner_id=optional_learner_id())), 201


@bp.get("/attempts/<attempt_id>")
def show(attempt_id: str):
    catalog = get_library().catalog
    return jsonify(_call(attempt_payload, attempt_id, catalog, learner_id=optional_learner_id()))


@bp.put("/attempts/<attempt_id>/answers/<question_id>")
def save(attempt_id: str, question_id: str):
    response = json_field("response")
    learner_id = optional_learner_id()
    return jsonify(_call(save_answer, attempt_id, question_id, response, learner_id=learner_id))


@bp.post("/attempts/<attempt_id>/submit")
def submit(attempt_id: str):
    body = json_object() if request.get_data(cache=True) else {}
    catalog, learner_id = get_library().catalog, optional_learner_id()
    answers = body.get("answers")
    return jsonify(_call(submit_attempt, attempt_id, answers, catalog, learner_id=learner_id))

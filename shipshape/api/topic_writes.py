"""PUT and DELETE /api/topics/<slug>: instructors write topics; the next question finds them."""

from __future__ import annotations

from flask import jsonify

from ..auth import author_name, instructor_api
from ..errors import ApiError
from ..knowledge.authoring import TopicRejected, delete_topic, save_topic
from ..knowledge.presenting import topic_detail
from ..runtime import get_library
from . import bp
from .requests import json_object

MAX_TOPIC_CHARS = 200_000


def _markdown(body: dict) -> str:
    text = body.get("markdown")
    if not isinstance(text, str) or not text.strip():
        raise ApiError(
            400, "invalid_markdown", 'Send {"markdown": "<the topic file, front matter included>"}.'
        )
    if len(text) > MAX_TOPIC_CHARS:
        raise ApiError(413, "too_large", f"A topic may be at most {MAX_TOPIC_CHARS} characters.")
    return text


@bp.put("/topics/<slug>")
@instructor_api
def put_topic(slug: str):
    library = get_library()
    try:
        saved = save_topic(_markdown(json_object()), slug, library, author_name())
    except TopicRejected as exc:
        details = [{"field": p.field, "message": p.message} for p in exc.problems]
        raise ApiError(422, "invalid_topic", str(exc), details) from exc
    body = {"slug": slug, "revision": saved.revision, "created": saved.created}
    body["topic"] = topic_detail(library.catalog.get(slug))
    return jsonify(body), 201 if saved.created else 200


@bp.delete("/topics/<slug>")
@instructor_api
def remove_topic(slug: str):
    saved = delete_topic(slug, get_library(), author_name())
    if saved is None:
        raise ApiError(404, "not_found", f"There is no topic '{slug}'.")
    return jsonify({"slug": slug, "deleted": True, "revision": saved.revision})

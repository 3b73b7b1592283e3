"""Topics and search over them, read-only for everyone."""

from __future__ import annotations

from flask import jsonify

from ..errors import ApiError
from ..knowledge.presenting import search_results, topic_detail, topic_summary
from ..runtime import get_library
from . import bp
from .requests import query_text


@bp.get("/search")
def search():
    query = query_text("q")
    return jsonify(search_results(get_library(), query))


@bp.get("/topics")
def list_topics():
    catalog = get_library().catalog
    return jsonify({"topics": [topic_summary(d) for d in catalog.topics.values()]})


@bp.get("/topics/<slug>")
def get_topic(slug: str):
    doc = get_library().catalog.get(slug)
    if doc is None:
        raise ApiError(404, "not_found", f"There is no topic '{slug}'.")
    return jsonify(topic_detail(doc))

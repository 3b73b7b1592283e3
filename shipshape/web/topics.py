"""Topic pages and the search page."""

from __future__ import annotations

from flask import abort, render_template, request

from ..knowledge.presenting import article_view, search_results
from ..runtime import get_library
from . import bp

MAX_QUERY = 1000


@bp.get("/topics")
def topics():
    return render_template("topics.html", groups=get_library().catalog.groups())


@bp.get("/topics/<slug>")
def topic(slug: str):
    catalog = get_library().catalog
    doc = catalog.get(slug)
    if doc is None:
        abort(404, description=f"There is no topic '{slug}'.")
    return render_template("topic.html", **article_view(doc, catalog))


@bp.get("/search")
def search():
    query = request.args.get("q", "").strip()[:MAX_QUERY]
    results = search_results(get_library(), query) if query else None
    return render_template("search.html", query=query, results=results)

"""Topic pages and the search page."""

from __future__ import annotations

from flask import abort, render_template, request

from ..knowledge.presenting import search_results
from ..knowledge.render import render_markdown
from ..knowledge.topicfile import answer_sections
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
    sections = [(s, render_markdown(s.markdown)) for s in answer_sections(doc)]
    related = [catalog.get(s) for s in doc.related if catalog.get(s)]
    return render_template("topic.html", doc=doc, sections=sections, related=related)


@bp.get("/search")
def search():
    query = request.args.get("q", "").replace("\x00", "").strip()[:MAX_QUERY]
    results = search_results(get_library(), query) if query else None
    return render_template("search.html", query=query, results=results)

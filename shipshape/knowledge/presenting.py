"""Topics and search hits as plain dictionaries for the API and the pages."""

from __future__ import annotations

import nh3

from .catalog import Catalog
from .coverage import coverage
from .library import Library
from .render import render_markdown
from .search import apply_corrections, plan_query, search_sections
from .topicfile import TopicDoc, answer_sections

MAX_RESULTS = 20


def topic_url(slug: str, anchor: str = "") -> str:
    return f"/topics/{slug}#{anchor or 'summary'}"


def topic_summary(doc: TopicDoc) -> dict:
    return {
        "slug": doc.slug,
        "title": doc.title,
        "group": doc.group,
        "tags": list(doc.tags),
        "url": f"/topics/{doc.slug}",
    }


def command_detail(doc: TopicDoc) -> dict | None:
    if doc.command is None:
        return None
    spec = doc.command
    return {
        "name": spec.name,
        "aliases": list(spec.aliases),
        "synopsis": spec.synopsis,
        "arguments": spec.arguments,
        "options": [
            {"flags": list(o.flags), "value": o.value, "help": o.help} for o in spec.options
        ],
    }


def article_view(doc: TopicDoc, catalog: Catalog) -> dict:
    """What templates/_topic_article.html needs: rendered sections and the related topics."""
    sections = [(s, render_markdown(s.markdown)) for s in answer_sections(doc)]
    related = [catalog.get(s) for s in doc.related if catalog.get(s)]
    return {"doc": doc, "sections": sections, "related": related}


def topic_detail(doc: TopicDoc) -> dict:
    return {
        **topic_summary(doc),
        "questions": list(doc.questions),
        "related": list(doc.related),
        "compare": list(doc.compare),
        "command": command_detail(doc),
        "markdown": doc.text,
        "sections": [
            {
                "anchor": s.anchor or "summary",
                "heading": s.heading,
                "markdown": s.markdown,
                "html": render_markdown(s.markdown),
            }
            for s in answer_sections(doc)
        ],
    }


def _clean_highlight(fragment: str) -> str:
    return nh3.clean(fragment or "", tags={"b"}, attributes={})


def search_results(library: Library, query: str) -> dict:
    """Ranked sections with highlighted fragments, for /api/search and /search."""
    plan = plan_query(query, library.index, library.vocabulary, library.catalog.commands)
    hits = search_sections(library.index, plan, limit=MAX_RESULTS, highlight=True)
    results = [
        {
            "title": h.title,
            "section": h.heading or h.title,
            "url": topic_url(h.slug, h.anchor),
            "score": round(h.score, 3),
            "match": round(coverage(plan, h), 3),
            "highlight": _clean_highlight(h.highlight),
        }
        for h in hits
    ]
    corrected = apply_corrections(query, plan.corrections) if plan.corrections else None
    return {"query": query, "did_you_mean": corrected, "results": results}

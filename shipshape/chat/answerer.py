"""Pick the section that answers a question, judge how sure that is, and say it plainly."""

from __future__ import annotations

from dataclasses import replace

from ..knowledge.catalog import Catalog
from ..knowledge.index import Hit
from ..knowledge.library import Library
from ..knowledge.presenting import topic_url
from ..knowledge.search import apply_corrections, plan_query, search_sections
from .explain import explain_message
from .ranking import Ranked, rank
from .reply import ANSWER, NO_ANSWER, SMALLTALK, Reply, Source
from .smalltalk import smalltalk_reply

NO_ANSWER_BELOW = 0.5
MAX_SUGGESTIONS = 3


def suggestions_for(slug: str, catalog: Catalog, others: list[str]) -> tuple[str, ...]:
    """Next questions: the first phrasing of each related topic, then of other close topics."""
    doc = catalog.get(slug)
    candidates = [*(doc.related if doc else ()), *others]
    picked: list[str] = []
    for other in dict.fromkeys(candidates):
        topic = catalog.get(other)
        if other != slug and topic and topic.questions:
            picked.append(topic.questions[0])
        if len(picked) == MAX_SUGGESTIONS:
            break
    return tuple(picked)


def compose_answer(
    hit: Hit, confidence: float, library: Library, others: list[str], did_you_mean: str | None
) -> Reply:
    heading = hit.title if not hit.anchor else f"{hit.title}: {hit.heading}"
    markdown = f"**{heading}**\n\n{hit.markdown}"
    source = Source(
        hit.title, hit.heading or hit.title, topic_url(hit.slug, hit.anchor), round(hit.score, 2)
    )
    return Reply(
        kind=ANSWER,
        markdown=markdown,
        confidence=confidence,
        sources=(source,),
        suggestions=suggestions_for(hit.slug, library.catalog, others),
        did_you_mean=did_you_mean,
        topic_slug=hit.slug,
        anchor=hit.anchor,
    )


def compose_no_answer(ranked: list[Ranked], library: Library, did_you_mean: str | None) -> Reply:
    slugs = list(dict.fromkeys(r.hit.slug for r in ranked if r.coverage > 0))[:3]
    if not slugs:
        slugs = list(library.vocabulary.starter_topics)[:3]
    pointers = [
        f"- [{library.catalog.get(s).title}](/topics/{s})" for s in slugs if library.catalog.get(s)
    ]
    markdown = (
        "I don't know that one: the course material doesn't cover it, and I would rather not "
        "guess. I can help with Docker images, containers and their commands."
    )
    if pointers:
        markdown += " These topics might be close:\n\n" + "\n".join(pointers) + "\n"
    best = ranked[0].coverage if ranked else 0.0
    return Reply(
        kind=NO_ANSWER,
        markdown=markdown,
        confidence=best,
        suggestions=library.vocabulary.starters[:MAX_SUGGESTIONS],
        did_you_mean=did_you_mean,
    )


def answer_question(question: str, library: Library) -> Reply:
    """Answer one self-contained question from the curated sections."""
    chat = smalltalk_reply(question)
    if chat is not None:
        return Reply(
            SMALLTALK, chat, 1.0, suggestions=library.vocabulary.starters[:MAX_SUGGESTIONS]
        )
    explained = explain_message(question, library.catalog)
    if explained is not None:
        others = list(library.catalog.get(explained.topic_slug).related)
        return replace(
            explained, suggestions=suggestions_for(explained.topic_slug, library.catalog, others)
        )
    plan = plan_query(question, library.index, library.vocabulary, library.catalog.commands)
    did_you_mean = apply_corrections(question, plan.corrections) if plan.corrections else None
    hits = search_sections(library.index, plan, limit=20)
    ranked = rank(did_you_mean or question, plan, hits, library.index, library.catalog)
    if not ranked or ranked[0].coverage < NO_ANSWER_BELOW:
        return compose_no_answer(ranked, library, did_you_mean)
    best = ranked[0]
    others = [r.hit.slug for r in ranked[1:6]]
    return compose_answer(best.hit, best.coverage, library, others, did_you_mean)

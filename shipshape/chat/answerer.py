"""Pick the section that answers a question, judge how sure that is, and say it plainly."""

from __future__ import annotations

from dataclasses import replace

from ..knowledge.catalog import Catalog
from ..knowledge.index import Hit
from ..knowledge.library import Library
from ..knowledge.presenting import topic_url
from ..knowledge.search import apply_corrections, plan_query, search_sections
from ..knowledge.topicfile import slugify
from .clarify import clarify_message
from .compare import comparison_sides, comparison_table, covering_comparison
from .explain import explain_message
from .followup import Previous, Reading, read_in_context, rewrite
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


def compose_comparison(hits: list[Hit], library: Library, did_you_mean: str | None) -> Reply:
    """A curated comparison: its summary (the short answer) and its side-by-side table."""
    summary = next((h for h in hits if not h.anchor), hits[0])
    table = next(
        (h for h in hits if h.anchor and "| ---" in h.markdown.replace("|---", "| ---")), None
    )
    reply = compose_answer(summary, 1.0, library, [], did_you_mean)
    if table is None or table is summary:
        return reply
    return replace(reply, markdown=f"{reply.markdown}\n\n**{table.heading}**\n\n{table.markdown}")


def compose_no_answer(ranked: list[Ranked], library: Library) -> Reply:
    """Say plainly that the material does not cover it (no did-you-mean: a fix that found nothing
    is no help), and point at the closest topics."""
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
    )


def _search(text: str, library: Library, reading: Reading, prefer: str | None = None):
    """(did-you-mean text or None, ranked candidates) for a reading of the question."""
    catalog = library.catalog
    plan = plan_query(text, library.index, library.vocabulary, catalog.commands)
    corrected = apply_corrections(text, plan.corrections) if plan.corrections else None
    hits = search_sections(library.index, plan, limit=20)
    ranked = rank(corrected or text, plan, hits, catalog,
                  prefer=prefer or reading.prefer_slug, avoid=reading.avoid)  # fmt: skip
    return corrected, ranked


def _side_topic(side: str, library: Library) -> str | None:
    """The topic one side of a comparison names: a command's own topic, else what it is."""
    words = [w for w in side.lower().split() if w not in ("a", "an", "the")]
    commands = library.catalog.commands
    named = commands.get(" ".join(words)) or commands.get(" ".join(["docker", *words]))
    if named or library.catalog.get(slugify(" ".join(words))):
        return named or slugify(" ".join(words))
    question = f"what is {side}"
    _, ranked = _search(question, library, Reading(question))
    return ranked[0].hit.slug if ranked and ranked[0].coverage >= NO_ANSWER_BELOW else None


def _compare(question: str, library: Library) -> tuple[str | None, Reply | None]:
    """For 'X vs Y': the curated comparison to prefer, or a table built from the two topics."""
    sides = comparison_sides(question)
    if sides is None:
        return None, None
    a, b = (_side_topic(side, library) for side in sides)
    if not a or not b:
        return None, None
    curated = covering_comparison(a, b, library.catalog)
    if curated is not None:
        return curated.slug, None
    if a == b:
        return None, None
    return None, comparison_table(library.catalog.get(a), library.catalog.get(b))


def _answer_reading(question: str, reading: Reading, library: Library) -> Reply:
    prefer, table = _compare(reading.text, library)
    if table is not None:
        return replace(table, suggestions=suggestions_for(table.topic_slug, library.catalog, []))
    corrected, ranked = _search(reading.text, library, reading, prefer)
    did_you_mean = corrected if corrected and not reading.leans else None
    curated = [r.hit for r in ranked if r.hit.slug == prefer]
    if curated:  # both sides named known topics, and instructors wrote this very comparison
        return compose_comparison(curated, library, did_you_mean)
    if not ranked or ranked[0].coverage < NO_ANSWER_BELOW:
        return compose_no_answer(ranked, library)
    best = ranked[0]
    others = [r.hit.slug for r in ranked[1:6]]
    return compose_answer(best.hit, best.coverage, library, others, did_you_mean)


def _immediate(question: str, library: Library, leans: bool) -> Reply | None:
    """Replies that need no search: smalltalk, a command to explain, a word to clarify."""
    chat = smalltalk_reply(question)
    if chat is not None:
        starters = library.vocabulary.starters[:MAX_SUGGESTIONS]
        return Reply(SMALLTALK, chat, 1.0, suggestions=starters)
    explained = None if comparison_sides(question) else explain_message(question, library.catalog)
    if explained is not None:
        others = list(library.catalog.get(explained.topic_slug).related)
        suggestions = suggestions_for(explained.topic_slug, library.catalog, others)
        return replace(explained, suggestions=suggestions)
    return None if leans else clarify_message(question, library.catalog, library.vocabulary)


def answer_question(question: str, library: Library, previous: Previous | None = None) -> Reply:
    """Answer a question from the curated sections, reading it in the light of the turn before."""
    reading = read_in_context(question, previous, library.vocabulary)
    immediate = _immediate(question, library, reading.leans)
    if immediate is not None:
        return replace(immediate, resolved=question)
    reply = _answer_reading(question, reading, library)
    if reply.kind == NO_ANSWER and previous is not None and not reading.leans:
        # Not answerable alone: perhaps it is an unmarked follow-up ("follow live?").
        leaning = replace(reading, text=rewrite(question, previous.question, library.vocabulary),
                          prefer_slug=previous.topic_slug, leans=True)  # fmt: skip
        retry = _answer_reading(question, leaning, library)
        if retry.kind != NO_ANSWER:
            return replace(retry, resolved=leaning.text)
    return replace(reply, resolved=reading.text)

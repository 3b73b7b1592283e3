"""Say what the ranking found: an answer with its source and evidence, or an honest no."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..knowledge.catalog import Catalog
from ..knowledge.index import Hit
from ..knowledge.library import Library
from ..knowledge.presenting import topic_url
from ..knowledge.search import QueryPlan
from .ranking import Ranked
from .reply import ANSWER, CLARIFY, NO_ANSWER, Reply, Source, Why

MAX_SUGGESTIONS = 3
RUNNERS_UP = 3
CLOSEST_AT_LEAST = 0.3  # a phrasing less alike than this is no evidence worth showing
_NO_ANSWER = (
    "I don't know that one: the course material doesn't cover it, and I would rather not "
    "guess. I can help with Docker images, containers and their commands."
)


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


def section_markdown(hit: Hit) -> str:
    """A section as an answer shows it: its topic and heading in bold, then its text."""
    heading = hit.title if not hit.anchor else f"{hit.title}: {hit.heading}"
    return f"**{heading}**\n\n{hit.markdown}"


def source_of(hit: Hit, score: float) -> Source:
    return Source(hit.title, hit.heading or hit.title, topic_url(hit.slug, hit.anchor),
                  round(score, 2))  # fmt: skip


def matched_words(plan: QueryPlan | None, hit: Hit) -> tuple[str, ...]:
    """The question's words (as the learner wrote them, or fixed) the section holds."""
    if plan is None:
        return ()
    terms = hit.stems | hit.key_stems
    found = [g.word for g in plan.groups if terms & set(g.stems) or terms & set(g.synonyms)]
    return tuple(found + [c for c in plan.commands if c in hit.commands])


def why(ranked: list[Ranked], plan: QueryPlan | None) -> Why:
    """The evidence behind the best candidate, and the next best sections with their scores."""
    if not ranked:
        return Why()
    best = ranked[0]
    similar = best.candidate.features["phrasing"] >= CLOSEST_AT_LEAST
    seen = {(best.hit.slug, best.hit.anchor)}
    runners: list[Source] = []
    for other in ranked[1:]:
        if (other.hit.slug, other.hit.anchor) not in seen and len(runners) < RUNNERS_UP:
            seen.add((other.hit.slug, other.hit.anchor))
            runners.append(source_of(other.hit, other.score))
    closest = best.candidate.closest if similar else None
    return Why(matched_words(plan, best.hit), closest, tuple(runners))


def compose_answer(
    ranked: list[Ranked],
    sure: float,
    plan: QueryPlan | None,
    library: Library,
    did_you_mean: str | None,
) -> Reply:
    best = ranked[0]
    hit = best.hit
    others = [r.hit.slug for r in ranked[1:6]]
    return Reply(
        kind=ANSWER,
        markdown=section_markdown(hit),
        confidence=sure,
        sources=(source_of(hit, best.score),),
        suggestions=suggestions_for(hit.slug, library.catalog, others),
        did_you_mean=did_you_mean,
        topic_slug=hit.slug,
        anchor=hit.anchor,
        why=why(ranked, plan),
    )


def _single(hit: Hit, library: Library, did_you_mean: str | None) -> Reply:
    return Reply(ANSWER, section_markdown(hit), 1.0, (source_of(hit, hit.score),),
                 suggestions_for(hit.slug, library.catalog, []), did_you_mean, hit.slug,
                 hit.anchor)  # fmt: skip


def compose_comparison(hits: list[Hit], library: Library, did_you_mean: str | None) -> Reply:
    """A curated comparison: its summary (the short answer) and its side-by-side table."""
    summary = next((h for h in hits if not h.anchor), hits[0])
    table = next(
        (h for h in hits if h.anchor and "| ---" in h.markdown.replace("|---", "| ---")), None
    )
    basis = f"An instructor wrote “{summary.title}” to compare exactly these two."
    reply = replace(_single(summary, library, did_you_mean), why=Why(basis=basis))
    if table is None or table is summary:
        return reply
    return replace(reply, markdown=f"{reply.markdown}\n\n**{table.heading}**\n\n{table.markdown}")


def _pointers(slugs: list[str], library: Library) -> str:
    docs = [library.catalog.get(s) for s in slugs]
    lines = [f"- [{d.title}](/topics/{d.slug})" for d in docs if d is not None]
    return " These topics might be close:\n\n" + "\n".join(lines) + "\n" if lines else ""


def compose_no_answer(
    ranked: list[Ranked], sure: float, plan: QueryPlan | None, library: Library
) -> Reply:
    """Say plainly that the material does not cover it (no did-you-mean: a fix that found nothing
    is no help), and point at the closest topics."""
    return Reply(
        kind=NO_ANSWER,
        markdown=_NO_ANSWER + _pointers(_closest_topics(ranked, library), library),
        confidence=sure,
        suggestions=library.vocabulary.starters[:MAX_SUGGESTIONS],
        why=why(ranked, plan),
    )


def compose_out_of_scope(term: str, library: Library, ranked: Sequence[Ranked] = ()) -> Reply:
    """A question about something the material leaves out (Kubernetes, Compose): say so, and
    point at the closest topics the search found, if it searched."""
    markdown = (
        f"That is about {term}, which this course does not cover: it is about Docker images, "
        "containers and the docker commands that build, run and manage them."
    )
    return Reply(
        kind=NO_ANSWER,
        markdown=markdown + _pointers(_closest_topics(ranked, library), library),
        confidence=0.0,
        suggestions=library.vocabulary.starters[:MAX_SUGGESTIONS],
    )


def _closest_topics(ranked: Sequence[Ranked], library: Library) -> list[str]:
    """The topics of the best sections that share a word with the question, else the starters."""
    slugs = list(dict.fromkeys(r.hit.slug for r in ranked if r.coverage > 0))[:3]
    return slugs or list(library.vocabulary.starter_topics)[:3]


def compose_same_again(answer: Reply) -> Reply:
    """A follow-up whose best answer is the section just given: say so and point onward, rather
    than paste the same text twice."""
    source = answer.sources[0]
    runners = [r for r in answer.why.runners_up if r.url != source.url]
    lines = "".join(f"\n- [{r.section}]({r.url})" for r in runners)
    onward = f" These sections are the next closest:\n{lines}" if lines else ""
    markdown = (
        f"The best I have for that is the section I just gave you, [{source.section}]"
        f"({source.url}). If you meant something else, ask it in a few more words.{onward}"
    )
    return replace(answer, kind=CLARIFY, markdown=markdown)

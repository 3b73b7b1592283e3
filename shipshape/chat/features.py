"""The evidence about each candidate section, as numbers the ranker and the calibrator weigh.

Features are plain facts about a (question, section) pair: how well BM25F matched it, how much
of the question it covers, how close its phrasings and heading come to the question, whether it
explains a pasted error. Their weights are fitted elsewhere (bench/quality.py), not chosen here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..knowledge.catalog import Catalog
from ..knowledge.coverage import Covered, cover
from ..knowledge.errors import ErrorMatch
from ..knowledge.index import Hit
from ..knowledge.search import QueryPlan
from .associations import associations
from .phrasebook import HEADING, SECTION, TOPIC, Similarities
from .proximity import pair_rarity, story_pairs
from .reading import Question
from .similarity import best_match, content_stems

FEATURES = (
    "bm25",  # log(1 + BM25F score)
    "relative",  # BM25F score over the best candidate's
    "coverage",  # share of the question's (rarity-weighted) words the section holds
    "distinct",  # the same, each word weighed by how few of the other candidates hold it
    "focus",  # the same, for the words of the asking sentence only
    "phrasing",  # IDF-weighted cosine to the closest phrasing of the section or its topic
    "own_phrasing",  # the same, for phrasings written for this very section
    "topic_phrasing",  # the same, for the phrasings of the section's topic as a whole
    "exact",  # 1 when a phrasing says just what the question says: an instructor put it here
    "heading",  # IDF-weighted cosine to the section's heading (the topic title for a summary)
    "summary",  # 1 for a topic's opening paragraph
    "definition",  # 1 for a summary when the question asks what something is
    "comparison",  # 1 for a comparison topic when the question compares
    "command",  # 1 when the question names this topic's command
    "error",  # share of a pasted error message this section explains
    "prefer",  # 1 for the topic a follow-up leans on
    "avoid",  # 1 for the section just given, when the learner asks for more
    "association",  # how much the asked words go with the heading's words, across all phrasings
    "pairs",  # how rare the pairs of nearby words are that a story and the section share
)


# Facts about the question itself, the same for every candidate: they tell the calibrator how
# answerable the question is, and do not order candidates.
QUESTION_FEATURES = (
    "unknown",  # share of the question's words no section uses at all
    "long",  # 1 for a long message (story, pasted output): harder to answer from one section
)


def unknown_share(plan: QueryPlan) -> float:
    """The (rarity-weighted) share of the question's words that no section contains."""
    total = sum(g.weight * g.emphasis for g in plan.groups)
    unknown = sum(g.weight * g.emphasis for g in plan.groups if g.weight >= plan.command_weight)
    return unknown / total if total else 1.0


EXACT = 0.95  # a phrasing this alike asks the same thing, give or take filler and word forms


@dataclass(frozen=True)
class Candidate:
    hit: Hit
    features: dict[str, float]
    closest: str | None  # the phrasing most like the question, if any


def phrasings_of(hit: Hit, catalog: Catalog) -> tuple[list[str], list[str]]:
    """(the section's own phrasings, its topic's) as written."""
    doc = catalog.get(hit.slug)
    if doc is None:
        return [], []
    return list(doc.questions_for(hit.anchor)), list(doc.questions)


def _phrasing_features(hit: Hit, similar: Similarities) -> tuple[float, float, float, str | None]:
    """(best, the section's own, the topic's) phrasing similarity and the closest phrasing."""
    own_score, own_closest = similar.best(SECTION, hit.slug, hit.anchor)
    topic_score, topic_closest = similar.best(TOPIC, hit.slug, "")
    closest = own_closest if own_score >= topic_score else topic_closest
    return max(own_score, topic_score), own_score, topic_score, closest


def _heading_feature(hit: Hit, similar: Similarities, filler: frozenset[str]) -> float:
    """Similarity to the section's heading (the topic's title for its summary)."""
    if (HEADING, hit.slug, hit.anchor) in similar.book.groups:
        return similar.best(HEADING, hit.slug, hit.anchor)[0]
    heading = hit.heading if hit.anchor else hit.title  # a section the catalog does not know yet
    return best_match(similar.words, [(heading, content_stems(heading, filler))], similar.weigh)[0]


def distinct_coverage(plan: QueryPlan, covered: list[Covered]) -> list[float]:
    """Per hit, the share of the question it covers with words the other candidates lack: among
    sibling sections that all say "restart" and "policy", the one that also says "stop" and
    "137" stands out."""
    weights = [g.weight * g.emphasis for g in plan.groups]
    total = sum(weights)
    if not covered or not total:
        return [0.0] * len(covered)
    rarity = [1.0 - sum(c.holds[i] for c in covered) / len(covered) for i in range(len(weights))]
    return [
        sum(w * r for w, r, held in zip(weights, rarity, c.holds, strict=True) if held) / total
        for c in covered
    ]


def describe(
    question: Question,
    plan: QueryPlan,
    hits: list[Hit],
    catalog: Catalog,
    context: dict,
) -> list[Candidate]:
    """The features of every candidate. `context` holds filler, similar (the question's
    Similarities), errors, prefer, avoid."""
    filler, similar = context["filler"], context["similar"]
    top = max((h.score for h in hits), default=0.0) or 1.0
    errors: list[ErrorMatch] = context.get("errors", [])
    named = {catalog.commands.get(c) for c in plan.commands}
    covered = cover(plan, hits)
    distinct = distinct_coverage(plan, covered)
    shares: dict[tuple[str, str], float] = {}
    for e in errors:  # several messages may point at one section: the best counts
        shares[e.slug, e.anchor] = max(e.share, shares.get((e.slug, e.anchor), 0.0))
    # The same for every candidate: worked out once.
    prefer, avoid = context.get("prefer"), context.get("avoid")
    asks_definition, compares = bool(question.definition), bool(question.comparing)
    unknown, long = unknown_share(plan), float(question.is_long)
    linked = associations(catalog, filler)
    weighed = linked.weighed(similar.words, similar.weigh)
    told_pairs = story_pairs(question, filler)
    rarity = pair_rarity(catalog, filler) if told_pairs else None  # built on a story's first ask
    asked_pairs = rarity.hashed(told_pairs) if rarity is not None else frozenset()
    candidates = []
    for hit, coverage, only_here in zip(hits, covered, distinct, strict=True):
        phrasing, own, topic, closest = _phrasing_features(hit, similar)
        summary = not hit.anchor
        doc = catalog.get(hit.slug) if compares else None
        values = {
            "bm25": math.log1p(hit.score),
            "relative": hit.score / top,
            "coverage": coverage.coverage,
            "distinct": only_here,
            "focus": coverage.focus,
            "phrasing": phrasing,
            "own_phrasing": own,
            "topic_phrasing": topic,
            "exact": float(phrasing >= EXACT),
            "heading": _heading_feature(hit, similar, filler),
            "summary": float(summary),
            "definition": float(asks_definition and summary),
            "comparison": float(doc is not None and bool(doc.compare)),
            "command": float(hit.slug in named),
            "error": shares.get((hit.slug, hit.anchor), 0.0),
            "prefer": float(hit.slug == prefer),
            "avoid": float(avoid == (hit.slug, hit.anchor)),
            "association": linked.strength_of(weighed, hit.slug, hit.anchor),
            "pairs": rarity.weight(asked_pairs, hit) if rarity is not None else 0.0,
            "unknown": unknown,
            "long": long,
        }
        candidates.append(Candidate(hit, values, closest))
    return candidates

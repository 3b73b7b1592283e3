"""Order candidate sections: match more of the question, and prefer what instructors said fits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge.analysis import stem_word, tokenize
from ..knowledge.catalog import Catalog
from ..knowledge.index import Hit
from ..knowledge.search import QueryPlan, coverage

DEFINITION_RE = re.compile(
    r"^\s*(?:(?:what(?:'?s| is| are)|define|meaning of|explain)\b"
    r"|what (?:does|do) .+ (?:do|mean)\W*$)",
    re.I,
)
DEFINITION_BONUS = 1.3
COMPARISON_RE = re.compile(r"\b(vs\.?|versus|differen\w*|compar\w*|distinguish\w*)\b", re.I)
COMPARISON_BONUS = 1.5  # a comparison topic, when the question asks for a comparison
PHRASING_WEIGHT = 1.5  # a topic whose alternate questions read like this one
HEADING_WEIGHT = 0.8  # a section whose heading reads like this question


@dataclass(frozen=True)
class Ranked:
    hit: Hit
    score: float
    coverage: float


@lru_cache(maxsize=8192)
def word_set(text: str) -> frozenset[str]:
    """Stemmed words of a sentence, filler included: phrasing matters when comparing questions."""
    return frozenset(stem_word(t) for t in tokenize(text))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two word sets."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def phrasing_match(words: frozenset[str], slug: str, catalog: Catalog) -> float:
    doc = catalog.get(slug)
    if doc is None or not doc.questions:
        return 0.0
    return max(similarity(words, word_set(q)) for q in doc.questions)


PREFER_BONUS = 1.5  # the topic a follow-up leans on
AVOID_FACTOR = 0.3  # the section just given, when the learner asks for more


def rank(
    question: str,
    plan: QueryPlan,
    hits: list[Hit],
    catalog: Catalog,
    prefer: str | None = None,
    avoid: tuple[str, str] | None = None,
) -> list[Ranked]:
    """Candidates best first; the score mixes BM25F, coverage and phrasing similarity."""
    definition = bool(DEFINITION_RE.match(question))
    comparing = bool(COMPARISON_RE.search(question))
    words = word_set(question)
    phrasing = {slug: phrasing_match(words, slug, catalog) for slug in {h.slug for h in hits}}
    ranked = []
    for hit in hits:
        share = coverage(plan, hit)
        score = hit.score * (0.25 + share) ** 2
        score *= 1 + PHRASING_WEIGHT * phrasing[hit.slug] ** 2
        if hit.anchor:
            score *= 1 + HEADING_WEIGHT * similarity(words, word_set(hit.heading)) ** 2
        elif definition:
            score *= DEFINITION_BONUS
        topic = catalog.get(hit.slug)
        if comparing and topic is not None and topic.compare:
            score *= COMPARISON_BONUS
        if hit.slug == prefer:
            score *= PREFER_BONUS
        if avoid == (hit.slug, hit.anchor):
            score *= AVOID_FACTOR
        ranked.append(Ranked(hit, score, share))
    return sorted(ranked, key=lambda r: -r.score)

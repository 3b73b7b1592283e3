"""How alike two questions are, with rare words counting most (IDF-weighted cosine).

"What is an image?" is closer to "What is a Docker image?" than to "What is a dangling image?":
the second phrasing's extra word is rare, so it counts against the match; "docker" is everywhere
and costs almost nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import lru_cache

from ..knowledge.analysis import stem_word, tokenize
from ..knowledge.search import SHOUTED_RE

Weigh = Callable[[str], float]


@lru_cache(maxsize=16384)
def content_stems(text: str, filler: frozenset[str]) -> frozenset[str]:
    """The stems of a sentence's words, filler left out, unless written in capitals ("FROM",
    "ADD": Dockerfile instructions, as the query keeps them too)."""
    shouted = {w.lower() for w in SHOUTED_RE.findall(text)}
    return frozenset(stem_word(t) for t in tokenize(text) if t not in filler or t in shouted)


def asked_stems(plan) -> frozenset[str]:
    """The stems a question asks about, typos fixed: the words of its asking part."""
    return frozenset(s for g in plan.groups if g.emphasis >= 1.0 for s in g.stems)


def cosine(a: frozenset[str], b: frozenset[str], weigh: Weigh) -> float:
    """IDF-weighted cosine of two stem sets: shared weight over the geometric mean of both."""
    if not a or not b:
        return 0.0
    shared = sum(weigh(s) ** 2 for s in a & b)
    if not shared:
        return 0.0
    norm_a = sum(weigh(s) ** 2 for s in a)
    norm_b = sum(weigh(s) ** 2 for s in b)
    return shared / math.sqrt(norm_a * norm_b)


def best_match(
    question: frozenset[str], phrasings: Iterable[tuple[str, frozenset[str]]], weigh: Weigh
) -> tuple[float, str | None]:
    """(similarity, phrasing) of the phrasing closest to the question."""
    best, closest = 0.0, None
    for text, stems in phrasings:
        score = cosine(question, stems, weigh)
        if score > best:
            best, closest = score, text
    return best, closest

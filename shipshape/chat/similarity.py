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
    question, weigher, memo = _recent[0]
    if question is not a or weigher is not weigh:
        memo = {}
        _recent[0] = (a, weigh, memo)  # one tuple, swapped whole: safe between threads
    kept = memo.get(id(b))
    if kept is not None and kept[0] is b:
        return kept[1]
    shared = sum(weigh(s) ** 2 for s in a & b)
    value = shared / math.sqrt(squared_norm(a, weigh) * squared_norm(b, weigh)) if shared else 0.0
    memo[id(b)] = (b, value)
    return value


# The question's cosines with the phrasings already compared: the ranker compares it with the
# same topic phrasings for every section of a topic. Kept for the latest question only.
_recent: list[tuple] = [(None, None, {})]


MAX_NORMS = 50_000
_NORMS: dict[int, tuple[Weigh, dict[int, tuple[frozenset[str], float]]]] = {}


def squared_norm(stems: frozenset[str], weigh: Weigh) -> float:
    """The sum of a stem set's squared weights, remembered per weigher and per set object: a
    phrasing's set is compared with hundreds of questions. By identity, not equality, because
    equal sets may hold their stems in another order, and a sum in another order can differ in
    its last bit."""
    memo = _norms_of(weigh)
    kept = memo.get(id(stems))
    if kept is not None and kept[0] is stems:
        return kept[1]
    value = sum(weigh(s) ** 2 for s in stems)
    if len(memo) >= MAX_NORMS:
        memo.clear()
    memo[id(stems)] = (stems, value)  # the set is kept, so its id cannot be reused meanwhile
    return value


def _norms_of(weigh: Weigh) -> dict[int, tuple[frozenset[str], float]]:
    kept = _NORMS.get(id(weigh))
    if kept is None or kept[0] is not weigh:
        _NORMS.clear()  # a new weigher means new weights: the old norms are stale
        kept = _NORMS[id(weigh)] = (weigh, {})
    return kept[1]


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

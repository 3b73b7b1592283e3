"""How telling a word is, per index generation: rare across sections weighs more."""

from __future__ import annotations

from ..knowledge.index import TopicIndex
from ..knowledge.search import TEXT_FIELDS, term_weight
from .similarity import Weigh

UBIQUITOUS = 0.9  # a word in nine sections of ten ("docker") tells no phrasing from another
FLOOR = 0.05  # nothing: "What is a container?" asks what "What is a Docker container?" asks
_CACHE: dict[tuple, Weigh] = {}


def term_weigher(index: TopicIndex) -> Weigh:
    """A stem -> weight function, one per state of the index (the same object while its generation
    and version hold, so what is worked out from its weights can be remembered with it)."""
    key = (id(index), index.state)
    found = _CACHE.get(key)
    if found is None:
        _CACHE.clear()  # one generation at a time: the old weights are stale
        found = _CACHE[key] = _weigher(index)
    return found


def _weigher(index: TopicIndex) -> Weigh:
    weights: dict[str, float] = {}

    def weigh(stem: str) -> float:
        found = weights.get(stem)
        if found is None:
            found = weights[stem] = FLOOR if everywhere(index, stem) else term_weight(index, stem)
        return found

    return weigh


def everywhere(index: TopicIndex, stem: str) -> bool:
    total = index.doc_count()
    return (
        total > 20 and max(index.doc_frequency(f, stem) for f in TEXT_FIELDS) >= UBIQUITOUS * total
    )

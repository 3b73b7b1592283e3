"""How telling a word is, per index generation: rare across sections weighs more."""

from __future__ import annotations

from ..knowledge.index import TopicIndex
from ..knowledge.search import term_weight
from .similarity import Weigh

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
            found = weights[stem] = term_weight(index, stem)
        return found

    return weigh

"""How telling a word is, per index generation: rare across sections weighs more."""

from __future__ import annotations

from ..knowledge.index import TopicIndex
from ..knowledge.search import term_weight
from .similarity import Weigh

_CACHE: dict[tuple, dict[str, float]] = {}


def term_weigher(index: TopicIndex) -> Weigh:
    """A stem -> weight function, remembered while the index's generation and version hold."""
    key = (id(index), index.state)
    weights = _CACHE.get(key)
    if weights is None:
        _CACHE.clear()  # one generation at a time: the old weights are stale
        weights = _CACHE.setdefault(key, {})

    def weigh(stem: str) -> float:
        found = weights.get(stem)
        if found is None:
            found = weights[stem] = term_weight(index, stem)
        return found

    return weigh

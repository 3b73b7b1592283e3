"""Which question words go with which heading words, learned from the phrasings instructors wrote.

A phrasing is a learner's way of asking what its section's heading names. Across all of them,
"disappear" keeps company with headings that say "data" and "volume", "forever" with "stop": the
pointwise mutual information of a phrasing's word and its heading's word. A question then leans
towards sections whose heading holds words its own words go with, even when no phrasing of that
very section uses them.
"""

from __future__ import annotations

import math
from collections import Counter

from ..knowledge.catalog import Catalog
from ..knowledge.topicfile import answer_sections
from .per_catalog import PerCatalog
from .similarity import Weigh, content_stems

MIN_TOGETHER = 2  # word pairs seen together fewer times than this are chance


class Associations:
    def __init__(self, catalog: Catalog, filler: frozenset[str]):
        pairs: list[tuple[frozenset[str], frozenset[str]]] = []
        self.keys: dict[tuple[str, str], frozenset[str]] = {}
        for doc in catalog.topics.values():
            title = content_stems(doc.title, filler)
            self.keys[doc.slug, ""] = title
            pairs += [(content_stems(q, filler), title) for q in doc.questions]
            for section in answer_sections(doc):
                key = title | content_stems(section.heading, filler)
                self.keys[doc.slug, section.anchor] = key
                pairs += [
                    (content_stems(q, filler), key) for q in doc.questions_for(section.anchor)
                ]
        asked, named, together = Counter(), Counter(), Counter()
        for words, key in pairs:
            asked.update(words)
            named.update(key)
            together.update((w, k) for w in words for k in key if w != k)
        n = len(pairs) or 1
        self.pmi: dict[str, dict[str, float]] = {}
        for (w, k), c in together.items():
            if c >= MIN_TOGETHER:
                value = math.log(c * n / (asked[w] * named[k]))
                if value > 0:
                    self.pmi.setdefault(w, {})[k] = value

    def weighed(self, words: frozenset[str], weigh: Weigh) -> list[tuple[float, dict]]:
        """The question's words as (weight, the heading words each goes with): worked out once
        per question, then read for every candidate."""
        return [(weigh(w), self.pmi.get(w, {})) for w in words]

    def strength(self, words: frozenset[str], slug: str, anchor: str, weigh: Weigh) -> float:
        """The weighted mean, over the question's words, of the best association with a word of
        the section's heading (and its topic's title)."""
        return self.strength_of(self.weighed(words, weigh), slug, anchor)

    def strength_of(self, weighed: list[tuple[float, dict]], slug: str, anchor: str) -> float:
        """strength() for a question already weighed()."""
        key = self.keys.get((slug, anchor))
        total = sum(weight for weight, _ in weighed)
        if not key or not total:
            return 0.0
        found = sum(
            weight * max((links.get(k, 0.0) for k in key), default=0.0)
            for weight, links in weighed
            if links
        )
        return found / total


_KEPT: PerCatalog[Associations] = PerCatalog(Associations)


def associations(catalog: Catalog, filler: frozenset[str]) -> Associations:
    """The associations of a catalog, learned once per catalog."""
    return _KEPT.get(catalog, filler)

"""Words a message puts side by side that a section puts side by side too.

"named volume", "exit code" and "build cache" say more together than their words apart: a long
message holds most common words somewhere, and many sections hold them all, but the section
about its subject holds the same pairs of words close together. A pair counts for how few
sections hold it, so "docker run" or "container image" count for little and "layer cache" or
"named volume" for much. Pairs are unordered and skip filler ("the cache of the build" pairs
"cache" with "build").
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..knowledge.analysis import stem_word, tokenize
from ..knowledge.catalog import Catalog
from ..knowledge.documents import section_body
from ..knowledge.index import Hit
from ..knowledge.topicfile import answer_sections
from .per_catalog import PerCatalog
from .reading import SHORT, Question

QUESTION_REACH = 2  # a message's pairs: words at most this far apart, filler left out
SECTION_REACH = 3  # a section holds a pair when its words are at most this far apart

Pair = tuple[str, str]


def word_pairs(text: str, filler: frozenset[str], reach: int) -> frozenset[Pair]:
    """The unordered pairs of stems at most `reach` words apart; filler and single letters are
    left out before counting the distance."""
    stems = [stem_word(t) for t in tokenize(text) if len(t) > 1 and t not in filler]
    pairs = set()
    for i, first in enumerate(stems):
        for second in stems[i + 1 : i + 1 + reach]:
            if first != second:
                pairs.add((first, second) if first < second else (second, first))
    return frozenset(pairs)


def message_pairs(texts: tuple[str, ...], filler: frozenset[str]) -> frozenset[Pair]:
    """The pairs a message holds in any of its parts; no pair spans two parts."""
    return frozenset().union(*(word_pairs(t, filler, QUESTION_REACH) for t in texts))


def story_pairs(question: Question, filler: frozenset[str]) -> frozenset[Pair]:
    """The pairs of a message whose own words (not what it pastes) tell a story. In a short
    question every word is near every other, so its pairs say nothing more; and words beside a
    paste are answered as they would be alone."""
    told = question.told
    return message_pairs(told, filler) if sum(map(len, told)) > SHORT else frozenset()


@lru_cache(maxsize=4096)
def _section_pairs(texts: tuple[str, ...], filler: frozenset[str]) -> frozenset[int]:
    """A section's pairs, as hashes; kept, so that a catalog rebuilt after an edit works out
    again only the sections that changed."""
    pairs = (word_pairs(t, filler, SECTION_REACH) for t in texts)
    return frozenset(map(hash, frozenset().union(*pairs)))


@dataclass(frozen=True)
class PairRarity:
    """Each section's pairs, and how many sections hold a pair, counted when first asked. A pair
    is kept as its hash: the bundled sections hold some 134,000, in 13 MB as hashes against
    17 MB as pairs of strings."""

    held: dict[tuple[str, str], frozenset[int]]  # (slug, anchor) -> its pairs' hashes
    counted: dict[int, int] = field(default_factory=dict)  # a pair's hash -> sections holding it

    @classmethod
    def build(cls, catalog: Catalog, filler: frozenset[str]) -> PairRarity:
        held = {}
        for doc in catalog.topics.values():
            for section in answer_sections(doc):
                texts = (
                    f"{doc.title}. {section.heading}. {section_body(doc, section)}",
                    *doc.questions_for(section.anchor),
                )
                held[doc.slug, section.anchor] = _section_pairs(texts, filler)
        return cls(held)

    def weight(self, asked: frozenset[int], hit: Hit) -> float:
        """log(1 + the summed rarity, log(sections / sections holding it), of the asked pairs
        (as `hashed` gives them) the section holds."""
        both = asked & self.held.get((hit.slug, hit.anchor), frozenset())
        rarity = sum(math.log(len(self.held) / self._holding(p)) for p in both)
        return math.log1p(rarity)

    def count_all(self) -> PairRarity:
        """Count every pair now (a worker's warm-up), not when a story first asks for it."""
        self.counted.update(Counter(p for pairs in self.held.values() for p in pairs))
        return self

    def _holding(self, pair: int) -> int:
        count = self.counted.get(pair)
        if count is None:  # a race only counts twice: the same number either way
            count = self.counted[pair] = sum(pair in pairs for pairs in self.held.values())
        return count

    @staticmethod
    def hashed(pairs: frozenset[Pair]) -> frozenset[int]:
        return frozenset(map(hash, pairs))


_KEPT: PerCatalog[PairRarity] = PerCatalog(PairRarity.build)


def pair_rarity(catalog: Catalog, filler: frozenset[str]) -> PairRarity:
    """The pairs of a catalog's sections, worked out once per catalog."""
    return _KEPT.get(catalog, filler)

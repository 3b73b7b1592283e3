"""Every phrasing and heading instructors wrote, searchable by IDF-weighted similarity.

BM25 over whole sections finds the sections that use the question's words; the phrasebook finds
the sections whose phrasings or headings read like the question, even when a word as common as
"image" leaves BM25 with hundreds of equal candidates ("What is an image?").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..knowledge.catalog import Catalog
from ..knowledge.topicfile import answer_sections
from .similarity import Weigh, content_stems, cosine, squared_norm

_BOOKS: dict[int, tuple[Catalog, Phrasebook]] = {}
MARGIN = 1e-9  # far wider than the rounding between numpy's sums and cosine()'s


@dataclass(frozen=True)
class Phrasing:
    slug: str
    anchor: str  # "" for the topic's summary, where a topic-level phrasing lands
    text: str
    stems: frozenset[str]


class Phrasebook:
    def __init__(self, catalog: Catalog, filler: frozenset[str]):
        self.entries: list[Phrasing] = []
        for doc in catalog.topics.values():
            for q in doc.questions:
                self._add(doc.slug, "", q, filler)
            for section in answer_sections(doc):
                self._add(doc.slug, section.anchor, section.heading, filler)
                for q in doc.questions_for(section.anchor):
                    self._add(doc.slug, section.anchor, q, filler)
        self.by_stem: dict[str, list[int]] = {}
        for number, entry in enumerate(self.entries):
            for stem in entry.stems:
                self.by_stem.setdefault(stem, []).append(number)
        self._numbers = {stem: np.array(n, dtype=np.int64) for stem, n in self.by_stem.items()}
        self._norms: tuple[Weigh, np.ndarray] | None = None  # per weigher: per index state

    def _add(self, slug: str, anchor: str, text: str, filler: frozenset[str]) -> None:
        stems = content_stems(text, filler)
        if stems:
            self.entries.append(Phrasing(slug, anchor, text, stems))

    def closest(self, words: frozenset[str], weigh: Weigh, limit: int) -> list[Phrasing]:
        """The sections whose phrasings read most like the question, one phrasing each."""
        shared = self._shortlist(words, weigh, limit)
        scored = sorted(((cosine(words, self.entries[n].stems, weigh), n) for n in shared),
                        reverse=True)  # fmt: skip
        found: dict[tuple[str, str], Phrasing] = {}
        for _, number in scored:
            entry = self.entries[number]
            found.setdefault((entry.slug, entry.anchor), entry)
            if len(found) == limit:
                break
        return list(found.values())

    def _shortlist(self, words: frozenset[str], weigh: Weigh, limit: int) -> list[int]:
        """The entries sharing a stem with the question that can be among those `closest` walks
        through: the cosines worked out at once with numpy, then every entry within a hair of
        the one that completes `limit` sections. `closest` scores just these with cosine()."""
        total = np.zeros(len(self.entries))
        for stem in words:
            numbers = self._numbers.get(stem)
            if numbers is not None:
                total[numbers] += weigh(stem) ** 2
        found = np.flatnonzero(total)
        if not len(found) or limit < 1:
            return found.tolist()
        approx = total[found] / np.sqrt(squared_norm(words, weigh) * self._norms_of(weigh)[found])
        sections: set[tuple[str, str]] = set()
        for position in np.argsort(-approx, kind="stable"):
            entry = self.entries[found[position]]
            sections.add((entry.slug, entry.anchor))
            if len(sections) == limit:
                return found[approx >= approx[position] - MARGIN].tolist()
        return found.tolist()

    def _norms_of(self, weigh: Weigh) -> np.ndarray:
        kept = self._norms
        if kept is None or kept[0] is not weigh:
            norms = np.array([squared_norm(e.stems, weigh) for e in self.entries])
            kept = self._norms = (weigh, norms)
        return kept[1]


def phrasebook(catalog: Catalog, filler: frozenset[str]) -> Phrasebook:
    """The phrasebook of a catalog, built once per catalog (a new one per content version)."""
    kept = _BOOKS.get(id(catalog))
    if kept is None or kept[0] is not catalog:
        if len(_BOOKS) > 4:
            _BOOKS.clear()
        kept = _BOOKS[id(catalog)] = (catalog, Phrasebook(catalog, filler))
    return kept[1]

"""Every phrasing and heading instructors wrote, searchable by IDF-weighted similarity.

BM25 over whole sections finds the sections that use the question's words; the phrasebook finds
the sections whose phrasings or headings read like the question, even when a word as common as
"image" leaves BM25 with hundreds of equal candidates ("What is an image?").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge.catalog import Catalog
from ..knowledge.topicfile import answer_sections
from .similarity import Weigh, content_stems, cosine

_BOOKS: dict[int, tuple[Catalog, Phrasebook]] = {}


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

    def _add(self, slug: str, anchor: str, text: str, filler: frozenset[str]) -> None:
        stems = content_stems(text, filler)
        if stems:
            self.entries.append(Phrasing(slug, anchor, text, stems))

    def closest(self, words: frozenset[str], weigh: Weigh, limit: int) -> list[Phrasing]:
        """The sections whose phrasings read most like the question, one phrasing each."""
        shared = {n for stem in words for n in self.by_stem.get(stem, ())}
        scored = sorted(((cosine(words, self.entries[n].stems, weigh), n) for n in shared),
                        reverse=True)  # fmt: skip
        found: dict[tuple[str, str], Phrasing] = {}
        for _, number in scored:
            entry = self.entries[number]
            found.setdefault((entry.slug, entry.anchor), entry)
            if len(found) == limit:
                break
        return list(found.values())


def phrasebook(catalog: Catalog, filler: frozenset[str]) -> Phrasebook:
    """The phrasebook of a catalog, built once per catalog (a new one per content version)."""
    kept = _BOOKS.get(id(catalog))
    if kept is None or kept[0] is not catalog:
        if len(_BOOKS) > 4:
            _BOOKS.clear()
        kept = _BOOKS[id(catalog)] = (catalog, Phrasebook(catalog, filler))
    return kept[1]

"""Every phrasing and heading instructors wrote, searchable by IDF-weighted similarity.

BM25 over whole sections finds the sections that use the question's words; the phrasebook finds
the sections whose phrasings or headings read like the question, even when a word as common as
"image" leaves BM25 with hundreds of equal candidates ("What is an image?").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..knowledge.catalog import Catalog
from ..knowledge.topicfile import answer_sections
from .per_catalog import PerCatalog
from .similarity import Weigh, content_stems, cosine, squared_norm

MARGIN = 1e-9  # far wider than the rounding between numpy's sums and cosine()'s


TOPIC, SECTION, HEADING = "topic", "section", "heading"  # what wrote a phrasing


@dataclass(frozen=True)
class Phrasing:
    slug: str
    anchor: str  # "" for the topic's summary, where a topic-level phrasing lands
    text: str
    stems: frozenset[str]
    kind: str = SECTION  # TOPIC: the topic's own phrasings; HEADING: a section's heading


class Phrasebook:
    def __init__(self, catalog: Catalog, filler: frozenset[str]):
        self.entries: list[Phrasing] = []
        for doc in catalog.topics.values():
            for q in doc.questions:
                self._add(Phrasing(doc.slug, "", q, content_stems(q, filler), TOPIC))
            for section in answer_sections(doc):
                heading = section.heading
                self._add(Phrasing(doc.slug, section.anchor, heading,
                                   content_stems(heading, filler), HEADING))  # fmt: skip
                for q in doc.questions_for(section.anchor):
                    self._add(Phrasing(doc.slug, section.anchor, q, content_stems(q, filler)))
        self.by_stem: dict[str, list[int]] = {}
        groups: dict[tuple[str, str, str], list[int]] = {}
        for number, entry in enumerate(self.entries):
            for stem in entry.stems:
                self.by_stem.setdefault(stem, []).append(number)
            groups.setdefault((entry.kind, entry.slug, entry.anchor), []).append(number)
        self._numbers = {stem: np.array(n, dtype=np.int64) for stem, n in self.by_stem.items()}
        self.groups = {key: np.array(n, dtype=np.int64) for key, n in groups.items()}
        self.group_number = {key: number for number, key in enumerate(groups)}
        self.group_entries = list(groups.values())  # by group number, each in its own order
        self._places = [(entry.slug, entry.anchor) for entry in self.entries]  # by entry number
        self._norms: tuple[Weigh, np.ndarray, list[float]] | None = None  # per weigher

    def _add(self, entry: Phrasing) -> None:
        if entry.stems:  # a phrasing of filler alone is like no question
            self.entries.append(entry)

    def similarities(self, words: frozenset[str], weigh: Weigh) -> Similarities:
        """The question's similarity to every phrasing and heading, worked out at once."""
        return Similarities(self, words, weigh, self._shared(words, weigh))

    def closest(
        self, words: frozenset[str], weigh: Weigh, limit: int, shared: np.ndarray | None = None
    ) -> list[Phrasing]:
        """The sections whose phrasings read most like the question, one phrasing each.
        `shared`: the question's shared weights, when worked out already (Similarities.shared)."""
        if shared is None:
            shared = self._shared(words, weigh)
        listed = self._shortlist(words, weigh, limit, shared)
        scored = sorted(((cosine(words, self.entries[n].stems, weigh), n) for n in listed),
                        reverse=True)  # fmt: skip
        found: dict[tuple[str, str], Phrasing] = {}
        for _, number in scored:
            entry = self.entries[number]
            found.setdefault((entry.slug, entry.anchor), entry)
            if len(found) == limit:
                break
        return list(found.values())

    def _shared(self, words: frozenset[str], weigh: Weigh) -> np.ndarray:
        """Per entry, the summed squared weight of the stems it shares with the question."""
        total = np.zeros(len(self.entries))
        for stem in words:
            numbers = self._numbers.get(stem)
            if numbers is not None:
                total[numbers] += weigh(stem) ** 2
        return total

    def _shortlist(
        self, words: frozenset[str], weigh: Weigh, limit: int, total: np.ndarray
    ) -> list[int]:
        """The entries sharing a stem with the question that can be among those `closest` walks
        through: the cosines worked out at once with numpy, then every entry within a hair of
        the one that completes `limit` sections. `closest` scores just these with cosine()."""
        found = np.flatnonzero(total)
        if not len(found) or limit < 1:
            return found.tolist()
        norms = self._norms_of(weigh)[0]
        approx = total[found] / np.sqrt(squared_norm(words, weigh) * norms[found])
        order = np.argsort(-approx, kind="stable")
        places, sections = self._places, set()
        for position, number in enumerate(found[order].tolist()):
            sections.add(places[number])
            if len(sections) == limit:
                return found[approx >= approx[order[position]] - MARGIN].tolist()
        return found.tolist()

    def _norms_of(self, weigh: Weigh) -> tuple[np.ndarray, list[float]]:
        """Each entry's squared norm under the weigher, as an array and as Python floats."""
        kept = self._norms
        if kept is None or kept[0] is not weigh:
            norms = [squared_norm(e.stems, weigh) for e in self.entries]
            kept = self._norms = (weigh, np.array(norms), norms)
        return kept[1], kept[2]


class Similarities:
    """One question's IDF-weighted cosine to the phrasings and headings of the phrasebook, for the
    ranker's features: a section's best own phrasing, its topic's, its heading. Worked out group
    by group as the ranker asks (a few dozen groups of hundreds). numpy sums the shared weights
    in another order than cosine() does, so a value may differ from cosine()'s in its last bit."""

    def __init__(self, book: Phrasebook, words: frozenset[str], weigh: Weigh, shared: np.ndarray):
        self.book, self.words, self.weigh, self.shared = book, words, weigh, shared
        self._norm = squared_norm(words, weigh)
        self._norms = book._norms_of(weigh)[1]
        self._groups: dict[int, tuple[float, int | None]] = {}

    def best(self, kind: str, slug: str, anchor: str) -> tuple[float, str | None]:
        """(similarity, text) of the closest phrasing of that kind written for that place:
        the first of equals, as written; (0.0, None) when none shares a word."""
        group = self.book.group_number.get((kind, slug, anchor))
        if group is None:
            return 0.0, None
        found = self._groups.get(group)
        if found is None:
            found = self._groups[group] = self._best_of(group)
        score, number = found
        return (score, self.book.entries[number].text) if number is not None else (0.0, None)

    def _best_of(self, group: int) -> tuple[float, int | None]:
        """(the best score, the first entry as written reaching it) of a group; (0.0, None) when
        no entry shares a word with the question."""
        best, first = 0.0, None
        if not self._norm:
            return best, first
        for number in self.book.group_entries[group]:
            shared = float(self.shared[number])
            if shared:
                score = shared / math.sqrt(self._norm * self._norms[number])
                if score > best:
                    best, first = score, number
        return best, first

    def closest(self, limit: int) -> list[Phrasing]:
        return self.book.closest(self.words, self.weigh, limit, self.shared)


_BOOKS: PerCatalog[Phrasebook] = PerCatalog(Phrasebook)


def phrasebook(catalog: Catalog, filler: frozenset[str]) -> Phrasebook:
    """The phrasebook of a catalog, built once per catalog (a new one per content version)."""
    return _BOOKS.get(catalog, filler)

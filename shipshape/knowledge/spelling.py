"""The index's own words within a few edits of a typo, most frequent first.

The words and their numbers of sections are what a Whoosh field of the sections' words held
(`segment_words.py` keeps them per segment). Whoosh answered `terms_within` on that field by
building a Levenshtein automaton for every word asked about, which costs more than a whole search.
The same words come from the word list, read once per searcher and grouped by first letter,
compared with RapidFuzz's edit distances: the one Whoosh applies to that kind of reader (a single
segment walks a Levenshtein automaton; several segments compare by optimal string alignment, a
swap of two letters being one edit).
"""

from __future__ import annotations

from pathlib import Path

from rapidfuzz.distance import OSA, Levenshtein

from .segment_words import index_counts

PREFIX = 1  # a typo rarely changes the first letter: words that start otherwise are not asked


class WordList:
    """The words of one searcher's sections, by first letter, in index order, with the number of
    sections holding each; `folder` is the index folder, where each segment's counts are kept."""

    def __init__(self, searcher, folder: Path):
        self._reader = searcher.reader()
        self._folder = folder
        self._distance = Levenshtein.distance if self._reader.is_atomic() else OSA.distance
        self._by_start: dict[str, list[str]] | None = None
        self._frequency: dict[str, int] = {}

    def prime(self) -> None:
        """Read the word list now rather than at the first typo."""
        if self._by_start is None:
            self._frequency = index_counts(self._folder, self._reader)
            groups: dict[str, list[str]] = {}
            for word in sorted(self._frequency):  # lowercase ASCII: the order of Whoosh's lexicon
                groups.setdefault(word[:PREFIX], []).append(word)
            self._by_start = groups

    def frequency(self, word: str) -> int:
        """The number of sections holding the word (deleted ones until a merge, as Whoosh
        counts), 0 for a word the index does not know."""
        self.prime()
        return self._frequency.get(word, 0)

    def similar(self, word: str, maxdist: int) -> list[tuple[str, int]]:
        """(word, number of sections holding it) within `maxdist` edits, the word itself left
        out, most frequent first (equals in index order), as Whoosh's terms_within gives them."""
        self.prime()
        distance = self._distance
        found = [
            known
            for known in self._by_start.get(word[:PREFIX], ())
            if abs(len(known) - len(word)) <= maxdist
            and distance(word, known, score_cutoff=maxdist) <= maxdist
            and known != word
        ]
        ranked = [(known, self._frequency[known]) for known in found]
        return sorted(ranked, key=lambda pair: -pair[1])

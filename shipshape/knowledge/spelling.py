"""The index's own words within a few edits of a typo, most frequent first.

Whoosh answers `terms_within` by building a Levenshtein automaton for every word asked about,
which costs more than a whole search. The same words come from the field's word list, read once
per searcher and grouped by first letter, compared with RapidFuzz's edit distances: the one
Whoosh applies to that kind of reader (a single segment walks a Levenshtein automaton; several
segments compare by optimal string alignment, a swap of two letters being one edit).
"""

from __future__ import annotations

from rapidfuzz.distance import OSA, Levenshtein

FIELD = "words"
PREFIX = 1  # a typo rarely changes the first letter: words that start otherwise are not asked


class WordList:
    """The words of the typo field of one searcher, by first letter, in index order, with the
    number of sections holding each."""

    def __init__(self, searcher):
        self._reader = searcher.reader()
        self._distance = Levenshtein.distance if self._reader.is_atomic() else OSA.distance
        self._by_start: dict[str, list[str]] | None = None
        self._frequency: dict[str, int] = {}

    def prime(self) -> None:
        """Read the word list now rather than at the first typo."""
        if self._by_start is None:
            groups: dict[str, list[str]] = {}
            for term, info in self._reader.iter_field(FIELD):
                word = term.decode() if isinstance(term, bytes) else term
                groups.setdefault(word[:PREFIX], []).append(word)
                self._frequency[word] = info.doc_frequency()
            self._by_start = groups

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

"""Whoosh's BM25F score of every section for one word in one field, remembered per searcher.

The chat's query is a flat OR of boosted terms, so a section's score is the sum, over the terms,
of the term's boost times the BM25F score Whoosh gives the section for it. Whoosh works every
posting out again in pure Python on each search; here a term's postings are read and scored by
Whoosh once per index state (a searcher lives exactly as long as one), and a query adds up the
remembered scores with numpy.
"""

from __future__ import annotations

import time

import numpy as np
from whoosh.query import Or, Query, Term
from whoosh.scoring import BM25FScorer, bm25

MAX_POSTINGS = 4_000_000  # about 50 MB of section numbers and scores; past it, start over
MAX_REMEMBERED = 200_000  # document frequencies, section numbers: past it, start over
_NONE = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


class OutOfTime(Exception):
    """Scoring ran past its deadline."""


def flat_terms(query: Query) -> list[tuple[str, str, float]] | None:
    """(field, text, boost) of each clause of a flat OR of terms; None for any other query."""
    if type(query) is Term:
        return [(query.fieldname, query.text, query.boost)]
    if type(query) is not Or or query.scale or query.boost != 1.0:
        return None
    if any(type(sub) is not Term or sub.minquality for sub in query.subqueries):
        return None
    return [(sub.fieldname, sub.text, sub.boost) for sub in query.subqueries]


class TermScores:
    """What one searcher was asked about: terms' scored postings and document frequencies, and
    sections' numbers."""

    def __init__(self, searcher):
        self._searcher = searcher
        self._memo: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
        self._size = 0
        self._frequencies: dict[tuple[str, str], int] = {}
        self._listed: set[str] = set()  # fields whose every term _frequencies holds (prime)
        self._lengths: dict[tuple[int, str], np.ndarray] = {}
        self._numbers: dict[str, int | None] = {}

    def section_number(self, ident: str) -> int | None:
        """The number of the section `slug#anchor`, None when there is none."""
        if ident not in self._numbers:
            if len(self._numbers) >= MAX_REMEMBERED:
                self._numbers.clear()
            self._numbers[ident] = self._searcher.document_number(id=ident)
        return self._numbers[ident]

    def know_section(self, ident: str, number: int) -> None:
        """Remember a section's number, learnt from its stored fields."""
        if len(self._numbers) < MAX_REMEMBERED:
            self._numbers[ident] = number

    def doc_frequency(self, field: str, text: str) -> int:
        """Whoosh's document frequency of a term (typo checks and rarity ask for many)."""
        key = (field, text)
        found = self._frequencies.get(key)
        if found is None:
            if field in self._listed:
                return 0  # not one of the field's terms, all of which prime listed
            if len(self._frequencies) >= MAX_REMEMBERED:
                self._frequencies.clear()
                self._listed.clear()
            found = self._frequencies[key] = self._searcher.doc_frequency(field, text)
        return found

    def postings(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(section numbers, Whoosh's BM25F score of each) for a term; empty when unknown."""
        key = (field, text)
        found = self._memo.get(key)
        if found is None:
            if field in self._listed and key not in self._frequencies:
                return _NONE  # not one of the field's terms: no need to ask the index
            found = self._read(field, text)
            if self._size + len(found[0]) > MAX_POSTINGS:
                self._memo.clear()
                self._size = 0
            self._memo[key] = found
            self._size += len(found[0])
        return found

    def prime(self, fields: tuple[str, ...], deadline: float) -> int:
        """List the fields' terms with their document frequencies, then read and score their
        postings, the longest lists first, until the deadline (time.monotonic()); the number of
        terms read. Per index state, so that no ask after it reads the index's files."""
        terms = []
        for field in (f for f in fields if f in self._searcher.schema):
            from_bytes = self._searcher.schema[field].from_bytes
            for word, info in self._searcher.reader().iter_field(field):
                terms.append((info.doc_frequency(), field, from_bytes(word)))
        terms.sort(key=lambda term: -term[0])
        if len(self._frequencies) + len(terms) < MAX_REMEMBERED:
            self._frequencies.update(((field, text), df) for df, field, text in terms)
            # From now on a word missing from these fields is known to be missing: questions
            # are full of them, and each would cost a lookup in the index's files.
            self._listed.update(f for f in fields if f in self._searcher.schema)
        for done, (_, field, text) in enumerate(terms):
            if time.monotonic() > deadline:
                return done
            self.postings(field, text)
        return len(terms)

    def _read(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """What Term(field, text).matcher() would score, segment by segment (deletions left out)."""
        searcher = self._searcher
        if field not in searcher.schema:
            return _NONE
        try:
            word = searcher.schema[field].to_bytes(text)
        except ValueError:
            return _NONE
        numbers, scores = [], []
        for leaf, offset in searcher.leaf_searchers():
            reader = leaf.reader()
            if (field, word) not in reader:
                continue  # as Term.matcher() asks first: an empty index has no idf to work out
            scorer = searcher.weighting.scorer(leaf, field, word)
            matcher = reader.postings(field, word, scorer=scorer)
            ids, found = self._leaf_scores(leaf, field, scorer, matcher)
            numbers.append(ids + offset)
            scores.append(found)
        if not numbers:
            return _NONE
        return np.concatenate(numbers), np.concatenate(scores)

    def _leaf_scores(self, leaf, field: str, scorer, matcher) -> tuple[np.ndarray, np.ndarray]:
        """One segment's postings of a term and their scores. For BM25F, Whoosh's own bm25()
        with the scorer's own figures, given arrays of weights and field lengths instead of one
        posting at a time (the same arithmetic, so the same bits); else the matcher's score()."""
        ids: list[int] = []
        values: list[float] = []
        fast = type(scorer) is BM25FScorer
        while matcher.is_active():
            ids.append(matcher.id())
            values.append(matcher.weight() if fast else matcher.score())
            matcher.next()
        numbers = np.array(ids, dtype=np.int64)
        if not fast:
            return numbers, np.array(values, dtype=np.float64)
        lengths = self._field_lengths(leaf, field)[numbers]
        weights = np.array(values, dtype=np.float64)
        return numbers, bm25(scorer.idf, weights, lengths, scorer.avgfl, scorer.B, scorer.K1)

    def _field_lengths(self, leaf, field: str) -> np.ndarray:
        """Every section's length in a field, as BM25F's scorer reads it, per segment."""
        key = (id(leaf), field)
        found = self._lengths.get(key)
        if found is None:
            reader = leaf.reader()
            found = np.array(
                [reader.doc_field_length(n, field, 1) or 0 for n in range(reader.doc_count_all())],
                dtype=np.float64,
            )
            self._lengths[key] = found
        return found

    def rank(
        self, clauses: list[tuple[str, str, float]], deadline: float, limit: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """(the `limit` best section numbers, best first, ties to the lower number as in Whoosh;
        every section's score) for a flat OR of the clauses. Raise OutOfTime past the deadline."""
        numbers, products = [], []
        for field, text, boost in clauses:
            found, scores = self.postings(field, text)
            numbers.append(found)
            # boost * score: the product Whoosh's WrappingMatcher makes
            products.append(scores * boost if boost != 1.0 else scores)
            if time.monotonic() > deadline:
                raise OutOfTime
        size = self._searcher.doc_count_all()
        if not numbers:
            return np.zeros(0, dtype=np.int64), np.zeros(size)
        every = np.concatenate(numbers)
        # bincount adds in input order, so each section's score is summed clause by clause from
        # zero, as Whoosh's array union does
        total = np.bincount(every, weights=np.concatenate(products), minlength=size)
        present = np.zeros(size, dtype=bool)
        present[every] = True
        found = np.flatnonzero(present)  # np.unique(every), without sorting every posting
        return _best(found, total[found], limit), total


def _best(numbers: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
    """The `limit` best numbers by score, then by number: all the tied at the cut are sorted."""
    if len(numbers) > limit > 0:
        cut = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        keep = scores >= cut
        numbers, scores = numbers[keep], scores[keep]
    return numbers[np.lexsort((numbers, -scores))][: max(limit, 0)]

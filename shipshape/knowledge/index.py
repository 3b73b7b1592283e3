"""The Whoosh index of topic sections: a cache of the database, rebuilt whole or per topic."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from whoosh import index as whoosh_index
from whoosh.collectors import TimeLimit, TimeLimitCollector
from whoosh.query import Query

from .documents import section_documents
from .generations import (
    generation_prefix,
    make_current,
    new_generation,
    read_current,
    read_version,
    remove_generations_but,
    write_version,
)
from .hits import Hit, hit_from_fields, with_score
from .schema import make_schema, write_generation
from .segment_words import FIELD as WORDS_FIELD
from .segment_words import save_counts
from .spelling import WordList
from .term_scores import OutOfTime, TermScores, flat_terms
from .topicfile import TopicDoc

WRITER_TIMEOUT = 30.0
STALE_SHARE = 0.1  # deleted sections, as a share of the index, that make an edit optimize
REMEMBERED = 50_000  # values `remembered` keeps before it starts over
T = TypeVar("T")


class SearchTimeout(Exception):
    """A search ran past its time limit."""


class TopicIndex:
    """One process's handle on the index folder; all access goes through a lock."""

    def __init__(self, root: str | Path, time_limit: float = 0.5):
        self.root = Path(root)
        self.time_limit = time_limit
        self._lock = threading.RLock()
        self._ix = None
        self._searcher = None
        self._scores: TermScores | None = None  # the searcher's scored postings
        self._sections: dict[int, Hit] = {}  # the searcher's sections by number, unscored
        self._words: WordList | None = None  # the searcher's words, for typo correction
        self._generation: str | None = None
        self._writes = 0  # bumped by every change this handle makes or sees
        self._remembered: dict[tuple, object] = {}

    @property
    def state(self) -> tuple[str | None, int]:
        """Changes whenever what a search can find may have changed: for caches keyed on it."""
        return self._generation, self._writes

    # -- opening --------------------------------------------------------------------------
    def open(self) -> bool:
        """Open the current generation; False when there is none or it cannot be read."""
        with self._lock:
            name = read_current(self.root)
            if name is None or not name.startswith(generation_prefix()):
                return False  # none yet, or built by another version of the analysis: rebuild
            if name == self._generation and self._searcher is not None:
                return True
            try:
                ix = whoosh_index.open_dir(str(self.root / name))
                searcher = ix.searcher()
            except Exception:  # a corrupt or half-deleted folder is rebuilt by the caller
                return False
            self._close()
            self._ix, self._generation = ix, name
            self._use(searcher)
            return True

    def _use(self, searcher) -> None:
        """Read through a new searcher: what was remembered about the old one goes with it."""
        self._searcher, self._scores, self._sections = searcher, TermScores(searcher), {}
        self._words = WordList(searcher, self.root / self._generation)
        self._writes += 1

    def is_current(self) -> bool:
        """True while the generation this process reads is still the one in CURRENT."""
        return self._generation is not None and read_current(self.root) == self._generation

    def _close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._ix = self._searcher = self._scores = self._words = self._generation = None
        self._sections = {}

    def close(self) -> None:
        with self._lock:
            self._close()

    # -- versions --------------------------------------------------------------------------
    def applied_version(self) -> int:
        """The content version the index reflects; -1 when there is no index."""
        return -1 if self._generation is None else read_version(self.root / self._generation)

    # -- writing ---------------------------------------------------------------------------
    def rebuild(self, topics: Iterable[TopicDoc], version: int) -> None:
        """Build a fresh generation in a new folder and swap it in whole."""
        folder = new_generation(self.root)
        write_generation(folder, topics)
        write_version(folder, version)
        make_current(self.root, folder.name)
        with self._lock:
            self._close()
        self.open()
        remove_generations_but(self.root, keep=folder.name)

    def apply(self, changed: list[TopicDoc], removed: list[str], version: int) -> None:
        """Replace the sections of changed topics and drop removed ones, one writer at a time."""
        with self._lock:
            if self._ix is None:
                raise RuntimeError("index is not open")
            writer = self._ix.writer(timeout=WRITER_TIMEOUT)
            try:
                if self.applied_version() >= version:  # another worker got there first
                    writer.cancel()
                    return
                dropped = sum(
                    writer.delete_by_term("slug", slug)
                    for slug in [*removed, *(t.slug for t in changed)]
                )
                for topic in changed:
                    for document in section_documents(topic):
                        writer.add_document(**document)
                # Whoosh's default merge policy folds small segments together as they pile up;
                # a full optimize would rewrite the whole index on every few saves (~1 s). But
                # deleted sections still count in word statistics until merged away, and those
                # statistics rank answers: once they are a tenth of the index, optimize.
                stale = self._ix.doc_count_all() - self._ix.doc_count() + dropped
                writer.commit(optimize=stale > STALE_SHARE * max(self._ix.doc_count_all(), 1))
            except BaseException:
                if not writer.is_closed:
                    writer.cancel()
                raise
            write_version(self.root / self._generation, version)
            # A fresh searcher: refresh() would reuse segment readers that miss the deletions.
            old, searcher = self._searcher, self._ix.searcher()
            save_counts(self.root / self._generation, searcher.reader())
            self._use(searcher)
            old.close()

    # -- reading ---------------------------------------------------------------------------
    def _results(self, query: Query, limit: int | None):
        """Whoosh's results for a query under the time limit (the lock held by the caller);
        raise SearchTimeout when it runs out."""
        if self._searcher is None:
            raise RuntimeError("index is not open")
        collector = TimeLimitCollector(
            self._searcher.collector(limit=limit),
            timelimit=self.time_limit,
            use_alarm=False,  # SIGALRM works only in the main thread; servers use others
        )
        try:
            self._searcher.search_with_collector(query, collector)
        except TimeLimit as exc:
            raise SearchTimeout(str(query)[:200]) from exc
        return collector.results()

    def search(self, query: Query, limit: int | None = 10, highlight: bool = False) -> list[Hit]:
        """Run a query under the time limit; raise SearchTimeout when it runs out."""
        with self._lock:
            return [self._hit(h, highlight) for h in self._results(query, limit)]

    def search_including(self, query: Query, limit: int, also: list[str]) -> list[Hit]:
        """The `limit` best sections for a query, then those of the sections named in `also`
        (`slug#anchor`) it left out, scored by the same query (0 when it matched none of their
        words). A flat OR of terms (the chat's queries) is scored from the postings remembered
        for this index state; any other query by a Whoosh search."""
        with self._lock:
            numbers, scores, score_of = self._ranked(query, limit)
            hits = [self._section_hit(n, score) for n, score in zip(numbers, scores, strict=True)]
            have = set(numbers)
            for number in map(self._scores.section_number, dict.fromkeys(also)):
                if number is not None and number not in have:
                    hits.append(self._section_hit(number, score_of(number)))
            return hits

    def _ranked(self, query: Query, limit: int):
        """(the `limit` best section numbers, best first; their scores; number -> score)."""
        clauses = flat_terms(query)
        if clauses is None or self._scores is None:
            results = self._results(query, None)
            found = {number: score for score, number in results.top_n}
            numbers = list(found)[:limit]
            return numbers, [float(found[n]) for n in numbers], lambda n: float(found.get(n, 0.0))
        try:
            deadline = time.monotonic() + self.time_limit
            ranked, total = self._scores.rank(clauses, deadline, limit)
        except OutOfTime as exc:
            raise SearchTimeout(str(query)[:200]) from exc
        top = ranked[:limit]
        return top.tolist(), total[top].tolist(), lambda number: float(total[number])

    def _section_hit(self, number: int, score: float) -> Hit:
        """The stored section `number` with a score, its fields read once per searcher."""
        found = self._sections.get(number)
        if found is None:
            fields = self._searcher.stored_fields(number)
            found = self._sections[number] = hit_from_fields(fields, 0.0)
            self._scores.know_section(f"{found.slug}#{found.anchor}", number)
        return with_score(found, score)

    @classmethod
    def _hit(cls, hit, highlight: bool) -> Hit:
        found = hit_from_fields(hit.fields(), float(hit.score or 0.0))
        if not highlight:
            return found
        return replace(found, highlight=hit.highlights("body", top=2))

    def section(self, slug: str, anchor: str) -> Hit | None:
        """One section by its address, with no score: for candidates found other than by words."""
        with self._lock:
            if self._scores is None:
                return None
            number = self._scores.section_number(f"{slug}#{anchor}")
            return None if number is None else self._section_hit(number, 0.0)

    def doc_count(self) -> int:
        with self._lock:
            return self._searcher.doc_count() if self._searcher else 0

    def segment_count(self) -> int:
        with self._lock:
            return len(self._ix._segments()) if self._ix is not None else 0

    def prime(self, fields: tuple[str, ...], seconds: float) -> int:
        """Read the typo word list and every section's stored fields and score the fields'
        posting lists now, for up to `seconds` in all; the number of terms scored."""
        deadline = time.monotonic() + seconds
        with self._lock:
            if self._scores is None:
                return 0
            self._words.prime()
            for number in self._searcher.reader().all_doc_ids():
                if time.monotonic() > deadline:
                    return 0
                self._section_hit(number, 0.0)
            return self._scores.prime(fields, deadline)

    def sections(self) -> list[Hit]:
        """Every section, unscored, in index order."""
        with self._lock:
            if self._searcher is None:
                return []
            return [self._section_hit(n, 0.0) for n in self._searcher.reader().all_doc_ids()]

    def doc_frequency(self, field: str, term: str) -> int:
        """How many sections hold a term in a field; for `words`, a surface word in any text."""
        with self._lock:
            if field == WORDS_FIELD:
                return self._words.frequency(term) if self._words else 0
            return self._scores.doc_frequency(field, term) if self._scores else 0

    def idf(self, field: str, term: str) -> float:
        with self._lock:
            return self._searcher.idf(field, term) if self._searcher else 0.0

    def remembered(self, key: Hashable, work: Callable[[], T]) -> T:
        """work()'s value, remembered for this state of the index under `key`: for what is
        worked out from the index's words alone and asked for question after question."""
        key = (self.state, key)
        try:
            return self._remembered[key]  # type: ignore[return-value]
        except KeyError:
            pass
        if len(self._remembered) > REMEMBERED:
            self._remembered.clear()
        found = self._remembered[key] = work()
        return found

    def similar_words(self, word: str, maxdist: int) -> list[tuple[str, int]]:
        """Known words within an edit distance, most frequent first; remembered per state of
        the index, since building the automaton costs more than a whole search."""
        return self.remembered(("similar", word, maxdist),
                               lambda: self._similar_words(word, maxdist))  # fmt: skip

    def _similar_words(self, word: str, maxdist: int) -> list[tuple[str, int]]:
        with self._lock:
            return self._words.similar(word, maxdist) if self._words is not None else []

    def size_on_disk(self) -> int:
        folder = self.root / (self._generation or "")
        return sum(p.stat().st_size for p in folder.glob("*") if p.is_file())


__all__ = ["Hit", "SearchTimeout", "TopicIndex", "make_schema"]

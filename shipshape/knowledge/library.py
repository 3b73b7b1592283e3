"""One process's knowledge base: keeps its Whoosh index in step with the database."""

from __future__ import annotations

import fcntl
import logging
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from . import store
from .catalog import Catalog, parse_cached
from .index import TopicIndex
from .topicfile import TopicDoc
from .vocabulary import Vocabulary, load_vocabulary

log = logging.getLogger(__name__)


class Library:
    """Created lazily in each worker, so nothing holds the index before gunicorn forks."""

    def __init__(
        self,
        index_dir: str,
        content_dir: str,
        sync_interval: float = 1.0,
        time_limit: float = 0.5,
        hadolint: str | None = None,
    ):
        self.index = TopicIndex(index_dir, time_limit)
        self.hadolint = hadolint  # the linter the chat runs on a pasted Dockerfile (None: found)
        self.vocabulary: Vocabulary = load_vocabulary(content_dir)
        self.catalog = Catalog()
        self.sync_interval = sync_interval
        self._catalog_version = -1
        self._index_version = -1
        self._checked_at = float("-inf")
        self._lock = threading.RLock()

    @contextmanager
    def _machine_lock(self):
        """Serialize whole rebuilds between the processes of one machine."""
        root = Path(self.index.root)
        root.mkdir(parents=True, exist_ok=True)
        with open(root / ".rebuild.lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def ensure_fresh(self, force: bool = False) -> None:
        """Bring index and catalog up to the database's content version (at most once a second)."""
        now = time.monotonic()
        if not force and now - self._checked_at < self.sync_interval:
            return  # open() below notices a generation another process swapped in
        with self._lock:
            version = store.content_version()
            if not self.index.open() or self.index.applied_version() < 0:
                self.rebuild(version)
            elif self.index.applied_version() < version:
                changed, removed = store.changes_since(self.index.applied_version())
                self.index.apply(changed, removed, version)
            if self.index.applied_version() != self._index_version and not self._reopen():
                self.rebuild(version)  # the generation went away meanwhile
            if self._catalog_version != version:
                self.catalog = Catalog.build(self._live_docs())
                self._catalog_version = version
            self._index_version = self.index.applied_version()
            self._checked_at = time.monotonic()

    @property
    def version(self) -> tuple[int, int]:
        """The content versions the index and the catalog reflect since the last sync: anything
        computed from them (a cached answer) is good while this stays the same."""
        return self._index_version, self._catalog_version

    def _reopen(self) -> bool:
        """A fresh searcher on the current generation. Another worker of this machine may have
        applied changes to the generation this one reads (or applied them first, so this one's
        apply() stood down): the searcher opened before never sees those segments."""
        with self.index._lock:  # no search between close and open (threaded servers)
            self.index.close()
            return self.index.open()

    def rebuild(self, version: int | None = None) -> None:
        """Rebuild the whole index from the database into a fresh folder."""
        with self._lock, self._machine_lock():
            version = store.content_version() if version is None else version
            # Another process may have rebuilt while this one waited for the lock.
            if self.index.open() and self.index.applied_version() >= version:
                return
            self.index.rebuild(self._live_docs(), version)
            log.info("index rebuilt at content version %s", version)

    def force_rebuild(self) -> None:
        with self._lock, self._machine_lock():
            self.index.rebuild(self._live_docs(), store.content_version())

    def _live_docs(self) -> list[TopicDoc]:
        return [parse_cached(t.markdown, t.slug) for t in store.live_topics()]

    def topics_changed(self) -> None:
        """Apply committed topic changes to this process's index right away."""
        self._checked_at = float("-inf")
        self.ensure_fresh(force=True)

    def close(self) -> None:
        self.index.close()

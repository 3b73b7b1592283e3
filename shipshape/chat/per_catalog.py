"""What the chat derives from a catalog once (its phrasebook, its word associations), kept for
the few latest catalogs: a content change builds a new catalog, and with it new derived values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from ..knowledge.catalog import Catalog

T = TypeVar("T")
KEPT = 4  # catalogs remembered at once; more are only the old ones of a busy edit session


class PerCatalog(Generic[T]):
    """A value built from each catalog (and the vocabulary's filler) the first time it is asked."""

    def __init__(self, build: Callable[[Catalog, frozenset[str]], T]):
        self._build = build
        self._kept: dict[int, tuple[Catalog, T]] = {}

    def get(self, catalog: Catalog, filler: frozenset[str]) -> T:
        kept = self._kept.get(id(catalog))
        if kept is None or kept[0] is not catalog:  # an id may be reused once a catalog is gone
            if len(self._kept) > KEPT:
                self._kept.clear()
            kept = self._kept[id(catalog)] = (catalog, self._build(catalog, filler))
        return kept[1]

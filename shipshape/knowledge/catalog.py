"""An in-memory view of the live topics: titles, groups, related topics and command names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .command_flags import completed
from .documents import command_phrases
from .errors import ErrorPatterns, error_patterns
from .topicfile import TopicDoc, parse_topic


@lru_cache(maxsize=2048)
def parse_cached(text: str, slug: str) -> TopicDoc:
    """Parse a stored topic text once; the text is the cache key, so edits parse anew."""
    return parse_topic(text, slug)


@dataclass(frozen=True)
class Catalog:
    topics: dict[str, TopicDoc] = field(default_factory=dict)
    commands: dict[str, str] = field(default_factory=dict)  # command phrase -> slug

    @classmethod
    def build(cls, docs: Iterable[TopicDoc]) -> Catalog:
        topics = {d.slug: d for d in docs}
        commands: dict[str, str] = {}
        for doc in topics.values():
            for phrase in command_phrases(doc.command):
                commands.setdefault(phrase, doc.slug)
        return cls(topics, commands)

    @cached_property
    def specs(self) -> dict:
        """slug -> CommandSpec for every command topic, completed with docker's own flags."""
        return {
            slug: completed(d.command) for slug, d in self.topics.items() if d.command is not None
        }

    @cached_property
    def error_patterns(self) -> ErrorPatterns:
        """Every error message the topics explain, ready to match against a pasted text."""
        return error_patterns(self.topics.values())

    def get(self, slug: str) -> TopicDoc | None:
        return self.topics.get(slug)

    def groups(self) -> dict[str, list[TopicDoc]]:
        grouped: dict[str, list[TopicDoc]] = {}
        for doc in sorted(self.topics.values(), key=lambda d: d.title.lower()):
            grouped.setdefault(doc.group, []).append(doc)
        return grouped

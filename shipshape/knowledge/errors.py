"""Docker error messages topics explain: match a learner's pasted error, whatever its values.

A message is written as Docker prints it, with `<placeholders>` for the parts that differ per
learner (IDs, names, tags, ports, quoted values). A pasted text matches when it holds most of the
message's own words in order, each word weighed by how few of the listed messages share it: the
runtime's boilerplate ("failed to create task for container ... OCI runtime create failed") is in
many messages and tells them apart by its last few words. Whatever stands where the placeholders
are does not count.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from .topicfile import TopicDoc

_PLACEHOLDER = re.compile(r"<[^<>]{1,40}>")
_WORD = re.compile(r"[a-z]+")
# Words every daemon error shares: they say nothing about which error it is.
_GENERIC = frozenset(
    {"error", "response", "from", "daemon", "docker", "the", "a", "an", "to", "of"}
)
MIN_WORDS = 2  # a message this short ("unknown flag") must appear word for word
SHORT = 3
MIN_SHARE = 0.8
WHOLE_BELOW = 8  # a message of fewer telling words must be there whole: one word less of
# "exec <path>: no such file or directory" is the generic "no such file or directory"


PLACEHOLDER_WORDS = 8  # what a learner's value may span in words: a path, a quoted command
SLACK = 3  # and a few words the copy adds or drops (a line break's prompt, a version's wording)


@dataclass(frozen=True)
class ErrorPattern:
    slug: str
    anchor: str
    message: str
    words: tuple[str, ...]  # the message's telling words, in order
    span: int  # the most words a pasted copy of it can take up, its values included

    @cached_property
    def distinct(self) -> frozenset[str]:
        return frozenset(self.words)


@dataclass(frozen=True)
class ErrorMatch:
    slug: str
    anchor: str
    message: str
    share: float  # of the message's telling words found in order in the text


def constant_text(message: str) -> str:
    """The message without its placeholders: the words every learner's copy shares."""
    return " ".join(_PLACEHOLDER.sub(" ", message).split())


def _telling_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall(text.lower()) if w not in _GENERIC)


class ErrorPatterns(tuple):
    """Error patterns in order, with the positions of those holding each word: a text can match
    only the patterns it shares a word with."""

    @cached_property
    def by_word(self) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for position, pattern in enumerate(self):
            for word in pattern.distinct:
                index.setdefault(word, []).append(position)
        return index

    @cached_property
    def rarity(self) -> dict[str, float]:
        """Each word's weight: log((1 + messages) / messages holding it), so a word of one message
        counts several times a word that most messages share, and one they all share little."""
        total = 1 + len(self)
        return {word: math.log(total / len(held)) for word, held in self.by_word.items()}

    @cached_property
    def wholes(self) -> tuple[float, ...]:
        """Per pattern, the weight of all its words: what a full match scores."""
        rarity = self.rarity
        return tuple(sum(rarity[w] for w in pattern.words) for pattern in self)


def error_patterns(docs: Iterable[TopicDoc]) -> ErrorPatterns:
    """Every error message the topics list, ready to match."""
    return ErrorPatterns(
        ErrorPattern(doc.slug, entry.anchor, entry.message, words, _span(entry.message, words))
        for doc in docs
        for entry in doc.errors
        if len(words := _telling_words(constant_text(entry.message))) >= MIN_WORDS
    )


def _span(message: str, words: tuple[str, ...]) -> int:
    return len(words) + PLACEHOLDER_WORDS * len(_PLACEHOLDER.findall(message)) + SLACK


def _in_order(needles: tuple[str, ...], haystack: list[str], weights: dict[str, float]) -> float:
    """The weight of the needles that appear in the haystack in order (the heaviest common
    subsequence)."""
    previous = [0.0] * (len(haystack) + 1)
    for needle in needles:
        weight = weights[needle]
        current = [0.0]
        for j, word in enumerate(haystack, 1):
            kept = max(previous[j], current[-1])
            current.append(max(kept, previous[j - 1] + weight) if needle == word else kept)
        previous = current
    return previous[-1]


def _in_one_place(pattern: ErrorPattern, haystack: list[str], weights: dict[str, float]) -> float:
    """The heaviest in-order match within one stretch of the text no longer than a pasted copy
    of the message: an error is pasted in one piece, and "exec" in one line of a story and "no
    such file or directory" three lines further down are not `exec ...: no such file or
    directory`."""
    starts = [i for i, word in enumerate(haystack) if word in pattern.distinct]
    return max(
        (_in_order(pattern.words, haystack[i : i + pattern.span], weights) for i in starts),
        default=0.0,
    )


def _contiguous(needles: tuple[str, ...], haystack: list[str]) -> bool:
    n = len(needles)
    return any(tuple(haystack[i : i + n]) == needles for i in range(len(haystack) - n + 1))


def match_errors(text: str, patterns: ErrorPatterns) -> list[ErrorMatch]:
    """Error messages found in the text, best first: most of their (rarity-weighted) words, in
    order; only the ones about as complete as the best."""
    words = list(_telling_words(text))
    present = set(words)
    index, rarity = patterns.by_word, patterns.rarity
    sharing = sorted({n for word in present for n in index.get(word, ())})
    found = []
    for n in sharing:  # none sharing a word can match
        pattern, whole = patterns[n], patterns.wholes[n]
        if sum(rarity[w] for w in pattern.words if w in present) < MIN_SHARE * whole - 1e-9:
            continue  # cheap test first: most candidates share few words
        if len(pattern.words) < SHORT and not _contiguous(pattern.words, words):
            continue
        needed = MIN_SHARE if len(pattern.words) >= WHOLE_BELOW else 1.0
        share = _in_order(pattern.words, words, rarity) / whole
        if share >= needed and len(words) > pattern.span:
            share = _in_one_place(pattern, words, rarity) / whole
        if share >= needed - 1e-9:
            found.append(ErrorMatch(pattern.slug, pattern.anchor, pattern.message, share))
    # A fuller match explains the text better: "open .../json: no such file or directory" is the
    # import error, not every error that ends in "no such file or directory".
    best = max((m.share for m in found), default=0.0)
    found = [m for m in found if m.share >= best - 0.05]
    return sorted(found, key=lambda m: (-m.share, -len(m.message)))

"""Docker error messages topics explain: match a learner's pasted error, whatever its values.

A message is written as Docker prints it, with `<placeholders>` for the parts that differ per
learner (IDs, names, tags, ports, quoted values). A pasted text matches when it holds most of the
message's own words in order and about as close together as the message has them, each word
weighed by how few of the listed messages share it: the runtime's boilerplate ("failed to create
task for container ... OCI runtime create failed") is in many messages and tells them apart by its
last few words. Whatever stands where the placeholders are does not count.
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


SPECIFIC = 0.9  # a match weighing less than this share of the heaviest is a more generic message
PLACEHOLDER_WORDS = 8  # what a learner's value may span in words: a path, a quoted command
GAP = 2  # words a copy may add between two of the message's (a wrapped line's prompt, a version)


@dataclass(frozen=True)
class ErrorPattern:
    slug: str
    anchor: str
    message: str
    words: tuple[str, ...]  # the message's telling words, in order
    places: tuple[int, ...]  # each word's place in a pasted copy, a value taking PLACEHOLDER_WORDS

    @cached_property
    def distinct(self) -> frozenset[str]:
        return frozenset(self.words)


@dataclass(frozen=True)
class ErrorMatch:
    slug: str
    anchor: str
    message: str
    share: float  # of the message's telling words found in order in the text
    weight: float = 0.0  # of those words: a message that names more of the text weighs more


def constant_text(message: str) -> str:
    """The message without its placeholders: the words every learner's copy shares."""
    return " ".join(_PLACEHOLDER.sub(" ", message).split())


def _telling_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall(text.lower()) if w not in _GENERIC)


def _telling_places(message: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The message's telling words and where each stands in a pasted copy of it."""
    words, places, place = [], [], 0
    for n, chunk in enumerate(_PLACEHOLDER.split(message)):
        place += PLACEHOLDER_WORDS if n else 0
        for word in _WORD.findall(chunk.lower()):
            if word not in _GENERIC:
                words.append(word)
                places.append(place)
            place += 1
    return tuple(words), tuple(places)


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
        ErrorPattern(doc.slug, entry.anchor, entry.message, words, places)
        for doc in docs
        for entry in doc.errors
        for words, places in [_telling_places(entry.message)]
        if len(words) >= MIN_WORDS
    )


def _in_order(needles: tuple[str, ...], haystack: list[str], weights: dict[str, float]) -> float:
    """The weight of the needles that appear in the haystack in order (the heaviest common
    subsequence): an upper bound of `_as_pasted`, quicker to work out."""
    previous = [0.0] * (len(haystack) + 1)
    for needle in needles:
        weight = weights[needle]
        current = [0.0]
        for j, word in enumerate(haystack, 1):
            kept = max(previous[j], current[-1])
            current.append(max(kept, previous[j - 1] + weight) if needle == word else kept)
        previous = current
    return previous[-1]


def _as_pasted(pattern: ErrorPattern, haystack: list[str], weights: dict[str, float]) -> float:
    """The weight of the heaviest in-order match whose words stand about as far apart as in the
    message, a value's few words between them where it has a placeholder: an error is pasted in
    one piece, so "no such table: x when using an image" is not `No such image: <image>`, and
    "exec" in one line of a story and "no such file or directory" further down are not `exec
    <path>: no such file or directory`."""
    at: dict[str, list[int]] = {}
    for i, word in enumerate(haystack):
        if word in pattern.distinct:
            at.setdefault(word, []).append(i)
    ends: list[tuple[int, int, float]] = []  # (needle, position, weight of the match ending there)
    for j, word in enumerate(pattern.words):
        reach = pattern.places[j]
        ends += [
            (j, i, weights[word] + max(
                (w for k, p, w in ends if p < i <= p + reach - pattern.places[k] + GAP),
                default=0.0,
            ))
            for i in at.get(word, ())
        ]  # fmt: skip
    return max((w for *_, w in ends), default=0.0)


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
        if _in_order(pattern.words, words, rarity) < needed * whole - 1e-9:
            continue
        share = _as_pasted(pattern, words, rarity) / whole
        if share >= needed - 1e-9:
            match = ErrorMatch(pattern.slug, pattern.anchor, pattern.message, share, share * whole)
            found.append(match)
    # A fuller match explains the text better: "open .../json: no such file or directory" is the
    # import error, not every error that ends in "no such file or directory"; and so does one
    # that names more of it: '"docker build" requires exactly 1 argument' is the build error, not
    # the usage error of any '"docker <command>"'.
    best = max((m.share for m in found), default=0.0)
    heaviest = max((m.weight for m in found), default=0.0)
    found = [m for m in found if m.share >= best - 0.05 and m.weight >= SPECIFIC * heaviest]
    return sorted(found, key=lambda m: (-m.share, -m.weight, -len(m.message)))

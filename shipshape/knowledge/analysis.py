"""Whoosh analyzers: words are stemmed, command flags (-a, --all) survive whole."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.lang.snowball.english import EnglishStemmer

# A flag starts a token only where no word or hyphen precedes it, so "docker-compose" stays words.
TOKEN_PATTERN = r"(?<![\w-])--?[A-Za-z0-9][A-Za-z0-9-]*|[A-Za-z0-9]+"
TOKEN_RE = re.compile(TOKEN_PATTERN)
SURFACE_PATTERN = r"[A-Za-z][A-Za-z]{2,}"
SURFACE_RE = re.compile(SURFACE_PATTERN)
# Only words that never carry meaning here; question filler is dropped at query time, from data.
INDEX_STOP_WORDS = frozenset({"a", "an", "the", "of", "to", "and", "or", "is", "are", "be", "it"})
_STEMMER = EnglishStemmer()
# Bump when the way documents are indexed changes: an index built otherwise is rebuilt.
INDEX_FORMAT = 4
# Snowball folds "container" into "contain"; keep the domain's central word apart from the verb.
# "Running" is a container's state here ("a running container"), not the act of "docker run".
STEM_EXCEPTIONS = {
    "container": "container",
    "containers": "container",
    "running": "running",
    "stopped": "stopped",
}


@lru_cache(maxsize=1)
def analysis_fingerprint() -> str:
    """Short hash of everything that decides an index's terms; part of each generation's name."""
    described = repr((INDEX_FORMAT, TOKEN_PATTERN, sorted(INDEX_STOP_WORDS), STEM_EXCEPTIONS))
    return hashlib.blake2b(described.encode(), digest_size=4).hexdigest()


@lru_cache(maxsize=50_000)
def stem_word(word: str) -> str:
    """Stem a lowercase word; flags and exceptions stay as they are."""
    if word.startswith("-"):
        return word
    return STEM_EXCEPTIONS.get(word) or _STEMMER.stem(word)


class StemWordsFilter(Filter):
    """Snowball (Porter2) stemming that leaves command flags alone."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for t in tokens:
            if not t.stopped:
                t.text = stem_word(t.text)
            yield t


def text_analyzer():
    """The analyzer for searchable text fields, used at index and query time alike."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | StopFilter(stoplist=INDEX_STOP_WORDS, minsize=1)
        | StemWordsFilter()
    )


def surface_analyzer():
    """Unstemmed lowercase words: the vocabulary that typo correction compares against."""
    return RegexTokenizer(SURFACE_PATTERN) | LowercaseFilter()


def index_terms(text: str) -> list[str]:
    """The terms text_analyzer() indexes for a text, in order: the same regex, lowercasing, stop
    words and stems without a Token object per word through four generators."""
    lowered = (word.lower() for word in TOKEN_RE.findall(text))
    return [stem_word(word) for word in lowered if word not in INDEX_STOP_WORDS]


def surface_words(text: str) -> list[str]:
    """The words surface_analyzer() indexes for a text, in order."""
    return [word.lower() for word in SURFACE_RE.findall(text)]


def tokenize(text: str) -> list[str]:
    """Lowercase tokens of a question, flags kept whole, nothing stemmed."""
    return [t.lower() for t in TOKEN_RE.findall(text)]

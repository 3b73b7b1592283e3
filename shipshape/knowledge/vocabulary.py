"""Words data: filler, synonyms, abbreviations and phrases, read from content/_vocabulary.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rapidfuzz.distance import OSA

from .. import safe_yaml
from .analysis import stem_word, tokenize

VOCABULARY_FILE = "_vocabulary.yaml"
_WORDS = re.compile(r"\w+")
# A known word this long ("kubernetes", "minikube") is a name learners misspell ("kubernets");
# shorter ones ("pod", "helm") are a letter away from ordinary words.
MISSPELT_FROM = 8


@dataclass(frozen=True)
class Terms:
    """Words and phrases, longest first, each with its pattern of whole words."""

    patterns: tuple[tuple[re.Pattern, str], ...] = ()
    misspellable: tuple[str, ...] = ()  # one-word terms a typo of which still names them

    def first(self, text: str) -> str | None:
        """The first term the text names, as the vocabulary writes it, or misspells a long
        one-word term as."""
        # A term can match only where the text has each of its words: one pass over the text's
        # words rules most terms out, where a search per term would scan the text each time.
        present = set(_WORDS.findall(text.casefold()))
        for (pattern, term), needed in zip(self.patterns, self._words, strict=True):
            if needed <= present and pattern.search(text):
                return term
        return self._misspelt(present)

    def _misspelt(self, present: set[str]) -> str | None:
        """The misspellable term a word of the text is a typo of: one edit away, two for a
        word of ten letters or more (a swap of two letters is one edit)."""
        for term in self.misspellable:
            allowed = 1 if len(term) < 10 else 2
            near = (w for w in present if abs(len(w) - len(term)) <= 1 and w[:1] == term[:1])
            if any(OSA.distance(w, term, score_cutoff=allowed) <= allowed for w in near):
                return term
        return None

    @cached_property
    def _words(self) -> tuple[frozenset[str], ...]:
        return tuple(frozenset(_WORDS.findall(t.casefold())) for _, t in self.patterns)


@dataclass(frozen=True)
class Vocabulary:
    filler: frozenset[str] = frozenset()
    # word -> phrases (each a tuple of tokens) that mean the same here
    synonyms: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # extra words typo correction may suggest, beyond those in the topics
    known_words: frozenset[str] = frozenset()
    # questions offered when the chat has nothing better to suggest, and topics to point at
    starters: tuple[str, ...] = ()
    starter_topics: tuple[str, ...] = ()
    # the things questions are about; a follow-up naming another one changes the subject
    entity_stems: frozenset[str] = frozenset()
    # entity stem -> its kind (things, parts of things, places): in a follow-up a new entity
    # replaces an old one of its kind ("and the processes?" after "the logs of a container")
    entity_kinds: dict[str, str] = field(default_factory=dict)
    # words that pick some of an entity ("stopped containers", "dangling images"): a follow-up
    # naming them with a new entity replaces the old entity with its own qualifiers
    qualifiers: frozenset[str] = frozenset()
    # Dockerfile instructions: in capitals (FROM, RUN) they also mean "a Dockerfile instruction"
    instructions: frozenset[str] = frozenset()
    # multi-word expressions read as one word ("get into" -> "enter"), longest first
    phrases: tuple[tuple[re.Pattern, str], ...] = ()
    # words and phrases that mark a question the material does not cover (Kubernetes, Swarm)
    out_of_scope: Terms = Terms()
    # tools that drive the same images, containers and volumes (Docker Compose): a question
    # naming one is answered when a section is likely right, and declined otherwise
    near_scope: Terms = Terms()

    def out_of_scope_term(self, text: str) -> str | None:
        return self.out_of_scope.first(text)

    def near_scope_term(self, text: str) -> str | None:
        return self.near_scope.first(text)

    def rewrite(self, text: str) -> str:
        """The text with each multi-word expression replaced by the word it means."""
        if not self._any_phrase.search(text):
            return text  # none matches, so no replacement can make another one match
        for pattern, word in self.phrases:
            text = pattern.sub(word, text)
        return text

    @cached_property
    def _any_phrase(self) -> re.Pattern:
        """One pattern matching wherever any of the phrases does."""
        alternatives = [f"(?:{pattern.pattern})" for pattern, _ in self.phrases]
        return re.compile("|".join(alternatives) or r"(?!)", re.I)

    def alternatives(self, word: str) -> tuple[tuple[str, ...], ...]:
        """Phrases meaning the same as the word, or as any vocabulary word it stems alike with."""
        return self.synonyms.get(word) or self._by_stem.get(stem_word(word), ())

    @cached_property
    def _by_stem(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        return {stem_word(w): alts for w, alts in self.synonyms.items()}


def parse_vocabulary(data: dict) -> Vocabulary:
    """Build a Vocabulary from the YAML mapping; synonym groups are symmetric."""
    synonyms: dict[str, list[tuple[str, ...]]] = {}
    for group in data.get("synonyms") or []:
        phrases = [tuple(tokenize(str(p))) for p in group if tokenize(str(p))]
        for phrase in phrases:
            if len(phrase) == 1:
                others = [p for p in phrases if p != phrase]
                synonyms.setdefault(phrase[0], []).extend(others)
    for short, long in (data.get("abbreviations") or {}).items():
        synonyms.setdefault(str(short).lower(), []).append(tuple(tokenize(str(long))))
    known = frozenset(str(w).lower() for w in data.get("known_words") or [])
    return Vocabulary(
        filler=frozenset(str(w).lower() for w in data.get("filler") or []),
        synonyms={k: tuple(dict.fromkeys(v)) for k, v in synonyms.items()},
        known_words=known,
        starters=tuple(str(q) for q in data.get("starters") or []),
        starter_topics=tuple(str(s) for s in data.get("starter_topics") or []),
        entity_stems=frozenset(stem_word(str(w).lower()) for w in data.get("entities") or []),
        entity_kinds={
            stem_word(str(w).lower()): str(kind)
            for kind, words in (data.get("entity_kinds") or {}).items()
            for w in words or []
        },
        qualifiers=frozenset(str(w).lower() for w in data.get("qualifiers") or []),
        instructions=frozenset(str(w).lower() for w in data.get("instructions") or []),
        phrases=_phrases(data.get("phrases") or {}),
        out_of_scope=_terms(data.get("out_of_scope") or [], known),
        near_scope=_terms(data.get("near_scope") or [], known),
    )


def _terms(raw: list, known_words: frozenset[str]) -> Terms:
    """The terms, longest first; those typo correction knows as words, when long enough to be
    names, are found misspelt too."""
    terms = sorted({str(t).strip() for t in raw if str(t).strip()}, key=lambda t: -len(t))
    names = tuple(t for t in terms if t.lower() in known_words and len(t) >= MISSPELT_FROM)
    return Terms(tuple((_whole_words(t), t) for t in terms), names)


def _whole_words(term: str) -> re.Pattern:
    """The term as whole words, any case, hyphens or spaces between them; a word inside a path
    (`install/dind`) is no mention of it."""
    words = r"[\s-]+".join(map(re.escape, term.split()))
    return re.compile(rf"(?<![\w/-]){words}(?![\w/-])", re.I)


def _phrases(raw: dict) -> tuple[tuple[re.Pattern, str], ...]:
    ordered = sorted(((str(k), str(v)) for k, v in raw.items()), key=lambda kv: -len(kv[0]))
    return tuple(
        (re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b", re.I), word)
        for phrase, word in ordered
    )


def load_vocabulary(content_dir: str | Path) -> Vocabulary:
    """Read the vocabulary file if there is one; an empty vocabulary otherwise."""
    path = Path(content_dir) / VOCABULARY_FILE
    try:
        data = safe_yaml.load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return Vocabulary()
    if not isinstance(data, dict):
        raise ValueError(f"{path}: must be a YAML mapping")
    unquoted = [w for w in data.get("filler") or [] if not isinstance(w, str)]
    if unquoted:  # YAML reads a bare on, off, yes or no as true or false
        raise ValueError(f'{path}: filler: quote {unquoted}, e.g. "on"')
    return parse_vocabulary(data)

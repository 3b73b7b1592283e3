"""From a learner's words to ranked sections: filler dropped, typos fixed, synonyms added.

User text never reaches Whoosh's query parser: queries are built from terms directly, so field,
wildcard, range and fuzzy syntax mean nothing here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from whoosh.query import Or, Query, Term

from .analysis import stem_word, tokenize
from .command_names import find_commands
from .index import Hit, TopicIndex
from .vocabulary import Vocabulary

TEXT_FIELDS = ("head", "questions", "body")
KEY_FIELDS = ("head", "questions")
QUERY_FIELDS = (*TEXT_FIELDS, "commands")  # every field the chat's queries read (build_query)
COMMON_SHARE = 0.75  # a word in three sections out of four tells nothing about which one
SYNONYM_WEIGHT = 0.6  # a synonym counts for this much of the word it stands for
COMMAND_BOOST = 8.0
MAX_TERMS = 48
CONTEXT_EMPHASIS = 0.4  # a word from the story around the question, not from what it asks
SHOUTED_RE = re.compile(r"\b[A-Z]{2,}\b")


@dataclass(frozen=True)
class TermGroup:
    """One word of the question and the stems that count as it."""

    word: str
    stems: tuple[str, ...]
    synonyms: tuple[str, ...] = ()
    weight: float = 1.0  # how telling the word is (rarer weighs more), for coverage
    corrected: bool = False  # a typo fix is a guess: it counts for less
    emphasis: float = 1.0  # 1 for words of the asking sentence, less for the story around it


@dataclass(frozen=True)
class QueryPlan:
    groups: tuple[TermGroup, ...]
    commands: tuple[str, ...] = ()
    corrections: dict[str, str] = field(default_factory=dict)
    command_weight: float = 1.0

    @property
    def empty(self) -> bool:
        return not self.groups and not self.commands


def _max_distance(word: str) -> int:
    return 1 if len(word) <= 7 else 2


def _stem_is_known(word: str, index: TopicIndex) -> bool:
    return any(index.doc_frequency(f, stem_word(word)) > 0 for f in TEXT_FIELDS)


def correct_word(word: str, index: TopicIndex, vocabulary: Vocabulary) -> str:
    """The known word a typo most likely meant, or the word itself."""
    if len(word) < 4 or not word.isalpha() or word in vocabulary.filler:
        return word
    if word in vocabulary.known_words or word in vocabulary.synonyms:
        return word
    return index.remembered(("correct", word), lambda: _correct_by_index(word, index))


def _correct_by_index(word: str, index: TopicIndex) -> str:
    """The word the index's own words say a typo meant, or the word itself."""
    if index.doc_frequency("words", word) > 0 or _stem_is_known(word, index):
        return word  # "exiting" is no typo of "existing" when the material says "exited"
    limit = _max_distance(word)
    # Whoosh counts a swap of two letters as two edits; fetch wider, then judge with swaps as one.
    candidates = [
        (edit_distance(word, w), -frequency, w)
        for w, frequency in index.similar_words(word, limit + 1)
    ]
    candidates = sorted(c for c in candidates if c[0] <= limit)
    if not candidates or stem_word(candidates[0][2]) == stem_word(word):
        return word  # "resume" for "resumes" is no typo: the stem finds it as it is
    return candidates[0][2]


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insert, delete, replace, or swap two neighbours."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def plan_query(
    question: str,
    index: TopicIndex,
    vocabulary: Vocabulary,
    command_phrases: dict[str, str] | None = None,
    focus: frozenset[str] | None = None,
) -> QueryPlan:
    """Turn a question into term groups, fixing typos against the index's own words. Words
    outside `focus` (the asking part of a long message) weigh less."""
    corrections: dict[str, str] = {}
    groups: list[TermGroup] = []
    seen: set[str] = set()
    shouted = {w.lower() for w in SHOUTED_RE.findall(question)}  # FROM, RUN: instructions
    for raw in tokenize(vocabulary.rewrite(question)):
        if len(groups) == MAX_TERMS:
            break
        if raw in vocabulary.filler and raw not in shouted:
            continue
        word = correct_word(raw, index, vocabulary)
        if word != raw:
            corrections[raw] = word
        if word in seen or (word in vocabulary.filler and word not in shouted):
            continue
        if is_noise(word, index, vocabulary):
            continue
        seen.add(word)
        synonyms = tuple(stem_word(w) for phrase in vocabulary.alternatives(word) for w in phrase)
        if word in shouted and word in vocabulary.instructions:
            synonyms += (stem_word("dockerfile"), stem_word("instruction"))
        stems, alternatives = (stem_word(word),), tuple(dict.fromkeys(synonyms))
        emphasis = 1.0 if focus is None or raw in focus or word in focus else CONTEXT_EMPHASIS
        weight = max(term_weight(index, s) for s in stems)
        groups.append(TermGroup(word, stems, alternatives, weight, word != raw, emphasis))
    corrected = apply_corrections(question, corrections)
    commands = find_commands(corrected, command_phrases or {})
    return QueryPlan(informative(groups, index), commands, corrections, term_weight(index, "\x00"))


def is_noise(word: str, index: TopicIndex, vocabulary: Vocabulary) -> bool:
    """A short unknown word ("wat", "pls") or a number no section uses ("26 images", "40gb"):
    neither can be corrected, and either would only sink confidence."""
    if not ((len(word) < 4 and word.isalpha()) or any(c.isdigit() for c in word)):
        return False
    return (
        word not in vocabulary.known_words
        and word not in vocabulary.synonyms
        and not any(index.doc_frequency(f, stem_word(word)) for f in TEXT_FIELDS)
    )


def is_common(index: TopicIndex, stem: str) -> bool:
    return index.remembered(("common", stem), lambda: _is_common(index, stem))


def _is_common(index: TopicIndex, stem: str) -> bool:
    total = index.doc_count()
    return total > 20 and index.doc_frequency("body", stem) > COMMON_SHARE * total


def informative(groups: list[TermGroup], index: TopicIndex) -> tuple[TermGroup, ...]:
    """Drop words found in most sections ("docker"); they only slow the search down."""
    kept = [g for g in groups if not all(is_common(index, s) for s in g.stems)]
    return tuple(kept or groups)


def apply_corrections(text: str, corrections: dict[str, str]) -> str:
    """The question with each corrected word replaced, case-insensitively."""
    for wrong, right in corrections.items():
        text = re.sub(rf"\b{re.escape(wrong)}\b", right, text, flags=re.I)
    return text


def build_query(plan: QueryPlan) -> Query:
    """An OR of every stem in every text field, synonyms weaker, command names strongest."""
    clauses: list[Query] = []
    for group in plan.groups:
        for stem in group.stems:
            clauses.extend(Term(f, stem, boost=group.emphasis) for f in TEXT_FIELDS)
        for stem in group.synonyms:  # synonyms count in titles and headings, not in body text
            boost = SYNONYM_WEIGHT * group.emphasis
            clauses.extend(Term(f, stem, boost=boost) for f in KEY_FIELDS)
    clauses.extend(Term("commands", c, boost=COMMAND_BOOST) for c in plan.commands)
    return Or(clauses)


def search_sections(
    index: TopicIndex, plan: QueryPlan, limit: int | None = 10, highlight: bool = False
) -> list[Hit]:
    """Ranked sections for a planned query; none when nothing meaningful is left to look for."""
    if plan.empty:
        return []
    return index.search(build_query(plan), limit=limit, highlight=highlight)


def search_including(
    index: TopicIndex, plan: QueryPlan, limit: int, also: list[tuple[str, str]]
) -> list[Hit]:
    """The best sections for a planned query, plus the (slug, anchor) sections in `also` with
    the scores the same query gives them."""
    wanted = [f"{slug}#{anchor}" for slug, anchor in also]
    if plan.empty:
        return [h for h in (index.section(*w.split("#", 1)) for w in wanted) if h is not None]
    return index.search_including(build_query(plan), limit, wanted)


def term_weight(index: TopicIndex, stem: str) -> float:
    """How telling a stem is: rare across sections weighs more; unknown weighs most."""
    return index.remembered(("weight", stem), lambda: _term_weight(index, stem))


def _term_weight(index: TopicIndex, stem: str) -> float:
    total = max(index.doc_count(), 1)
    frequency = max(index.doc_frequency(f, stem) for f in TEXT_FIELDS)
    return 1.0 + math.log((total + 1) / (frequency + 1))

"""How much of a question a section covers, word by word: the evidence beside BM25's score.

A section covers a word of the question when it holds the word (or, for less, a synonym);
holding it in what describes the section (title, heading, phrasings, tags) counts more than
holding it only in passing. Rarer words weigh more, a guessed typo fix less.
"""

from __future__ import annotations

from dataclasses import dataclass

from .index import Hit
from .search import SYNONYM_WEIGHT, QueryPlan, TermGroup

CORRECTED_CREDIT = 0.75  # a word found only after a typo fix

# What a section does for one word of the question: (share found anywhere in it, share found in
# its key stems), by how it holds the word.
_IN_KEY = (1.0, 1.0)
_IN_BODY = (1.0, 0.0)
_IN_BODY_SYNONYM_IN_KEY = (1.0, SYNONYM_WEIGHT)
_SYNONYM = (SYNONYM_WEIGHT, 0.0)
_SYNONYM_IN_KEY = (SYNONYM_WEIGHT, SYNONYM_WEIGHT)
_MISSING = (0.0, 0.0)


@dataclass(frozen=True)
class Covered:
    """One section's coverage of a question."""

    coverage: float  # of every word (see coverage())
    focus: float  # of the asking sentence's words alone, the story around it left out
    holds: tuple[bool, ...]  # per word of the plan: the word itself (no synonym) is in it


def cover(plan: QueryPlan, hits: list[Hit]) -> list[Covered]:
    """The coverage of every hit, each word looked up once per hit."""
    groups = plan.groups
    asked = tuple(i for i, g in enumerate(groups) if g.emphasis >= 1.0)
    has_story = len(asked) < len(groups)
    full_terms = _terms(groups, range(len(groups)))
    focus_terms = _terms(groups, asked)
    optional = _optional_commands(groups, plan.commands)
    focus_optional = _optional_commands(tuple(groups[i] for i in asked), plan.commands)
    found = []
    for hit in hits:
        shares = [_share(group, hit) for group in groups]
        full = _best(full_terms, shares, plan, optional, hit)
        if not has_story:
            focus = full
        elif asked:
            focus = _best(focus_terms, shares, plan, focus_optional, hit)
        else:
            focus = 0.0
        found.append(Covered(full, focus, tuple(s[0] == 1.0 for s in shares)))
    return found


def coverage(plan: QueryPlan, hit: Hit) -> float:
    """How much of the question a section covers: the mean of the share (words weighted by rarity)
    found anywhere in it and the share found in what describes it (title, heading, questions, tags).
    A section that mentions a word only in passing, say in a code example, covers it half.
    A command whose words are all asked anyway ("why are Docker images immutable?" names
    `docker images`) is not required: the section may cover the words instead."""
    return cover(plan, [hit])[0].coverage


def _share(group: TermGroup, hit: Hit) -> tuple[float, float]:
    """(anywhere, in key stems) for one word: the word in the key stems or the body, else a
    synonym in either."""
    key_stems = hit.key_stems
    if not key_stems.isdisjoint(group.stems):
        return _IN_KEY
    synonym_in_key = bool(group.synonyms) and not key_stems.isdisjoint(group.synonyms)
    if not hit.stems.isdisjoint(group.stems):
        return _IN_BODY_SYNONYM_IN_KEY if synonym_in_key else _IN_BODY
    if synonym_in_key:
        return _SYNONYM_IN_KEY
    return _SYNONYM if group.synonyms and not hit.stems.isdisjoint(group.synonyms) else _MISSING


def _terms(groups: tuple[TermGroup, ...], chosen) -> tuple[tuple[int, float, float], ...]:
    """(position, weight, weight as credited) of the chosen words."""
    terms = []
    for i in chosen:
        group = groups[i]
        weight = group.weight * group.emphasis
        terms.append((i, weight, weight * CORRECTED_CREDIT if group.corrected else weight))
    return tuple(terms)


def _best(terms, shares, plan: QueryPlan, kept: tuple[str, ...] | None, hit: Hit) -> float:
    """The coverage with every command the question names required, or with only those `kept`
    (when some are named by words it asks anyway), whichever is more."""
    full = _covered(terms, shares, plan.commands, plan.command_weight, hit)
    if kept is None:
        return full
    return max(full, _covered(terms, shares, kept, plan.command_weight, hit))


def _covered(terms, shares, commands: tuple[str, ...], ceiling: float, hit: Hit) -> float:
    """The mean of the shares found anywhere in the section and in its key stems alone."""
    total = anywhere = in_key = 0.0
    for i, weight, credited in terms:
        total += weight
        found, described = shares[i]
        anywhere += credited * found
        in_key += credited * described
    for command in commands:
        total += ceiling
        found = ceiling if command in hit.commands else 0.0
        anywhere += found
        in_key += found
    return (anywhere / total + in_key / total) / 2 if total else 0.0


def _optional_commands(groups, commands: tuple[str, ...]) -> tuple[str, ...] | None:
    """The commands left when those whose words the question asks anyway ("docker images" in
    "why are Docker images immutable?") are dropped; None when no command is such."""
    words = {g.word for g in groups}
    redundant = {
        command
        for command in commands
        if all(w in words for w in command.split()[1:]) and len(command.split()) > 1
    }
    return tuple(c for c in commands if c not in redundant) if redundant else None

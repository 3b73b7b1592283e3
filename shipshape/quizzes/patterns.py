"""Instructors' `pattern:` regexes for short answers: refused when saved if a repeated group could
match one text in exponentially many ways (`^(a|aa)+$` stalls a worker for seconds on 38
characters), and run with a time limit all the same."""

from __future__ import annotations

import re
from re import _constants as sre  # Python 3.11+: the re module's own parser
from re import _parser as sre_parse

import regex

MATCH_SECONDS = 0.05  # a pattern that needs longer on a short answer does not match it
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)
RISK = (
    "could take exponential time: a repeated group holds a quantifier or an alternation "
    "('(a+)+', '(a|aa)+'); repeat a character class instead, or drop the outer quantifier"
)


def _groups(op, av) -> list:
    """The sub-patterns inside a group, a lookaround or an atomic group."""
    if op is sre.SUBPATTERN:
        return [av[3]]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [av[1]]
    return [av] if op is sre.ATOMIC_GROUP else []


def _risky(parsed, repeated: bool) -> bool:
    """Whether a quantifier or '|' sits inside a group that repeats."""
    for op, av in parsed:
        if op in _REPEATS:
            high, inner = av[1], av[2]
            if (repeated and high > 1) or _risky(inner, repeated or high > 1):
                return True
        elif op is sre.BRANCH:
            if repeated or any(_risky(branch, repeated) for branch in av[1]):
                return True
        elif any(_risky(group, repeated) for group in _groups(op, av)):
            return True
    return False


def pattern_problem(pattern: str) -> str | None:
    """What is wrong with a pattern an instructor wrote, or None when it may be saved."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error as exc:
        return f"is not a valid regex: {exc}"
    return RISK if _risky(parsed, False) else None


def pattern_matches(pattern: str, text: str) -> bool:
    """The whole text matches the pattern, ignoring case, within MATCH_SECONDS."""
    try:
        return regex.fullmatch(pattern, text, regex.IGNORECASE, timeout=MATCH_SECONDS) is not None
    except (TimeoutError, regex.error):
        return False

"""Command names (`docker container ls`, `docker ps`) written in a question's text."""

from __future__ import annotations

from .analysis import tokenize


def find_commands(text: str, phrases: dict[str, str]) -> tuple[str, ...]:
    """Command names written in the text, longest first, each counted once."""
    normalized = " " + " ".join(tokenize(text)) + " "
    found: list[str] = []
    for phrase, padded in _longest_first(phrases):
        if padded in normalized and not any(phrase in longer for longer in found):
            found.append(phrase)
    return tuple(found)


_PHRASES: list[tuple[dict, tuple[tuple[str, str], ...]]] = [({}, ())]


def _longest_first(phrases: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """(phrase, " phrase ") of the names of more than one word, longest first; remembered for
    the latest dict (the catalog's, one per content version)."""
    kept, ordered = _PHRASES[0]
    if kept is not phrases:
        names = sorted((p for p in phrases if " " in p), key=len, reverse=True)
        ordered = tuple((name, f" {name} ") for name in names)
        _PHRASES[0] = (phrases, ordered)  # one tuple, swapped whole: safe between threads
    return ordered

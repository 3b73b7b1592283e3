"""Command names (`docker container ls`, `docker ps`) written in a question's text."""

from __future__ import annotations

from .analysis import tokenize


def find_commands(text: str, phrases: dict[str, str]) -> tuple[str, ...]:
    """Command names written in the text, longest first, each counted once."""
    words = tokenize(text)
    normalized = " " + " ".join(words) + " "
    ordered, by_last_word = _longest_first(phrases)
    # Only a name whose last word the text has can be in it: look at those alone, in order.
    possible = sorted({n for word in set(words) for n in by_last_word.get(word, ())})
    found: list[str] = []
    for phrase, padded in (ordered[n] for n in possible):
        if padded in normalized and not any(phrase in longer for longer in found):
            found.append(phrase)
    return tuple(found)


_Names = tuple[tuple[tuple[str, str], ...], dict[str, tuple[int, ...]]]
_PHRASES: list[tuple[dict, _Names]] = [({}, ((), {}))]


def _longest_first(phrases: dict[str, str]) -> _Names:
    """(phrase, " phrase ") of the names of more than one word, longest first, and the positions
    of those ending in each word; remembered for the latest dict (the catalog's, one per
    content version)."""
    kept, names = _PHRASES[0]
    if kept is not phrases:
        ordered = tuple(
            (name, f" {name} ")
            for name in sorted((p for p in phrases if " " in p), key=len, reverse=True)
        )
        by_last_word: dict[str, list[int]] = {}
        for position, (name, _) in enumerate(ordered):
            by_last_word.setdefault(name.split()[-1], []).append(position)
        names = ordered, {word: tuple(n) for word, n in by_last_word.items()}
        _PHRASES[0] = (phrases, names)  # one tuple, swapped whole: safe between threads
    return names

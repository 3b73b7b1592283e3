"""A one-word message that names several commands ("rm", "prune", "ls") gets a question back."""

from __future__ import annotations

from ..knowledge.analysis import tokenize
from ..knowledge.catalog import Catalog
from ..knowledge.vocabulary import Vocabulary
from .quoting import plain_text
from .reply import CLARIFY, Reply


def commands_ending_in(word: str, catalog: Catalog) -> dict[str, str]:
    """slug -> canonical command name, for every command topic one of whose names ends in word."""
    found: dict[str, str] = {}
    for phrase, slug in catalog.commands.items():
        if phrase.startswith("docker ") and phrase.split()[-1] == word:
            found.setdefault(slug, catalog.get(slug).command.name)
    return found


def clarify_message(question: str, catalog: Catalog, vocabulary: Vocabulary) -> Reply | None:
    """Ask which command is meant, when a single word could be any of several."""
    words = [t for t in tokenize(question) if t not in vocabulary.filler and t != "docker"]
    if len(words) != 1:
        return None
    choices = commands_ending_in(words[0], catalog)
    if len(choices) < 2:
        return None
    lines = [f"- `{name}`: {catalog.get(slug).title}" for slug, name in sorted(choices.items())]
    markdown = (
        f"“{plain_text(words[0])}” could mean more than one command. Which one do you mean?\n\n"
    )
    return Reply(
        kind=CLARIFY,
        markdown=markdown + "\n".join(lines),
        confidence=0.0,
        suggestions=tuple(f"What does {name} do?" for _, name in sorted(choices.items())),
    )

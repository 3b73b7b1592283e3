"""Decisions that need no ranking: smalltalk, a bare command line, the topic a side names."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..knowledge.analysis import tokenize
from ..knowledge.commands import CommandSyntaxError, parse_command_line, synopsis_placeholders
from ..knowledge.library import Library
from ..knowledge.topicfile import slugify
from .explain import find_command_line
from .reading import Question
from .reply import SMALLTALK, Reply
from .smalltalk import smalltalk_reply

MAX_SUGGESTIONS = 3
# Words around a pasted command that still only ask what it means.
_ASKS_MEANING = frozenset(
    {"what", "does", "do", "mean", "means", "explain", "stand", "for", "this"}
)


def smalltalk(text: str, library: Library) -> Reply | None:
    chat = smalltalk_reply(text)
    if chat is None:
        return None
    return Reply(SMALLTALK, chat, 1.0, suggestions=library.vocabulary.starters[:MAX_SUGGESTIONS])


# Sentence marks outside quotes: "docker stop takes forever, like 10 seconds. why?" is prose.
_PROSE = re.compile(r"[,;!]\s|\.\s+[a-z]|\?\s*\S", re.I)
_QUOTED = re.compile(r"(['\"]).*?\1")


def _reads_as_prose(line: str) -> bool:
    return bool(_PROSE.search(_QUOTED.sub(" ", line)))


def _fits_synopsis(line: str, library: Library) -> bool:
    """False when the 'command' carries more words than the command takes: a question in words
    ("docker ps show only container ids")."""
    catalog = library.catalog
    try:
        parsed = parse_command_line(line, catalog.specs, catalog.commands)
    except CommandSyntaxError:
        return False
    places = synopsis_placeholders(parsed.spec)
    if any(p.endswith("...") for p in places):
        return True
    return len(parsed.arguments) <= len(places)


def bare_command(question: Question, library: Library) -> str | None:
    """The command line of a message that pastes one and asks nothing else about it."""
    if question.sides is not None:
        return None
    line = find_command_line(question.text)
    if line is None or (_reads_as_prose(line) and f"`{line}`" not in question.text):
        return None
    rest = question.text.replace(line, " ")
    words = [t for t in tokenize(re.sub(r"`[^`]*`", " ", rest)) if t not in _ASKS_MEANING]
    if any(w not in library.vocabulary.filler for w in words):
        return None  # the message asks something in its own words: answer that
    return line if _fits_synopsis(line, library) else None


def plain_words(line: str, question: Question, library: Library) -> tuple[str, ...]:
    """The plain words a command line typed without backticks has where its arguments go
    ("docker exec as root user", "docker logs since"): perhaps a question put tersely, perhaps
    names ("docker run ubuntu bash"). A section that names one of them answers first."""
    if f"`{line}`" in question.text:
        return ()  # quoted as code: the learner pasted a command
    try:
        parsed = parse_command_line(line, library.catalog.specs, library.catalog.commands)
    except CommandSyntaxError:
        return ()
    return tuple(a for a in parsed.arguments if re.fullmatch(r"[a-z]+", a))


def head_topic(side: str, catalog) -> str | None:
    """The topic named by a phrase's last word, its head noun ("a stopped container")."""
    words = re.findall(r"[a-z]+", side.lower())
    if not words:
        return None
    last = words[-1]
    return next((w for w in (last, last.removesuffix("s")) if catalog.get(w)), None)


def side_topic(
    side: str, library: Library, search: Callable[[str, Library], str | None]
) -> str | None:
    """The topic one side of a comparison names: a command's own topic, else what it is."""
    words = [w for w in side.lower().split() if w not in ("a", "an", "the")]
    commands = library.catalog.commands
    named = commands.get(" ".join(words)) or commands.get(" ".join(["docker", *words]))
    if named or library.catalog.get(slugify(" ".join(words))):
        return named or slugify(" ".join(words))
    return search(f"what is {side}", library)

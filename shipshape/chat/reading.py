"""Read a learner's message once: what it asks, what it pastes, and the words worth searching.

Learners paste paragraphs: a title, some story, a command, an error, then the question. The
reading finds the asking part (a title before a colon, sentences that ask), the error lines and
the command lines, and masks what only this learner has (IDs, hashes, long paths, quoted names)
so it cannot drown the words that matter. Every later stage takes this one value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge.analysis import tokenize
from ..paste.parts import COMMAND, ERROR, ERROR_SENTENCE, PROSE, Part, split_parts
from .compare import comparison_sides

SHORT = 120  # characters: a message this short is all question
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z`\"'(])|\n+|\s+\.\.\.\s+|\s+…\s+")
_ASKING_START = re.compile(
    r"^\W*(how|what|what's|whats|why|where|which|who|is|are|can|could|do|does|did|should|"
    r"would|will|was|any|anyone|i want|i need|i'd like|i would like|i wanted|i am trying|"
    r"i'm trying|is there|help)\b",
    re.I,
)
_TITLE = re.compile(r"^(?P<title>[^:`\n]{8,90}?):\s+(?=\S)")
# A thread's title on a line of its own, the body after it (even one that opens with an indented
# block of pasted output): what the whole message is about.
_TITLE_LINE = re.compile(r"^(?P<title>[^\n]{8,150})\n[ \t]*\n(?=\s*\S)")
# Words that ask without naming a subject: "Any idea how to fix it?", "Is this a bug?"
_ASKING_ONLY = frozenset(
    {
        "a", "an", "and", "any", "anyone", "anything", "are", "be", "bug", "can", "clue", "could",
        "do", "does", "else", "fix", "fixed", "for", "get", "going", "happen", "happening", "has",
        "have", "help", "hint", "how", "i", "idea", "ideas", "in", "is", "issue", "it", "its",
        "look", "me", "my", "now", "of", "on", "or", "past", "please", "possible", "problem",
        "seems", "should", "so", "solution", "solutions", "someone", "suggestion", "suggestions",
        "the", "there", "thanks", "this", "to", "way", "what", "whats", "why", "will", "with",
        "work", "working", "would", "wrong", "you",
    }
)  # fmt: skip
# What only this learner has: IDs and digests, long paths, quoted names in pasted errors.
_NOISE = [
    re.compile(r"sha256:[0-9a-f]{6,64}", re.I),
    re.compile(r"\b[0-9a-f]{10,64}\b", re.I),
    re.compile(r"(?<!\w)(?:[\w.-]+)?(?:/[\w.@:-]+){4,}/?"),  # not /var/lib/docker itself
    re.compile(r"\b(?=[a-z]*\d[a-z]*\d)(?=\d*[a-z])[a-z0-9]{8,}\b", re.I),  # not "overlay2"
    re.compile(r"\.\.\.|…"),
]
DEFINITION_RE = re.compile(
    r"^\s*(?:(?:wh?at(?:'?s|\s+(?:exactly\s+|really\s+|actually\s+)?(?:is|are))|define|meaning of"
    r"|explain)\b|what (?:does|do) .+ (?:do|mean)\W*$)",
    re.I,
)
COMPARISON_RE = re.compile(r"\b(vs\.?|versus|differen\w*|compar\w*|distinguish\w*)\b", re.I)


@dataclass(frozen=True)
class Question:
    """A message as read: every stage of the chat takes this, never the raw text again."""

    text: str  # as the learner wrote it
    asking: str  # the part that asks: the whole message when it is short
    context: str  # the rest: story, pasted output
    errors: tuple[str, ...] = ()  # lines that look like error messages
    commands: tuple[str, ...] = ()  # docker command lines it contains
    sides: tuple[str, str] | None = None  # the two things it compares, if any
    definition: bool = False  # "what is X?", "what does X do?"
    comparing: bool = False
    # Its parts, in order: prose, command and error lines, a Dockerfile, a table docker printed.
    parts: tuple[Part, ...] = ()

    def parts_of(self, kind: str) -> tuple[Part, ...]:
        return tuple(p for p in self.parts if p.kind == kind)

    @property
    def search_text(self) -> str:
        """What to search with: the asking part first, then the rest, noise masked."""
        return mask_noise(f"{self.asking}\n{self.context}".strip())

    @property
    def told(self) -> tuple[str, ...]:
        """The parts in the learner's own words (prose, error lines), noise masked: no pasted
        Dockerfile, command line or table."""
        return tuple(mask_noise(p.text) for p in self.parts if p.kind in (PROSE, ERROR))

    @property
    def focus_tokens(self) -> frozenset[str]:
        """The words of the asking part (and of pasted errors): they weigh most."""
        return frozenset(tokenize(mask_noise(" ".join((self.asking, *self.errors)))))

    @property
    def is_long(self) -> bool:
        return bool(self.context)


def mask_noise(text: str) -> str:
    for pattern in _NOISE:
        text = pattern.sub(" ", text)
    return text


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def _is_asking(sentence: str) -> bool:
    return sentence.rstrip().endswith("?") or bool(_ASKING_START.match(sentence))


def _names_something(sentence: str) -> bool:
    """The sentence names what it asks about, not only that it asks ("Any idea why?")."""
    return sum(word not in _ASKING_ONLY for word in tokenize(sentence)) >= 2


def _title(text: str) -> re.Match | None:
    """A title: a line of its own before the body, or a short phrase before a colon."""
    line = _TITLE_LINE.match(text)
    if line:
        return line
    title = _TITLE.match(text)
    if title and (ERROR_SENTENCE.search(title.group("title")) or " " not in title.group("title")):
        return None  # "Error response from daemon:" or "Question:" is no title
    return title


def _split_asking(text: str) -> tuple[str, str]:
    """(asking part, context) of a message: its title and the sentences that ask something."""
    if len(text) <= SHORT:
        return text, ""
    title = _title(text)
    head, body = (title.group("title").strip(), text[title.end() :]) if title else ("", text)
    parts = sentences(body)
    asking = [s for s in parts if _is_asking(s) and _names_something(s)]
    if len(tokenize(" ".join([head, *asking]))) < 6:  # too little: the ends say what it is about
        asking = list(dict.fromkeys([*parts[:1], *asking, *parts[-1:]]))
    rest = [s for s in parts if s not in asking]
    return " ".join([head, *asking]).strip(), " ".join(rest).strip()


def _commands(parts: tuple[Part, ...]) -> tuple[str, ...]:
    """The docker command lines among the parts, without a copied prompt, each once."""
    lines = (p.command_line for p in parts if p.kind == COMMAND)
    return tuple(dict.fromkeys(" ".join(line.split()) for line in lines))


def read_question(text: str) -> Question:
    """Analyze a message once into the value every stage of the chat takes."""
    text = " ".join(text.split(" ")).strip()
    asking, context = _split_asking(text)
    errors = tuple(s for s in sentences(text) if ERROR_SENTENCE.search(s))
    parts = split_parts(text)
    return Question(
        text=text,
        asking=asking,
        context=context,
        errors=errors,
        commands=_commands(parts),
        sides=comparison_sides(asking) if len(asking) <= 2 * SHORT else None,
        definition=bool(DEFINITION_RE.match(asking)),
        comparing=bool(COMPARISON_RE.search(asking)),
        parts=parts,
    )

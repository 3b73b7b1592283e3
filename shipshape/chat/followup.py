"""Follow-ups: read a question that leans on the previous turn in the light of that turn."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge.analysis import stem_word, tokenize
from ..knowledge.vocabulary import Vocabulary
from .compare import comparison_sides

LEADS = re.compile(r"^\s*(and|but|also|so|then|what about|how about|ok(ay)?,? and)\b", re.I)
# How a short message that goes on from the last one starts or ends: "same for images?", "with
# -f?", "even stopped ones?", "why not?", "volumes too?". A long one is a question of its own.
FRAGMENT = re.compile(
    r"^\s*(same|with|without|even|just|only|from|for|in|on|via|using|what if|why not|how come)\b"
    r"|\b(too|as well|instead|either)\W*$",
    re.I,
)
FRAGMENT_TOKENS = 6
PRONOUNS = frozenset({"it", "its", "them", "they", "their", "theirs", "that", "this", "those",
                      "these", "one", "ones"})  # fmt: skip
# Words that ask the same by another way ("from a file instead?", "volumes too?"): the last
# question's action stays.
SAME_END = frozenset({"instead", "too", "also", "same", "either"})
# Words that ask for more about the same thing rather than about something new, or that only
# say the message goes on from the last one.
MORE = frozenset({"why", "example", "examples", "more", "else", "again", "live", "not", "come"})
MORE |= SAME_END
PARTS = "parts"  # the kind of entity that belongs to a thing (entity_kinds in the vocabulary)
THINGS = "things"  # the kind of the entities questions are about: containers, images, volumes


@dataclass(frozen=True)
class Previous:
    """What the conversation said last: the question as understood, and its answer's source."""

    question: str
    topic_slug: str | None
    anchor: str | None
    # the title of the topic that answered: what the answer was about
    topic_title: str = ""


@dataclass(frozen=True)
class Reading:
    """A question as understood in its conversation."""

    text: str
    prefer_slug: str | None = None
    avoid: tuple[str, str] | None = None  # (slug, anchor) just given: say something new
    leans: bool = False  # True when the question leans on the previous turn


def _content(tokens: list[str], vocabulary: Vocabulary) -> list[str]:
    return [t for t in tokens if t not in vocabulary.filler and t not in PRONOUNS]


def _asked(question: str, vocabulary: Vocabulary) -> list[str]:
    """The words a follow-up adds: neither filler, pronouns nor a request for more."""
    return [t for t in _content(tokenize(question), vocabulary) if t not in MORE]


def _entity(word: str, vocabulary: Vocabulary) -> str | None:
    stem = stem_word(word)
    return stem if stem in vocabulary.entity_stems else None


def entities_named(text: str, vocabulary: Vocabulary) -> frozenset[str]:
    """The stems of the entities a text names ("Removing an image" -> {"imag"})."""
    return frozenset(e for e in (_entity(t, vocabulary) for t in tokenize(text)) if e)


def things_named(text: str, vocabulary: Vocabulary) -> frozenset[str]:
    """The stems of the things (containers, images, volumes...) a text names."""
    kinds = vocabulary.entity_kinds
    return frozenset(e for e in entities_named(text, vocabulary) if kinds.get(e) == THINGS)


def leans_on_previous(question: str, vocabulary: Vocabulary) -> bool:
    """Starts with 'and…', 'what about…', uses a pronoun, is a short fragment ('with -f?'), or
    only asks for more."""
    tokens = tokenize(question)
    if LEADS.match(question) or PRONOUNS & set(tokens):
        return True
    if len(tokens) <= FRAGMENT_TOKENS and FRAGMENT.search(question):
        return True
    content = _content(tokens, vocabulary)
    return not content or all(t in MORE for t in content)


def rewrite(question: str, previous: str, vocabulary: Vocabulary, about: str = "") -> str:
    """The question completed from the previous one. What it names replaces what the previous
    question named: a new entity ("images") the old one, a new action ("delete") the old action,
    though words of what the answer was `about` (its topic's title) stay: "how do I skip it?"
    after "how does the build cache work" asks how to skip the build cache. A flag alone ("with
    -f?") asks the same of the command the answer was about. Pronouns give way to what they
    stand for, and "why?" or "an example" keep everything."""
    current = _asked(question, vocabulary)
    before = _content(tokenize(previous), vocabulary)
    if current and all(t.startswith("-") for t in current):  # "with -f?": the same, with a flag
        title = [t for t in _content(tokenize(about), vocabulary) if t not in before]
        return " ".join(current + before + title)
    names_entity = any(_entity(t, vocabulary) for t in current)
    # "from a file instead?", "volumes too?": another way to the same end, the action kept
    names_action = any(not _entity(t, vocabulary) for t in current) and not (
        SAME_END & set(tokenize(question))
    )
    # the first word asked is mostly the action ("run", "create"), which the new one replaces
    kept = {stem_word(t) for t in tokenize(about)} - {stem_word(t) for t in before[:1]}
    carried = [
        t
        for t in before
        if t not in current
        and not (names_entity and _entity(t, vocabulary))
        and not (names_action and not _entity(t, vocabulary) and stem_word(t) not in kept)
    ]
    return " ".join(current + carried)


def swap_entity(
    question: str, previous: str, vocabulary: Vocabulary, subject: frozenset[str] = frozenset()
) -> str | None:
    """'and a container?' after 'What is an image?': the previous question about the new thing,
    its wording kept ('What is a container?'), when the follow-up names only things, perhaps
    qualified ('and stopped containers?' after 'how do I remove dangling images'). A part the
    previous question did not name is asked of its thing: 'and its logs?' after 'how do I find
    the IP address of a container' asks for the logs of the container."""
    current = _asked(question, vocabulary)
    named = [t for t in current if _entity(t, vocabulary)]
    qualified = [t for t in current if t in vocabulary.qualifiers and not _entity(t, vocabulary)]
    if not named or len(named) + len(qualified) != len(current):
        return None
    before = [t for t in tokenize(previous) if _entity(t, vocabulary)]
    if {_kind(t, vocabulary) for t in named} == {PARTS} and PARTS not in {
        _kind(t, vocabulary) for t in before
    }:
        owners = _about([t for t in before if _kind(t, vocabulary) != PARTS], vocabulary, subject)
        return f"{' '.join(current)} of the {owners[0]}" if owners else None
    old = _replaced(named, before, vocabulary, subject)
    if not old:
        return None
    things = "|".join(map(re.escape, old))
    if qualified:  # the new qualifiers stand in for the old ones too
        words = "|".join(map(re.escape, sorted(vocabulary.qualifiers)))
        things = rf"(?:(?:{words})\s+)*(?:{things})"
    return re.sub(rf"\b{things}\b", " ".join(current), previous, flags=re.I)


def swap_value(question: str, previous: str, vocabulary: Vocabulary) -> str | None:
    """'what about 126?' after 'what does exit code 127 mean': the previous question with the new
    number ('and port 8080?': the number after 'port'), when the follow-up names only numbers and
    words of the previous question."""
    current = _asked(question, vocabulary)
    numbers = [t for t in current if t.isdigit()]
    words = [t for t in current if not t.isdigit()]
    asked_before = set(tokenize(previous))
    if len(numbers) != 1 or not all(w in asked_before for w in words):
        return None
    after = rf"\b{re.escape(words[-1])}\w*\s+" if words else r"\b"
    found = re.search(after + r"(\d+)\b", previous, flags=re.I)
    if found is None:
        return None
    return previous[: found.start(1)] + numbers[0] + previous[found.end(1) :]


def _kind(word: str, vocabulary: Vocabulary) -> str | None:
    stem = _entity(word, vocabulary)
    return vocabulary.entity_kinds.get(stem, stem) if stem else None


def _replaced(
    new: list[str], old: list[str], vocabulary: Vocabulary, subject: frozenset[str]
) -> list[str]:
    """Which of the previous question's entities the new ones stand in for: those of the same
    kind (a part for a part: "and the processes?" after "the logs of a container"), and of those
    what the answer was about ("and for volumes?" after "a container uses the image", answered
    from removing images), when that narrows them down; otherwise every one."""
    wanted = {_kind(t, vocabulary) for t in new}
    alike = [t for t in old if _kind(t, vocabulary) in wanted] if len(wanted) == 1 else []
    return _about(alike or old, vocabulary, subject)


def _about(old: list[str], vocabulary: Vocabulary, subject: frozenset[str]) -> list[str]:
    """Of the entities, those the answer was about, when that narrows them down."""
    about = [t for t in old if _entity(t, vocabulary) in subject]
    narrower = {_entity(t, vocabulary) for t in about} != {_entity(t, vocabulary) for t in old}
    return about if about and narrower else old


def read_in_context(question: str, previous: Previous | None, vocabulary: Vocabulary) -> Reading:
    """How to search for a question, given the turn before it."""
    if previous is None or not leans_on_previous(question, vocabulary):
        return Reading(question)
    alone = LEADS.sub("", question).strip()
    sides = comparison_sides(alone)
    if sides and all(_content(tokenize(side), vocabulary) for side in sides):
        return Reading(alone)  # "what about stop vs kill?" names both of what it compares
    # read as the search reads them: "log out" is one word (logout), not a container's log
    question, before = vocabulary.rewrite(question), vocabulary.rewrite(previous.question)
    subject = entities_named(previous.topic_title, vocabulary)
    swapped = swap_value(question, before, vocabulary) or swap_entity(
        question, before, vocabulary, subject
    )
    if swapped is not None:
        return Reading(swapped, leans=True)
    text = rewrite(question, before, vocabulary, previous.topic_title)
    current = _content(tokenize(question), vocabulary)
    changed_entity = any(_entity(t, vocabulary) for t in current)
    wants_more = not current or all(t in MORE for t in current)
    # something new about the same thing ("how do I skip it?"): not the section just given
    new_action = not changed_entity and any(t not in MORE for t in current)
    return Reading(
        text=text or before,
        prefer_slug=None if changed_entity else previous.topic_slug,
        avoid=(previous.topic_slug, previous.anchor or "")
        if (wants_more or new_action) and previous.topic_slug
        else None,
        leans=True,
    )

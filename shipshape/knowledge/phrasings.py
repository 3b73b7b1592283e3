"""Add a learner's question to a topic's front matter `questions:` list, touching nothing else.

The file is edited as text (one line inserted, or one line rewritten for an empty or inline
list) rather than re-dumped, so an instructor's layout, comments and quoting survive; the result
is re-parsed and refused unless the only change is the one new question.
"""

from __future__ import annotations

import re
import unicodedata

import yaml

from .. import safe_yaml
from . import store
from .authoring import Saved
from .editing import EditConflict, NoSuchTopic, edit_topic
from .library import Library
from .revisions import latest_number

MAX_PHRASING_LENGTH = 200
_BOUNDARY = re.compile(r"^-{3,}\s*$")
_QUESTIONS_KEY = re.compile(r"^questions\s*:(?P<rest>.*)$")
_COMMENT = re.compile(r"(?:^|\s)#.*$")
_ITEM = re.compile(r"^(?P<indent>\s*)-(?:\s|$)")
_EMPTY_VALUES = {"", "[]", "~", "null", "Null", "NULL"}
_LINE_BREAKS = set("\n\r\x85\u2028\u2029")
_BY_HAND = "edit the topic by hand."
_DROP = {"Cc", "Cs"}  # control characters and lone surrogates: never part of a question


class PhrasingRejected(ValueError):
    """A phrasing that cannot be added; `field` says whether the question or topic is at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def clean_question(text: object) -> str:
    """The question on one line, trimmed, without control characters, at most 200 characters."""
    if not isinstance(text, str):
        raise PhrasingRejected("question", "The question must be text.")
    visible = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch) not in _DROP)
    cleaned = " ".join(visible.split())[:MAX_PHRASING_LENGTH].rstrip()
    if not cleaned:
        raise PhrasingRejected("question", "The question is empty.")
    return cleaned


def question_key(text: str) -> str:
    """The question with case, punctuation and spacing ignored: equal keys are duplicates."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def add_question(text: str, question: str) -> str:
    """The topic text with `question` appended to its front matter `questions:` list."""
    question = clean_question(question)
    before = _metadata(text)
    existing = _question_list(before.get("questions"))
    if question_key(question) in {question_key(str(q)) for q in existing}:
        raise PhrasingRejected("question", "That topic already lists this question.")
    lines = [line for line in re.split(r"(?<=\n)", text) if line]  # only \n ends a line
    start, end = _front_matter_bounds(lines)
    edited = _insert(lines, start, end, question)
    _verify(text, edited, question)
    return edited


def add_phrasing(slug: str, question: str, library: Library, author: str | None) -> Saved:
    """Append a question to a live topic's phrasings and save it as a new revision (commits).
    When someone saves the topic at the same moment, the question is added to their text."""
    for _ in range(3):
        topic = store.get_topic(slug) if slug else None
        if topic is None:
            raise PhrasingRejected("topic", "Choose one of the topics.")
        base, text = latest_number(slug), add_question(topic.markdown, question)
        try:
            return edit_topic(text, slug, base, library, author)
        except EditConflict:
            continue
        except NoSuchTopic as exc:
            raise PhrasingRejected("topic", "That topic was deleted a moment ago.") from exc
    raise PhrasingRejected("topic", "The topic keeps changing under us; try again.")


def _metadata(text: str) -> dict:
    try:
        meta = safe_yaml.front_matter(text).metadata
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise PhrasingRejected("topic", "The topic's front matter is not valid YAML.") from exc
    return dict(meta)


def _question_list(value: object) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise PhrasingRejected("topic", f"The topic's questions are not a list; {_BY_HAND}")
    return value


def _bare(line: str) -> str:
    return line.rstrip("\r\n")


def _eol(line: str) -> str:
    return line[len(_bare(line)) :] or "\n"


def _front_matter_bounds(lines: list[str]) -> tuple[int, int]:
    """Indexes of the opening and closing '---' lines."""
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or not _BOUNDARY.match(_bare(lines[start])):
        raise PhrasingRejected("topic", "The topic has no front matter.")
    for end in range(start + 1, len(lines)):
        if _BOUNDARY.match(_bare(lines[end])):
            return start, end
    raise PhrasingRejected("topic", "The topic's front matter is not closed with '---'.")


def _insert(lines: list[str], start: int, end: int, question: str) -> str:
    eol = _eol(lines[start])
    key = next((i for i in range(start + 1, end) if _QUESTIONS_KEY.match(lines[i])), None)
    if key is None:
        added = [f"questions:{eol}", f"  - {_block_scalar(question)}{eol}"]
        return _splice(lines, end, 0, added)
    value = _COMMENT.sub("", _QUESTIONS_KEY.match(_bare(lines[key]))["rest"]).strip()
    if value.startswith("[") and value.endswith("]") and value[1:-1].strip():
        return _splice(lines, key, 1, [_extend_flow(lines[key], value, question)])
    if value not in _EMPTY_VALUES:
        raise PhrasingRejected("topic", f"The topic's questions are not a simple list; {_BY_HAND}")
    return _extend_block(lines, key, end, question, keep_key_line=not value)


def _extend_block(lines: list[str], key: int, end: int, question: str, keep_key_line: bool) -> str:
    """Insert an item after the block's last one, or under the key when the list is empty."""
    eol = _eol(lines[key])
    stop = _block_end(lines, key, end)
    items = [i for i in range(key + 1, stop) if _ITEM.match(lines[i])]
    indent = _ITEM.match(lines[items[0]])["indent"] if items else "  "
    item = f"{indent}- {_block_scalar(question)}{eol}"
    if items:
        last = _last_content_line(lines, key, stop)
        return _splice(lines, last + 1, 0, [item])
    key_line = lines[key] if keep_key_line else f"questions:{eol}"  # `questions: []` loses []
    return _splice(lines, key, 1, [key_line, item])


def _splice(lines: list[str], at: int, remove: int, new: list[str]) -> str:
    """The text with `remove` lines from `at` replaced by `new`; every other line as it was."""
    return "".join([*lines[:at], *new, *lines[at + remove :]])


def _block_end(lines: list[str], key: int, end: int) -> int:
    """The first line after the key that starts another top-level key (or the closing '---')."""
    for i in range(key + 1, end):
        line = lines[i]
        if line.strip() and not line[0].isspace() and not _ITEM.match(line) and line[0] != "#":
            return i
    return end


def _last_content_line(lines: list[str], key: int, stop: int) -> int:
    """The last line of the block that is neither blank nor only a comment."""
    for i in range(stop - 1, key, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return key


def _extend_flow(line: str, value: str, question: str) -> str:
    """`questions: [a, b]` -> `questions: [a, b, "question"]`, the rest of the line kept."""
    at = line.index(value, line.index(":")) + len(value) - 1  # the closing ']'
    head = line[:at].rstrip()
    comma = "" if head.endswith(",") else ","  # YAML allows a trailing comma
    return f"{head}{comma} {_double_quoted(question)}{line[at:]}"


def _block_scalar(question: str) -> str:
    """The question as YAML: plain when YAML allows it, quoted otherwise."""
    dumped = yaml.safe_dump(question, allow_unicode=True, width=10**6)
    dumped = dumped.removesuffix("\n").removesuffix("\n...")
    if _LINE_BREAKS & set(dumped):
        return _double_quoted(question)
    return dumped


def _double_quoted(question: str) -> str:
    dumped = yaml.safe_dump(question, allow_unicode=True, width=10**6, default_style='"')
    return dumped.rstrip("\n")


def _verify(old: str, new: str, question: str) -> None:
    """Refuse an edit that changed anything but the questions list, or changed it wrongly."""
    unsafe = PhrasingRejected("topic", f"The question could not be added safely; {_BY_HAND}")
    try:
        before, after = _metadata(old), _metadata(new)
    except PhrasingRejected as exc:
        raise unsafe from exc
    expected = [*_question_list(before.pop("questions", None)), question]
    added = after.pop("questions", None) == expected
    same_body = safe_yaml.front_matter(old).content == safe_yaml.front_matter(new).content
    if not (added and before == after and same_body):
        raise unsafe

"""Parse a topic file (YAML front matter + Markdown) into plain data; errors name the field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import frontmatter
import yaml

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
MAX_TITLE, MAX_GROUP = 200, 80  # the database columns' sizes
_FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_H2_RE = re.compile(r"^##\s+(.+?)(?:\s+#+)?\s*$")
KNOWN_KEYS = {
    "title", "group", "tags", "questions", "related", "command", "compare", "slug", "sections",
    "errors",
}  # fmt: skip
SUMMARY_KEY = "summary"  # how front matter names the opening paragraph's section
MAX_ERRORS, MAX_ERROR_LENGTH = 50, 500


class TopicFormatError(ValueError):
    """A topic file that cannot be accepted; `field` says where the problem is."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


@dataclass(frozen=True)
class CommandOption:
    flags: tuple[str, ...]
    help: str
    value: str | None = None
    deprecated: tuple[str, ...] = ()  # older spellings the CLI still accepts (`--time`)

    def spelled(self, flag: str) -> bool:
        """True when the flag is one of this option's spellings, a deprecated one included."""
        return flag in self.flags or flag in self.deprecated


@dataclass(frozen=True)
class CommandSpec:
    name: str
    aliases: tuple[str, ...] = ()
    synopsis: str = ""
    arguments: str = ""
    options: tuple[CommandOption, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Section:
    anchor: str  # "" for the summary that opens the topic
    heading: str
    markdown: str


@dataclass(frozen=True)
class ErrorEntry:
    """A Docker error message a section explains; `<placeholders>` stand for a learner's values."""

    message: str
    anchor: str  # "" for the summary


@dataclass(frozen=True)
class TopicDoc:
    slug: str
    title: str
    group: str
    summary: str
    sections: tuple[Section, ...]
    text: str
    tags: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    compare: tuple[str, ...] = ()
    command: CommandSpec | None = None
    section_questions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # anchor -> asks
    errors: tuple[ErrorEntry, ...] = ()
    extra: dict = field(default_factory=dict)

    def questions_for(self, anchor: str) -> tuple[str, ...]:
        """The phrasings written for one section (not the topic's own)."""
        return self.section_questions.get(anchor, ())


def slugify(text: str) -> str:
    """Heading text to a URL fragment: lowercase words joined by hyphens."""
    text = re.sub(r"[`*_~\[\]()]", "", text.lower())
    text = re.sub(r"[^\w\s-]", " ", text)
    return re.sub(r"[\s_-]+", "-", text).strip("-") or "section"


def _string_list(meta: dict, key: str) -> tuple[str, ...]:
    value = meta.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise TopicFormatError(key, "must be a list of strings")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _parse_option(raw: object, index: int) -> CommandOption:
    where = f"command.options[{index}]"
    if not isinstance(raw, dict):
        raise TopicFormatError(where, "each option needs flags and help")
    flags = raw.get("flags")
    if isinstance(flags, str):
        flags = [f.strip() for f in flags.split(",")]
    if not flags or not all(isinstance(f, str) and f.startswith("-") for f in flags):
        raise TopicFormatError(where, "flags must be a list like [-a, --all]")
    value = raw.get("value")
    deprecated = _string_list(raw, "deprecated") if raw.get("deprecated") else ()
    if not all(flag.startswith("-") for flag in deprecated):
        raise TopicFormatError(where, "deprecated must be a list of flags like [--time]")
    return CommandOption(
        tuple(flags), str(raw.get("help") or "").strip(), str(value) if value else None, deprecated
    )


def _parse_command(raw: object) -> CommandSpec | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise TopicFormatError("command", "needs at least a name, e.g. docker container ls")
    options = raw.get("options") or []
    if not isinstance(options, list):
        raise TopicFormatError("command.options", "must be a list")
    return CommandSpec(
        name=" ".join(raw["name"].split()),
        aliases=tuple(" ".join(a.split()) for a in _string_list(raw, "aliases")),
        synopsis=str(raw.get("synopsis") or ""),
        arguments=str(raw.get("arguments") or ""),
        options=tuple(_parse_option(o, i) for i, o in enumerate(options)),
    )


def _anchor_of(key: object, anchors: set[str], where: str) -> str:
    """A front matter section reference (an anchor, or `summary`) as the section's anchor."""
    name = slugify(str(key)) if key is not None else SUMMARY_KEY
    if name == SUMMARY_KEY:
        return ""
    if name not in anchors:
        known = ", ".join(sorted(anchors)[:8]) or "none"
        raise TopicFormatError(where, f"'{key}' is not a section of this topic (anchors: {known})")
    return name


def _parse_section_questions(raw: object, anchors: set[str]) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise TopicFormatError("sections", "must map section anchors to {questions: [...]}")
    found: dict[str, tuple[str, ...]] = {}
    for key, value in raw.items():
        where = f"sections.{key}"
        anchor = _anchor_of(key, anchors, where)
        if not isinstance(value, dict) or set(value) - {"questions"}:
            raise TopicFormatError(where, "must be a mapping with a questions: list")
        found[anchor] = found.get(anchor, ()) + _string_list(value, "questions")
    return found


def _parse_errors(raw: object, anchors: set[str]) -> tuple[ErrorEntry, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) > MAX_ERRORS:
        raise TopicFormatError("errors", f"must be a list of at most {MAX_ERRORS} entries")
    entries = []
    for i, item in enumerate(raw):
        where = f"errors[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("message"), str):
            raise TopicFormatError(where, "needs a message: and the section: that explains it")
        if set(item) - {"message", "section"}:
            raise TopicFormatError(where, "only message and section are allowed")
        message = " ".join(item["message"].split())
        if not 10 <= len(message) <= MAX_ERROR_LENGTH:
            raise TopicFormatError(where, f"message: 10 to {MAX_ERROR_LENGTH} characters")
        entries.append(ErrorEntry(message, _anchor_of(item.get("section"), anchors, where)))
    return tuple(entries)


def split_sections(body: str) -> tuple[str, list[Section]]:
    """Split Markdown at H2 headings outside code fences: (summary, sections)."""
    summary: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    fence = ""  # the fence that opened the current code block, if any
    for line in body.splitlines():
        opener = _FENCE_RE.match(line)
        if opener and not fence:
            fence = opener.group(1)
        elif opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
            fence = ""
        heading = None if fence or opener else _H2_RE.match(line)
        if heading:
            sections.append((heading.group(1).strip(), []))
        elif sections:
            sections[-1][1].append(line)
        else:
            summary.append(line)
    seen: set[str] = set()
    result = []
    for heading, lines in sections:
        anchor = base = slugify(heading)
        n = 2
        while anchor in seen:
            anchor, n = f"{base}-{n}", n + 1
        seen.add(anchor)
        result.append(Section(anchor, heading, "\n".join(lines).strip()))
    return "\n".join(summary).strip(), result


def _load(text: str) -> tuple[dict, str]:
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""  # +1: the file's opening '---' line
        raise TopicFormatError("front matter", f"is not valid YAML{where}") from exc
    except (ValueError, TypeError) as exc:
        raise TopicFormatError("front matter", str(exc)) from exc
    if not isinstance(post.metadata, dict):
        raise TopicFormatError("front matter", "must be a YAML mapping")
    return post.metadata, post.content


def parse_topic(text: str, slug: str) -> TopicDoc:
    """Parse one topic file's text; raise TopicFormatError naming the field at fault."""
    if "\x00" in text:
        raise TopicFormatError("file", "contains NUL bytes")
    if not SLUG_RE.match(slug or ""):
        raise TopicFormatError("slug", "use lowercase letters, digits and hyphens")
    meta, body = _load(text)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise TopicFormatError("title", "is required")
    group = str(meta.get("group") or "Topics").strip()
    for key, value, limit in (("title", title.strip(), MAX_TITLE), ("group", group, MAX_GROUP)):
        if len(value) > limit:
            raise TopicFormatError(key, f"at most {limit} characters")
    summary, sections = split_sections(body)
    if not summary and not sections:
        raise TopicFormatError("body", "is empty: write a summary paragraph and sections")
    anchors = {section.anchor for section in sections}
    related = _string_list(meta, "related")
    for other in related:
        if not SLUG_RE.match(other):
            raise TopicFormatError("related", f"'{other}' is not a topic slug")
    return TopicDoc(
        slug=slug,
        title=title.strip(),
        group=group,
        summary=summary,
        sections=tuple(sections),
        text=text,
        tags=tuple(t.lower() for t in _string_list(meta, "tags")),
        questions=_string_list(meta, "questions"),
        related=related,
        compare=_string_list(meta, "compare"),
        command=_parse_command(meta.get("command")),
        section_questions=_parse_section_questions(meta.get("sections"), anchors),
        errors=_parse_errors(meta.get("errors"), anchors),
        extra={k: v for k, v in meta.items() if k not in KNOWN_KEYS},
    )


def answer_sections(doc: TopicDoc) -> list[Section]:
    """The summary as a section of its own, then the H2 sections: what the chat can answer with."""
    opening = [Section("", doc.title, doc.summary)] if doc.summary else []
    return opening + list(doc.sections)

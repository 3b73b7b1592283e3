"""From a parsed topic to the flat documents the search index stores, one per section."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .analysis import index_terms, surface_words
from .errors import constant_text
from .topicfile import CommandSpec, Section, TopicDoc, answer_sections


def stems_of(*terms: list[str]) -> str:
    """The distinct stems of some analyzed texts, space-separated."""
    return " ".join(sorted({term for some in terms for term in some}))


def distinct_words(*texts: str) -> str:
    """The distinct surface words of some texts, space-separated, in order."""
    return " ".join(sorted({word for text in texts for word in surface_words(text)}))


_MARKUP_RE = re.compile(r"```[\w-]*|~~~|[`*_>#|]|\[([^\]]*)\]\([^)]*\)|^-{3,}$|:?-{3,}:?", re.M)


def plain_text(markdown: str) -> str:
    """Markdown without its markup: the text a person reads, code included."""
    text = _MARKUP_RE.sub(lambda m: m.group(1) or " ", markdown)
    return re.sub(r"[ \t]+", " ", text).strip()


def first_sentences(markdown: str, limit: int = 1) -> str:
    """The opening sentences of a text, on one line."""
    parts = re.split(r"(?<=[.!?])\s+", " ".join(markdown.split()))
    return " ".join(parts[:limit])


def command_phrases(command: CommandSpec | None) -> list[str]:
    """Every name a command goes by, with and without the leading 'docker'."""
    if command is None:
        return []
    phrases: list[str] = []
    for name in command.names:
        name = name.lower()
        phrases.append(name)
        if name.startswith("docker ") and " " in name[7:]:
            phrases.append(name[7:])
    return list(dict.fromkeys(phrases))


def section_body(doc: TopicDoc, section: Section) -> str:
    """A section's text as the index stores it: plain text, and for a command topic's summary
    its options' flags and help too."""
    body = plain_text(section.markdown)
    if section.anchor or doc.command is None or not doc.command.options:
        return body
    options = "\n".join(" ".join(o.flags) + " " + o.help for o in doc.command.options)
    return f"{body}\n{options}"


def section_documents(doc: TopicDoc) -> Iterator[dict]:
    """One index document per answerable section of the topic."""
    commands = ",".join(command_phrases(doc.command))
    questions = "\n".join(doc.questions)
    for order, section in enumerate(answer_sections(doc)):
        own = [*doc.questions_for(section.anchor)]
        own += [constant_text(e.message) for e in doc.errors if e.anchor == section.anchor]
        asked = "\n".join([questions, *own])
        body = section_body(doc, section)
        yield {
            "id": f"{doc.slug}#{section.anchor}",
            "slug": doc.slug,
            "anchor": section.anchor,
            "title": doc.title,
            "heading": section.heading,
            "commands": commands,
            "markdown": section.markdown,
            "group": doc.group,
            "order": order,
            **analyzed_text(doc, section, asked, body),
        }


def analyzed_text(doc: TopicDoc, section: Section, asked: str, body: str) -> dict:
    """A section's text fields, analyzed here: Whoosh indexes a list of terms as it is given,
    so each text is analyzed once, for its field and its stored stems alike (`_stored_body` is
    the body text stored beside its terms)."""
    head = index_terms(f"{doc.title}\n{section.heading}")
    questions = index_terms(f"{asked}\n{' '.join(doc.tags)}")
    body_terms = index_terms(body)
    return {
        "head": head,
        "questions": questions,
        "body": body_terms,
        "_stored_body": body,
        "words": distinct_words(doc.title, section.heading, asked, body),
        "stems": stems_of(body_terms),
        "key_stems": stems_of(head, questions),
    }

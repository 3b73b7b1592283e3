"""'X vs Y' without a comparison topic: a side-by-side table built from the two topics."""

from __future__ import annotations

import re

from ..knowledge.catalog import Catalog
from ..knowledge.documents import first_sentences
from ..knowledge.presenting import topic_url
from ..knowledge.topicfile import TopicDoc
from .reply import ANSWER, Reply, Source, Why

PATTERNS = [
    re.compile(
        r"\b(?:differen\w*|diff)\s+(?:between|of)\s+(?P<a>.+?)\s+(?:and|&|vs\.?|versus)\s+(?P<b>.+)",
        re.I,
    ),
    re.compile(r"^(?P<a>.+?)\s+(?:vs\.?|versus|compared (?:to|with))\s+(?P<b>.+)", re.I),
    re.compile(
        r"^(?:how\s+)?(?:is|are|does|do)\s+(?P<a>.+?)\s+(?:differ\w*\s+(?:from|to)"
        r"|(?:really\s+)?(?:the\s+)?same(?:\s+thing)?\s+as|equivalent\s+to|identical\s+to)"
        r"\s+(?P<b>.+)",
        re.I,
    ),
    # "volume or bind mount?": short sides only; "how to change X or rename Y?" asks one thing
    re.compile(
        r"^(?:should i use\s+)?(?P<a>[\w`-]+(?:\s+[\w`-]+){0,3}?)\s+or\s+"
        r"(?P<b>[\w`-]+(?:\s+[\w`-]+){0,3}?)\s*\?\s*$",
        re.I,
    ),
]
# What may follow the second side and is not part of it: "run vs start, whats the diff"
AFTER_SIDE = re.compile(r"\s*[,?]?\s*\b(?:which|what'?s|what is)\b.*$", re.I)


def comparison_sides(question: str) -> tuple[str, str] | None:
    """The two things a question compares, if it compares two things."""
    for pattern in PATTERNS:
        match = pattern.search(question.strip())
        if match:
            b = re.split(r"[?!.](?:\s|$)", match.group("b"))[0]  # the sentence ends the side
            b = AFTER_SIDE.sub("", b)
            return match.group("a").strip(" ?`"), b.strip(" ?`,")
    return None


def covering_comparison(a: str, b: str, catalog: Catalog) -> TopicDoc | None:
    """A curated comparison topic of exactly these two topics, if there is one. When both sides
    live in one topic (volumes and bind mounts), the one comparison that involves it."""
    pair = {a, b}
    for side, other in ((a, b), (b, a)):  # a side may have landed on the comparison itself
        doc = catalog.get(side)
        if doc is not None and doc.compare and (other in doc.compare or other == side):
            return doc
    exact = [d for d in catalog.topics.values() if d.compare and set(d.compare) == pair]
    involved = [d for d in catalog.topics.values() if a == b and a in d.compare]
    found = exact or (involved if len(involved) == 1 else [])
    return found[0] if found else None


def _first_sentence(markdown: str) -> str:
    return first_sentences(markdown).replace("|", "\\|")


def _command_cell(doc: TopicDoc) -> str:
    return f"`{doc.command.name}`" if doc.command else "not a command"


def _options_cell(doc: TopicDoc) -> str:
    if not doc.command or not doc.command.options:
        return "none"
    return ", ".join(f"`{o.flags[-1]}`" for o in doc.command.options[:4])


def comparison_table(a: TopicDoc, b: TopicDoc) -> Reply:
    """Both topics side by side, from their summaries and command data."""
    rows = [
        ("What it is", _first_sentence(a.summary), _first_sentence(b.summary)),
        ("Command", _command_cell(a), _command_cell(b)),
        ("Main options", _options_cell(a), _options_cell(b)),
        ("Read more", f"[{a.title}](/topics/{a.slug})", f"[{b.title}](/topics/{b.slug})"),
    ]
    lines = [f"| | {a.title} | {b.title} |", "| --- | --- | --- |"]
    lines += [f"| {name} | {x} | {y} |" for name, x, y in rows]
    intro = "There is no single topic comparing these two, so here they are side by side:\n\n"
    sources = tuple(Source(d.title, d.title, topic_url(d.slug), 1.0) for d in (a, b))
    basis = (
        f"No topic compares these two, so the table is built from each one's own topic: "
        f"“{a.title}” and “{b.title}”."
    )
    return Reply(ANSWER, intro + "\n".join(lines), 0.8, sources, topic_slug=a.slug, anchor="",
                 why=Why(basis=basis))  # fmt: skip


def same_command(a: str, b: str, doc: TopicDoc) -> Reply:
    """'docker run vs docker container run': two names of one command, said plainly."""
    names = ", ".join(f"`{n}`" for n in doc.command.names)
    markdown = (
        f"`{a}` and `{b}` are the same command, with the same options and the same result. "
        f"Docker groups its commands by what they act on (`docker container ...`, "
        f"`docker image ...`); the older short forms stay as aliases. This command goes by "
        f"{names}.\n\n{first_sentences(doc.summary, 2)}"
    )
    source = Source(doc.title, doc.title, topic_url(doc.slug), 1.0)
    why = Why(matched=(a, b), basis=f"Both are names of one command in “{doc.title}”.")
    return Reply(ANSWER, markdown, 1.0, (source,), topic_slug=doc.slug, anchor="", why=why)

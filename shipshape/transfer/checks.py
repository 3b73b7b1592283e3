"""Check a whole bundle before anything is written: topics, their references, then quizzes."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge import store
from ..knowledge.catalog import Catalog, parse_cached
from ..knowledge.files import unknown_references
from ..knowledge.topicfile import TopicDoc, TopicFormatError, parse_topic
from ..quizzes.bank import QuizDoc
from ..quizzes.checks import read_quiz
from ..textfiles import ImportFailed
from .bundle import Bundle, Incoming


@dataclass(frozen=True)
class Plan:
    """Everything in a bundle, parsed and checked: (file name, document) pairs."""

    topics: list[tuple[str, TopicDoc]]
    quizzes: list[tuple[str, QuizDoc]]


def _parse_topics(items: list[Incoming], problems: list[str]) -> list[tuple[str, TopicDoc]]:
    parsed = []
    for item in items:
        try:
            doc = parse_topic(item.text, item.slug)
        except TopicFormatError as exc:
            problems.append(f"{item.file}: {exc}")
            continue
        parsed.append((item.file, doc))
    return parsed


def _reference_problems(topics: list[tuple[str, TopicDoc]], uploaded: set[str]) -> list[str]:
    """related and compare must name a live topic or one in the same upload."""
    known = store.live_slugs() | uploaded
    return [
        f"{file}: {key}: there is no topic '{slug}'"
        for file, doc in topics
        for key, slug in unknown_references(doc, known)
    ]


def catalog_after(topics: list[tuple[str, TopicDoc]]) -> Catalog:
    """The catalog as it will be once these topics land on top of the live ones."""
    docs = {t.slug: parse_cached(t.markdown, t.slug) for t in store.live_topics()}
    docs.update((doc.slug, doc) for _, doc in topics)
    return Catalog.build(docs.values())


def _parse_quizzes(
    items: list[Incoming], catalog: Catalog, problems: list[str]
) -> list[tuple[str, QuizDoc]]:
    """The quiz editor's checks, every problem of every file."""
    parsed = []
    for item in items:
        doc, found = read_quiz(item.text, item.slug, catalog)
        problems += [f"{item.file}: {p}" for p in found]
        if doc is not None:
            parsed.append((item.file, doc))
    return parsed


def check_bundle(bundle: Bundle) -> Plan:
    """The checked plan, or ImportFailed listing every problem in the bundle."""
    problems = list(bundle.problems)
    topics = _parse_topics(bundle.topics, problems)
    problems += _reference_problems(topics, {item.slug for item in bundle.topics})
    quizzes = (
        _parse_quizzes(bundle.quizzes, catalog_after(topics), problems) if bundle.quizzes else []
    )
    if problems:
        raise ImportFailed(problems)
    return Plan(topics, quizzes)

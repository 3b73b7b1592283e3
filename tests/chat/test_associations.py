"""Words learners use go with the words of the headings they lead to, learned from phrasings."""

from __future__ import annotations

import pytest

from shipshape.chat.associations import Associations
from shipshape.chat.similarity import content_stems
from shipshape.knowledge.catalog import Catalog
from shipshape.knowledge.topicfile import parse_topic

pytestmark = pytest.mark.database_independent

FILLER = frozenset({"my", "the", "a", "after", "why", "did", "is", "are", "when", "i", "do"})


def topic(slug: str, title: str, sections: dict[str, list[str]]) -> str:
    front = [f"title: {title}", "sections:"]
    body = [f"{title} in short."]
    for heading, questions in sections.items():
        anchor = heading.lower().replace(" ", "-")
        front += [f"  {anchor}:", "    questions:", *(f"      - {q}" for q in questions)]
        body += [f"## {heading}", f"About {heading.lower()}."]
    return "---\n" + "\n".join(front) + "\n---\n" + "\n\n".join(body) + "\n"


TOPICS = {
    "volumes": topic("volumes", "Volumes", {
        "Keep data in a volume": ["my files vanish after a restart", "data vanish container gone"],
        "Back up a volume": ["save my database files before they vanish"],
    }),
    "logs": topic("logs", "Logs", {
        "Read the logs": ["where is the output of my app", "see what the program printed"],
    }),
}  # fmt: skip


@pytest.fixture(scope="module")
def linked() -> Associations:
    docs = [parse_topic(text, slug) for slug, text in TOPICS.items()]
    return Associations(Catalog.build(docs), FILLER)


def weigh(stem: str) -> float:
    return 1.0


def test_a_word_leans_towards_headings_its_phrasings_lead_to(linked):
    words = content_stems("my uploads vanish", FILLER)
    towards_volume = linked.strength(words, "volumes", "keep-data-in-a-volume", weigh)
    towards_logs = linked.strength(words, "logs", "read-the-logs", weigh)
    assert towards_volume > 0.0
    assert towards_logs == 0.0


def test_a_word_seen_with_a_heading_only_once_is_chance(linked):
    words = content_stems("program", FILLER)  # one phrasing only: no association
    assert linked.strength(words, "logs", "read-the-logs", weigh) == 0.0


def test_an_unknown_section_or_no_words_has_no_strength(linked):
    words = content_stems("files vanish", FILLER)
    assert linked.strength(words, "volumes", "no-such-section", weigh) == 0.0
    assert linked.strength(frozenset(), "volumes", "keep-data-in-a-volume", weigh) == 0.0

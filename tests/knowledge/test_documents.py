"""A section's index document: its text fields arrive analyzed, exactly as Whoosh's analyzers
would have analyzed the texts they stand for."""

from __future__ import annotations

from textwrap import dedent

import pytest

from shipshape.knowledge.analysis import surface_analyzer, text_analyzer
from shipshape.knowledge.documents import section_documents
from shipshape.knowledge.topicfile import parse_topic

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

TOPIC = dedent(
    """\
    ---
    title: Pruning images
    tags: [prune, dangling images]
    questions:
      - How do I free the disk space images take?
    sections:
      remove-dangling-images:
        questions:
          - delete <none> images with docker image prune -f
    errors:
      - message: 'Error response from daemon: conflict: unable to delete <id> (must be forced)'
        section: remove-dangling-images
    ---
    `docker image prune` removes **dangling** images: layers no tag points at.

    ## Remove dangling images
    Run `docker image prune --force`; add `-a` for every unused image, [docs](https://x.y).
    """
)
TOPIC_QUESTION = "How do I free the disk space images take?"
OWN_QUESTION = "delete <none> images with docker image prune -f"
ERROR_WORDS = "Error response from daemon: conflict: unable to delete (must be forced)"


def whoosh_terms(text: str) -> list[str]:
    return [t.text for t in text_analyzer()(text, mode="index")]


def whoosh_words(text: str) -> list[str]:
    return [t.text for t in surface_analyzer()(text, mode="index")]


@pytest.fixture
def documents() -> list[dict]:
    return list(section_documents(parse_topic(TOPIC, "image-prune")))


def test_the_opening_and_each_section_are_documents(documents):
    assert [d["id"] for d in documents] == ["image-prune#", "image-prune#remove-dangling-images"]


def test_title_and_heading_are_analyzed_together(documents):
    assert documents[1]["head"] == whoosh_terms("Pruning images\nRemove dangling images")


def test_questions_hold_the_topics_the_sections_own_its_errors_and_the_tags(documents):
    asked = f"{TOPIC_QUESTION}\n{OWN_QUESTION}\n{ERROR_WORDS}"
    assert documents[1]["questions"] == whoosh_terms(f"{asked}\nprune dangling images")
    assert documents[0]["questions"] == whoosh_terms(f"{TOPIC_QUESTION}\nprune dangling images")


def test_the_body_is_indexed_as_terms_and_stored_as_text_without_markup(documents):
    body = documents[1]["_stored_body"]
    assert body == "Run docker image prune --force ; add -a for every unused image, docs."
    assert documents[1]["body"] == whoosh_terms(body)
    assert {"--force", "-a", "unus"} <= set(documents[1]["body"])


def test_stored_stems_are_the_distinct_stems_of_the_body(documents):
    body = documents[1]["_stored_body"]
    assert documents[1]["stems"] == " ".join(sorted(set(whoosh_terms(body))))


def test_key_stems_are_those_of_title_heading_questions_and_tags_each_analyzed_alone(documents):
    texts = ["Pruning images", "Remove dangling images", TOPIC_QUESTION, OWN_QUESTION]
    texts += [ERROR_WORDS, "prune dangling images"]
    expected = sorted({term for text in texts for term in whoosh_terms(text)})
    assert documents[1]["key_stems"] == " ".join(expected)


def test_words_are_the_distinct_surface_words_of_title_heading_questions_and_body(documents):
    body = documents[1]["_stored_body"]
    asked = f"{TOPIC_QUESTION}\n{OWN_QUESTION}\n{ERROR_WORDS}"
    text = " ".join(["Pruning images", "Remove dangling images", asked, body])
    assert documents[1]["words"] == " ".join(sorted(set(whoosh_words(text))))
    assert {"dangling", "daemon", "forced", "none"} <= set(documents[1]["words"].split())

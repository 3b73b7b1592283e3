"""The bundled topics' per-section phrasings and error messages point at sections that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from shipshape.knowledge.files import topic_files
from shipshape.knowledge.topicfile import TopicDoc, parse_topic
from shipshape.knowledge.vocabulary import load_vocabulary

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

CONTENT = Path(__file__).resolve().parents[2] / "content"
PLACEHOLDER_RE = re.compile(r"<[^<>\s]+>")


@pytest.fixture(scope="module")
def topics() -> list[TopicDoc]:
    return [parse_topic(p.read_text("utf-8"), p.stem) for p in topic_files(CONTENT)]


def anchors(doc: TopicDoc) -> set[str]:
    return {section.anchor for section in doc.sections}


def test_every_phrased_section_is_a_section_of_its_topic(topics):
    wrong = [
        f"{doc.slug}#{anchor}"
        for doc in topics
        for anchor in doc.section_questions
        if anchor and anchor not in anchors(doc)
    ]
    assert wrong == []


def test_every_section_phrasing_list_holds_a_few_questions(topics):
    counts = [len(asks) for doc in topics for asks in doc.section_questions.values()]
    assert len(counts) >= 100
    assert all(1 <= count <= 8 for count in counts)


def test_every_error_names_a_section_of_its_topic(topics):
    errors = [(doc, e) for doc in topics for e in doc.errors]
    assert len(errors) >= 15
    assert [e.message for doc, e in errors if e.anchor and e.anchor not in anchors(doc)] == []


def test_error_messages_mark_what_differs_per_learner_with_placeholders(topics):
    messages = [e.message for doc in topics for e in doc.errors]
    assert sum(bool(PLACEHOLDER_RE.search(m)) for m in messages) >= len(messages) // 2
    assert all(m.strip() == m and m for m in messages)


def test_the_vocabulary_lists_what_is_out_of_scope():
    vocabulary = yaml.safe_load((CONTENT / "_vocabulary.yaml").read_text("utf-8"))
    out_of_scope = vocabulary["out_of_scope"]
    assert all(isinstance(word, str) and word == word.lower() for word in out_of_scope)
    assert {"kubernetes", "depends_on", "swarm", "install docker"} <= set(out_of_scope)
    assert {"docker compose", "docker-compose"} <= set(vocabulary["near_scope"])
    assert not set(vocabulary["near_scope"]) & set(out_of_scope)


def test_swarm_commands_are_out_of_scope_but_the_docker_service_of_the_host_is_not():
    vocabulary = load_vocabulary(CONTENT)
    assert vocabulary.out_of_scope_term("sudo docker service ps my_stack_web") is not None
    assert vocabulary.out_of_scope_term("pip install after starting the docker service") is None
    assert vocabulary.out_of_scope_term("sudo systemctl restart docker service") is None

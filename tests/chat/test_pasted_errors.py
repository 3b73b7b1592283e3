"""Every error message a bundled topic lists: pasted with a learner's own values, it lands on the
section that explains it, alone or inside a longer message."""

from __future__ import annotations

import random
import re

import pytest

from shipshape.chat.answerer import answer_question
from shipshape.knowledge.files import topic_files
from shipshape.knowledge.topicfile import parse_topic
from tests.conftest import PROJECT

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

PLACEHOLDER = re.compile(r"<([^<>]{1,40})>")
BUNDLED = [
    parse_topic(p.read_text(encoding="utf-8"), p.stem) for p in topic_files(PROJECT / "content")
]
ENTRIES = [(doc.slug, entry.anchor, entry.message) for doc in BUNDLED for entry in doc.errors]


def learners_value(placeholder: str, rng: random.Random) -> str:
    """A value a learner might have where the message has a placeholder."""
    name = placeholder.lower()
    if "id" in name or "digest" in name or "hash" in name:
        return "".join(rng.choice("0123456789abcdef") for _ in range(12))
    if "port" in name:
        return str(rng.randrange(1024, 65000))
    if "path" in name or "dir" in name or "file" in name:
        return f"/srv/app{rng.randrange(100)}/data"
    if "tag" in name:
        return f"v{rng.randrange(10)}.{rng.randrange(10)}"
    if "image" in name or "repo" in name or "reference" in name:
        return f"acme/shop-{rng.randrange(100)}:1.{rng.randrange(10)}"
    return f"my-app-{rng.randrange(1000)}"


def filled(message: str, seed: int) -> str:
    rng = random.Random(seed)
    return PLACEHOLDER.sub(lambda m: learners_value(m.group(1), rng), message)


def test_the_bundled_topics_explain_errors():
    assert len(ENTRIES) >= 12


@pytest.mark.parametrize(("slug", "anchor", "message"), ENTRIES)
def test_a_pasted_error_lands_on_its_section(library, slug, anchor, message):
    reply = answer_question(filled(message, seed=1), library)
    assert reply.kind == "answer", reply.markdown[:200]
    assert (reply.topic_slug, reply.anchor) == (slug, anchor)


@pytest.mark.parametrize(("slug", "anchor", "message"), ENTRIES)
def test_an_error_inside_a_story_lands_on_its_section_too(library, slug, anchor, message):
    story = (
        f"I was following a tutorial and ran my usual command, then this came back: "
        f"{filled(message, seed=2)} ... I have no idea what I did wrong, can someone help?"
    )
    reply = answer_question(story, library)
    assert (reply.topic_slug, reply.anchor) == (slug, anchor)

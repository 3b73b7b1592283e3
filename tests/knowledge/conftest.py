"""Knowledge fixtures: three small topics, an index built from them, a migrated empty database."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from shipshape.knowledge.catalog import Catalog
from shipshape.knowledge.index import TopicIndex
from shipshape.knowledge.topicfile import TopicDoc, parse_topic
from shipshape.runtime import migrate_database

from .samples import SMALL_TOPICS


@pytest.fixture
def make_topic():
    """Parse a topic from indented text, the way a test writes it inline."""

    def _make(text: str, slug: str = "sample") -> TopicDoc:
        return parse_topic(dedent(text), slug)

    return _make


@pytest.fixture
def small_topics() -> list[TopicDoc]:
    return [parse_topic(text, slug) for slug, text in SMALL_TOPICS.items()]


@pytest.fixture
def small_catalog(small_topics) -> Catalog:
    return Catalog.build(small_topics)


@pytest.fixture
def small_index(tmp_path, small_topics):
    """A TopicIndex of the three small topics at content version 1."""
    index = TopicIndex(tmp_path / "index")
    index.rebuild(small_topics, version=1)
    yield index
    index.close()


@pytest.fixture
def content_dir(empty_app) -> Path:
    """The empty app's temporary content folder, with its database migrated but holding no topic."""
    migrate_database()
    return Path(empty_app.config["SHIPSHAPE_CONTENT_DIR"])

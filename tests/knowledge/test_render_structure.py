"""Every bundled topic and quiz renders with Python-Markdown to the structure markdown-it gave.

The snapshot (render_structure.json) was taken from the markdown-it-py renderer before the switch,
by `python -m tests.knowledge.render_structure`. Intended differences, and only these:
- headings now carry ids, the anchors `slugify` gives (markdown-it gave none), so a heading
  rendered from Markdown and the section link `/topics/<slug>#<anchor>` agree.
Everything else (code blocks with their language and exact text, tables with their header, rows and
alignment, links with address and text, lists with their items, inline code and emphasis) is equal.
"""

from __future__ import annotations

import json

import pytest
import yaml

from shipshape.knowledge.files import topic_files
from shipshape.knowledge.render import render_markdown
from shipshape.knowledge.topicfile import parse_topic

from .render_structure import (
    ROOT,
    SNAPSHOT,
    digest,
    quiz_texts,
    sections_structure,
    structure,
    topic_body,
)

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

BEFORE = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
ALL_TOPICS = {p.stem: p.read_text(encoding="utf-8") for p in topic_files(ROOT / "content")}
ALL_QUIZZES = {
    p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in ROOT.glob("quiz/*.yaml")
}
# A topic or quiz edited since the snapshot has no "before" to compare with: only unchanged
# Markdown is compared (the other render tests cover the rest).
TOPICS = {
    slug: text
    for slug, text in ALL_TOPICS.items()
    if BEFORE["sources"]["topics"].get(slug) == digest(topic_body(text, slug))
}
QUIZZES = {
    slug: data
    for slug, data in ALL_QUIZZES.items()
    if BEFORE["sources"]["quizzes"].get(slug) == digest("".join(quiz_texts(data)))
}


def without_heading_ids(found: dict) -> dict:
    return {**found, "headings": [{**h, "id": None} for h in found["headings"]]}


def test_the_snapshot_still_has_most_bundled_topics_and_quizzes_to_compare():
    assert len(TOPICS) >= len(ALL_TOPICS) // 2
    assert len(QUIZZES) >= len(ALL_QUIZZES) // 2


@pytest.mark.parametrize("slug", sorted(TOPICS))
def test_a_topic_keeps_its_structure_apart_from_the_new_heading_ids(slug):
    now = structure(render_markdown(topic_body(TOPICS[slug], slug)))

    assert without_heading_ids(now) == BEFORE["topics"][slug]


@pytest.mark.parametrize("slug", sorted(ALL_TOPICS))
def test_heading_ids_are_the_section_anchors_source_links_point_at(slug):
    now = structure(render_markdown(topic_body(ALL_TOPICS[slug], slug)))

    ids = [h["id"] for h in now["headings"] if h["tag"] == "h2"]
    assert ids == [s.anchor for s in parse_topic(ALL_TOPICS[slug], slug).sections]


@pytest.mark.parametrize("slug", sorted(TOPICS))
def test_sections_rendered_one_by_one_add_up_to_the_topic(slug):
    whole = BEFORE["topics"][slug]

    parts = sections_structure(TOPICS[slug], slug)

    assert parts == {**whole, "headings": [h for h in whole["headings"] if h["tag"] != "h2"]}


@pytest.mark.parametrize("slug", sorted(QUIZZES))
def test_quiz_text_keeps_its_structure(slug):
    html = "".join(render_markdown(t) for t in quiz_texts(QUIZZES[slug]))

    assert structure(html) == BEFORE["quizzes"][slug]

"""Library: two workers of one machine share an index folder; each must see the other's saves."""

from shipshape.chat.answerer import answer_question
from shipshape.knowledge.authoring import save_topic
from shipshape.knowledge.library import Library

QUESTION = "how often does kraken rotation happen"
KRAKEN = """---
title: Kraken rotation
---
Kraken rotation is a chore invented for this test.

## How often kraken rotation happens
Kraken rotation happens every twelve hours.
"""


def sibling(app) -> Library:
    """A second worker's library on the same index folder, synced before the save."""
    other = Library(app.config["SHIPSHAPE_INDEX_DIR"], app.config["SHIPSHAPE_CONTENT_DIR"], 0.0)
    other.ensure_fresh(force=True)
    return other


def test_a_worker_sees_a_topic_its_sibling_saved_into_their_shared_index(app, library):
    other = sibling(app)
    assert answer_question(QUESTION, other).kind == "no_answer"
    save_topic(KRAKEN, "kraken-rotation", library, None, creating=True)
    other.ensure_fresh()
    assert other.version == library.version
    assert other.index.doc_count() == library.index.doc_count()
    assert answer_question(QUESTION, other).topic_slug == "kraken-rotation"
    other.close()


def test_the_version_a_library_reports_moves_with_a_save(app, library):
    before = library.version
    save_topic(KRAKEN, "kraken-rotation", library, None, creating=True)
    assert library.version[0] > before[0]
    assert library.version[1] > before[1]

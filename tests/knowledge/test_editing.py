"""Saving from the editor: slugs from titles, no clobbered creates, no lost updates, the list."""

import threading

import pytest

from shipshape.extensions import db
from shipshape.knowledge import editing, store
from shipshape.knowledge.authoring import TopicRejected, delete_topic, save_topic
from shipshape.knowledge.listing import topic_count, topic_rows
from shipshape.knowledge.revisions import latest_number
from shipshape.runtime import get_library

TEXT = "---\ntitle: {title}\n---\nA summary about {title}.\n"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Quokka layers", "quokka-layers"),
        ("Café `docker ps` — déjà vu?", "cafe-docker-ps-deja-vu"),
        ("x" * 200, "x" * 120),
    ],
)
def test_a_slug_is_suggested_from_the_title(title, slug):
    assert editing.suggested_slug(TEXT.format(title=title)) == slug


def test_no_slug_is_suggested_without_a_readable_title():
    assert editing.suggested_slug("---\ntitle: [broken\n---\nBody.\n") == ""
    assert editing.suggested_slug("No front matter at all.") == ""
    assert editing.suggested_slug(TEXT.format(title="日本語")) == ""


def test_create_refuses_a_slug_held_by_a_deleted_topic(app, library):
    editing.create_topic(TEXT.format(title="Quokka"), "quokka", library, "a@example.org")
    delete_topic("quokka", library, "a@example.org")
    with pytest.raises(TopicRejected) as refused:
        editing.create_topic(TEXT.format(title="Other"), "quokka", library, "b@example.org")
    assert refused.value.problems[0].field == "slug"
    assert store.get_topic("quokka", include_deleted=True).title == "Quokka"


def test_an_edit_from_an_outdated_revision_raises_a_conflict_and_writes_nothing(app, library):
    base = latest_number("image")
    text = store.get_topic("image").markdown
    save_topic(text + "\nTheirs.\n", "image", library, "them@example.org")
    with pytest.raises(editing.EditConflict) as conflict:
        editing.edit_topic(text + "\nMine.\n", "image", base, library, "me@example.org")
    assert (conflict.value.base, conflict.value.current) == (base, base + 1)
    assert store.get_topic("image").markdown.endswith("Theirs.\n")


def test_editing_a_deleted_topic_is_refused(app, library):
    delete_topic("layers", library, None)
    with pytest.raises(editing.NoSuchTopic):
        editing.edit_topic("---\ntitle: L\n---\nBody.\n", "layers", 2, library, None)


def test_two_saves_from_the_same_revision_one_wins_and_the_other_is_told(app):
    base, text = latest_number("image"), store.get_topic("image").markdown
    start, outcomes = threading.Barrier(2), []

    def save(n: int) -> None:
        with app.app_context():
            start.wait()
            try:
                editing.edit_topic(f"{text}\nWriter {n}.\n", "image", base, get_library(app), None)
                outcomes.append("saved")
            except editing.EditConflict:
                outcomes.append("conflict")
            finally:
                db.session.remove()

    writers = [threading.Thread(target=save, args=(n,)) for n in (1, 2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=30)
    assert sorted(outcomes) == ["conflict", "saved"]
    db.session.expire_all()
    assert latest_number("image") == base + 1


def test_the_list_filters_and_counts_live_and_deleted_topics(app, library):
    live = topic_count()
    delete_topic("layers", library, "a@example.org")
    assert topic_count() == live - 1 and topic_count(deleted=True) == 1
    (row,) = topic_rows(deleted=True)
    assert (row.slug, row.latest_revision, row.last_author) == ("layers", 2, "a@example.org")
    assert [r.slug for r in topic_rows("docker image ls")] == ["docker-image-ls"]
    others = [r.slug for r in topic_rows("layers")]
    assert others and "layers" not in others

"""content/ is the file format: import it into the database, export it back, lose nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from shipshape.extensions import db
from shipshape.knowledge import store
from shipshape.knowledge.files import export_folder, import_folder, topic_files
from shipshape.models import Topic, TopicRevision
from shipshape.textfiles import ImportFailed


def revision_count() -> int:
    return db.session.scalar(select(func.count()).select_from(TopicRevision))


def topic_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Topic))


def slugs_in(folder) -> list[str]:
    return [path.stem for path in topic_files(folder)]


def test_topic_files_skip_data_files_that_start_with_an_underscore(content_dir):
    (content_dir / "_notes.md").write_text("not a topic", encoding="utf-8")

    names = {path.name for path in topic_files(content_dir)}

    assert "_notes.md" not in names
    assert "image.md" in names


def test_importing_the_content_folder_creates_every_topic(content_dir):
    report = import_folder(content_dir)

    assert report.created == slugs_in(content_dir)
    assert (report.updated, report.unchanged) == ([], [])
    assert store.live_slugs() == set(slugs_in(content_dir))
    assert revision_count() == len(report.created)
    assert store.get_topic("image").markdown == (content_dir / "image.md").read_text("utf-8")


def test_a_second_import_is_all_unchanged_and_adds_no_revision(content_dir):
    import_folder(content_dir)
    revisions, version = revision_count(), store.content_version()

    report = import_folder(content_dir)

    assert report.unchanged == slugs_in(content_dir)
    assert (report.created, report.updated) == ([], [])
    assert (revision_count(), store.content_version()) == (revisions, version)


def test_changing_one_file_adds_exactly_one_revision_and_keeps_the_old_text(content_dir):
    import_folder(content_dir)
    path = content_dir / "image.md"
    old_text = path.read_text("utf-8")
    path.write_text(old_text + "\n## Extra section\nSomething new.\n", encoding="utf-8")
    revisions = revision_count()

    report = import_folder(content_dir, author="ann@example.com")

    assert report.updated == ["image"]
    assert report.created == []
    assert revision_count() == revisions + 1
    topic = store.get_topic("image")
    assert [r.markdown for r in topic.revisions] == [old_text, path.read_text("utf-8")]
    assert (topic.revisions[-1].action, topic.revisions[-1].author) == ("import", "ann@example.com")


def test_a_folder_with_one_broken_file_imports_nothing_and_names_the_file(content_dir):
    (content_dir / "broken.md").write_text("---\ntags: [x]\n---\nNo title.\n", encoding="utf-8")

    with pytest.raises(ImportFailed) as caught:
        import_folder(content_dir)

    assert caught.value.problems == ["broken.md: title: is required"]
    assert topic_count() == 0
    assert store.content_version() == 0


def test_a_broken_file_leaves_earlier_imports_as_they_were(content_dir):
    import_folder(content_dir)
    revisions = revision_count()
    image = content_dir / "image.md"
    old_text = image.read_text("utf-8")
    image.write_text(old_text + "\nChanged.\n", encoding="utf-8")
    (content_dir / "broken.md").write_text("---\ntitle: [oops\n---\nBody\n", encoding="utf-8")

    with pytest.raises(ImportFailed, match=r"broken\.md: front matter"):
        import_folder(content_dir)

    assert revision_count() == revisions
    assert store.get_topic("image").markdown == old_text
    assert store.get_topic("broken") is None


def test_every_problem_is_reported_at_once(content_dir):
    (content_dir / "one.md").write_text("---\ntitle: One\n---\n\n", encoding="utf-8")
    (content_dir / "two.md").write_text("---\ntitle: T\ntags: {a: 1}\n---\nB\n", encoding="utf-8")

    with pytest.raises(ImportFailed) as caught:
        import_folder(content_dir)

    assert [p.split(":")[0] for p in caught.value.problems] == ["one.md", "two.md"]


def test_an_unknown_related_slug_is_reported(content_dir):
    (content_dir / "lonely.md").write_text(
        "---\ntitle: Lonely\nrelated: [image, no-such-topic]\n---\nBody.\n", encoding="utf-8"
    )

    with pytest.raises(ImportFailed) as caught:
        import_folder(content_dir)

    assert caught.value.problems == ["lonely.md: related: no topic 'no-such-topic'"]
    assert topic_count() == 0


def test_a_related_slug_already_in_the_database_is_accepted(content_dir, tmp_path):
    import_folder(content_dir)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "lonely.md").write_text(
        "---\ntitle: Lonely\nrelated: [image]\n---\nBody.\n", encoding="utf-8"
    )

    assert import_folder(extra).created == ["lonely"]


def test_export_writes_files_byte_identical_to_the_content_folder(content_dir, tmp_path):
    import_folder(content_dir)

    written = export_folder(tmp_path / "out")

    assert sorted(path.name for path in written) == [p.name for p in topic_files(content_dir)]
    for source in topic_files(content_dir):
        assert (tmp_path / "out" / source.name).read_bytes() == source.read_bytes(), source.name


def test_importing_an_export_changes_nothing(content_dir, tmp_path):
    import_folder(content_dir)
    export_folder(tmp_path / "out")
    revisions = revision_count()

    report = import_folder(tmp_path / "out")

    assert report.unchanged == slugs_in(content_dir)
    assert (report.created, report.updated) == ([], [])
    assert revision_count() == revisions


def test_export_leaves_out_deleted_topics(content_dir, tmp_path):
    import_folder(content_dir)
    store.mark_deleted("dangling-images")
    db.session.commit()

    names = {path.name for path in export_folder(tmp_path / "out")}

    assert "dangling-images.md" not in names
    assert "image.md" in names

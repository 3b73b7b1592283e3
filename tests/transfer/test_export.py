"""Zip export: exact bytes, deterministic, and a round trip through an empty app loses nothing."""

import io
import zipfile
from pathlib import Path

from shipshape.knowledge import store
from shipshape.knowledge.authoring import delete_topic
from shipshape.quizzes.store import live_quizzes
from shipshape.transfer.export import FIXED_TIME, export_zip
from tests.conftest import built_app

from .zips import make_zip

PROJECT = Path(__file__).resolve().parents[2]


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_the_export_holds_each_live_topic_the_vocabulary_and_each_quiz_as_stored(app):
    files = entries(export_zip(app.config["SHIPSHAPE_CONTENT_DIR"]))
    expected = sorted(
        [f"content/{t.slug}.md" for t in store.live_topics()]
        + ["content/_vocabulary.yaml"]
        + [f"quiz/{q.slug}.yaml" for q in live_quizzes()]
    )
    assert list(files) == expected
    for name, data in files.items():
        assert data == (PROJECT / name).read_bytes(), name


def test_two_exports_of_the_same_data_are_byte_identical_with_fixed_timestamps(app):
    first = export_zip(app.config["SHIPSHAPE_CONTENT_DIR"])
    assert export_zip(app.config["SHIPSHAPE_CONTENT_DIR"]) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {FIXED_TIME}


def test_a_deleted_topic_is_left_out(app, library):
    delete_topic("docker-help", library, "teacher@example.org")
    assert "content/docker-help.md" not in entries(export_zip(app.config["SHIPSHAPE_CONTENT_DIR"]))


def test_without_a_vocabulary_file_there_is_none_in_the_export(app, tmp_path):
    assert "content/_vocabulary.yaml" not in entries(export_zip(tmp_path))


def test_flask_export_zip_writes_the_same_bytes_as_the_export(runner, app, tmp_path):
    out = tmp_path / "export.zip"
    result = runner.invoke(args=["export", "--zip", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == export_zip(app.config["SHIPSHAPE_CONTENT_DIR"])
    assert f"{len(entries(out.read_bytes()))} files written to {out}" in result.output


def test_flask_export_refuses_zip_and_out_together(runner, tmp_path):
    result = runner.invoke(args=["export", "--zip", str(tmp_path / "a.zip"), "--out", "x"])
    assert result.exit_code == 2
    assert "leave out --out" in result.output


def test_a_zip_round_trip_through_an_empty_app_gives_the_same_bytes(runner, tmp_path):
    first = tmp_path / "first.zip"
    assert runner.invoke(args=["export", "--zip", str(first)]).exit_code == 0
    with built_app(tmp_path / "fresh", SHIPSHAPE_AUTO_IMPORT=False) as fresh:
        cli = fresh.test_cli_runner()
        imported = cli.invoke(args=["import", "--zip", str(first)])
        assert imported.exit_code == 0, imported.output
        topics = sum(name.startswith("content/") for name in entries(first.read_bytes())) - 1
        assert f"topics: {topics} created, 0 updated, 0 unchanged" in imported.output
        assert "content/_vocabulary.yaml: skipped" in imported.output
        second = tmp_path / "second.zip"
        assert cli.invoke(args=["export", "--zip", str(second)]).exit_code == 0
    assert second.read_bytes() == first.read_bytes()


def test_a_folder_round_trip_through_an_empty_app_gives_the_same_files(runner, tmp_path):
    first = tmp_path / "first"
    assert runner.invoke(args=["export", "--out", str(first)]).exit_code == 0
    with built_app(tmp_path / "fresh", SHIPSHAPE_AUTO_IMPORT=False) as fresh:
        cli = fresh.test_cli_runner()
        args = ["import", "--content", str(first / "content"), "--quizzes", str(first / "quiz")]
        assert cli.invoke(args=args).exit_code == 0
        second = tmp_path / "second"
        assert cli.invoke(args=["export", "--out", str(second)]).exit_code == 0
    for folder in ("content", "quiz"):
        names = sorted(p.name for p in (first / folder).iterdir())
        assert names == sorted(p.name for p in (second / folder).iterdir())
        assert names, folder
        for name in names:
            assert (second / folder / name).read_bytes() == (first / folder / name).read_bytes()


def test_flask_import_zip_with_a_broken_file_imports_nothing_and_lists_it(runner, tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(make_zip({"content/new-topic.md": "---\ntitle: New\n---\nBody.\n",
                              "content/broken.md": "---\ntags: [x]\n---\nBody.\n"}))  # fmt: skip
    result = runner.invoke(args=["import", "--zip", str(bad)])
    assert result.exit_code == 1
    assert "error: content/broken.md: title: is required" in result.output
    assert "no files were imported" in result.output
    assert store.get_topic("new-topic") is None


def test_flask_import_zip_refuses_a_file_that_is_not_a_zip(runner, tmp_path):
    fake = tmp_path / "fake.zip"
    fake.write_text("hello")
    result = runner.invoke(args=["import", "--zip", str(fake)])
    assert result.exit_code == 1
    assert "fake.zip: is not a zip file" in result.output


def test_flask_import_refuses_zip_and_folders_together(runner, tmp_path):
    data = tmp_path / "a.zip"
    data.write_bytes(make_zip({"content/": ""}))
    result = runner.invoke(args=["import", "--zip", str(data), "--content", str(tmp_path)])
    assert result.exit_code == 2

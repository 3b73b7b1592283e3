"""flask import, export and reindex: the round trip between content/ and the database."""

import re
from pathlib import Path

import pytest

from shipshape.knowledge import store
from shipshape.knowledge.files import topic_files
from shipshape.knowledge.topicfile import answer_sections
from shipshape.runtime import get_library

CONTENT = Path(__file__).resolve().parent.parent / "content"
VALID_TOPIC = """---
title: A brand-new topic
---
A summary paragraph.

## One section
Some text.
"""


@pytest.fixture
def fresh(empty_app):
    """A runner on an empty database, and the app's own copy of content/."""
    yield empty_app.test_cli_runner(), Path(empty_app.config["SHIPSHAPE_CONTENT_DIR"])
    get_library(empty_app).close()


def counts(output: str) -> dict[str, int]:
    line = re.search(r"topics: (\d+) created, (\d+) updated, (\d+) unchanged", output)
    assert line, output
    return dict(zip(("created", "updated", "unchanged"), map(int, line.groups()), strict=True))


def test_export_writes_each_topic_byte_for_byte(runner, tmp_path):
    out = tmp_path / "exported"
    result = runner.invoke(args=["export", "--out", str(out)])
    assert result.exit_code == 0, result.output
    topics = out / "content"
    originals = topic_files(CONTENT)
    assert sorted(p.name for p in topics.iterdir()) == sorted(p.name for p in originals)
    for original in originals:
        assert (topics / original.name).read_bytes() == original.read_bytes(), original.name
    assert f"{len(originals)} written" in result.output


def test_import_creates_every_topic_then_changes_nothing_the_second_time(fresh):
    runner, content = fresh
    first = runner.invoke(args=["import"])
    assert first.exit_code == 0, first.output
    assert counts(first.output) == {
        "created": len(topic_files(content)),
        "updated": 0,
        "unchanged": 0,
    }
    second = runner.invoke(args=["import"])
    assert second.exit_code == 0, second.output
    assert counts(second.output) == {
        "created": 0,
        "updated": 0,
        "unchanged": len(topic_files(content)),
    }


def test_import_counts_an_edited_file_as_updated(fresh):
    runner, content = fresh
    assert runner.invoke(args=["import"]).exit_code == 0
    path = content / "docker-container-rm.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert counts(runner.invoke(args=["import"]).output)["updated"] == 1


def test_imported_topics_are_searchable_at_once(fresh):
    runner, content = fresh
    (content / "brand-new-topic.md").write_text(VALID_TOPIC, encoding="utf-8")
    assert runner.invoke(args=["import"]).exit_code == 0
    assert get_library().catalog.get("brand-new-topic") is not None


def test_reindex_reports_the_number_of_sections(runner, library):
    result = runner.invoke(args=["reindex"])
    assert result.exit_code == 0, result.output
    reported = int(re.search(r"index: (\d+) sections", result.output).group(1))
    expected = sum(len(answer_sections(doc)) for doc in library.catalog.topics.values())
    assert reported == expected > 0
    assert library.index.doc_count() == expected


@pytest.mark.parametrize(
    "broken",
    [
        "---\ntitle: [never closed\n---\nBody.\n",
        "---\ntags: [no-title]\n---\nBody.\n",
        "---\ntitle: Nothing below\n---\n",
        "---\ntitle: Points nowhere\nrelated: [no-such-topic]\n---\nBody.\n",
    ],
    ids=["bad yaml", "no title", "empty body", "unknown related"],
)
def test_an_import_with_a_broken_file_fails_naming_it_and_imports_nothing(fresh, broken):
    runner, content = fresh
    (content / "zz-broken.md").write_text(broken, encoding="utf-8")
    result = runner.invoke(args=["import", "--content", str(content)])
    assert result.exit_code != 0
    assert "zz-broken.md" in result.output
    assert store.live_slugs() == set()


def test_a_file_that_is_not_utf8_is_named_too(fresh):
    runner, content = fresh
    (content / "zz-latin1.md").write_bytes(b"---\ntitle: Caf\xe9\n---\nBody.\n")
    result = runner.invoke(args=["import"])
    assert result.exit_code != 0
    assert "zz-latin1.md" in result.output


def test_import_gift_reports_what_it_cannot_map_with_line_numbers(runner, tmp_path):
    gift = tmp_path / "mixed.gift"
    gift.write_text(
        "::ro:: Images are read-only {T}\n\n::why:: Explain layers {}\n\n"
        "::hub:: Default registry? {=Docker Hub =docker.io}\n"
    )
    result = runner.invoke(args=["import-gift", str(gift), "--quiz", "from-gift"])
    assert result.exit_code == 0, result.output
    assert f"{gift}:3:" in result.output
    assert "2 questions" in result.output
    quizzes = runner.app.test_client().get("/api/quizzes").get_json()["quizzes"]
    assert {"slug": "from-gift", "count": 2} in [
        {"slug": q["slug"], "count": q["question_count"]} for q in quizzes
    ]


def test_export_gift_writes_choice_questions_and_lists_the_rest(runner, tmp_path):
    out = tmp_path / "quiz.gift"
    result = runner.invoke(args=["export-gift", "images-vs-containers", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "::what-an-image-is::" in out.read_text()
    assert "(command): GIFT has no equivalent" in result.output


def test_export_gift_of_an_unknown_quiz_fails_clearly(runner):
    result = runner.invoke(args=["export-gift", "no-such-quiz"])
    assert result.exit_code != 0
    assert "no quiz 'no-such-quiz'" in result.output

"""Bundle import: everything is checked first, then written in one transaction or not at all."""

import io

import pytest

from shipshape.knowledge import store
from shipshape.quizzes.store import get_quiz
from shipshape.textfiles import ImportFailed
from shipshape.transfer.bundle import GiftOptions, bundle_from_upload
from shipshape.transfer.service import import_bundle

from .zips import QUIZ, TOPIC, make_zip

FLUFFY_QUIZ = """title: Fluffy listing
questions:
  - id: fluffy
    type: command
    prompt: List the fluffy containers.
    answer: docker container ls --fluffy
"""


def upload(library, name: str, data: bytes | str, gift: GiftOptions | None = None):
    raw = data.encode() if isinstance(data, str) else data
    bundle = bundle_from_upload(name, io.BytesIO(raw), gift)
    return import_bundle(bundle, library, "teacher@example.org")


def problems_of(library, name: str, data: bytes | str, gift: GiftOptions | None = None):
    with pytest.raises(ImportFailed) as failure:
        upload(library, name, data, gift)
    return failure.value.problems


def test_a_zip_of_a_topic_and_a_quiz_on_it_creates_both_and_the_topic_is_searchable(library):
    result = upload(library, "new.zip", make_zip({"content/quokka-layers.md": TOPIC,
                                                 "quiz/quokka.yaml": QUIZ}))  # fmt: skip
    assert (result.topics.created, result.quizzes.created) == (
        ["content/quokka-layers.md"],
        ["quiz/quokka.yaml"],
    )
    assert library.catalog.get("quokka-layers").title == "Quokka layers"
    revision = store.revisions_of("quokka-layers")[0]
    assert (revision.action, revision.author) == ("import", "teacher@example.org")
    assert get_quiz("quokka").source == QUIZ


def test_importing_the_same_zip_again_changes_nothing(library):
    data = make_zip({"content/quokka-layers.md": TOPIC, "quiz/quokka.yaml": QUIZ})
    upload(library, "new.zip", data)
    again = upload(library, "new.zip", data)
    assert again.topics.unchanged == ["content/quokka-layers.md"]
    assert again.quizzes.unchanged == ["quiz/quokka.yaml"]
    assert again.topics.created == again.topics.updated == []
    assert len(store.revisions_of("quokka-layers")) == 1


def test_an_edited_topic_counts_as_updated(library):
    edited = store.get_topic("image").markdown + "\nOne more line.\n"
    result = upload(library, "image.md", edited)
    assert result.topics.updated == ["image.md"]
    assert store.get_topic("image").markdown == edited


def test_a_zip_with_one_good_and_one_bad_topic_imports_neither(library):
    before = store.content_version()
    problems = problems_of(library, "mixed.zip", make_zip({
        "content/quokka-layers.md": TOPIC,
        "content/broken.md": "---\ntags: [no-title]\n---\nBody.\n",
    }))  # fmt: skip
    assert problems == ["content/broken.md: title: is required"]
    assert store.get_topic("quokka-layers") is None
    assert store.content_version() == before


def test_every_problem_is_listed_with_its_file_and_field(library):
    problems = problems_of(library, "bad.zip", make_zip({
        "content/a-topic.md": "---\ntitle: A\nrelated: [nowhere]\n---\nBody.\n",
        "content/b-topic.md": "---\ntitle: [unclosed\n---\nBody.\n",
        "quiz/q.yaml": QUIZ,
        "quiz/r.yaml": "title: R\nquestions: []\n",
    }))  # fmt: skip
    assert problems[0].startswith("content/b-topic.md: front matter: is not valid YAML")
    assert problems[1:] == [
        "content/a-topic.md: related: there is no topic 'nowhere'",
        "quiz/q.yaml: question 'quokka-home': no topic 'quokka-layers'",
        "quiz/r.yaml: questions: must be a non-empty list",
    ]


def test_topics_in_one_upload_may_refer_to_each_other(library):
    first = TOPIC.replace("related: [image]", "related: [image, quokka-burrows]")
    second = TOPIC.replace("Quokka layers", "Quokka burrows").replace("[image]", "[quokka-layers]")
    upload(library, "pair.zip", make_zip({"content/quokka-layers.md": first,
                                          "content/quokka-burrows.md": second}))  # fmt: skip
    assert store.live_slugs() >= {"quokka-layers", "quokka-burrows"}


def test_quizzes_are_checked_against_the_commands_as_they_will_be_after_the_topics_land(library):
    assert problems_of(library, "fluffy.yaml", FLUFFY_QUIZ) == [
        "fluffy.yaml: question 'fluffy': unknown flag(s) --fluffy"
    ]
    topic = store.get_topic("docker-container-ls").markdown.replace(
        "  options:\n", "  options:\n    - flags: [--fluffy]\n      help: Only fluffy ones.\n", 1
    )
    result = upload(library, "both.zip", make_zip({"content/docker-container-ls.md": topic,
                                                  "quiz/fluffy.yaml": FLUFFY_QUIZ}))  # fmt: skip
    assert result.quizzes.created == ["quiz/fluffy.yaml"]


def test_the_vocabulary_in_a_zip_is_skipped_with_a_note(library):
    result = upload(library, "with-vocabulary.zip", make_zip({
        "content/_vocabulary.yaml": "filler: [please]\n",
        "content/quokka-layers.md": TOPIC,
    }))  # fmt: skip
    assert result.topics.created == ["content/quokka-layers.md"]
    assert result.notes == [
        "content/_vocabulary.yaml: skipped; the vocabulary is not importable through an upload "
        "(it is read from the server's content folder)"
    ]


def test_unknown_file_types_and_unexpected_folders_are_listed(library):
    problems = problems_of(library, "odd.zip", make_zip({
        "README.txt": "hi", "images/": "", "content/sub/a.md": TOPIC, "content/notes.txt": "",
        "content/_draft.md": TOPIC, "quiz/q.json": "{}", "nested.zip": b"PK",
    }))  # fmt: skip
    assert [p.split(": ", 1)[0] for p in problems] == [
        "README.txt", "images/", "content/sub/a.md", "content/notes.txt", "content/_draft.md",
        "quiz/q.json", "nested.zip",
    ]  # fmt: skip
    assert "unknown file type; quiz/ holds quizzes as .yaml files" in problems[5]
    assert "unexpected place" in problems[0]


def test_the_folders_macos_adds_to_a_zip_are_ignored(library):
    result = upload(library, "mac.zip", make_zip({"__MACOSX/content/._x.md": b"\x00\x05",
                                                  "content/.DS_Store": b"\x00",
                                                  "content/quokka-layers.md": TOPIC}))  # fmt: skip
    assert result.topics.created == ["content/quokka-layers.md"]


def test_a_zip_with_nothing_to_import_says_so(library):
    problems = problems_of(library, "empty.zip", make_zip({"content/": "", "quiz/": ""}))
    assert problems == ["empty.zip: holds no content/<slug>.md or quiz/<slug>.yaml files"]


def test_text_that_is_not_utf8_is_named(library):
    problems = problems_of(library, "latin.zip", make_zip({
        "content/cafe.md": "---\ntitle: Café\n---\nBody.\n".encode("latin-1"),
    }))  # fmt: skip
    assert problems == ["content/cafe.md: is not UTF-8 text; save it as UTF-8 and upload it again"]


def test_a_byte_order_mark_is_dropped_and_line_endings_are_kept(library):
    text = TOPIC.replace("\n", "\r\n")
    upload(library, "quokka-layers.md", b"\xef\xbb\xbf" + text.encode())
    assert store.get_topic("quokka-layers").markdown == text


def test_the_same_quiz_twice_under_two_extensions_is_refused(library):
    problems = problems_of(library, "twice.zip", make_zip({"quiz/q.yaml": QUIZ,
                                                          "quiz/q.yml": QUIZ}))  # fmt: skip
    assert "quiz/q.yml: is the same quiz 'q' as quiz/q.yaml" in problems


def test_yaml_is_loaded_safely(library):
    hostile = '!!python/object/apply:os.system ["touch /tmp/shipshape-pwned"]\n'
    assert problems_of(library, "evil.yaml", hostile) == [
        "evil.yaml: file: is not valid YAML (line 1)"
    ]


def test_a_title_longer_than_the_database_allows_is_refused(library):
    long_title = TOPIC.replace("title: Quokka layers", "title: " + "x" * 201)
    assert problems_of(library, "quokka-layers.md", long_title) == [
        "quokka-layers.md: title: at most 200 characters"
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("notes.txt", "notes.txt: unknown file type; upload .md, .yaml, .yml, .gift or .zip"),
        ("Quokka.md", "Quokka.md: slug: use lowercase letters, digits and hyphens"),
        ("_draft.md", "_draft.md: slug: use lowercase letters, digits and hyphens"),
    ],
)
def test_a_single_file_is_refused_by_its_name(library, name, expected):
    assert problems_of(library, name, TOPIC) == [expected]


def test_a_single_file_over_two_megabytes_is_refused(library):
    assert problems_of(library, "big.md", "x" * (2 * 1024 * 1024 + 1)) == [
        "big.md: is larger than 2 MB"
    ]


def test_a_gift_file_becomes_a_quiz_named_after_the_file_and_notes_what_was_dropped(library):
    gift = "::ro:: Images are read-only {T#Right}\n\n::why:: Explain layers {}\n"
    result = upload(library, "My Gift Quiz.gift", gift)
    assert result.quizzes.created == ["My Gift Quiz.gift"]
    assert get_quiz("my-gift-quiz").title == "My gift quiz"
    assert any(note.startswith("My Gift Quiz.gift: line 3:") for note in result.notes)


def test_a_gift_file_takes_the_slug_and_title_given(library):
    upload(library, "x.gift", "Images are read-only {T}\n", GiftOptions("ro-quiz", "Read-only?"))
    assert get_quiz("ro-quiz").title == "Read-only?"


def test_a_gift_file_with_nothing_convertible_is_refused_with_the_reasons(library):
    problems = problems_of(library, "essays.gift", "::why:: Explain layers {}\n")
    assert problems[0].startswith("essays.gift: line 1:")
    assert problems[-1] == "essays.gift: file: no question could be imported"
    assert get_quiz("essays") is None


def test_an_uploaded_quiz_gets_the_quiz_editors_checks(library):
    """A quoted "no" would read as a right option; the editor refuses it, and so does an upload."""
    quoted = """\
title: Quoted answers
questions:
  - id: quoted
    type: single_choice
    prompt: Which is an image?
    topics: [image]
    options:
      - {id: a, text: A template, correct: true}
      - {id: b, text: A process, correct: "no"}
"""
    found = problems_of(library, "quoted.yaml", quoted)
    assert any("quoted.yaml" in p and "question 'quoted'" in p for p in found), found
    assert get_quiz("quoted") is None

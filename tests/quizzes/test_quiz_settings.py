"""Moodle's quiz settings in a quiz file (draw, grade_method, show_correct, closes_at) and keys the
format does not know: parsed, checked and named the same way by import, upload and the editor."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

from shipshape.quizzes.authoring import QuizRejected, check_quiz_text
from shipshape.quizzes.bank import BankError, parse_bank
from shipshape.quizzes.files import parse_quiz_folder
from shipshape.quizzes.settings import GRADE_METHODS, QUIZ_KEYS, SHOW_CORRECT
from shipshape.textfiles import ImportFailed
from shipshape.transfer.bundle import bundle_from_upload
from shipshape.transfer.service import import_bundle

QUESTIONS = """\
questions:
  - id: one
    type: true_false
    prompt: Images are read-only.
    answer: true
  - id: two
    type: true_false
    prompt: A container has a writable layer.
    answer: true
  - id: three
    type: short_answer
    prompt: Docker's default registry?
    answers: [Docker Hub]
"""


def bank(settings: str = "", questions: str = QUESTIONS) -> str:
    return f"title: Settings check\n{settings}{questions}"


def error_of(text: str) -> tuple[str, str]:
    with pytest.raises(BankError) as caught:
        parse_bank(text, "settings-check")
    return caught.value.where, caught.value.message


def test_a_quiz_without_settings_gets_moodles_defaults():
    doc = parse_bank(bank(), "settings-check")

    assert (doc.draw, doc.grade_method, doc.show_correct, doc.closes_at) == (
        None, "highest", "immediately", None,
    )  # fmt: skip
    assert doc.questions_per_attempt == 3


def test_every_setting_is_read():
    doc = parse_bank(
        bank(
            "draw: 2\ngrade_method: last\nshow_correct: after_deadline\n"
            "closes_at: 2030-06-30T18:00:00Z\n"
        ),
        "settings-check",
    )

    assert (doc.draw, doc.grade_method, doc.show_correct) == (2, "last", "after_deadline")
    assert doc.closes_at == datetime(2030, 6, 30, 18, 0)
    assert doc.questions_per_attempt == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2030-06-30T18:00:00Z", datetime(2030, 6, 30, 18, 0)),
        ('"2030-06-30T18:00:00+02:00"', datetime(2030, 6, 30, 16, 0)),
        ("2030-06-30 18:00", datetime(2030, 6, 30, 18, 0)),
    ],
)
def test_closes_at_is_kept_in_utc(value, expected):
    doc = parse_bank(bank(f"closes_at: {value}\n"), "settings-check")

    assert doc.closes_at == expected


@pytest.mark.parametrize("method", ["highest", "last", "average", "first"])
def test_each_grade_method_is_accepted(method):
    assert parse_bank(bank(f"grade_method: {method}\n"), "settings-check").grade_method == method


BAD_SETTINGS = {
    "draw zero": ("draw: 0\n", "draw", "must be a whole number from 1 to 3"),
    "draw more than the bank": ("draw: 4\n", "draw", "must be a whole number from 1 to 3"),
    "draw a fraction": ("draw: 1.5\n", "draw", "must be a whole number from 1 to 3"),
    "draw yes": ("draw: yes\n", "draw", "must be a whole number from 1 to 3"),
    "grade method": ("grade_method: best\n", "grade_method", "must be one of highest, last"),
    "show correct": ("show_correct: later\n", "show_correct", "must be one of immediately"),
    "after a deadline there is not": (
        "show_correct: after_deadline\n",
        "show_correct",
        "after_deadline needs a deadline: set closes_at or time_limit_minutes",
    ),
    "closes_at a date": ("closes_at: 2030-06-30\n", "closes_at", "must be a date and time in UTC"),
    "closes_at before year 1 in UTC": (
        'closes_at: "0001-01-01T00:00:00+01:00"\n',
        "closes_at",
        "is out of range",
    ),
    "closes_at words": ("closes_at: next friday\n", "closes_at", "must be a date and time in UTC"),
}


@pytest.mark.parametrize(("settings", "where", "message"), BAD_SETTINGS.values(), ids=BAD_SETTINGS)
def test_a_bad_setting_is_named_with_what_it_may_be(settings, where, message):
    found_where, found = error_of(bank(settings))

    assert found_where == where
    assert found.startswith(message)


def test_after_deadline_with_a_time_limit_is_accepted():
    doc = parse_bank(bank("time_limit_minutes: 10\nshow_correct: after_deadline\n"), "s-c")

    assert doc.show_correct == "after_deadline"


def test_an_unknown_top_level_key_is_named_with_a_suggestion():
    assert error_of(bank("drow: 2\n")) == ("quiz", "unknown key 'drow' (did you mean 'draw'?)")


def test_several_unknown_keys_are_all_named():
    where, message = error_of(bank("drow: 2\nshuffle: true\n"))

    assert where == "quiz"
    assert "unknown key 'drow'" in message
    assert "unknown key 'shuffle'" in message


def test_an_unknown_question_key_is_named_with_its_question():
    text = bank(
        questions=QUESTIONS.replace("    answer: true\n", "    answer: true\n    hnit: x\n", 1)
    )

    assert error_of(text) == ("question 'one'", "unknown key 'hnit'")


def test_a_key_of_another_question_type_is_named_as_such():
    text = bank(
        questions=QUESTIONS.replace("    answer: true\n", "    answer: true\n    options: []\n", 1)
    )

    assert error_of(text) == ("question 'one'", "'options' does not apply to a true_false question")


def test_an_unknown_option_key_is_named_with_its_option():
    text = """title: Options
questions:
  - id: pick
    type: single_choice
    prompt: Which?
    options:
      - {id: a, text: A, corect: true}
      - {id: b, text: B, correct: true}
"""
    assert error_of(text) == (
        "question 'pick' options[0]",
        "unknown key 'corect' (did you mean 'correct'?)",
    )


def test_the_folder_import_names_the_file_and_the_key(tmp_path):
    (tmp_path / "typo.yaml").write_text(bank("drow: 2\n"), encoding="utf-8")

    with pytest.raises(ImportFailed) as caught:
        parse_quiz_folder(tmp_path, set(), None)

    assert caught.value.problems == ["typo.yaml: quiz: unknown key 'drow' (did you mean 'draw'?)"]


def test_an_upload_names_the_unknown_key(library):
    bundle = bundle_from_upload("typo.yaml", io.BytesIO(bank("drow: 2\n").encode()), None)

    with pytest.raises(ImportFailed) as caught:
        import_bundle(bundle, library, "teacher@example.org")

    assert any("unknown key 'drow'" in p for p in caught.value.problems), caught.value.problems


def test_the_editor_lists_an_unknown_key_with_the_other_problems(library):
    text = bank(
        "drow: 2\ngrade_method: best\n", QUESTIONS.replace("answer: true", "answer: maybe", 1)
    )

    with pytest.raises(QuizRejected) as caught:
        check_quiz_text(text, "settings-check", library.catalog, True)

    found = {(p.where, p.message) for p in caught.value.problems}
    assert ("quiz", "unknown key 'drow' (did you mean 'draw'?)") in found
    assert ("question 'one'", "a true_false needs 'answer: true' or 'answer: false'") in found


def test_the_editor_checks_draw_against_the_real_number_of_questions(library):
    with pytest.raises(QuizRejected) as caught:
        check_quiz_text(bank("draw: 3\ngrade_method: best\n"), "s-c", library.catalog, True)

    found = {(p.where, p.message.split(";")[0]) for p in caught.value.problems}
    assert found == {("grade_method", "must be one of highest, last, average, first")}


def test_the_readme_documents_every_quiz_key_and_setting_value():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    writing = readme[readme.index("## Writing quizzes") :]

    for key in QUIZ_KEYS:
        assert f"\n{key}:" in writing, key
    for value in (*GRADE_METHODS, *SHOW_CORRECT):
        assert value in writing, value

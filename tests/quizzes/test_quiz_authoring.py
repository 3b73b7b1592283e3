"""Quiz authoring: every problem named with where it is, revisions, delete and restore, and
attempts that keep the revision they began on."""

from __future__ import annotations

import pytest

from shipshape.quizzes import history, store
from shipshape.quizzes.attempts import AttemptError, list_quizzes, start_attempt, submit_attempt
from shipshape.quizzes.authoring import (
    QuizConflict,
    QuizRejected,
    check_quiz_text,
    delete_quiz,
    restore_quiz_revision,
    save_quiz,
)
from shipshape.quizzes.checks import warnings_for
from tests.quizzes.helpers import QUIZ_DIR, SLUGS

HEAD = "title: Authoring check\ndescription: For tests.\nquestions:\n"

SINGLE = """\
  - id: pick-one
    type: single_choice
    prompt: Which one?
    topics: [image]
    options:
      - {id: a, text: First, correct: true}
      - {id: b, text: Second}
"""

TRUE_FALSE = """\
  - id: kernel
    type: true_false
    prompt: Containers share the host kernel.
    topics: [containers-vs-vms]
    answer: true
"""


def command(answer: str, qid: str = "type-it") -> str:
    return f"  - id: {qid}\n    type: command\n    prompt: Type it.\n    answer: {answer}\n"


def problems_of(text: str, catalog, slug: str = "authoring-check", creating: bool = False):
    with pytest.raises(QuizRejected) as caught:
        check_quiz_text(text, slug, catalog, creating)
    return [(p.question, p.where, p.message) for p in caught.value.problems]


@pytest.fixture
def catalog(library):
    return library.catalog


@pytest.mark.parametrize("slug", SLUGS)
def test_every_bundled_quiz_passes_the_editor_checks(catalog, slug):
    text = (QUIZ_DIR / f"{slug}.yaml").read_text(encoding="utf-8")
    doc = check_quiz_text(text, slug, catalog)
    assert doc.questions and doc.text == text


def test_a_command_no_topic_describes_is_a_warning_not_a_problem(catalog):
    text = (QUIZ_DIR / "layers-and-storage.yaml").read_text(encoding="utf-8")
    no_topic = "answer: docker network create appdata"  # docker volume create has a topic now
    text = text.replace("answer: docker volume create appdata", no_topic)
    warnings = warnings_for(check_quiz_text(text, "layers-and-storage", catalog), catalog)
    assert [w.question for w in warnings] == ["make-a-volume"]
    assert "exact words" in warnings[0].message


def test_a_single_choice_with_two_right_options_names_the_question(catalog):
    text = HEAD + SINGLE.replace("{id: b, text: Second}", "{id: b, text: Second, correct: true}")
    [(question, _, message)] = problems_of(text, catalog)
    assert question == "pick-one"
    assert "exactly one correct option, found 2" in message


def test_a_multiple_choice_with_no_right_option_is_refused(catalog):
    text = HEAD + SINGLE.replace("single_choice", "multiple_choice").replace(", correct: true", "")
    [(question, _, message)] = problems_of(text, catalog)
    assert (question, "at least one correct option" in message) == ("pick-one", True)


def test_a_quoted_false_is_not_taken_for_a_right_option(catalog):
    text = HEAD + SINGLE.replace("{id: b, text: Second}", '{id: b, text: Second, correct: "no"}')
    found = problems_of(text, catalog)
    assert found[0] == (
        "pick-one",
        "question 'pick-one' options[1]",
        "'correct' must be true or false",
    )


def test_a_command_answer_with_unbalanced_quotes_does_not_parse(catalog):
    [(question, _, message)] = problems_of(HEAD + command("docker run -e 'A=1 nginx"), catalog)
    assert question == "type-it"
    assert "not a command line" in message and "quotes" in message


def test_a_mistyped_command_is_refused_with_the_command_it_looks_like(catalog):
    [(question, _, message)] = problems_of(HEAD + command("docker contaner ls -a"), catalog)
    assert question == "type-it"
    assert "did you mean `docker container ls`" in message


def test_a_flag_the_command_does_not_have_is_refused(catalog):
    [(question, _, message)] = problems_of(HEAD + command("docker ps --everything"), catalog)
    assert (question, message) == ("type-it", "unknown flag(s) --everything")


def test_a_topic_slug_that_names_no_topic_is_refused(catalog):
    [(question, _, message)] = problems_of(HEAD + SINGLE.replace("[image]", "[quokka]"), catalog)
    assert (question, message) == ("pick-one", "no topic 'quokka'")


def test_duplicate_question_ids_are_named(catalog):
    [(_, where, message)] = problems_of(HEAD + SINGLE + SINGLE, catalog)
    assert (where, message) == ("questions", "repeated id(s): pick-one")


def test_a_question_without_a_prompt_is_refused(catalog):
    [(question, _, message)] = problems_of(
        HEAD + TRUE_FALSE.replace("    prompt:", "    hint:"), catalog
    )
    assert (question, message) == ("kernel", "'prompt' is required")


def test_bad_yaml_is_reported_with_its_line(catalog):
    [(question, where, message)] = problems_of(HEAD + SINGLE + "  - id: [broken\n", catalog)
    assert (question, where) == (None, "file")
    assert "not valid YAML (line 12)" in message


def test_every_problem_is_listed_at_once_not_only_the_first(catalog):
    text = "description: no title\nquestions:\n" + TRUE_FALSE.replace("answer: true", "answer: 7")
    text += SINGLE.replace("correct: true", "correct: false") + SINGLE.replace("pick-one", "kernel")
    found = problems_of(text, catalog)
    assert (
        "kernel",
        "question 'kernel'",
        "a true_false needs 'answer: true' or 'answer: false'",
    ) in found
    assert any(q == "pick-one" and "found 0" in m for q, _, m in found)
    assert (None, "file", "'title' is required") in found
    assert (None, "questions", "repeated id(s): kernel") in found


def test_a_bad_slug_and_a_taken_slug_are_refused(catalog):
    text = HEAD + SINGLE
    assert problems_of(text, catalog, slug="Not A Slug")[0][1] == "slug"
    taken = problems_of(text, catalog, slug="images-vs-containers", creating=True)
    assert taken == [(None, "slug", "a quiz 'images-vs-containers' already exists")]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("title: " + "x" * 201 + "\nquestions:\n" + SINGLE, "title"),
        ('title: "a\\0b"\nquestions:\n' + SINGLE, "title"),
        ("title: T\nquestions:\n" + "  - " * 1 + "[" * 50_000 + "]" * 50_000 + "\n", "file"),
        (HEAD + "  - {id: s, type: short_answer, prompt: P, answers: Hub}\n", "question 's'"),
    ],
)
def test_what_the_database_or_grader_would_choke_on_is_a_problem(catalog, text, where):
    assert where in [w for _, w, _ in problems_of(text, catalog)]


def test_an_optional_number_left_empty_means_its_default(catalog):
    text = HEAD.replace("questions:", "pass_percent:\nquestions:") + SINGLE + "    points:\n"
    doc = check_quiz_text(text, "authoring-check", catalog)
    assert (doc.pass_percent, doc.questions[0].points) == (70.0, 1.0)


def test_a_new_quiz_is_listed_and_can_be_started(library):
    saved = save_quiz(HEAD + SINGLE + TRUE_FALSE, "authoring-check", library, "t@example.org", True)
    assert (saved.revision, saved.created, saved.question_count) == (1, True, 2)
    listed = {q["slug"]: q for q in list_quizzes()}
    assert listed["authoring-check"]["question_count"] == 2
    assert start_attempt("authoring-check")["questions"]


def test_an_edit_adds_a_revision_and_the_same_text_adds_none(library):
    save_quiz(HEAD + SINGLE, "authoring-check", library, None, creating=True)
    edited = save_quiz(HEAD + SINGLE + TRUE_FALSE, "authoring-check", library, "t@example.org")
    assert (edited.revision, edited.created, edited.question_count) == (2, False, 2)
    same = save_quiz(HEAD + SINGLE + TRUE_FALSE, "authoring-check", library, None)
    assert same.revision is None
    [latest, first] = history.revisions_of("authoring-check")
    assert (latest.action, latest.author, first.action) == ("edit", "t@example.org", "create")


def test_a_save_based_on_an_old_revision_is_refused_and_writes_nothing(library):
    save_quiz(HEAD + SINGLE, "authoring-check", library, None, creating=True)
    save_quiz(HEAD + SINGLE + TRUE_FALSE, "authoring-check", library, None, base_revision=1)
    with pytest.raises(QuizConflict) as caught:
        save_quiz(HEAD + TRUE_FALSE, "authoring-check", library, None, base_revision=1)
    assert caught.value.current == 2
    assert store.get_quiz("authoring-check").source == HEAD + SINGLE + TRUE_FALSE


def test_a_rejected_text_writes_nothing(library):
    with pytest.raises(QuizRejected):
        save_quiz(HEAD + command("docker contaner ls"), "authoring-check", library, None, True)
    assert store.get_quiz("authoring-check", include_deleted=True) is None


def test_delete_hides_a_quiz_and_restore_brings_it_back(library):
    assert delete_quiz("images-vs-containers", "t@example.org").revision == 2
    assert "images-vs-containers" not in {q["slug"] for q in list_quizzes()}
    with pytest.raises(AttemptError):
        start_attempt("images-vs-containers")
    assert delete_quiz("images-vs-containers", None) is None
    restored = restore_quiz_revision("images-vs-containers", 2, library, None)
    assert (restored.revision, restored.created) == (3, False)
    assert "images-vs-containers" in {q["slug"] for q in list_quizzes()}
    actions = [r.action for r in history.revisions_of("images-vs-containers")]
    assert actions == ["restore", "delete", "import"]


def test_restoring_an_earlier_revision_makes_its_text_current(library):
    save_quiz(HEAD + SINGLE, "authoring-check", library, None, creating=True)
    save_quiz(HEAD + TRUE_FALSE, "authoring-check", library, None)
    assert restore_quiz_revision("authoring-check", 1, library, None).revision == 3
    assert store.get_quiz("authoring-check").source == HEAD + SINGLE
    with pytest.raises(QuizRejected):
        restore_quiz_revision("authoring-check", 9, library, None)


def test_an_attempt_started_before_an_edit_is_graded_against_its_own_revision(library):
    save_quiz(HEAD + TRUE_FALSE, "authoring-check", library, None, creating=True)
    before = start_attempt("authoring-check")
    flipped = HEAD + TRUE_FALSE.replace("answer: true", "answer: false")
    assert save_quiz(flipped, "authoring-check", library, None).revision == 2
    result = submit_attempt(before["attempt_id"], {"kernel": True}, library.catalog)
    assert (result["score"], result["results"][0]["correct_response"]) == (1.0, True)
    after = start_attempt("authoring-check")
    later = submit_attempt(after["attempt_id"], {"kernel": True}, library.catalog)
    assert later["score"] == 0.0


def test_an_attempt_under_way_can_be_finished_after_its_quiz_is_deleted(library):
    save_quiz(HEAD + TRUE_FALSE, "authoring-check", library, None, creating=True)
    attempt = start_attempt("authoring-check")
    delete_quiz("authoring-check", None)
    assert submit_attempt(attempt["attempt_id"], {"kernel": True}, library.catalog)["score"] == 1.0

"""Adding a question of each type to a quiz's text, and checking that no text, however
damaged, makes the checks crash instead of listing problems."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shipshape.quizzes.authoring import QuizRejected, check_quiz_text, suggested_slug
from shipshape.quizzes.bank import TYPES
from shipshape.quizzes.skeletons import CannotAddQuestion, add_question, starter_text
from tests.quizzes.helpers import QUIZ_DIR
from tests.quizzes.test_quiz_authoring import HEAD, SINGLE


@pytest.fixture
def catalog(library):
    return library.catalog


@pytest.mark.parametrize("question_type", TYPES)
def test_each_added_skeleton_is_a_valid_question_of_its_type(catalog, question_type):
    text = add_question(HEAD + SINGLE, question_type)
    doc = check_quiz_text(text, "authoring-check", catalog)
    assert [q.type for q in doc.questions] == ["single_choice", question_type]
    assert "#" in text.split("pick-one", 1)[1]  # the skeleton explains itself


def test_a_question_is_added_inside_the_list_even_when_keys_follow_it(catalog):
    text = HEAD + SINGLE + "\n# the pass mark\npass_percent: 80\n"
    doc = check_quiz_text(add_question(text, "true_false"), "authoring-check", catalog)
    assert (len(doc.questions), doc.pass_percent) == (2, 80)


def test_added_questions_get_ids_of_their_own(catalog):
    text = add_question(add_question(starter_text(), "ordering"), "ordering")
    ids = [q.id for q in check_quiz_text(text, "authoring-check", catalog).questions]
    assert ids == ["first-question", "new-ordering-1", "new-ordering-2"]


@pytest.mark.parametrize(
    "text", ["title: [broken\n", "title: T\nquestions: [{id: a}]\n", "- a list\n"]
)
def test_a_question_cannot_be_added_to_a_text_that_is_not_a_quiz_yet(text):
    with pytest.raises(CannotAddQuestion):
        add_question(text, "command")


def test_a_slug_is_suggested_from_the_title():
    assert suggested_slug("title: Images & Containers, part 2!\n") == "images-containers-part-2"
    assert suggested_slug("questions: []\n") == ""


YAMLISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)
FIELDS = st.sampled_from(
    ["id", "type", "prompt", "topics", "options", "items", "categories", "answer", "answers",
     "pattern", "points", "correct", "category", "text", "title", "questions", "pass_percent"]
)  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    questions=st.lists(st.dictionaries(FIELDS | st.sampled_from(TYPES), YAMLISH), max_size=4),
    top=st.dictionaries(FIELDS, YAMLISH, max_size=3),
)
def test_any_yaml_is_either_a_quiz_or_a_list_of_problems(catalog, questions, top):
    text = yaml.safe_dump({"title": "T", **top, "questions": questions})
    try:
        check_quiz_text(text, "fuzzed", catalog)
    except QuizRejected as exc:
        assert exc.problems and all(p.where and p.message for p in exc.problems)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0), junk=st.text(max_size=8))
def test_a_damaged_quiz_file_is_a_list_of_problems_never_a_crash(catalog, cut, junk):
    text = (QUIZ_DIR / "images-vs-containers.yaml").read_text(encoding="utf-8")
    at = cut % (len(text) + 1)
    damaged = text[:at] + junk + text[at + len(junk) :]
    try:
        check_quiz_text(damaged, "fuzzed", catalog)
        add_question(damaged, "ordering")
    except (QuizRejected, CannotAddQuestion):
        pass

"""One grader per question type, checked on questions built in code with hand-computed scores."""

from __future__ import annotations

import pytest

from shipshape.quizzes.bank import Choice, Question
from shipshape.quizzes.command_grading import CommandContext
from shipshape.quizzes.graders import (
    MAX_TEXT,
    ResponseError,
    check_response,
    grade,
    longest_ordered_run,
)

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

EXPLANATION = "Images are read-only templates; containers add a writable layer."

SINGLE = Question(
    id="image-is",
    type="single_choice",
    prompt="Which statement about an image is true?",
    explanation=EXPLANATION,
    options=(
        Choice("a", "It is a read-only template.", True, "Right: nothing writes to it."),
        Choice("b", "It changes when a container writes.", False, "No: writes go elsewhere."),
        Choice("c", "It is a running process.", False, "No: that is a container."),
    ),
)

MULTIPLE = Question(
    id="container-facts",
    type="multiple_choice",
    prompt="Select every true statement.",
    explanation=EXPLANATION,
    points=3,
    options=(
        Choice("a", "Has a writable layer.", True, "Yes, a thin one."),
        Choice("b", "Has its own process namespace.", True, "Yes."),
        Choice("c", "Is made from an image.", True, "Yes."),
        Choice("d", "Boots its own kernel.", False, "No: it shares the host kernel."),
        Choice("e", "Is always running.", False, "No: it can be stopped."),
    ),
)

TRUE_FALSE = Question(
    id="own-kernel",
    type="true_false",
    prompt="True or false: every container boots its own kernel.",
    explanation="Containers share the host's kernel.",
    answer=False,
)

SHORT = Question(
    id="registry-name",
    type="short_answer",
    prompt="What is Docker's default public registry called?",
    explanation="Docker Hub, at docker.io.",
    answers=("Docker Hub", "hub.docker.com", "docker.io"),
)

SHORT_PATTERN = Question(
    id="registry-pattern",
    type="short_answer",
    prompt="Name the default registry.",
    explanation="Docker Hub.",
    answers=("Docker Hub",),
    pattern=r"docker\s*-?hub(\s+registry)?",
)

CLASSIFY = Question(
    id="sort-facts",
    type="classify",
    prompt="Sort each statement.",
    explanation=EXPLANATION,
    categories=(Choice("image", "Image"), Choice("container", "Container")),
    items=(
        Choice("i1", "Read-only", category="image"),
        Choice("i2", "Has a writable layer", category="container"),
        Choice("i3", "Built from a Dockerfile", category="image"),
        Choice("i4", "Can be started and stopped", category="container"),
    ),
)

ORDERING = Question(
    id="build-to-run",
    type="ordering",
    prompt="Put the steps in order.",
    explanation="Write, build, run, inspect.",
    items=(
        Choice("s1", "Write a Dockerfile"),
        Choice("s2", "Run docker build"),
        Choice("s3", "Run docker run"),
        Choice("s4", "Run docker ps"),
    ),
)

COMMAND = Question(
    id="list-all",
    type="command",
    prompt="List every container, including stopped ones.",
    explanation="`-a` shows containers in every state.",
    answer="docker ps -a",
)

ALL = [SINGLE, MULTIPLE, TRUE_FALSE, SHORT, COMMAND, CLASSIFY, ORDERING]


# single_choice and true_false: all or nothing


def test_single_choice_right_option_scores_full_points_with_its_feedback():
    g = grade(SINGLE, "a")
    assert (g.points, g.max_points, g.correct) == (1.0, 1.0, True)
    assert "Right: nothing writes to it." in g.feedback
    assert EXPLANATION in g.feedback
    assert g.correct_response == "a"


@pytest.mark.parametrize("choice", ["b", "c"])
def test_single_choice_wrong_option_scores_nothing_and_explains_that_option(choice):
    g = grade(SINGLE, choice)
    assert (g.points, g.correct) == (0.0, False)
    chosen = next(o for o in SINGLE.options if o.id == choice)
    assert chosen.feedback in g.feedback
    assert EXPLANATION in g.feedback
    assert g.correct_response == "a"


def test_true_false_right_answer_scores_full_points():
    g = grade(TRUE_FALSE, False)
    assert (g.points, g.correct, g.correct_response) == (1.0, True, False)


def test_true_false_wrong_answer_scores_nothing_and_says_what_is_true():
    g = grade(TRUE_FALSE, True)
    assert (g.points, g.correct) == (0.0, False)
    assert "false" in g.feedback
    assert "Containers share the host's kernel." in g.feedback


# multiple_choice: (right picks - wrong picks) / right options, floored at 0


@pytest.mark.parametrize(
    ("picked", "points"),
    [
        (["a", "b", "c"], 3.0),  # all right ones: 3/3
        (["a", "b"], 2.0),  # 2/3
        (["c"], 1.0),  # 1/3
        (["a", "b", "d"], 1.0),  # (2 - 1)/3
        (["a", "b", "c", "d"], 2.0),  # (3 - 1)/3
        (["a", "b", "c", "d", "e"], 1.0),  # every option picked: (3 - 2)/3
        (["a", "d"], 0.0),  # (1 - 1)/3
        (["a", "d", "e"], 0.0),  # (1 - 2)/3 floored at 0
        (["d", "e"], 0.0),  # only wrong ones
        ([], 0.0),  # none picked
    ],
)
def test_multiple_choice_partial_credit(picked, points):
    g = grade(MULTIPLE, picked)
    assert g.points == pytest.approx(points)
    assert g.max_points == 3
    assert g.correct is (sorted(picked) == ["a", "b", "c"])
    assert g.correct_response == ["a", "b", "c"]


def test_multiple_choice_order_of_picks_does_not_matter():
    assert grade(MULTIPLE, ["c", "a", "b"]).correct


def test_multiple_choice_partial_credit_with_one_point_is_a_fraction():
    question = Question(**{**MULTIPLE.__dict__, "points": 1.0})
    assert grade(question, ["a", "b"]).points == pytest.approx(2 / 3, abs=1e-3)


def test_multiple_choice_feedback_covers_picked_options_and_missed_right_ones():
    g = grade(MULTIPLE, ["a", "d"])
    assert "No: it shares the host kernel." in g.feedback
    assert "Yes, a thin one." in g.feedback
    assert "Has its own process namespace." in g.feedback  # missed, named as also right
    assert "Is made from an image." in g.feedback
    assert "Is always running." not in g.feedback  # not picked, not right


# short_answer: case, spacing and punctuation ignored; alternates and a regex accepted


@pytest.mark.parametrize(
    "response",
    [
        "Docker Hub",
        "docker hub",
        "DOCKER HUB",
        "  Docker    Hub  ",
        "Docker Hub.",
        "Docker-Hub!",
        "docker.io",
        "Docker IO",
        "hub.docker.com",
        "HUB DOCKER COM",
    ],
)
def test_short_answer_accepts_variants_of_any_alternate(response):
    g = grade(SHORT, response)
    assert (g.correct, g.points) == (True, 1.0)


@pytest.mark.parametrize("response", ["Quay", "docker", "hub", "Docker Hubs", "", "   ", "..."])
def test_short_answer_rejects_other_text(response):
    g = grade(SHORT, response)
    assert (g.correct, g.points) == (False, 0.0)
    assert "Docker Hub" in g.feedback
    assert g.correct_response == "Docker Hub"


@pytest.mark.parametrize(
    "response", ["dockerhub", "DockerHub", "docker-hub", "Docker Hub registry"]
)
def test_short_answer_accepts_the_pattern_ignoring_case(response):
    assert grade(SHORT_PATTERN, response).correct


@pytest.mark.parametrize("response", ["the docker hub", "dockerhubx", "quay"])
def test_short_answer_pattern_must_match_the_whole_answer(response):
    assert not grade(SHORT_PATTERN, response).correct


# classify: credit per item placed right


def test_classify_all_right_scores_full_points():
    response = {"i1": "image", "i2": "container", "i3": "image", "i4": "container"}
    g = grade(CLASSIFY, response)
    assert (g.points, g.correct) == (1.0, True)
    assert g.correct_response == response


def test_classify_gives_credit_per_item_and_names_the_misplaced_one():
    g = grade(CLASSIFY, {"i1": "image", "i2": "container", "i3": "image", "i4": "image"})
    assert (g.points, g.correct) == (0.75, False)
    assert "Can be started and stopped belongs under Container" in g.feedback
    assert "Read-only belongs" not in g.feedback


def test_classify_items_left_out_count_as_wrong():
    g = grade(CLASSIFY, {"i1": "image"})
    assert g.points == 0.25
    assert grade(CLASSIFY, {}).points == 0.0


def test_classify_everything_swapped_scores_nothing():
    response = {"i1": "container", "i2": "image", "i3": "container", "i4": "image"}
    assert grade(CLASSIFY, response).points == 0.0


# ordering: credit for the longest run of neighbours in the right order


@pytest.mark.parametrize(
    ("order", "points"),
    [
        (["s1", "s2", "s3", "s4"], 1.0),
        (["s2", "s3", "s4", "s1"], 0.75),
        (["s4", "s1", "s2", "s3"], 0.75),
        (["s3", "s4", "s1", "s2"], 0.5),
        (["s1", "s3", "s2", "s4"], 0.0),  # no two neighbours in order
        (["s4", "s3", "s2", "s1"], 0.0),
    ],
)
def test_ordering_partial_credit_by_longest_ordered_run(order, points):
    g = grade(ORDERING, order)
    assert g.points == pytest.approx(points)
    assert g.correct is (points == 1.0)
    assert g.correct_response == ["s1", "s2", "s3", "s4"]


def test_ordering_feedback_shows_the_right_order_when_wrong():
    g = grade(ORDERING, ["s2", "s1", "s3", "s4"])
    assert "1. Write a Dockerfile" in g.feedback
    assert "4. Run docker ps" in g.feedback
    assert "1. Write a Dockerfile" not in grade(ORDERING, ["s1", "s2", "s3", "s4"]).feedback


def test_longest_ordered_run_counts_neighbours():
    order = ["a", "b", "c", "d", "e"]
    assert longest_ordered_run(["a", "b", "c", "d", "e"], order) == 5
    assert longest_ordered_run(["c", "d", "e", "a", "b"], order) == 3
    assert longest_ordered_run(["e", "d", "c", "b", "a"], order) == 1
    assert longest_ordered_run([], order) == 0


# command: graded by meaning


def test_command_question_grades_an_equivalent_command_as_right(library):
    ctx = CommandContext(library.catalog.specs, library.catalog.commands)
    assert grade(COMMAND, "docker container ls --all", ctx).correct
    wrong = grade(COMMAND, "docker ps", ctx)
    assert (wrong.correct, wrong.points) == (False, 0.0)
    assert "`-a/--all`" in wrong.feedback
    assert wrong.correct_response == "docker ps -a"


# unanswered


@pytest.mark.parametrize("question", ALL, ids=lambda q: q.type)
def test_unanswered_scores_zero_with_feedback_and_the_right_answer(question):
    g = grade(question, None)
    assert (g.points, g.max_points, g.correct) == (0.0, question.points, False)
    assert "Not answered." in g.feedback
    assert question.explanation in g.feedback
    assert g.correct_response is not None


# response shapes


@pytest.mark.parametrize(
    ("question", "response"),
    [
        (SINGLE, "a"),
        (MULTIPLE, ["a", "d"]),
        (MULTIPLE, []),
        (TRUE_FALSE, True),
        (SHORT, "x" * MAX_TEXT),
        (COMMAND, "docker ps -a"),
        (CLASSIFY, {"i1": "image"}),
        (ORDERING, ["s4", "s3", "s2", "s1"]),
    ],
    ids=lambda v: v.type if isinstance(v, Question) else "",
)
def test_check_response_accepts_the_right_shape(question, response):
    assert check_response(question, response) == response


BAD_SHAPES = [
    (SINGLE, "z", "unknown option id"),
    (SINGLE, ["a"], "list for single_choice"),
    (SINGLE, 1, "number for single_choice"),
    (MULTIPLE, "a", "string for multiple_choice"),
    (MULTIPLE, ["a", "z"], "unknown option id in list"),
    (MULTIPLE, ["a", "a"], "duplicate option ids"),
    (MULTIPLE, ["a", 1], "non-string in list"),
    (MULTIPLE, {"a": True}, "dict for multiple_choice"),
    (TRUE_FALSE, "true", "string for true_false"),
    (TRUE_FALSE, 1, "1 for true_false"),
    (TRUE_FALSE, 0, "0 for true_false"),
    (SHORT, 42, "number for short_answer"),
    (SHORT, "x" * (MAX_TEXT + 1), "text over the limit"),
    (SHORT, "Docker\x00Hub", "NUL byte"),
    (COMMAND, "docker ps\x00 -a", "NUL byte in command"),
    (COMMAND, "docker ps " + "-a " * 1000, "command over the limit"),
    (COMMAND, ["docker", "ps"], "list for command"),
    (CLASSIFY, {"i9": "image"}, "unknown item"),
    (CLASSIFY, {"i1": "volume"}, "unknown category"),
    (CLASSIFY, {"i1": 1}, "non-string category"),
    (CLASSIFY, [["i1", "image"]], "list for classify"),
    (ORDERING, ["s1", "s2", "s3"], "item missing"),
    (ORDERING, ["s1", "s1", "s2", "s3"], "item repeated"),
    (ORDERING, ["s1", "s2", "s3", "s4", "s5"], "unknown item"),
    (ORDERING, "s1 s2 s3 s4", "string for ordering"),
]


@pytest.mark.parametrize(
    ("question", "response", "case"), BAD_SHAPES, ids=[c for *_, c in BAD_SHAPES]
)
def test_check_response_rejects_wrong_shapes(question, response, case):
    with pytest.raises(ResponseError):
        check_response(question, response)


def test_grade_refuses_a_wrong_shape_instead_of_scoring_it():
    with pytest.raises(ResponseError):
        grade(MULTIPLE, "a")

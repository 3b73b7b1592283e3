"""Moodle GIFT import and export: every supported construct becomes a valid quiz question, what
cannot be mapped is reported with the line where its question starts, and the bundled quizzes
survive a YAML -> GIFT -> YAML round trip (command and ordering questions are reported)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shipshape.quizzes.bank import QuizDoc, parse_bank
from shipshape.quizzes.gift import GiftProblem, gift_to_yaml
from shipshape.quizzes.gift_export import bank_to_gift

QUIZ_DIR = Path(__file__).resolve().parents[2] / "quiz"
BUNDLED = sorted(QUIZ_DIR.glob("*.yaml"))
NOT_IN_GIFT = ("command", "ordering")


def load(gift: str) -> tuple[QuizDoc, list[GiftProblem]]:
    """Import GIFT text; the YAML produced must pass parse_bank."""
    text, problems = gift_to_yaml(gift, "imported", "Imported quiz")
    return parse_bank(text, "imported"), problems


def only(gift: str):
    doc, problems = load(gift)
    assert problems == []
    assert len(doc.questions) == 1
    return doc.questions[0]


def bank(questions: str) -> QuizDoc:
    return parse_bank(f"title: Sample\ndescription: A sample.\nquestions:\n{questions}", "sample")


# ---------------------------------------------------------------- import: question types


def test_single_choice_with_feedback_and_explanation():
    q = only(
        "::Image basics:: Which is read-only? {\n"
        "  =An image #Right: images never change.\n"
        "  ~A container #No: it has a writable layer.\n"
        "  ~A volume\n"
        "  ####Images are read-only templates.\n"
        "}\n"
    )
    assert (q.id, q.type, q.prompt) == ("image-basics", "single_choice", "Which is read-only?")
    assert [(o.id, o.text, o.correct) for o in q.options] == [
        ("a", "An image", True),
        ("b", "A container", False),
        ("c", "A volume", False),
    ]
    assert q.options[0].feedback == "Right: images never change."
    assert q.options[1].feedback == "No: it has a writable layer."
    assert q.options[2].feedback == ""
    assert q.explanation == "Images are read-only templates."
    assert q.topics == ()


def test_weights_make_multiple_choice_positive_weight_is_correct():
    q = only("Pick the namespaces. {~%50%pid ~%50%net#Yes ~%-100%hypervisor#No ~%0%gpu}")
    assert q.type == "multiple_choice"
    assert [(o.text, o.correct) for o in q.options] == [
        ("pid", True),
        ("net", True),
        ("hypervisor", False),
        ("gpu", False),
    ]
    assert q.options[1].feedback == "Yes"


def test_weighted_right_mark_and_plain_marks_mix():
    q = only("Which? {=%100%one ~two ~%-50%three}")
    assert q.type == "multiple_choice"
    assert [o.correct for o in q.options] == [True, False, False]


def test_several_equals_with_tildes_is_multiple_choice():
    q = only("Which are images? {=alpine =nginx:1.25 ~my-running-web}")
    assert q.type == "multiple_choice"
    assert [o.correct for o in q.options] == [True, True, False]


@pytest.mark.parametrize(
    ("mark", "answer"),
    [("T", True), ("TRUE", True), ("F", False), ("FALSE", False), ("true", True), ("f", False)],
)
def test_true_false(mark, answer):
    q = only(f"Containers share the host kernel. {{{mark}}}")
    assert (q.type, q.answer) == ("true_false", answer)
    assert q.prompt == "Containers share the host kernel."


def test_true_false_general_feedback_is_the_explanation():
    q = only("Every container boots a kernel. {FALSE####They share the host kernel.}")
    assert (q.answer, q.explanation) == (False, "They share the host kernel.")


def test_true_false_answer_feedback_is_reported():
    doc, problems = load("\n\nA VM boots a kernel. {T#Wrong: it does.#Right.}")
    assert doc.questions[0].answer is True
    assert problems == [
        GiftProblem(
            3, "question 'q1': true/false answer feedback has no place in the quiz format; dropped"
        )
    ]


def test_short_answer_with_alternates():
    q = only(
        "::Registry:: Docker's default public registry? {=Docker Hub =docker.io =hub.docker.com}"
    )
    assert q.type == "short_answer"
    assert q.answers == ("Docker Hub", "docker.io", "hub.docker.com")
    assert q.pattern is None


def test_short_answer_wildcard_becomes_pattern_and_escaped_star_is_literal():
    q = only(r"Name it. {=docker*hub =a\*b}")
    assert q.answers == ("a*b",)
    assert q.pattern == "docker.*hub"


def test_short_answer_partial_credit_and_feedback_are_reported():
    doc, problems = load("Storage driver? {=overlay2#Yes =%50%overlay}")
    assert doc.questions[0].answers == ("overlay2",)
    assert [p.line for p in problems] == [1, 1]
    assert "feedback on short answer 'overlay2'" in problems[0].message
    assert "answer 'overlay' worth 50% left out" in problems[1].message


def test_matching_becomes_classify_with_distinct_categories():
    q = only(
        "::Sort them:: Image or container? {\n"
        "  =Read-only layers -> Image\n"
        "  =A writable layer -> Container\n"
        "  =Built by docker build -> Image\n"
        "  = -> Volume\n"
        "}"
    )
    assert q.type == "classify"
    assert [(c.id, c.text) for c in q.categories] == [
        ("image", "Image"),
        ("container", "Container"),
        ("volume", "Volume"),
    ]
    assert [(i.id, i.text, i.category) for i in q.items] == [
        ("i1", "Read-only layers", "image"),
        ("i2", "A writable layer", "container"),
        ("i3", "Built by docker build", "image"),
    ]


def test_missing_word_puts_a_gap_in_the_prompt():
    q = only("An image is {=read-only ~writable ~running} by design.")
    assert (q.type, q.prompt) == ("single_choice", "An image is _____ by design.")
    q = only("The default registry is {=Docker Hub}.")
    assert (q.type, q.prompt) == ("short_answer", "The default registry is _____.")


# ---------------------------------------------------------------- import: syntax


def test_escapes_in_prompt_answers_feedback_and_names():
    q = only(
        r"::a\:b:: Use \{braces\}, \~tilde, \=equals, \#hash and \\ backslash\nnext line"
        r" {=x \= 1#ok \# done ~y\~z#no\: really}"
    )
    assert q.id == "a-b"
    assert q.prompt == "Use {braces}, ~tilde, =equals, #hash and \\ backslash\nnext line"
    assert [(o.text, o.feedback) for o in q.options] == [
        ("x = 1", "ok # done"),
        ("y~z", "no: really"),
    ]


def test_comments_category_lines_and_format_markers_are_skipped():
    doc, problems = load(
        "// exported from Moodle\n"
        "$CATEGORY: $course$/top/Docker\n"
        "\n"
        "// question: 1\n"
        "::Q one::[markdown]Is `docker ps -a` listing stopped containers? {\n"
        "// a comment inside the answers\n"
        "TRUE}\n"
        "\n"
        "::Q two::[html]Pick one {=[html]right ~[moodle]wrong}\n"
    )
    assert problems == []
    assert [q.id for q in doc.questions] == ["q-one", "q-two"]
    assert doc.questions[0].prompt == "Is `docker ps -a` listing stopped containers?"
    assert [o.text for o in doc.questions[1].options] == ["right", "wrong"]


def test_multi_line_question_text_is_kept():
    q = only("First line\nsecond line\n{T}")
    assert q.prompt == "First line\nsecond line"


def test_ids_from_names_are_unique_and_fallback_to_position():
    doc, problems = load(
        "::Kernel?:: Shared? {T}\n\n::kernel:: Again? {F}\n\nNo name. {T}\n\n::!!!:: Symbols. {F}"
    )
    assert problems == []
    assert [q.id for q in doc.questions] == ["kernel", "kernel-2", "q3", "q4"]


def test_yaml_output_has_topics_and_explanation_for_every_question():
    text, _ = gift_to_yaml("A? {T}\n\nB? {=x ~y}", "s", "Title")
    assert text.count("topics: []") == 2
    assert text.count("explanation: ''") == 2
    assert text.startswith("title: Title\n")


# ---------------------------------------------------------------- import: reported problems


MIXED = """// a file with things the quiz format cannot hold
::Essay:: Explain copy-on-write. {}

::Number:: How many layers? {#3:1}

::Fine:: Is an image read-only? {T}

Just a description, no answers.

::Broken:: Where does it end? {=a ~b

::Two blocks:: {=a ~b} and {=c}

::No right:: Pick. {~a ~b}

::Range:: Port? {#1..65535}
"""


def test_unsupported_questions_are_reported_with_their_start_line():
    doc, problems = load(MIXED)
    assert [q.id for q in doc.questions] == ["fine"]
    assert [p.line for p in problems] == [2, 4, 8, 10, 12, 14, 16]
    messages = [p.message for p in problems]
    assert messages[0].startswith("essay question")
    assert messages[1].startswith("numerical question")
    assert messages[2].startswith("description item")
    assert "without a closing '}'" in messages[3]
    assert "more than one answer block" in messages[4]
    assert "without a right answer" in messages[5]
    assert messages[6].startswith("numerical question")
    assert all(m.endswith("; left out") for m in messages)


def test_essay_with_general_feedback_is_still_an_essay():
    _, problems = load("Explain. {####Look at layers.}\n\nOk? {T}")
    assert problems == [
        GiftProblem(1, "essay question ({}): the quiz format has no equivalent; left out")
    ]


def test_unknown_syntax_is_reported():
    _, problems = load("Ok? {T}\n\nWhat? {maybe}\n\nMixed {=a -> b ~c}")
    assert [p.line for p in problems] == [3, 5]
    assert all("unknown syntax" in p.message for p in problems)


def test_nothing_importable_is_reported():
    _, problems = gift_to_yaml("Essay {}", "s", "T")
    assert problems[-1] == GiftProblem(0, "no question could be imported")


# ---------------------------------------------------------------- export


SAMPLE = """\
  - id: pick-one
    type: single_choice
    prompt: "Which {thing} = right: a ~ b # c?"
    topics: [image]
    explanation: "Because \\\\ reasons.\\nSecond line."
    options:
      - {id: a, text: "Right = yes", correct: true, feedback: "Good: #1"}
      - {id: b, text: Wrong, feedback: "No."}
      - {id: c, text: Other}
  - id: pick-many
    type: multiple_choice
    prompt: Which ones?
    topics: [image]
    explanation: ""
    options:
      - {id: a, text: One, correct: true, feedback: F1}
      - {id: b, text: Two, correct: true, feedback: F2}
      - {id: c, text: Three, correct: true, feedback: F3}
      - {id: d, text: Four, feedback: F4}
  - id: tf
    type: true_false
    prompt: "True or false: containers boot a kernel."
    answer: false
    topics: [image]
    explanation: They share one.
  - id: registry
    type: short_answer
    prompt: Default registry?
    answers: [Docker Hub, "hub*"]
    pattern: "docker\\\\s*hub"
    topics: [image]
    explanation: ""
  - id: run-it
    type: command
    prompt: List containers.
    answer: docker ps
    topics: [image]
    explanation: ""
  - id: sort-it
    type: classify
    prompt: Sort.
    categories: [{id: img, text: Image}, {id: ctr, text: Container}, {id: vol, text: Volume}]
    items:
      - {id: i1, text: Layers, category: img}
      - {id: i2, text: Writable, category: ctr}
    topics: [image]
    explanation: ""
  - id: steps
    type: ordering
    prompt: Order.
    items: [{id: s1, text: Build}, {id: s2, text: Run}]
    topics: [image]
    explanation: ""
    points: 2
"""


@pytest.fixture
def exported() -> tuple[str, list[GiftProblem]]:
    return bank_to_gift(bank(SAMPLE))


def block(gift: str, qid: str) -> str:
    return next(part.strip() for part in gift.split("\n\n") if part.startswith(f"::{qid}::"))


def test_export_single_choice_escapes_and_feedback(exported):
    gift, _ = exported
    assert block(gift, "pick-one") == (
        "::pick-one::[markdown]Which \\{thing\\} \\= right\\: a \\~ b \\# c? {\n"
        "\t=Right \\= yes#Good\\: \\#1\n"
        "\t~Wrong#No.\n"
        "\t~Other\n"
        "\t####Because \\\\ reasons.\\nSecond line.\n"
        "}"
    )


def test_export_multiple_choice_weights(exported):
    gift, _ = exported
    assert block(gift, "pick-many") == (
        "::pick-many::[markdown]Which ones? {\n"
        "\t~%33.33333%One#F1\n"
        "\t~%33.33333%Two#F2\n"
        "\t~%33.33333%Three#F3\n"
        "\t~%-100%Four#F4\n"
        "}"
    )


def test_export_multiple_choice_negative_share():
    doc = bank(
        "  - id: m\n    type: multiple_choice\n    prompt: P\n    options:\n"
        "      - {id: a, text: A, correct: true}\n      - {id: b, text: B, correct: true}\n"
        "      - {id: c, text: C}\n      - {id: d, text: D}\n      - {id: e, text: E}\n"
    )
    gift, problems = bank_to_gift(doc)
    assert problems == []
    assert "\t~%50%A\n\t~%50%B\n\t~%-33.33333%C\n\t~%-33.33333%D\n\t~%-33.33333%E\n" in gift


def test_export_true_false_short_answer_and_classify(exported):
    gift, _ = exported
    assert block(gift, "tf") == (
        "::tf::[markdown]True or false\\: containers boot a kernel. {\n"
        "\tFALSE\n\t####They share one.\n}"
    )
    assert block(gift, "registry") == (
        "::registry::[markdown]Default registry? {\n\t=Docker Hub\n\t=hub\\*\n}"
    )
    assert block(gift, "sort-it") == (
        "::sort-it::[markdown]Sort. {\n"
        "\t=Layers -> Image\n\t=Writable -> Container\n\t= -> Volume\n}"
    )


def test_export_reports_what_gift_cannot_express(exported):
    gift, problems = exported
    assert problems == [
        GiftProblem(
            0,
            "question 'registry' (short_answer): the regex pattern is not exported, "
            "only the listed answers",
        ),
        GiftProblem(0, "question 'run-it' (command): GIFT has no equivalent; left out"),
        GiftProblem(0, "question 'steps' (ordering): GIFT has no equivalent; left out"),
    ]
    assert "run-it" not in gift
    assert "steps" not in gift
    assert gift.startswith("// Sample\n// A sample.\n")


def test_export_reports_points_and_pattern_only_short_answers():
    doc = bank(
        "  - {id: p, type: true_false, prompt: P, answer: true, points: 2}\n"
        "  - {id: r, type: short_answer, prompt: R, pattern: 'a+'}\n"
    )
    gift, problems = bank_to_gift(doc)
    assert [p.message for p in problems] == [
        "question 'p' (true_false): points (2) are not exported; GIFT has no points",
        "question 'r' (short_answer): only a regex pattern, which GIFT cannot express; left out",
    ]
    assert "::p::" in gift
    assert "::r::" not in gift


def test_export_reports_the_quiz_settings_gift_cannot_hold():
    doc = parse_bank(
        "title: Settings\ndraw: 1\ngrade_method: last\nshow_correct: never\n"
        "closes_at: 2030-06-30T18:00:00Z\nquestions:\n"
        "  - {id: p, type: true_false, prompt: P, answer: true}\n"
        "  - {id: q, type: true_false, prompt: Q, answer: false}\n",
        "settings",
    )
    gift, problems = bank_to_gift(doc)
    assert [p.message for p in problems] == [
        f"quiz setting '{s}' is not exported; GIFT has no quiz settings"
        for s in ("draw: 1", "grade_method: last", "show_correct: never",
                  "closes_at: 2030-06-30T18:00:00Z")
    ]  # fmt: skip
    assert "::p::" in gift and "::q::" in gift


def test_default_settings_need_no_note():
    doc = parse_bank(
        "title: Defaults\ngrade_method: highest\nshow_correct: immediately\nquestions:\n"
        "  - {id: p, type: true_false, prompt: P, answer: true}\n",
        "defaults",
    )
    assert bank_to_gift(doc)[1] == []


def test_exported_sample_imports_back(exported):
    gift, _ = exported
    doc, problems = load(gift)
    assert problems == []
    original = bank(SAMPLE)
    assert [q.id for q in doc.questions] == [
        q.id for q in original.questions if q.type not in NOT_IN_GIFT
    ]
    for q in doc.questions:
        assert signature(q) == signature(original.question(q.id))
        assert q.explanation == original.question(q.id).explanation


# ---------------------------------------------------------------- round trip of the bundled quizzes


def signature(q) -> tuple:
    """What must survive the trip: id, type, prompt and the right answers."""
    if q.type in ("single_choice", "multiple_choice"):
        answers = tuple((o.text, o.correct, o.feedback) for o in q.options)
    elif q.type == "true_false":
        answers = q.answer
    elif q.type == "short_answer":
        answers = q.answers
    else:
        names = {c.id: c.text for c in q.categories}
        answers = (
            sorted(c.text for c in q.categories),
            tuple((i.text, names[i.category]) for i in q.items),
        )
    return q.id, q.type, q.prompt, answers


def test_the_bundled_quizzes_are_found():
    assert BUNDLED


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_round_trip_of_bundled_quiz(path: Path):
    original = parse_bank(path.read_text(encoding="utf-8"), path.stem)
    gift, problems = bank_to_gift(original)
    left_out = [q for q in original.questions if q.type in NOT_IN_GIFT]
    for q in left_out:
        message = f"question '{q.id}' ({q.type}): GIFT has no equivalent; left out"
        assert GiftProblem(0, message) in problems
    assert all(
        p.message.endswith(
            ("the regex pattern is not exported, only the listed answers", "no quiz settings")
        )
        for p in problems
        if "GIFT has no equivalent" not in p.message
    )
    text, back_problems = gift_to_yaml(gift, path.stem, original.title)
    assert back_problems == []
    back = parse_bank(text, path.stem)
    assert back.title == original.title
    exportable = [q for q in original.questions if q.type not in NOT_IN_GIFT]
    assert [signature(q) for q in back.questions] == [signature(q) for q in exportable]
    assert [q.explanation for q in back.questions] == [q.explanation for q in exportable]

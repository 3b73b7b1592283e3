"""Quiz bank files: every bundled bank parses; a broken bank is refused with an error that
names the question (or the file) and says what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from shipshape.quizzes.bank import TYPES, BankError, parse_bank

QUIZ_DIR = Path(__file__).resolve().parents[2] / "quiz"
BUNDLED = sorted(QUIZ_DIR.glob("*.yaml"))


def option(oid: str, correct: bool = False) -> dict:
    return {"id": oid, "text": f"Option {oid}", "correct": correct, "feedback": f"About {oid}."}


def single(qid: str = "pick-one", right: int = 1) -> dict:
    return {
        "id": qid,
        "type": "single_choice",
        "prompt": "Which one?",
        "topics": ["image"],
        "explanation": "Because.",
        "options": [option(oid, correct=i < right) for i, oid in enumerate("abc")],
    }


def bank_text(*questions: dict, **top) -> str:
    data = {"title": "A quiz", "description": "Short.", **top, "questions": list(questions)}
    return yaml.safe_dump(data, sort_keys=False)


def refused(text: str, slug: str = "a-quiz") -> BankError:
    with pytest.raises(BankError) as caught:
        parse_bank(text, slug)
    return caught.value


def test_there_are_bundled_banks():
    assert len(BUNDLED) >= 5


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_bank_parses(path):
    doc = parse_bank(path.read_text(encoding="utf-8"), path.stem)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert doc.slug == path.stem
    assert doc.title == raw["title"]
    assert [q.id for q in doc.questions] == [q["id"] for q in raw["questions"]]
    assert {q.type for q in doc.questions} <= set(TYPES)


def test_bundled_banks_together_use_every_question_type():
    types = {q.type for p in BUNDLED for q in parse_bank(p.read_text("utf-8"), p.stem).questions}
    assert types == set(TYPES)


def test_a_minimal_bank_parses_with_defaults():
    doc = parse_bank(bank_text(single()), "a-quiz")
    assert doc.pass_percent == 70
    assert doc.time_limit_minutes is None
    assert doc.max_attempts is None
    (q,) = doc.questions
    assert q.points == 1
    assert [o.id for o in q.options if o.correct] == ["a"]


@pytest.mark.parametrize("right", [0, 2])
def test_single_choice_needs_exactly_one_correct_option(right):
    error = refused(bank_text(single("pick-one", right=right)))
    assert "pick-one" in str(error)
    assert "exactly one correct" in str(error)
    assert f"found {right}" in str(error)


def test_unknown_type_is_named_with_the_question():
    question = {**single("odd-one"), "type": "essay"}
    error = refused(bank_text(question))
    assert "odd-one" in str(error)
    assert "unknown type 'essay'" in str(error)


def test_repeated_question_ids_are_named():
    error = refused(bank_text(single("twice"), single("once"), single("twice")))
    assert "repeated" in str(error)
    assert "twice" in str(error)
    assert "once" not in str(error)


def test_classify_item_with_unknown_category_names_question_and_item():
    question = {
        "id": "sort-things",
        "type": "classify",
        "prompt": "Sort them.",
        "topics": ["image"],
        "explanation": "Because.",
        "categories": [{"id": "image", "text": "Image"}, {"id": "container", "text": "Box"}],
        "items": [
            {"id": "i1", "text": "Read-only", "category": "image"},
            {"id": "i2", "text": "Writable", "category": "volume"},
        ],
    }
    error = refused(bank_text(question))
    assert "sort-things" in str(error)
    assert "i2" in str(error)
    assert "category" in str(error)


def test_bad_regex_pattern_is_named():
    question = {
        "id": "registry-name",
        "type": "short_answer",
        "prompt": "Which registry?",
        "topics": ["registries"],
        "explanation": "Because.",
        "answers": ["Docker Hub"],
        "pattern": "docker(hub",
    }
    error = refused(bank_text(question))
    assert "registry-name" in str(error)
    assert "pattern" in str(error)
    assert "regex" in str(error)


@pytest.mark.parametrize("answer", ["false", "no", 0, None])
def test_true_false_needs_a_boolean_answer(answer):
    question = {
        "id": "kernel-claim",
        "type": "true_false",
        "prompt": "True or false?",
        "topics": ["isolation"],
        "explanation": "Because.",
        "answer": answer,
    }
    error = refused(bank_text(question))
    assert "kernel-claim" in str(error)
    assert "true_false" in str(error)


def test_true_false_with_a_boolean_answer_parses():
    question = {
        "id": "kernel-claim",
        "type": "true_false",
        "prompt": "True or false?",
        "answer": False,
    }
    (q,) = parse_bank(bank_text(question), "a-quiz").questions
    assert q.answer is False


@pytest.mark.parametrize("answer", ["podman ps -a", "ps -a", "dockerd --debug"])
def test_command_answer_must_be_a_docker_command(answer):
    question = {
        "id": "list-all",
        "type": "command",
        "prompt": "List every container.",
        "topics": ["docker-container-ls"],
        "explanation": "Because.",
        "answer": answer,
    }
    error = refused(bank_text(question))
    assert "list-all" in str(error)
    assert "docker command" in str(error)


def test_bad_yaml_reports_the_line():
    text = "title: A quiz\nquestions:\n  - id: one\n    prompt: [unclosed\n    type: x\n"
    error = refused(text)
    assert "not valid YAML" in str(error)
    assert "line 5" in str(error)


def test_bad_yaml_line_follows_the_problem():
    lines = ["title: A quiz", "description: ok", "questions:"] + ["  - id: q"] * 6
    lines[6] = "  - id: q: x: y"
    error = refused("\n".join(lines) + "\n")
    assert "line 7" in str(error)


@pytest.mark.parametrize("questions", ["questions: []\n", "questions:\n", ""])
def test_a_bank_without_questions_is_refused(questions):
    error = refused(f"title: Empty\n{questions}")
    assert error.where == "questions" or error.where == "file"
    assert "questions" in str(error)


def test_a_bank_that_is_not_a_mapping_is_refused():
    assert "mapping" in str(refused("- just\n- a list\n"))


def test_errors_name_the_question_not_only_the_first():
    """The error points at the broken question even when earlier ones are fine."""
    error = refused(bank_text(single("fine-one"), single("broken-one", right=0)))
    assert error.where == "question 'broken-one'"

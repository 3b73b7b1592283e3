"""A YAML alias bomb (250 bytes that stand for a billion items) is refused before any value is
built from it, in a topic's front matter, a quiz, the quiz editor and a zip import alike; YAML
the app writes itself (GIFT conversion) never holds an alias."""

from __future__ import annotations

import io
import time

import pytest

from shipshape.quizzes.gift import gift_to_yaml
from shipshape.quizzes.skeletons import CannotAddQuestion, add_question
from shipshape.textfiles import ImportFailed
from shipshape.transfer.bundle import bundle_from_upload
from shipshape.transfer.service import import_bundle

from ..transfer.zips import QUIZ, TOPIC, make_zip

LEVELS = "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 9))
BOMB = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + LEVELS
QUIZ_BOMB = QUIZ.replace("questions:", BOMB + "questions:")
TOPIC_BOMB = TOPIC.replace("related: [image]\n", "related: [image]\n" + BOMB)


@pytest.fixture
def quickly():
    """Refusing must not expand the bomb: well under a second (expanding it takes minutes)."""
    started = time.perf_counter()
    yield
    assert time.perf_counter() - started < 2


def test_a_topic_with_an_alias_bomb_is_refused_by_name(client, token_headers, quickly):
    response = client.put(
        "/api/topics/quokka-layers", json={"markdown": TOPIC_BOMB}, headers=token_headers
    )

    assert response.status_code == 422
    assert "alias" in response.get_json()["error"]["message"]


def test_a_quiz_with_an_alias_bomb_is_refused_by_name(client, token_headers, quickly):
    headers = {**token_headers, "Content-Type": "application/yaml"}
    response = client.put("/api/quizzes/quokka-quiz", data=QUIZ_BOMB.encode(), headers=headers)

    assert response.status_code == 422
    assert "alias" in response.get_data(as_text=True)
    assert client.get("/api/quizzes").get_json()["quizzes"]  # the bundled ones, untouched


def test_a_zip_with_an_alias_bomb_imports_nothing(library, quickly):
    data = make_zip({"content/quokka-layers.md": TOPIC_BOMB, "quiz/quokka.yaml": QUIZ_BOMB})

    with pytest.raises(ImportFailed) as failure:
        import_bundle(bundle_from_upload("bomb.zip", io.BytesIO(data)), library, "t@example.org")

    assert sum("alias" in problem for problem in failure.value.problems) == 2


def test_the_quiz_editor_will_not_add_a_question_to_an_alias_bomb(quickly):
    with pytest.raises(CannotAddQuestion):
        add_question(QUIZ_BOMB, "true_false")


def test_a_single_alias_is_refused_too():
    from shipshape.quizzes.bank import BankError, parse_bank

    with pytest.raises(BankError) as refused:
        parse_bank(QUIZ.replace("title: Quokka quiz", "title: &t Quokka\ndescription: *t"), "q")

    assert "alias" in refused.value.message


def test_gift_conversion_writes_repeated_values_out_without_aliases():
    gift = "::one:: Same words? {T}\n\n::two:: Same words? {T}\n"

    text, problems = gift_to_yaml(gift, "same", "Same")

    assert "&" not in text and "*" not in text
    assert not problems

"""The quiz settings skeleton: commented lines above `questions:` that change nothing until an
instructor uncomments them; the editor button that adds them; the preview that shows them."""

from __future__ import annotations

import pytest

from shipshape.quizzes import store
from shipshape.quizzes.authoring import check_quiz_text
from shipshape.quizzes.skeletons import CannotAddQuestion, add_settings, starter_text
from tests.instructor.quiz_pages import QUIZ, create, section, textarea
from tests.quizzes.test_quiz_authoring import HEAD, SINGLE, TRUE_FALSE


def uncommented(text: str, key: str) -> str:
    return text.replace(f"# {key}:", f"{key}:")


def test_a_new_quiz_offers_every_setting_commented_out(library):
    text = starter_text()

    for key in ("draw", "grade_method", "show_correct", "closes_at"):
        assert f"\n# {key}: " in text
    assert check_quiz_text(text, "fresh", library.catalog, True).draw is None


def test_the_settings_go_above_the_questions_and_change_nothing(library):
    text = add_settings(HEAD + SINGLE + TRUE_FALSE)

    assert text.index("# draw:") < text.index("questions:")
    assert text.endswith(SINGLE + TRUE_FALSE)
    doc = check_quiz_text(text, "authoring-check", library.catalog, True)
    assert (doc.draw, doc.grade_method, doc.show_correct) == (None, "highest", "immediately")


def test_uncommented_settings_are_valid_once_draw_fits_the_bank(library):
    text = uncommented(
        uncommented(add_settings(HEAD + SINGLE + TRUE_FALSE), "grade_method"), "draw"
    )
    text = text.replace("draw: 10", "draw: 1")

    doc = check_quiz_text(text, "authoring-check", library.catalog, True)

    assert (doc.draw, doc.grade_method) == (1, "highest")


def test_only_the_settings_not_yet_written_are_added():
    text = add_settings("title: T\ngrade_method: last\nquestions:\n" + SINGLE)

    assert "# grade_method" not in text
    assert "# draw:" in text


def test_settings_already_all_there_are_not_added_twice():
    with pytest.raises(CannotAddQuestion):
        add_settings(add_settings(HEAD + SINGLE))


def test_the_editor_adds_the_settings_and_saves_nothing(instructor_client):
    response = create(instructor_client, QUIZ, action="settings")

    assert response.status_code == 200
    assert "# show_correct: immediately" in textarea(response)
    assert "Added the quiz settings" in response.get_data(as_text=True)
    assert store.get_quiz("quokka-quiz", include_deleted=True) is None


def test_the_preview_shows_the_settings(instructor_client):
    text = QUIZ.replace("questions:", "draw: 1\ngrade_method: average\nquestions:", 1)

    preview = section(create(instructor_client, text, action="preview"), "preview")

    assert "Each attempt draws 1 of these 2 questions" in preview
    assert "grade: average of the attempts" in preview


def test_the_editor_names_an_unknown_key(instructor_client):
    text = QUIZ.replace("questions:", "drow: 1\nquestions:", 1)

    response = create(instructor_client, text, action="save")

    assert response.status_code == 422
    assert "unknown key &#39;drow&#39; (did you mean &#39;draw&#39;?)" in response.get_data(
        as_text=True
    )

"""The quiz editor's form: the quiz file's YAML in one textarea, a slug when creating."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import Length, Optional

MAX_QUIZ_CHARS = 1_000_000  # as PUT /api/quizzes/<slug>


def _stripped(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _unix_newlines(value: str | None) -> str | None:
    """Browsers send a textarea with CRLF line ends; quizzes are kept with LF, as in quiz/."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


class QuizForm(FlaskForm):
    slug = StringField("Slug", validators=[Optional(), Length(max=120)], filters=[_stripped])
    text = TextAreaField(
        "Quiz file (YAML)",
        validators=[Length(max=MAX_QUIZ_CHARS, message="Keep a quiz under 1,000,000 characters.")],
        filters=[_unix_newlines],
    )
    base_revision = HiddenField()
    question_type = StringField("Question type", default="single_choice")  # one of TYPE_LABELS

    def base(self) -> int | None:
        """The revision the edit started from, or None when the form does not say."""
        value = (self.base_revision.data or "").strip()
        return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None

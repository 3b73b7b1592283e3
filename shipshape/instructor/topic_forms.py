"""The topic editor's form: the whole topic file in one textarea, a slug when creating."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

MAX_TOPIC_CHARS = 200_000  # as PUT /api/topics/<slug>


def _stripped(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _unix_newlines(value: str | None) -> str | None:
    """Browsers send a textarea with CRLF line ends; topics are stored with LF, as in content/."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


class TopicForm(FlaskForm):
    slug = StringField(
        "Slug (the topic's address: /topics/<slug>)",
        validators=[Optional(), Length(max=120)],
        filters=[_stripped],
    )
    markdown = TextAreaField(
        "Topic file: YAML front matter, then Markdown",
        validators=[
            DataRequired("Write the topic: front matter with a title, then the text."),
            Length(
                max=MAX_TOPIC_CHARS, message=f"Keep a topic under {MAX_TOPIC_CHARS} characters."
            ),
        ],
        filters=[_unix_newlines],
    )
    base_revision = HiddenField()

    def base(self) -> int | None:
        """The revision the edit started from, or None when the form does not say."""
        value = (self.base_revision.data or "").strip()
        return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None

    def add_problem(self, field: str, message: str) -> None:
        """Put an authoring problem next to its field: the slug, or else the textarea."""
        if field == "slug":
            self.slug.errors = [*self.slug.errors, message]
        else:
            self.markdown.errors = [*self.markdown.errors, f"{field}: {message}"]

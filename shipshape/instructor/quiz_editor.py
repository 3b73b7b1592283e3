"""The quiz editor: create and edit quizzes with validation and a learner's preview."""

from . import bp  # noqa: F401

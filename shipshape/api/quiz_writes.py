"""PUT and DELETE /api/quizzes/<slug>: instructors write quizzes as the quiz file's YAML."""

from . import bp  # noqa: F401

"""What learners miss: per-quiz and per-question statistics."""

from . import bp  # noqa: F401

"""What learners ask: unanswered and thumbs-down questions, grouped."""

from . import bp  # noqa: F401

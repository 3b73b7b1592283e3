"""POST /api/feedback: thumbs up or down on a chat answer."""

from . import bp  # noqa: F401

"""The JSON API blueprint."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api")

from . import ask, feedback, learners, openapi, quiz_writes, quizzes, topic_writes, topics  # noqa: E402,F401  (views register themselves on bp)

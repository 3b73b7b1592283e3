"""Learner pages: the chat, topics and search, all working without JavaScript."""

from flask import Blueprint

bp = Blueprint("web", __name__)

from . import (  # noqa: E402, F401  (views register themselves on bp)
    account,
    account_data,
    chat,
    learners,
    markdown_filters,
    progress,
    quizzes,
    review,
    time_words,
    topics,
)

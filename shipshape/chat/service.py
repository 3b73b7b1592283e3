"""The chat's entry point for every interface: validate, answer, remember."""

from __future__ import annotations

from ..knowledge.library import Library
from .answer_cache import AnswerCache, cached_answer
from .answerer import answer_question
from .conversations import CONVERSATION_ID_RE, load_or_start, previous_turn, record_turn

# Characters: room for a pasted Dockerfile of 200 long lines, or a page of docker's output.
MAX_QUESTION_LENGTH = 20_000


class InvalidQuestion(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


class QuestionTooLong(InvalidQuestion):
    """Longer than the chat reads: the API answers 413."""


def validate_question(question: object) -> str:
    """The question as text; InvalidQuestion when it is missing, empty, too long or binary."""
    if question is None:
        raise InvalidQuestion(
            "question", 'Send a question, e.g. {"question": "What is an image?"}.'
        )
    if not isinstance(question, str):
        raise InvalidQuestion("question", "The question must be a string.")
    if "\x00" in question:
        raise InvalidQuestion("question", "The question contains a NUL byte.")
    if not question.strip():
        raise InvalidQuestion("question", "The question is empty.")
    if len(question) > MAX_QUESTION_LENGTH:
        raise QuestionTooLong(
            "question",
            f"The message is {len(question):,} characters long; the chat reads at most "
            f"{MAX_QUESTION_LENGTH:,}. Paste only the part that matters: the Dockerfile, the "
            "command and the error it printed.",
        )
    return question.strip()


def validate_conversation_id(value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not CONVERSATION_ID_RE.match(value):
        raise InvalidQuestion(
            "conversation_id", "The conversation_id is not one this chat gave out."
        )
    return value


def ask(
    question: object,
    conversation_id: object,
    library: Library,
    ttl_hours: float = 24,
    cache: AnswerCache | None = None,
    owner: str | None = None,
) -> dict:
    """Answer a question within the owner's conversation and store the turn; the API's reply
    body. `owner` is the digest of the asker's key (None: an API client without one)."""
    text = validate_question(question)
    conversation = load_or_start(validate_conversation_id(conversation_id), ttl_hours, owner)
    previous = previous_turn(conversation)
    if cache is None:
        reply = answer_question(text, library, previous)
    else:
        reply = cached_answer(text, library, previous, cache)
    payload = reply.to_dict(conversation.id)
    # Every ask is a turn, cached or not: the learner rates it by its id, instructors count it.
    # Its INSERT commits on its own: the ask's one write.
    turn_id = record_turn(conversation, text, reply, payload)
    return {**payload, "turn_id": turn_id}

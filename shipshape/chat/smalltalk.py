"""Greetings, thanks and requests for help: answered briefly, without searching."""

from __future__ import annotations

import re

_PATTERNS = [
    (
        re.compile(
            r"^(hi|hello|hey|hiya|howdy|yo|greetings|good (morning|afternoon|evening))"
            r"( there| everyone| all| shipshape| bot)?$"
        ),
        "Hello! Ask me anything about Docker images, containers and their commands, "
        "for example *what is the difference between an image and a container?*",
    ),
    (
        re.compile(
            r"^((thanks|thank you|thx|ty|cheers)( a lot| so much| very much)?"
            r"|great|awesome|cool|nice|perfect|got it|ok|okay)$"
        ),
        "You're welcome. Ask another question whenever you like.",
    ),
    (
        re.compile(
            r"^(help|\?|help me|what can you do|who are you|what are you|how does this work"
            r"|what can i ask( you)?)$"
        ),
        "I answer questions about Docker images and containers from material our instructors "
        "wrote, and I link every answer to its source. Try *how do I list all containers?*, "
        "paste a command such as `docker ps -a`, or browse the topics.",
    ),
    (
        re.compile(r"^(bye|goodbye|see you|see ya|cya)( later)?$"),
        "Goodbye, and happy shipping!",
    ),
]


def normalize(text: str) -> str:
    """Lowercase words only, single-spaced: what smalltalk and the ask log compare."""
    return " ".join(re.sub(r"[^\w\s?]", " ", text.lower()).split())


def smalltalk_reply(question: str) -> str | None:
    """A short reply when the message is only a greeting, thanks or a request for help."""
    text = "?" if question.strip() == "?" else normalize(question).rstrip("?").strip()
    if not text:
        return None
    for pattern, reply in _PATTERNS:
        if pattern.match(text):
            return reply
    return None

"""The chat's reply as plain data, in the shape POST /api/ask promises."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cached_property

from ..knowledge.render import render_markdown

ANSWER, NO_ANSWER, CLARIFY, SMALLTALK = "answer", "no_answer", "clarify", "smalltalk"
REVIEW = "review"  # a pasted Dockerfile reviewed: `review` holds its rows and findings


@dataclass(frozen=True)
class Source:
    title: str
    section: str
    url: str
    score: float


@dataclass(frozen=True)
class Why:
    """The evidence behind an answer: words that matched, the closest phrasing, the runners-up."""

    matched: tuple[str, ...] = ()
    closest_question: str | None = None
    runners_up: tuple[Source, ...] = ()
    basis: str | None = None  # how a reply not found by search was made, in a sentence

    def to_dict(self) -> dict:
        found = {
            "matched": list(self.matched),
            "closest_question": self.closest_question,
            "runners_up": [asdict(s) for s in self.runners_up],
        }
        return found | {"basis": self.basis} if self.basis else found  # only where it applies


LIKELY = 0.5  # below this confidence an answer says it is not sure (templates, chat.js)


@dataclass(frozen=True)
class Reply:
    kind: str
    markdown: str
    confidence: float = 0.0
    sources: tuple[Source, ...] = ()
    suggestions: tuple[str, ...] = ()
    did_you_mean: str | None = None
    topic_slug: str | None = None
    anchor: str | None = None
    resolved: str | None = None  # the question as understood in its conversation
    why: Why = Why()
    review: dict | None = None  # {"rows", "findings", "linter"}: a Dockerfile reviewed

    def to_dict(self, conversation_id: str) -> dict:
        """The API's reply body in that conversation (its turn_id is the caller's to add)."""
        return {"conversation_id": conversation_id, **self._body}

    @cached_property
    def _body(self) -> dict:
        # Worked out once per reply: a cached reply is sent again and again. Callers copy the
        # top level (to_dict) and never change what is inside.
        return {
            "kind": self.kind,
            "answer": {"markdown": self.markdown, "html": render_markdown(self.markdown)},
            "sources": [asdict(s) for s in self.sources],
            "confidence": round(self.confidence, 3),
            "suggestions": list(self.suggestions),
            "did_you_mean": self.did_you_mean,
            "why": self.why.to_dict(),
            **({"review": self.review} if self.review is not None else {}),
        }

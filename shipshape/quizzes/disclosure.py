"""When a graded attempt shows the right answers (`show_correct`), and what it shows until then.

The full result is stored at submit; what a learner sees is decided each time it is read, so an
`after_deadline` quiz shows its key from the deadline on without regrading anything. Until then a
result has no `correct_response`, and its feedback is the verdict plus the instructor's feedback on
the options the learner chose: never the explanation, the missed right options, the expected text,
the right category, the right order or the missing flags.
"""

from __future__ import annotations

from datetime import datetime

from ..knowledge.render import render_markdown
from .bank import Question, QuizDoc
from .graders import Grade
from .settings import iso_utc

WITHHELD = "withheld_feedback"  # stored with each result; never sent as it is


def reveal_time(doc: QuizDoc, attempt_deadline: datetime | None) -> datetime | None:
    """From when an `after_deadline` quiz shows its key: closes_at, else the attempt's own end."""
    return doc.closes_at or attempt_deadline


def shows_correct(doc: QuizDoc, attempt_deadline: datetime | None, now: datetime) -> bool:
    if doc.show_correct == "immediately":
        return True
    if doc.show_correct == "never":
        return False
    moment = reveal_time(doc, attempt_deadline)
    return moment is not None and now >= moment


def _verdict(response: object, grade: Grade) -> str:
    if response is None:
        return "Not answered."
    if grade.correct:
        return "Right."
    return "Partly right." if grade.points > 0 else "Not right."


def feedback_without_key(q: Question, response: object, grade: Grade) -> str:
    """What may be said before the key is shown: the verdict and the chosen options' feedback."""
    picked = response if isinstance(response, list) else [response]
    notes = [
        f"- {o.text}: {o.feedback}" if q.type == "multiple_choice" else o.feedback
        for o in q.options
        if o.id in picked and o.feedback
    ]
    return "\n\n".join([_verdict(response, grade), "\n".join(notes)]).strip()


def _visible(entry: dict, shown: bool) -> dict:
    entry = dict(entry)
    withheld = entry.pop(WITHHELD, None)
    if shown:
        return entry
    entry.pop("correct_response", None)
    entry["feedback"] = withheld or ""
    entry["feedback_html"] = render_markdown(entry["feedback"])
    return entry


def visible_result(
    result: dict, doc: QuizDoc, attempt_deadline: datetime | None, now: datetime
) -> dict:
    """A stored result as the learner may see it now; a quiz that shows answers right away
    returns it as stored."""
    if doc.show_correct == "immediately":
        return result
    shown = shows_correct(doc, attempt_deadline, now)
    later = doc.show_correct == "after_deadline" and not shown
    return {
        **result,
        "results": [_visible(entry, shown) for entry in result["results"]],
        "show_correct": doc.show_correct,
        "correct_shown": shown,
        "correct_shown_at": iso_utc(reveal_time(doc, attempt_deadline)) if later else None,
    }

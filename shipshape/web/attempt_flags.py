"""Questions a learner flagged to come back to, per open attempt, kept in the signed session:
a flag is a note to oneself in this browser, not part of the attempt (no column holds it)."""

from __future__ import annotations

from flask import session

KEY = "flags"
KEEP = 5  # open attempts whose flags are kept: the session cookie stays small


def flagged(attempt_id: str) -> list[str]:
    return list(session.get(KEY, {}).get(attempt_id, []))


def set_flags(attempt_id: str, question_ids: list[str]) -> None:
    """Replace the attempt's flags; the oldest attempts' flags go when too many are kept."""
    flags = {k: v for k, v in session.get(KEY, {}).items() if k != attempt_id}
    if question_ids:
        flags[attempt_id] = sorted(set(question_ids))
    session[KEY] = dict(list(flags.items())[-KEEP:])


def forget(attempt_id: str) -> None:
    if attempt_id in session.get(KEY, {}):
        set_flags(attempt_id, [])

"""How several attempts at one quiz make one grade, as in Moodle: highest, last, average, first."""

from __future__ import annotations

from collections.abc import Sequence

GRADE_METHODS = ("highest", "last", "average", "first")


def quiz_grade(percents: Sequence[float], method: str = "highest") -> float | None:
    """The grade of submitted attempts' percents, oldest first; None when there are none.
    An unknown method counts as the default, highest."""
    if not percents:
        return None
    if method == "last":
        return percents[-1]
    if method == "first":
        return percents[0]
    if method == "average":
        return round(sum(percents) / len(percents), 1)
    return max(percents)

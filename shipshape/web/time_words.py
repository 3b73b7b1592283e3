"""Times said in words for learners ("in 3 days"); the exact time goes in a title, shown in the
learner's own zone by static/js/site.js."""

from __future__ import annotations

from datetime import datetime

from ..models import utcnow
from . import bp

DAY = 24 * 60
UNITS = (  # (below this many minutes, say it in, minutes each)
    (60, "minute", 1), (DAY, "hour", 60), (7 * DAY, "day", DAY), (30 * DAY, "week", 7 * DAY),
    (None, "month", 30 * DAY),
)  # fmt: skip


def _parse(moment: object) -> datetime | None:
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=None)
    if isinstance(moment, str) and moment:
        return datetime.fromisoformat(moment.removesuffix("Z")).replace(tzinfo=None)
    return None


def in_words(moment: datetime, now: datetime) -> str:
    """How far ahead a (naive UTC) time is: "now", "in 5 minutes", "tomorrow", "in 3 days"."""
    minutes = round((moment - now).total_seconds() / 60)
    if minutes < 1:
        return "now"
    unit, size = next(
        (name, each) for below, name, each in UNITS if below is None or minutes < below
    )
    count = max(round(minutes / size), 1)
    if unit == "day" and count == 1:
        return "tomorrow"
    return f"in {count} {unit}{'s' if count != 1 else ''}"


@bp.app_template_filter("from_now")
def from_now(moment: object) -> str:
    parsed = _parse(moment)
    return in_words(parsed, utcnow().replace(tzinfo=None)) if parsed else ""

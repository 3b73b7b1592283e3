"""What comes due next in a learner's spaced review: the coming cards grouped by day, for the
page that ends a review session."""

from __future__ import annotations

from datetime import datetime

from ..extensions import db
from ..models import ReviewCard, utcnow
from .cards import _live
from .scheduling import naive_utc
from .settings import iso_utc

LOOK_AHEAD = 200  # cards read to group; a learner rarely has more waiting


def coming_up(learner_id: int | None, now: datetime | None = None, days: int = 3) -> list[dict]:
    """The next `days` days with cards due, each {"first_due_at", "count"} (UTC days), soonest
    first."""
    if learner_id is None:
        return []
    moment = naive_utc(now or utcnow())
    query = _live(learner_id).where(ReviewCard.due_at > moment).order_by(ReviewCard.due_at)
    groups: dict[str, dict] = {}
    for card in db.session.scalars(query.limit(LOOK_AHEAD)):
        day = card.due_at.date().isoformat()
        if day not in groups and len(groups) == days:
            break
        group = groups.setdefault(day, {"first_due_at": iso_utc(card.due_at), "count": 0})
        group["count"] += 1
    return list(groups.values())

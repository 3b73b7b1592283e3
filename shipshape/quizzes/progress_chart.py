"""Scores over time: the geometry of a server-drawn SVG line chart, as plain data.

One series per quiz (attempts at different quizzes are not one line), placed by date on the x
axis, with the quiz's grade (by its grade method) marked as a dashed line. The chart is drawn for
a given width, so a phone gets one whose labels stay readable; the template draws the SVG, a
legend and a table with the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

WIDE, NARROW = 640, 340
HEIGHT = 240
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 12, 36  # room for the "100%" and the date labels
Y_TICKS = (0, 50, 100)
SHAPES = ("circle", "square", "triangle", "diamond")  # told apart without colour too
MAX_SERIES_STYLES = 6


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    percent: float
    title: str


@dataclass(frozen=True)
class Tick:
    at: float  # y for a score tick, x for a date tick
    label: str


@dataclass(frozen=True)
class Series:
    slug: str
    title: str
    style: int  # which colour (series-N in the CSS)
    shape: str
    points: tuple[Point, ...]
    grade: float | None
    grade_y: float | None

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: int
    right: int
    top: int
    baseline: int
    series: tuple[Series, ...]
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]

    @property
    def points(self) -> tuple[Point, ...]:
        return tuple(p for s in self.series for p in s.points)


def _y(percent: float) -> float:
    plot_h = HEIGHT - TOP - BOTTOM
    clamped = min(max(percent, 0.0), 100.0)
    return round(TOP + plot_h * (1 - clamped / 100), 2)


def _time_scale(times: Sequence[datetime], width: int):
    """x for a time: the first attempt at the left, the last at the right (one: the middle)."""
    start, end = min(times), max(times)
    span = (end - start).total_seconds()
    plot_w = width - LEFT - RIGHT

    def x(moment: datetime) -> float:
        share = (moment - start).total_seconds() / span if span else 0.5
        return round(LEFT + plot_w * share, 2)

    return x, start, end


def _date_ticks(start: datetime, end: datetime, x, width: int) -> tuple[Tick, ...]:
    """Up to 4 (2 on a phone) labelled moments: dates, or times of day within one day."""
    span = end - start
    label = "%H:%M" if span < timedelta(days=1) else "%-d %b"
    count = 1 if not span else (2 if width < WIDE else 4)
    moments = [start + span * (i / max(count - 1, 1)) for i in range(count)] if span else [start]
    ticks, seen = [], set()
    for moment in moments:
        text = moment.strftime(label)
        if text not in seen:
            seen.add(text)
            ticks.append(Tick(x(moment), text))
    return tuple(ticks)


def score_chart(
    history: Sequence[dict], grades: dict[str, float] | None = None, width: int = WIDE
) -> LineChart:
    """One series per quiz from {"slug", "quiz", "submitted_at", "percent"} (oldest first), each
    with its grade from `grades` (slug -> percent), drawn `width` wide."""
    grades = grades or {}
    x, start, end = _time_scale([h["submitted_at"] for h in history] or [datetime.min], width)
    by_quiz: dict[str, list[dict]] = {}
    for entry in history:
        by_quiz.setdefault(entry.get("slug") or entry["quiz"], []).append(entry)
    series = []
    for n, (slug, entries) in enumerate(by_quiz.items()):
        points = tuple(
            Point(x(e["submitted_at"]), _y(e["percent"]), e["percent"],
                  f"{e['quiz']}: {e['percent']:g}% on {e['submitted_at']:%Y-%m-%d %H:%M} UTC")
            for e in entries
        )  # fmt: skip
        grade = grades.get(slug)
        series.append(
            Series(slug, entries[-1]["quiz"], n % MAX_SERIES_STYLES, SHAPES[n % len(SHAPES)],
                   points, grade, _y(grade) if grade is not None else None)
        )  # fmt: skip
    y_ticks = tuple(Tick(_y(t), f"{t}%") for t in Y_TICKS)
    x_ticks = _date_ticks(start, end, x, width) if history else ()
    return LineChart(width, HEIGHT, LEFT, width - RIGHT, TOP, HEIGHT - BOTTOM,
                     tuple(series), y_ticks, x_ticks)  # fmt: skip

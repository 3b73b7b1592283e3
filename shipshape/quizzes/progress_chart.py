"""Scores over time: the geometry of a server-drawn SVG line chart, as plain data.

Attempts are spaced evenly in the order they were submitted (a burst of attempts on one day
stays readable); the template draws the SVG and a table with the same figures for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 600, 240
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 16, 28  # room for the "100%" tick label
TICKS = (0, 50, 100)


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    percent: float
    title: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: int
    right: int
    top: int
    baseline: int
    points: tuple[Point, ...]
    ticks: tuple[Tick, ...]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


def _y(percent: float) -> float:
    plot_h = HEIGHT - TOP - BOTTOM
    clamped = min(max(percent, 0.0), 100.0)
    return round(TOP + plot_h * (1 - clamped / 100), 2)


def score_chart(history: Sequence[dict]) -> LineChart:
    """One point per submitted attempt ({"quiz", "submitted_at", "percent"}), oldest on the left."""
    plot_w = WIDTH - LEFT - RIGHT
    step = plot_w / (len(history) - 1) if len(history) > 1 else 0.0
    points = []
    for i, entry in enumerate(history):
        x = LEFT + (i * step if len(history) > 1 else plot_w / 2)
        when = entry["submitted_at"].strftime("%Y-%m-%d %H:%M")
        title = f"{entry['quiz']}: {entry['percent']:g}% on {when} UTC"
        points.append(Point(round(x, 2), _y(entry["percent"]), entry["percent"], title))
    ticks = tuple(Tick(_y(t), f"{t}%") for t in TICKS)
    return LineChart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, tuple(points), ticks)

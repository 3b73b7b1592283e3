"""A score histogram: ten bins of percent, and the geometry of its SVG bar chart, as plain data.

The template draws the SVG from these numbers, so every text in it goes through autoescaping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

BINS = 10
WIDTH, HEIGHT = 600, 260
LEFT, RIGHT, TOP, BOTTOM = 36, 8, 24, 40  # room for the count axis, the counts and the bin labels
GAP = 6


@dataclass(frozen=True)
class Bin:
    low: int
    high: int
    count: int

    @property
    def label(self) -> str:
        return f"{self.low}\N{EN DASH}{self.high}%"


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    center: float
    count: int
    label: str
    title: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    baseline: float
    left: int
    right: float
    top: int
    most: int
    bars: tuple[Bar, ...]


def bin_index(percent: float) -> int:
    """0 to under 10 is bin 0, ..., 90 to 100 is bin 9: 100 joins the last bin."""
    # rounded first: 2.3 of 23 points computes as 9.999999999999998 and must land on 10
    clamped = min(max(round(percent, 9), 0.0), 100.0)
    return min(int(clamped // 10), BINS - 1)


def histogram(percents: Sequence[float]) -> tuple[Bin, ...]:
    counts = [0] * BINS
    for percent in percents:
        counts[bin_index(percent)] += 1
    return tuple(Bin(10 * i, 10 * (i + 1), n) for i, n in enumerate(counts))


def _title(b: Bin) -> str:
    last = "100" if b.high == 100 else f"under {b.high}"
    attempts = "attempt" if b.count == 1 else "attempts"
    return f"{b.count} {attempts} scored from {b.low}% to {last}%"


def chart(bins: Sequence[Bin]) -> Chart:
    """Bars scaled so the fullest bin reaches the top; an empty chart has no height to scale."""
    most = max((b.count for b in bins), default=0)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(bins), 1)
    baseline = TOP + plot_h
    bars = []
    for i, b in enumerate(bins):
        height = plot_h * b.count / most if most else 0.0
        x = LEFT + i * slot + GAP / 2
        bars.append(
            Bar(
                round(x, 2), round(baseline - height, 2), round(slot - GAP, 2), round(height, 2),
                round(x + (slot - GAP) / 2, 2), b.count, b.label, _title(b),
            )
        )  # fmt: skip
    return Chart(WIDTH, HEIGHT, baseline, LEFT, WIDTH - RIGHT, TOP, most, tuple(bars))

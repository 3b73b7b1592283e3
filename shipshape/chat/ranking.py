"""Order candidate sections by fitted weights and say how likely the best one is right.

The weights, the calibration and the no-answer threshold are data (ranking_model.json), fitted
with cross-validation by `python bench/quality.py --fit`; nothing here is tuned by hand.
"""

from __future__ import annotations

import json
import math
import operator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .features import FEATURES, Candidate

MODEL_FILE = Path(__file__).with_name("ranking_model.json")
CALIBRATION = (
    "bias", "score", "margin", "coverage", "focus", "phrasing", "heading", "error", "command",
    "unknown", "long", "definition", "distinct", "own_phrasing", "long_focus",
)  # fmt: skip


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]  # feature -> weight in a candidate's score
    calibration: dict[str, float]  # evidence -> weight in the logistic probability of being right
    threshold: float  # below this probability the chat says it does not know

    @cached_property
    def ordered_weights(self) -> tuple[float, ...]:
        """The weights in FEATURES order, as `score` multiplies them."""
        return tuple(self.weights[f] for f in FEATURES)

    def to_dict(self) -> dict:
        return {
            "weights": self.weights,
            "calibration": self.calibration,
            "threshold": self.threshold,
        }


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> Model:
    data = json.loads(path.read_text())
    return Model(
        {f: float(data["weights"].get(f, 0.0)) for f in FEATURES},
        {f: float(data["calibration"].get(f, 0.0)) for f in CALIBRATION},
        float(data["threshold"]),
    )


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    score: float

    @property
    def hit(self):
        return self.candidate.hit

    @property
    def coverage(self) -> float:
        return self.candidate.features["coverage"]


_IN_ORDER = operator.itemgetter(*FEATURES)


def score(features: dict[str, float], weights: tuple[float, ...]) -> float:
    """The weighted sum of a candidate's features; `weights` in FEATURES order."""
    return sum(map(operator.mul, weights, _IN_ORDER(features)))


def rank(candidates: list[Candidate], model: Model) -> list[Ranked]:
    """Candidates best first."""
    weights = model.ordered_weights
    ranked = [Ranked(c, score(c.features, weights)) for c in candidates]
    return sorted(ranked, key=lambda r: -r.score)


def evidence(ranked: list[Ranked]) -> dict[str, float]:
    """What the calibrator weighs: the best candidate's strength and its lead over the next."""
    if not ranked:
        return dict.fromkeys(CALIBRATION, 0.0) | {"bias": 1.0}
    best = ranked[0]
    runner = next((r for r in ranked[1:] if r.hit.slug != best.hit.slug), None)
    features = best.candidate.features
    return {
        "bias": 1.0,
        "score": best.score,
        "margin": best.score - runner.score if runner else 1.0,
        "coverage": features["coverage"],
        "focus": features["focus"],
        "phrasing": features["phrasing"],
        "error": features["error"],
        "command": features["command"],
        "heading": features["heading"],
        "unknown": features["unknown"],
        "long": features["long"],
        "definition": features["definition"],
        "distinct": features["distinct"],
        "own_phrasing": features["own_phrasing"],
        "long_focus": features["long"] * features["focus"],
    }


def probability(values: dict[str, float], calibration: dict[str, float]) -> float:
    """The logistic probability that the best candidate is right."""
    z = sum(calibration[k] * values.get(k, 0.0) for k in calibration)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def confidence(ranked: list[Ranked], model: Model) -> float:
    return probability(evidence(ranked), model.calibration) if ranked else 0.0

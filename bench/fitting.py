"""Fit the chat's ranking model: feature weights, a calibrated confidence, a no-answer threshold.

Plain numpy, small on purpose: a listwise softmax ranker (the right section should take the
probability mass among the candidates), then a logistic calibrator on the best candidate's
evidence, then the lowest threshold whose answers are right often enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from shipshape.chat.features import FEATURES
from shipshape.chat.ranking import CALIBRATION, Model, Ranked, evidence, probability, rank

L2 = 0.01
# No dev question is a follow-up; a pasted error is matched by rule, not by words; and a held-out
# question is never already a phrasing, while in use an instructor adds a learner's question as
# one to send it to a topic. These keep the weights they are given instead of being shrunk to
# nothing for lack of examples.
FIXED = ("prefer", "avoid", "error", "exact")
STEPS = 600
# The threshold trades answers against declines in the mix learners bring: the eval's question
# sets and the dev half of the real questions collected for the project, with their own share of
# questions the material does not cover. The off-topic set and the
# instructors' phrasings teach the calibrator, but their mix (all off-topic; all answerable, and
# often answerable by more than the one section they sit on) is nobody's traffic.
ASKED = ("public", "real", "collected")
# The calibrator learns how often an answer is right from questions nobody has mended the material
# against: a question whose miss was read and written into a section is answered right more often
# than an unseen one, and a calibrator fitted on it is over-sure on real traffic. The eval's two
# sets built this project; a collected question says so itself (`mended`, see its README).
MENDED_SETS = ("public", "real")
RATE = 0.05


@dataclass
class Example:
    """One question's candidates as features, and which of them answer it right."""

    set_name: str
    item: dict
    candidates: list  # chat.features.Candidate
    right: list[bool]  # per candidate
    answerable: bool  # False when the right reply is "I don't know"
    immediate_right: bool | None = None  # set when no ranking decides the reply
    found: object = None  # the chat's Understanding (to respond to again), or its decided reply


def _adam(grad_fn, start: np.ndarray) -> np.ndarray:
    w, m, v = start.copy(), np.zeros_like(start), np.zeros_like(start)
    for step in range(1, STEPS + 1):
        g = grad_fn(w)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def balance(examples: list[Example]) -> np.ndarray:
    """Per-example weights that give every question set the same say, however many it holds:
    325 instructor phrasings must not outvote 84 real learners' questions."""
    sizes: dict[str, int] = {}
    for ex in examples:
        sizes[ex.set_name] = sizes.get(ex.set_name, 0) + 1
    weights = np.array([1.0 / sizes[ex.set_name] for ex in examples])
    return weights / weights.sum() if len(weights) else weights


def _tensors(examples: list[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Candidates' features (questions x candidates x features), right marks, a pad mask and
    each question's weight."""
    lists = [
        ex for ex in examples
        if ex.immediate_right is None and ex.answerable and any(ex.right) and not all(ex.right)
    ]  # fmt: skip
    width = max((len(ex.candidates) for ex in lists), default=0)
    x = np.zeros((len(lists), width, len(FEATURES)))
    right = np.zeros((len(lists), width))
    mask = np.zeros((len(lists), width), dtype=bool)
    for i, ex in enumerate(lists):
        for j, (c, ok) in enumerate(zip(ex.candidates, ex.right, strict=True)):
            x[i, j] = [c.features[f] for f in FEATURES]
            right[i, j], mask[i, j] = ok, True
    return x, right, mask, balance(lists)


def fit_weights(examples: list[Example], start: dict[str, float]) -> dict[str, float]:
    """Weights that put a right section first: softmax cross-entropy over each candidate list."""
    x, right, mask, share = _tensors(examples)
    fixed = np.array([f in FIXED for f in FEATURES])

    def grad(w: np.ndarray) -> np.ndarray:
        s = np.where(mask, x @ w, -np.inf)
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        q = p * right
        q /= q.sum(axis=1, keepdims=True)
        g = np.einsum("q,qc,qcf->f", share, p - q, x) + 2 * L2 * w
        return np.where(fixed, 0.0, g)

    w0 = np.array([start.get(f, 0.0) for f in FEATURES])
    fitted = _adam(grad, w0) if len(x) else w0
    return {f: round(float(v), 4) for f, v in zip(FEATURES, fitted, strict=True)}


class Row(NamedTuple):
    """One question's outcome under a ranking: what the calibrator and the threshold learn from."""

    evidence: dict  # the best candidate's
    right: bool  # answering with it is right
    answerable: bool
    set_name: str
    mended: bool  # the material was mended against this question (see MENDED_SETS)


def top_outcomes(examples: list[Example], weights: dict[str, float]) -> list[Row]:
    """(evidence of the best candidate, whether answering with it is right, whether the question
    has a right answer at all) per ranked example."""
    model = Model(weights, dict.fromkeys(CALIBRATION, 0.0), 0.0)
    rows = []
    for ex in examples:
        if ex.immediate_right is not None or not ex.candidates:
            continue
        ranked: list[Ranked] = rank(ex.candidates, model)
        best = ex.candidates.index(ranked[0].candidate)
        right, mended = ex.answerable and ex.right[best], was_mended(ex)
        rows.append(Row(evidence(ranked), right, ex.answerable, ex.set_name, mended))
    return rows


def was_mended(ex: Example) -> bool:
    return ex.set_name in MENDED_SETS or bool(ex.item.get("mended", False))


def _row_balance(rows: list[Row]) -> np.ndarray:
    sizes: dict[str, int] = {}
    for row in rows:
        sizes[row.set_name] = sizes.get(row.set_name, 0) + 1
    weights = np.array([1.0 / sizes[row.set_name] for row in rows])
    return weights / weights.sum()


def fit_calibration(rows: list[Row]) -> dict[str, float]:
    """Logistic regression of 'the best candidate is right' on its evidence."""
    if not rows:
        return dict.fromkeys(CALIBRATION, 0.0)
    x = np.array([[row.evidence[k] for k in CALIBRATION] for row in rows])
    y = np.array([float(row.right) for row in rows])
    share = _row_balance(rows)

    def grad(w: np.ndarray) -> np.ndarray:
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        penalty = 2 * L2 * w
        penalty[0] = 0.0  # the bias is not shrunk
        return x.T @ (share * (p - y)) + penalty

    fitted = _adam(grad, np.zeros(len(CALIBRATION)))
    return {k: round(float(v), 4) for k, v in zip(CALIBRATION, fitted, strict=True)}


def pick_threshold(rows: list[Row], calibration: dict[str, float]) -> float:
    """The confidence below which saying "I don't know" is right more often than answering:
    a question with a right answer is missed either way when the answer is wrong, so declining
    pays only for questions the material does not cover."""
    share = _row_balance(rows)
    scored = sorted(
        (
            (probability(row.evidence, calibration), row.right, row.answerable, w)
            for row, w in zip(rows, share, strict=True)
        ),
        key=lambda r: -r[0],
    )
    declined_right = sum(w for _, _, can, w in scored if not can)
    best, best_value, answered_right = 1.0, declined_right, 0.0
    for p, ok, can, w in scored:  # answer everything at or above p
        answered_right += w * ok
        declined_right -= w * (not can)
        if answered_right + declined_right > best_value:
            best, best_value = p, answered_right + declined_right
    return round(best, 4)


def fit_model(examples: list[Example], start: dict[str, float]) -> Model:
    weights = fit_weights(examples, start)
    rows = top_outcomes(examples, weights)
    calibration = fit_calibration([row for row in rows if not row.mended])
    asked = [row for row in rows if row.set_name in ASKED] or rows
    return Model(weights, calibration, pick_threshold(asked, calibration))

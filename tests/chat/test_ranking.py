"""The ranking model is data: every feature has a weight, and confidence is a probability."""

from __future__ import annotations

from dataclasses import replace

import pytest

from shipshape.chat.features import FEATURES, QUESTION_FEATURES, Candidate
from shipshape.chat.ranking import CALIBRATION, Model, confidence, evidence, load_model, rank
from shipshape.knowledge.index import Hit

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent


def hit(slug: str) -> Hit:
    return Hit(slug, "", slug, "", "", "", "G", 0, (), 1.0, frozenset(), frozenset())


def candidate(slug: str, **values: float) -> Candidate:
    features = dict.fromkeys(FEATURES, 0.0) | dict.fromkeys(QUESTION_FEATURES, 0.0) | values
    return Candidate(hit(slug), features, None)


def test_the_shipped_model_weighs_every_feature_and_has_a_threshold_between_0_and_1():
    model = load_model()
    assert set(model.weights) == set(FEATURES)
    assert set(model.calibration) == set(CALIBRATION)
    assert 0.0 < model.threshold < 1.0


def test_candidates_are_ordered_by_their_weighted_features():
    model = Model(dict.fromkeys(FEATURES, 0.0) | {"heading": 2.0, "bm25": 1.0}, {}, 0.5)
    ranked = rank([candidate("a", bm25=2.0), candidate("b", bm25=1.0, heading=1.0)], model)
    assert [r.hit.slug for r in ranked] == ["b", "a"]


def test_confidence_grows_with_the_lead_over_the_runner_up_and_stays_a_probability():
    calibration = dict.fromkeys(CALIBRATION, 0.0) | {"bias": -1.0, "margin": 2.0}
    model = Model(dict.fromkeys(FEATURES, 0.0) | {"bm25": 1.0}, calibration, 0.5)
    close = rank([candidate("a", bm25=2.0), candidate("b", bm25=1.9)], model)
    clear = rank([candidate("a", bm25=4.0), candidate("b", bm25=1.0)], model)
    assert 0.0 < confidence(close, model) < confidence(clear, model) < 1.0
    assert evidence(clear)["margin"] == 3.0


def test_no_candidate_means_no_confidence():
    assert confidence([], replace(load_model())) == 0.0

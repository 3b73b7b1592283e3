"""Models for tests of the reply's rules: a rule about how sure an answer is must hold wherever
the fitted calibrator happens to place one question's confidence, and moves with every refit."""

from dataclasses import replace

from shipshape.chat.ranking import Model, load_model


def surer_model(logits: float = 3.0) -> Model:
    """The shipped model, the same ranking, every answer's confidence raised (0.45 → 0.94)."""
    model = load_model()
    calibration = {**model.calibration, "bias": model.calibration["bias"] + logits}
    return replace(model, calibration=calibration)

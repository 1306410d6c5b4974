"""A pair classifier's weights: a multinomial logistic regression stored as plain JSON, read without any
machine-learning library (``training/train_events.py`` writes them)."""

from __future__ import annotations

import math
from typing import Any

#: the class of a pair with no interaction or tie
NONE = "NONE"


class PairModel:
    """A multinomial logistic regression stored as JSON: ``classes``, ``bias``, sparse ``weights`` (feature
    → one weight per class) and the ``threshold`` an interaction needs."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.classes: list[str] = data["classes"]
        self.bias: list[float] = data["bias"]
        self.weights: dict[str, list[float]] = data["weights"]
        self.threshold: float = data["threshold"]

    def probabilities(self, feats: list[str]) -> list[float]:
        scores = list(self.bias)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                scores = [s + x for s, x in zip(scores, w)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]

    def predict(self, feats: list[str]) -> tuple[str, float]:
        """The most probable interaction type other than NONE, and its probability."""
        probs = self.probabilities(feats)
        best = max((p, c) for c, p in zip(self.classes, probs) if c != NONE)
        return best[1], best[0]

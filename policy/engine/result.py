"""What the engine returns: the recommendation, scores per reason and the rules that fired."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple


class RuleHit(NamedTuple):
    """One rule that fired, with a one-sentence explanation in English and German.

    A NamedTuple rather than a dataclass because `evaluate` creates several per call."""

    rule: str
    reason: str
    weight: float
    explanation_en: str
    explanation_de: str

    def explanation(self, lang: str = "en") -> str:
        """Return the explanation in `lang` ("de" for German; English otherwise)."""
        return self.explanation_de if lang == "de" else self.explanation_en

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """Return {"rule", "reason", "weight", "explanation"} with the explanation in `lang`."""
        return {
            "rule": self.rule,
            "reason": self.reason,
            "weight": self.weight,
            "explanation": self.explanation(lang),
        }


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome of evaluating one invitation against one policy."""

    recommendation: str
    scores: dict[str, float]
    hits: tuple[RuleHit, ...]

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """Return a JSON-serialisable dict: recommendation, scores and hits explained in `lang`."""
        return {
            "recommendation": self.recommendation,
            "scores": dict(self.scores),
            "hits": [hit.to_dict(lang) for hit in self.hits],
        }

    def rules(self) -> tuple[str, ...]:
        """Return the ids of the rules that fired, in order."""
        return tuple(hit.rule for hit in self.hits)

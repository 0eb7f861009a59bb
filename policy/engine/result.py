"""What the engine returns: the recommendation, scores per reason and the rules that fired."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .messages import Message, gettext_noop
from .texts import translate

_REASON_NAMES = {
    "unknown": gettext_noop("unknown"),
    "not_personal": gettext_noop("not personal"),
    "spam": gettext_noop("spam"),
}


def score_line(reason: str, score: float, threshold: float, lang: str = "en") -> str:
    """Return one reason's score against its threshold: "spam 2.0 ≥ 1.0" or "spam 0.5 < 1.0"."""
    name = translate(_REASON_NAMES.get(reason, reason), lang)
    sign = "\u2265" if score >= threshold else "<"
    return f"{name} {_number(score)} {sign} {_number(threshold)}"


def _number(value: float) -> str:
    return f"{value:.1f}" if float(value).is_integer() else f"{value:g}"


class RuleHit(NamedTuple):
    """One rule that fired, with a one-sentence explanation: a Message, translated only when
    read.

    A NamedTuple rather than a dataclass because `evaluate` creates several per call."""

    rule: str
    reason: str
    weight: float
    message: Message

    def explanation(self, lang: str = "en") -> str:
        """Return the explanation in `lang` (English where its catalogue lacks the text)."""
        return translate(self.message, lang)

    @property
    def explanation_en(self) -> str:
        """Return the explanation in English."""
        return str(self.message)

    @property
    def explanation_de(self) -> str:
        """Return the explanation in German."""
        return translate(self.message, "de")

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
    """The outcome of evaluating one invitation against one policy.

    `hits` start with the `deciding` hits that set the recommendation, then the rest;
    `thresholds` are the policy's, per reason, to show each score against."""

    recommendation: str
    scores: dict[str, float]
    hits: tuple[RuleHit, ...]
    thresholds: dict[str, float] = field(default_factory=dict)
    deciding: int = 0

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """Return a JSON-serialisable dict: recommendation, scores and hits explained in `lang`,
        each hit marked whether it decided (`score_lines` has the scores against thresholds)."""
        return {
            "recommendation": self.recommendation,
            "scores": dict(self.scores),
            "hits": [
                {**hit.to_dict(lang), "deciding": i < self.deciding}
                for i, hit in enumerate(self.hits)
            ],
        }

    def score_lines(self, lang: str = "en") -> list[str]:
        """Return each reason's score against its threshold ("spam 2.0 ≥ 1.0"), in the order
        the reasons are checked; empty when the thresholds are not known."""
        return [
            score_line(reason, self.scores.get(reason, 0.0), self.thresholds[reason], lang)
            for reason in ("spam", "unknown", "not_personal")
            if reason in self.thresholds
        ]

    def rules(self) -> tuple[str, ...]:
        """Return the ids of the rules that fired, in order."""
        return tuple(hit.rule for hit in self.hits)

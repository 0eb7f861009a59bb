"""Judging a policy against a labelled corpus of connection notes (`manage.py judge_report`).

Each note is evaluated twice: as a stranger's invitation and as a known colleague's. The
outcome the article expects depends on the note's label:

* stranger: a note that advertises or is a scam -> report_spam; anything else -> dont_know
  (the article's "I don't know [name]": a stranger is never accepted);
* known colleague: a note with context (a concrete shared experience) -> accept; anything
  else -> ignore (a colleague is never spam for what the note says, and a pitch, a default
  text or a note without context is not personal enough to accept).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from policy.engine import (
    ACCEPT,
    DONT_KNOW,
    IGNORE,
    NOT_PERSONAL,
    RECOMMENDATIONS,
    REPORT_SPAM,
    SPAM,
    UNKNOWN,
    CompiledPolicy,
    OrgContext,
    Result,
)
from policy.offline import evaluate_records

LABELS = ("advertises", "scam", "default", "context", "no_context")
SPAM_LABELS = frozenset({"advertises", "scam"})
STRANGER = "stranger"
KNOWN = "known"
SIDES = (STRANGER, KNOWN)

# Whom the known colleague is when the profile lists no known contacts.
DEFAULT_COLLEAGUE = {
    "name": "Known Colleague",
    "profile_url": "https://www.linkedin.com/in/known-colleague-vouch/",
}
DEFAULT_PROFILE = {"name": "Corpus", "countries": ["DE"], "known_contacts": [DEFAULT_COLLEAGUE]}
_STRANGER = {
    "requester_name": "Sam Stranger",
    "requester_profile_url": "https://www.linkedin.com/in/sam-stranger-vouch/",
}


class CorpusError(ValueError):
    """A corpus line that cannot be judged; the message names the line and the problem."""


@dataclass(frozen=True, slots=True)
class Note:
    """One labelled note of the corpus."""

    id: str
    lang: str
    shape: str
    label: str
    note: str


def read_corpus(lines: Iterable[str], filename: str) -> list[Note]:
    """Return the notes of a JSON-lines corpus ({"id", "lang", "shape", "label", "note"}).

    Blank lines are skipped. Raises CorpusError naming the file and line of the first
    malformed line, unknown label or repeated id."""
    notes: list[Note] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{filename}, line {number}"
        try:
            item = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise CorpusError(f"{where}: is not valid JSON: {exc}") from exc
        if not isinstance(item, dict):
            raise CorpusError(f"{where}: expected a JSON object")
        for key in ("id", "label", "note"):
            if not isinstance(item.get(key), str):
                raise CorpusError(f"{where}: {key!r} must be a string")
        if item["label"] not in LABELS:
            raise CorpusError(f"{where}: label {item['label']!r} is not one of {', '.join(LABELS)}")
        if item["id"] in seen:
            raise CorpusError(f"{where}: id {item['id']!r} repeats line {seen[item['id']]}")
        seen[item["id"]] = number
        notes.append(
            Note(
                id=item["id"],
                lang=str(item.get("lang") or ""),
                shape=str(item.get("shape") or ""),
                label=item["label"],
                note=item["note"],
            )
        )
    return notes


def expected(label: str, side: str) -> str:
    """Return the recommendation the article expects for a note with `label` on `side`."""
    if side == STRANGER:
        return REPORT_SPAM if label in SPAM_LABELS else DONT_KNOW
    return ACCEPT if label == "context" else IGNORE


def judging_profile(profile: Mapping[str, Any] | None) -> dict[str, Any]:
    """Return `profile` (or DEFAULT_PROFILE) with at least one known contact to play the
    known colleague."""
    data = dict(profile if profile is not None else DEFAULT_PROFILE)
    contacts = [c for c in data.get("known_contacts") or [] if isinstance(c, Mapping)]
    if not any(c.get("name") or c.get("profile_url") for c in contacts):
        data["known_contacts"] = [*contacts, DEFAULT_COLLEAGUE]
    return data


def _records(notes: list[Note], profile: Mapping[str, Any]) -> Iterator[tuple[Any, dict]]:
    countries = sorted(c.strip().upper() for c in profile.get("countries") or [] if c.strip())
    country = countries[0] if countries else ""
    colleague = next(c for c in profile["known_contacts"] if c.get("name") or c.get("profile_url"))
    known = {
        "requester_name": colleague.get("name") or "",
        "requester_profile_url": colleague.get("profile_url") or "",
    }
    common = {"requester_has_photo": True, "requester_country": country}
    for index, note in enumerate(notes):
        yield (
            (index, STRANGER),
            {
                **common,
                **_STRANGER,
                "mutual_connections": 0,
                "colleagues_connected": 0,
                "recognises_name": "no",
                "message": note.note,
            },
        )
        yield (index, KNOWN), {**common, **known, "message": note.note}


_DECIDING_REASON = {REPORT_SPAM: SPAM, DONT_KNOW: UNKNOWN, IGNORE: NOT_PERSONAL}


def top_reason(result: Result) -> str:
    """Return the rule id of the hit that did most for the recommendation: the heaviest hit
    of the recommendation's reason (for accept, the heaviest hit against the requester
    being unknown), else the first hit with a positive weight, else ""."""
    reason = _DECIDING_REASON.get(result.recommendation)
    if reason is None:
        deciding = [hit for hit in result.hits if hit.weight < 0]
        if deciding:
            return min(deciding, key=lambda hit: hit.weight).rule
    else:
        deciding = [hit for hit in result.hits if hit.reason == reason and hit.weight > 0]
        if deciding:
            return max(deciding, key=lambda hit: hit.weight).rule
    return next((hit.rule for hit in result.hits if hit.weight > 0), "")


@dataclass(slots=True)
class Side:
    """The outcomes of every note on one side (stranger or known colleague)."""

    # matrix[expected][got] and by_label[label][got] count notes.
    matrix: dict[str, Counter] = field(
        default_factory=lambda: {rec: Counter() for rec in RECOMMENDATIONS}
    )
    by_label: dict[str, Counter] = field(default_factory=lambda: {lab: Counter() for lab in LABELS})

    def add(self, label: str, want: str, got: str) -> None:
        self.matrix[want][got] += 1
        self.by_label[label][got] += 1

    def count(self, labels: Iterable[str], got: str | None = None) -> int:
        """Return how many notes with one of `labels` got `got` (any outcome when None)."""
        return sum(
            self.by_label[label][got] if got else sum(self.by_label[label].values())
            for label in labels
        )


@dataclass(frozen=True, slots=True)
class Disagreement:
    id: str
    lang: str
    label: str
    side: str
    expected: str
    got: str
    reason: str
    note: str


@dataclass(slots=True)
class Report:
    """The judgement of one policy on one corpus."""

    notes: int = 0
    sides: dict[str, Side] = field(default_factory=lambda: {side: Side() for side in SIDES})
    agreed_by_lang: Counter = field(default_factory=Counter)
    total_by_lang: Counter = field(default_factory=Counter)
    disagreements: list[Disagreement] = field(default_factory=list)

    def metrics(self) -> dict[str, Any]:
        """Return the figures the article's targets are stated in (percentages rounded to
        0.1): agreement, spam strangers reported, strangers accepted, other strangers
        reported, known colleagues without context accepted, known colleagues reported."""
        stranger, known = self.sides[STRANGER], self.sides[KNOWN]
        others = [label for label in LABELS if label not in SPAM_LABELS]
        no_context = [label for label in LABELS if label != "context"]
        total = 2 * self.notes
        return {
            "notes": self.notes,
            "agreement_pct": _pct(total - len(self.disagreements), total),
            "spam_strangers_reported_pct": _pct(
                stranger.count(SPAM_LABELS, REPORT_SPAM), stranger.count(SPAM_LABELS)
            ),
            "strangers_accepted": stranger.count(LABELS, ACCEPT),
            "other_strangers_reported_pct": _pct(
                stranger.count(others, REPORT_SPAM), stranger.count(others)
            ),
            "known_without_context_accepted_pct": _pct(
                known.count(no_context, ACCEPT), known.count(no_context)
            ),
            "known_reported": known.count(LABELS, REPORT_SPAM),
            "agreement_by_lang_pct": {
                lang: _pct(self.agreed_by_lang[lang], self.total_by_lang[lang])
                for lang in sorted(self.total_by_lang)
            },
        }

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-serialisable data: matrices, metrics, disagreements."""
        return {
            "metrics": self.metrics(),
            "matrices": {
                side: {want: dict(got) for want, got in self.sides[side].matrix.items()}
                for side in SIDES
            },
            "by_label": {
                side: {label: dict(got) for label, got in self.sides[side].by_label.items()}
                for side in SIDES
            },
            "disagreements": [
                {
                    "id": d.id,
                    "lang": d.lang,
                    "label": d.label,
                    "side": d.side,
                    "expected": d.expected,
                    "got": d.got,
                    "reason": d.reason,
                }
                for d in self.disagreements
            ],
        }


def _pct(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def judge(
    notes: list[Note], *, policy: CompiledPolicy, profile: Mapping[str, Any] | None = None
) -> Report:
    """Return the Report of evaluating every note as a stranger's and as a known colleague's
    invitation under `policy`, for the organisation in `profile` (DEFAULT_PROFILE when None).

    Raises ValueError when the profile is invalid."""
    data = judging_profile(profile)
    org = OrgContext.from_profile(data)
    report = Report(notes=len(notes))
    for (index, side), result in evaluate_records(_records(notes, data), org, policy):
        note = notes[index]
        want, got = expected(note.label, side), result.recommendation
        report.sides[side].add(note.label, want, got)
        report.total_by_lang[note.lang] += 1
        if want == got:
            report.agreed_by_lang[note.lang] += 1
        else:
            report.disagreements.append(
                Disagreement(
                    note.id, note.lang, note.label, side, want, got, top_reason(result), note.note
                )
            )
    return report

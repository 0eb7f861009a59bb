"""Reading an invitation note the way the article's author would.

`NoteReader.read` tells whether a note is one of LinkedIn's default texts, whether it advertises
goods, services or investments (or is a scam opener), and whether it names a concrete shared
experience; each finding carries the words of the note that show it. Pure Python, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import re2

from ..defaults import DEFAULT_TEXTS, GREETINGS
from .fold import fold_note, plain_note
from .language import guess_language
from .patterns import ADVERTISING, CONTEXT, SCAM
from .signature import SIGN_OFFS, closing_start

__all__ = ["Evidence", "NoteReader", "NoteReading"]

QUOTE_MAX = 80
_CACHE_MAX = 8192
# Long notes are rare and would make the cache's memory unbounded in practice.
_CACHE_TEXT_MAX = 2000
_MAX_HITS_TRIED = 6
_GREETING_NAME_WORDS = 4
_CLOSING_NAME_WORDS = 4


@dataclass(frozen=True, slots=True)
class Evidence:
    """One thing the note does. `kind` is a stable id (see NoteReading); `quote` the words of
    the note that show it, exactly as the requester wrote them (at most 80 characters)."""

    kind: str
    quote: str


@dataclass(frozen=True, slots=True)
class NoteReading:
    """What a note says.

    `body` is the note without a name-like closing; `is_default` is true when the note is one of
    LinkedIn's default texts (`default_text`), alone or with a greeting, a name and a sign-off;
    `advertising` holds offers ("offer", "proposal", "free_offer", "we_help", "pitch_call",
    "leads_growth", "fundraising"), `scam` scam openers ("job_scam", "investment_scam",
    "off_platform"), `context` a concrete shared experience ("worked_together", "met_at",
    "call_had", "introduced_by", "studied_together", "business_relation"); `language` is an
    ISO 639-1 guess or "" when unsure."""

    body: str
    is_default: bool
    default_text: str
    advertising: tuple[Evidence, ...]
    scam: tuple[Evidence, ...]
    context: tuple[Evidence, ...]
    language: str


_EMPTY = NoteReading("", False, "", (), (), (), "")
# A price: a currency sign before an amount or a currency after it ("$99", "€ 49",
# "49 EUR"). Kind "price", which the promotional rule counts only where the policy says so.
_PRICE = re2.compile(
    r"(?i)(?:[$€£¥]\s?\d[\d.,]*\d|[$€£¥]\s?\d|\b\d[\d.,]*\s?(?:[$€£¥]|(?:eur|euro|euros|usd|chf|gbp|dollars?)\b))"
)

_WORD_RE = re.compile(r"[a-z0-9]+")
_NAME_PLACEHOLDER = "N"
_NAME_GROUP = r"([a-z][a-z'-]+)"
_NOT_NAMES = frozenset(
    "he she they someone somebody linkedin i we you er sie es jemand il elle on quelqu'un el ella "
    "alguien hij zij iemand lui lei qualcuno ele ela alguem my our the a mr mrs ms dr prof herr "
    "frau mme mm".split()
)
_NEGATION = re.compile(
    r"(?:\b(?:not|never|nie|nicht|kein\w*|jamais|pas|nunca|nooit|niet|nao|nem)"
    r"\b|n't\b|\bnon\s)"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:looking forward|look forward|forward to|will|would|could|should|might|hope|hoping|"
    r"plan|planning|next (?:week|month|year|time|spring|summer|autumn|fall|winter|monday|"
    r"tuesday|wednesday|thursday|friday)|upcoming|tomorrow|love to|like to|want to|freue|"
    r"freuen|werden|wurde|"
    r"wurden|hoffe|mochte|nachste\w*|morgen|prochain\w*|espere|j'espere|aimerais|voudrais|"
    r"espero|proxim\w*|gustaria|volgende|hoop|zou|zouden|wil|prossim\w*|spero|vorrei|"
    r"gostaria|quero|serait|serais|sarebbe|seria|ware|zou)\b"
)
_CONTEXT_WINDOW = 24
# Context in which the reader asked for what the note sends.
_REQUESTED_BY = frozenset({"call_had", "business_relation"})
# Phrases a construction can match without naming a shared experience ("a tool that brings
# teams together").
_VETO = {
    "worked_together": re.compile(
        r"\b(?:bring|brings|bringing|brought|put|puts|putting|pull|pulls|pulling|pulled|piece|"
        r"pieces|pieced|tie|ties|tied|stick|sticks|stuck)\b"
    ),
    # A freelancer who writes "about" a topic describes a job, not a service for sale.
    "offer": re.compile(r"\s(?:about|uber|sur|sobre|over|su)$"),
}
# A meal or a call that is only an invitation ("thanks for the dinner invite") has not happened.
_INVITATION_AFTER = re.compile(r"[\s-]*(?:invit|einladung|uitnodiging|convite|invito)")
_OPTIONS = re2.Options()
_OPTIONS.max_mem = 256 << 20
_UNANCHORED = re2._Anchor.UNANCHORED


_GAP_WORD = r"(?:\S*[^\s.!?;])"


def _compile_source(pattern: str) -> str:
    """Turn the readable pattern notation of patterns.py into RE2 syntax."""
    # A gap word never ends a sentence: constructions stay within one sentence.
    pattern = pattern.replace(r"(?:\S+ )", "(?:" + _GAP_WORD + " )")
    pattern = re.sub(
        r" ?<(\d+)>", lambda m: r"\s+(?:" + _GAP_WORD + r"\s+){0," + m.group(1) + "}?", pattern
    )
    pattern = pattern.replace(" ?", r"\s*").replace(" ", r"\s+")
    return pattern.replace(_NAME_PLACEHOLDER, _NAME_GROUP)


def _kind_source(patterns: tuple[str, ...]) -> str:
    return r"\b(?:" + "|".join(_compile_source(p) for p in patterns) + ")"


class _Kind:
    __slots__ = ("category", "kind", "named", "regex")

    def __init__(self, category: str, kind: str, source: str) -> None:
        self.category = category
        self.kind = kind
        self.named = _NAME_GROUP in source
        self.regex = re2.compile(source, _OPTIONS)._regexp


def _build_kinds() -> tuple[tuple[_Kind, ...], object]:
    kinds = []
    matcher = re2.Set.SearchSet(_OPTIONS)
    for category, table in (("advertising", ADVERTISING), ("scam", SCAM), ("context", CONTEXT)):
        for kind, patterns in table.items():
            source = _kind_source(patterns)
            kinds.append(_Kind(category, kind, source))
            matcher.Add(source)
    matcher.Compile()
    return tuple(kinds), matcher


_KINDS, _KIND_SET = _build_kinds()


def _words(folded: str) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in _WORD_RE.finditer(folded)]


def _phrase_keys(texts: Iterable[str]) -> list[tuple[str, str]]:
    keys = []
    for text in texts:
        key = " ".join(_WORD_RE.findall(fold_note(text)))
        if key:
            keys.append((key, text))
    return keys


class NoteReader:
    """Reads notes against one policy's editable lists.

    `default_texts` are LinkedIn's default texts (any language); `greetings` the words that may
    open a note before a name ("Hi", "Sehr geehrte"). Empty lists mean the built-in defaults.
    Build one reader per policy version and call `read` for each note; results are cached per
    text, so repeated notes cost a dictionary lookup."""

    def __init__(self, *, default_texts: Iterable[str] = (), greetings: Iterable[str] = ()):
        default_texts = list(default_texts) or [text for _, text in DEFAULT_TEXTS]
        greetings = list(greetings) or list(GREETINGS)
        seen: dict[str, str] = {}
        for key, text in _phrase_keys(default_texts):
            seen.setdefault(key, text)
        # Indexed by their first word, so a note is compared only with texts that can start at
        # one of its words.
        self._defaults: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for key, text in sorted(seen.items(), key=lambda kv: -len(kv[0])):
            words = tuple(key.split(" "))
            self._defaults.setdefault(words[0], []).append((words, text))
        self._default_anchors = self._anchors(list(seen))
        self._default_max = max((len(key) for key in seen), default=0)
        self._greetings = frozenset(key for key, _ in _phrase_keys(greetings))
        self._sign_offs = frozenset(SIGN_OFFS)
        self._cache: dict[str, NoteReading] = {}

    @staticmethod
    def _anchors(keys: list[str]) -> tuple[str, ...]:
        """Return a few words such that every key contains one (greedy: the word shared by most
        keys first), a cheap test before a note is compared with the default texts."""
        uncovered = [set(key.split(" ")) for key in keys]
        anchors: list[str] = []
        while uncovered:
            counts: dict[str, int] = {}
            for words in uncovered:
                for word in words:
                    counts[word] = counts.get(word, 0) + 1
            best = max(sorted(counts), key=lambda w: (counts[w], len(w)))
            anchors.append(best)
            uncovered = [words for words in uncovered if best not in words]
        return tuple(anchors)

    def read(self, text: str) -> NoteReading:
        """Return the NoteReading of `text` (an empty reading for None or blank text)."""
        if not text:
            return _EMPTY
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        reading = self._read(text)
        if len(text) > _CACHE_TEXT_MAX:
            return reading
        if len(self._cache) >= _CACHE_MAX:
            self._cache.clear()
        self._cache[text] = reading
        return reading

    def _read(self, text: str) -> NoteReading:
        stripped = text.rstrip()
        if not stripped.strip():
            return _EMPTY
        folded = fold_note(stripped)
        plain = plain_note(stripped)
        body = stripped[: closing_start(plain)].rstrip(" \t\n,;-\u2013\u2014~").strip()
        default_text = self._default_text(folded, plain)
        found: dict[str, list[tuple[Evidence, int, int]]] = {
            "advertising": [],
            "scam": [],
            "context": [],
        }
        encoded = folded.encode("utf-8", "surrogatepass")
        indices = _KIND_SET.Match(encoded)
        if indices:
            ascii_only = len(encoded) == len(folded)
            for index in sorted(indices):
                kind = _KINDS[index]
                hit = self._quote(kind, encoded, ascii_only, stripped, folded)
                if hit is not None:
                    found[kind.category].append((Evidence(kind.kind, hit[0]), hit[1], hit[2]))
        if found["context"] and found["advertising"]:
            # Words that belong to the shared experience ("the free trial campaign we launched
            # together") describe it; they are no pitch.
            spans = [(start, end) for _, start, end in found["context"]]
            found["advertising"] = [
                item
                for item in found["advertising"]
                if not any(start <= item[1] and item[2] <= end for start, end in spans)
            ]
        if found["advertising"] and any(e.kind in _REQUESTED_BY for e, _, _ in found["context"]):
            # "As agreed on the call, here is the proposal": the reader asked for it.
            found["advertising"] = [
                item for item in found["advertising"] if item[0].kind != "proposal"
            ]
        if not found["advertising"] and not found["scam"]:
            price = _PRICE.search(stripped)
            if price is not None:
                found["advertising"].append(
                    (Evidence("price", price.group(0)), price.start(), price.end())
                )
        language = guess_language(folded)
        return NoteReading(
            body=body,
            is_default=bool(default_text),
            default_text=default_text,
            advertising=tuple(item[0] for item in found["advertising"]),
            scam=tuple(item[0] for item in found["scam"]),
            context=tuple(item[0] for item in found["context"]),
            language=language,
        )

    @staticmethod
    def _quote(
        kind: _Kind, encoded: bytes, ascii_only: bool, original: str, folded: str
    ) -> tuple[str, int, int] | None:
        """Return (quote, start, end): the original words of the first match of `kind` that
        passes its checks and where they are in the note; None when there is none."""
        pos = 0
        for _ in range(_MAX_HITS_TRIED):
            spans = kind.regex.Match(_UNANCHORED, encoded, pos, len(encoded))
            start, end = spans[0]
            if start < 0:
                return None
            pos = max(end, start + 1)
            if ascii_only:
                span_of = lambda s, e: (s, e)  # noqa: E731
            else:

                def span_of(s: int, e: int) -> tuple[int, int]:
                    head = len(encoded[:s].decode("utf-8", "surrogatepass"))
                    return head, head + len(encoded[s:e].decode("utf-8", "surrogatepass"))

            cs, ce = span_of(start, end)
            if kind.named and not _named_ok(spans[1:], span_of, original):
                continue
            if kind.category == "context":
                window = folded[max(0, cs - _CONTEXT_WINDOW) : ce]
                if _NEGATION.search(window) or _HYPOTHETICAL.search(window):
                    continue
                if _INVITATION_AFTER.match(folded, ce):
                    continue
            veto = _VETO.get(kind.kind)
            if veto is not None and veto.search(folded, cs, ce):
                continue
            # A pattern may end inside a word ("we were in t"); quote whole words.
            while ce < len(original) and original[ce].isalnum():
                ce += 1
            return _shorten(original[cs:ce]), cs, ce
        return None

    def _default_text(self, folded: str, plain: str) -> str:
        """Return the default text that `folded` is, with at most a greeting and name before it
        and a sign-off and name after it; "" when it is not a default text."""
        if not self._defaults or len(folded) > self._default_max + 160:
            return ""
        if not any(anchor in folded for anchor in self._default_anchors):
            return ""
        words = _words(folded)
        tokens = [w for w, _ in words]
        for at, token in enumerate(tokens):
            if at > _GREETING_NAME_WORDS + 2:
                break
            for key, text in self._defaults.get(token, ()):
                stop = at + len(key)
                if tuple(tokens[at:stop]) != key:
                    continue
                if self._opening_ok(words[:at], plain) and self._closing_ok(words[stop:], plain):
                    return text
        return ""

    def _opening_ok(self, words: list[tuple[str, int]], plain: str) -> bool:
        if not words:
            return True
        tokens = [w for w, _ in words]
        skip = 0
        if " ".join(tokens[:2]) in self._greetings:
            skip = 2
        elif tokens[0] in self._greetings:
            skip = 1
        rest = words[skip:]
        return len(rest) <= _GREETING_NAME_WORDS and all(_looks_like_name(plain, w) for w in rest)

    def _closing_ok(self, words: list[tuple[str, int]], plain: str) -> bool:
        if not words:
            return True
        tokens = [w for w, _ in words]
        skip = 0
        for size in (4, 3, 2, 1):
            if len(tokens) >= size and " ".join(tokens[:size]) in self._sign_offs:
                skip = size
                break
        rest = words[skip:]
        return len(rest) <= _CLOSING_NAME_WORDS and all(_looks_like_name(plain, w) for w in rest)


def _looks_like_name(plain: str, word: tuple[str, int]) -> bool:
    """A word of a greeting or closing that is a name: capitalised as written, or a particle."""
    token, at = word
    return plain[at : at + 1].isupper() or token in ("van", "von", "de", "der", "da", "di")


def _named_ok(groups, span_of, original: str) -> bool:
    for start, end in groups:
        if start >= 0:
            cs, ce = span_of(start, end)
            name = original[cs:ce]
            return name[:1].isupper() and name.casefold() not in _NOT_NAMES
    return False


def _shorten(quote: str) -> str:
    quote = quote.strip()
    if len(quote) <= QUOTE_MAX:
        return quote
    cut = quote[:QUOTE_MAX]
    space = cut.rfind(" ")
    return cut[:space] if space > QUOTE_MAX // 2 else cut

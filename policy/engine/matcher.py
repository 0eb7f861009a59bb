"""RE2-backed matchers: linear-time matching for manager-supplied phrases and patterns, so no
list entry or custom regex can make a worker hang."""

from __future__ import annotations

from collections.abc import Iterable

import re2

_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.case_sensitive = False
_RE2_OPTIONS.max_mem = 64 << 20


def literal_alternation(phrases: Iterable[str]) -> str:
    """Return one RE2 pattern matching any of `phrases` literally, with a word boundary on each
    side that starts or ends with a word character ("earn $" may be followed by digits).
    Returns "" when there are no phrases."""
    parts = set()
    for phrase in phrases:
        phrase = phrase.strip()
        if not phrase:
            continue
        body = re2.escape(phrase)
        if phrase[0].isalnum() or phrase[0] == "_":
            body = r"\b" + body
        if phrase[-1].isalnum() or phrase[-1] == "_":
            body += r"\b"
        parts.add(body)
    if not parts:
        return ""
    # Longest first so that the reported evidence is the most specific phrase.
    return "(?:" + "|".join(sorted(parts, key=lambda p: (-len(p), p))) + ")"


class Matcher:
    """A case-insensitive RE2 pattern (linear time, bounded memory) with a lean `find`.

    The public `re2` wrapper spends most of a search building generator and match objects;
    `find` calls the compiled RE2 object directly and only decodes the matched bytes."""

    __slots__ = ("_compiled", "_raw", "_unanchored", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled = re2.compile(pattern, _RE2_OPTIONS)
        self._raw = getattr(self._compiled, "_regexp", None)
        anchor = getattr(re2, "_Anchor", None)
        self._unanchored = getattr(anchor, "UNANCHORED", None)
        if self._raw is None or self._unanchored is None or not hasattr(self._raw, "Match"):
            self._raw = None

    def find(self, text: str) -> str | None:
        """Return the first (leftmost) match in `text`, or None when there is none."""
        if self._raw is None:
            match = self._compiled.search(text)
            return None if match is None else match.group(0)
        encoded = text.encode("utf-8", "surrogatepass")
        start, end = self._raw.Match(self._unanchored, encoded, 0, len(encoded))[0]
        if start < 0:
            return None
        return encoded[start:end].decode("utf-8", "replace")

    def __repr__(self) -> str:
        return f"Matcher({self.pattern!r})"


def compile_re2(pattern: str) -> Matcher:
    """Return `pattern` compiled case-insensitively with RE2; raises re2.error when invalid."""
    return Matcher(pattern)


def compile_literals(phrases: Iterable[str]) -> Matcher | None:
    """Return a Matcher for any of `phrases`, or None when there are none."""
    pattern = literal_alternation(phrases)
    return compile_re2(pattern) if pattern else None

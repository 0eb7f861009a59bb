"""Size and count limits for uploads, so a hostile file cannot exhaust memory or time."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class IntakeLimits:
    """Upper bounds for one upload; exceeding one is reported as an IntakeError."""

    max_upload_bytes: int = 50 * MB
    max_email_bytes: int = 10 * MB
    max_mime_parts: int = 100
    max_mime_depth: int = 5
    max_rows: int = 200_000
    max_zip_members: int = 2000
    max_zip_uncompressed: int = 200 * MB
    max_field_chars: int = 10_000
    max_errors: int = 200
    # Per-field character limits that override max_field_chars: the storing side passes
    # its columns' sizes, so a value that would not fit is an error, not a failed write.
    field_chars: tuple[tuple[str, int], ...] = ()
    # Seconds one file may take to parse; beyond it the file is rejected (None: no budget).
    parse_seconds: float | None = None

    def chars_for(self, key: str) -> int:
        """Return how many characters field `key` may hold."""
        return dict(self.field_chars).get(key, self.max_field_chars)

    # Column sizes of the fields an e-mail fills.
    max_name_chars: int = 300
    max_headline_chars: int = 500
    max_url_chars: int = 500
    # E-mail headers, checked before the standard parser (which is quadratic in these).
    max_header_bytes: int = 256 * 1024
    max_header_line_bytes: int = 16 * 1024
    max_header_field_bytes: int = 64 * 1024
    max_addresses: int = 100
    max_address_comments: int = 20
    max_encoded_words: int = 100
    max_mime_parameters: int = 30
    # The parser reads line by line in Python: a 10 MB file of blank lines takes 20 s.
    max_email_lines: int = 300_000
    # Receiving servers (authserv-ids) whose Authentication-Results count; empty: the topmost.
    authserv_ids: tuple[str, ...] = ()


DEFAULT_LIMITS = IntakeLimits()


def format_bytes(size: int) -> str:
    """Return `size` for people: "10 MB" for whole megabytes, else "10,485,761 bytes"."""
    if size >= MB and size % MB == 0:
        return f"{size // MB:,} MB"
    return f"{size:,} bytes"

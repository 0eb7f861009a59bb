"""Pure intake parsers: uploads in, canonical invitation records and located errors out.

Plain Python: nothing here imports Django or a Django app, only the pure engine helpers
of `policy.engine` (tests/intake/test_no_django.py holds it to that). Callers store the
rows of a stream as they come and roll back when any row carried an error.
"""

from .dedupe import dedupe_key
from .detect import FORMATS, detect_format, parse_all, read_invitations, read_roster
from .email_intake import EmailIntakeResult, parse_eml
from .errors import IntakeError, ParsedRow
from .jsonl import read_jsonl
from .limits import IntakeLimits
from .linkedin_export import (
    LinkedInExport,
    open_linkedin_export,
    read_linkedin_connections,
    read_linkedin_invitations,
    read_roster_csv,
)
from .records import RECORD_KEYS, empty_record
from .template_csv import TEMPLATE_HEADER, read_template_csv, template_csv_text

__all__ = [
    "FORMATS",
    "RECORD_KEYS",
    "TEMPLATE_HEADER",
    "EmailIntakeResult",
    "IntakeError",
    "IntakeLimits",
    "LinkedInExport",
    "ParsedRow",
    "dedupe_key",
    "detect_format",
    "empty_record",
    "open_linkedin_export",
    "parse_all",
    "parse_eml",
    "read_invitations",
    "read_jsonl",
    "read_linkedin_connections",
    "read_linkedin_invitations",
    "read_roster",
    "read_roster_csv",
    "read_template_csv",
    "template_csv_text",
]

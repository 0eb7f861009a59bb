"""Evaluate a file of invitations against a policy, without touching the database.

The file is streamed: rows are parsed one at a time, evaluated in batches (by worker
processes when the file is large and the machine has more than one core) and the
output is spooled to a temporary file, so memory stays flat however large the file is.
Nothing is printed when any row has an error, as with an upload.
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
import sys
import tempfile
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from intake.detect import read_invitations
from intake.errors import SKIPPED_CONNECTED, SKIPPED_OUTGOING
from intake.limits import DEFAULT_LIMITS
from intake.linkedin_export import open_linkedin_export
from policy.engine import CompiledPolicy, OrgContext
from policy.engine.texts import languages
from policy.offline import (
    compile_policy_option,
    evaluate_intake_record,
    load_policy_file,
    load_profile_file,
)

__all__ = ["Command", "load_policy_file", "load_profile_file"]

# The upload limits on size and row count protect the web server; a local file may be
# as large as the operator likes. Field lengths and the error cap still apply.
LOCAL_LIMITS = dataclasses.replace(
    DEFAULT_LIMITS, max_upload_bytes=sys.maxsize, max_rows=sys.maxsize
)
BATCH = 2000
# Below this size the start-up of worker processes costs more than they save.
PARALLEL_MIN_BYTES = 4 * 1024 * 1024
SPOOL_BYTES = 64 * 1024 * 1024

Batch = list[tuple[str, dict[str, Any]]]

# What a worker evaluates with: set before the pool forks, so the compiled policy (whose
# matchers cannot be pickled) is inherited rather than sent.
_job: tuple[OrgContext, CompiledPolicy, str, str] | None = None


def evaluate_batch(batch: Batch) -> tuple[str, int]:
    """Return (output text, widest ref) for a batch of (ref, record) that intake checked.

    The output is one JSON line per invitation, or for the table one JSON array
    [ref, recommendation, reasons] per invitation, formatted once all widths are known."""
    assert _job is not None
    org, policy, lang, fmt = _job
    lines: list[str] = []
    width = 0
    for ref, record in batch:
        result = evaluate_intake_record(record, org, policy)
        if fmt == "jsonl":
            lines.append(json.dumps({"ref": ref, **result.to_dict(lang)}, ensure_ascii=False))
        else:
            reasons = "; ".join(h.explanation(lang) for h in result.hits if h.weight > 0)
            lines.append(json.dumps([ref, result.recommendation, reasons], ensure_ascii=False))
            width = max(width, len(ref))
    return ("\n".join(lines) + "\n" if lines else ""), width


def with_export_connections(org: OrgContext, handle, name: str) -> OrgContext:
    """Return `org` with the people of an export ZIP's Connections.csv as known contacts.

    Any other file leaves `org` as it is; errors in Connections.csv are reported by the
    invitations stream, which yields them first.
    """
    if handle.read(4)[:2] != b"PK":
        handle.seek(0)
        return org
    handle.seek(0)
    names, urls = set(), set()
    with open_linkedin_export(handle, name) as export:
        if export.connection_members and not export.errors:
            for row in export.connections():
                if row.record is not None:
                    names.add(row.record["name"])
                    urls.add(row.record["profile_url"])
    handle.seek(0)
    return dataclasses.replace(
        org,
        known_contact_names=org.known_contact_names | names,
        known_contact_urls=org.known_contact_urls | urls,
    )


def _jobs(requested: int, size: int) -> int:
    if requested:
        return requested
    if size < PARALLEL_MIN_BYTES or sys.platform != "linux":
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), 8))


class Command(BaseCommand):
    help = (
        "Evaluate every invitation in FILE (JSON lines, the CSV template, LinkedIn's "
        "Invitations.csv or whole data-export ZIP, or one .eml) against the default policy or "
        "--policy, and print one result per invitation. A ZIP's Connections.csv counts as "
        "known contacts, and invitations from those people are skipped as already connected. "
        "Nothing is read from or written to the database."
    )
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--profile", required=True, help="PROFILE.json of the organisation")
        parser.add_argument("--policy", help="a policy version export or policy JSON")
        parser.add_argument("--format", choices=["jsonl", "table"], default="jsonl")
        parser.add_argument("--lang", choices=languages(), default="en")
        parser.add_argument(
            "--jobs",
            type=int,
            default=0,
            help="processes that evaluate (default: one per core for files over 4 MB)",
        )

    def handle(self, *args, **options):
        global _job
        if options["jobs"] < 0:
            raise CommandError("--jobs must be 0 (automatic) or more")
        org = load_profile_file(options["profile"])
        policy = compile_policy_option(options["policy"])
        path = Path(options["file"])
        try:
            handle = path.open("rb")
            size = os.fstat(handle.fileno()).st_size
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from exc
        errors: list[str] = []
        skipped: Counter = Counter()
        limits = dataclasses.replace(LOCAL_LIMITS, authserv_ids=settings.VOUCH_AUTHSERV_ID)
        with handle, tempfile.SpooledTemporaryFile(SPOOL_BYTES, mode="w+", encoding="utf-8") as out:
            org = with_export_connections(org, handle, path.name)
            _job = (org, policy, options["lang"], options["format"])
            rows = read_invitations(handle, path.name, limits)
            batches = self._batches(rows, errors, path, skipped)
            jobs = _jobs(options["jobs"], size)
            if jobs == 1:
                width = self._run_here(batches, out, errors)
            else:
                width = self._run_in_workers(batches, out, errors, jobs)
            if errors:
                for error in errors:
                    self.stderr.write(str(error))
                raise CommandError(f"{path.name}: {len(errors)} error(s); nothing was evaluated.")
            self._report_skipped(path, skipped)
            out.seek(0)
            if options["format"] == "jsonl":
                while chunk := out.read(1024 * 1024):
                    self.stdout.write(chunk, ending="")
            else:
                self._table(out, width)

    @staticmethod
    def _batches(rows, errors: list, path: Path, skipped: Counter) -> Iterator[Batch]:
        """Yield the clean rows in batches; rows with errors go to `errors`, rows the reader
        skipped are counted in `skipped` (and the rows yielded under "evaluated"). Once there
        is an error nothing more is evaluated, but reading goes on to report every error."""
        batch: Batch = []
        for row in rows:
            if row.errors:
                errors.extend(row.errors)
                continue
            if row.skipped:
                skipped[row.skipped] += 1
                continue
            if errors or row.record is None:
                continue
            skipped["evaluated"] += 1
            ref = row.record.get("ref") or (f"line {row.line}" if row.line else path.name)
            batch.append((ref, row.record))
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch and not errors:
            yield batch

    def _report_skipped(self, path: Path, skipped: Counter) -> None:
        """Say what the file held besides invitations to evaluate; refuse a file with none."""
        connected, sent = skipped[SKIPPED_CONNECTED], skipped[SKIPPED_OUTGOING]
        if not skipped["evaluated"] and not connected:
            detail = f": all {sent} are OUTGOING, invitations the member sent" if sent else ""
            raise CommandError(f"{path.name}: no incoming invitations{detail}.")
        if connected or sent:
            self.stderr.write(
                f"{path.name}: {connected} already connected, skipped; "
                f"{sent} outgoing, skipped; {skipped['evaluated']} evaluated."
            )

    @staticmethod
    def _collect(outcome: tuple[str, int], out, errors: list) -> int:
        text, width = outcome
        if not errors:
            out.write(text)
        return width

    def _run_here(self, batches: Iterator[Batch], out, errors: list) -> int:
        width = 0
        for batch in batches:
            width = max(width, self._collect(evaluate_batch(batch), out, errors))
        return width

    def _run_in_workers(self, batches: Iterator[Batch], out, errors: list, jobs: int) -> int:
        """Evaluate batches in `jobs` forked processes while this one goes on parsing.

        At most two batches per worker are in flight, so memory stays bounded and the
        output keeps the file's order."""
        width = 0
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            pending: deque[Future] = deque()
            for batch in batches:
                pending.append(pool.submit(evaluate_batch, batch))
                if len(pending) >= 2 * jobs:
                    width = max(width, self._collect(pending.popleft().result(), out, errors))
            while pending:
                width = max(width, self._collect(pending.popleft().result(), out, errors))
        return width

    def _table(self, spool, width: int) -> None:
        width = max(width, 3)
        write = self.stdout.write
        write(f"{'ref':<{width}}  {'recommendation':<14}  reasons")
        for line in spool:
            ref, recommendation, reasons = json.loads(line)
            write(f"{ref:<{width}}  {recommendation:<14}  {reasons}")

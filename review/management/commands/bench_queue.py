"""Fill an organisation with evaluated invitations and time the review pages.

    python manage.py bench_queue --invitations 1000000 [--org bench] [--keep] [--samples 50]

Rows are generated inside PostgreSQL (INSERT ... SELECT generate_series), every
invitation with its own Evaluation row (varied hits, real foreign keys), in chunks
of one transaction each. Then ANALYZE, then each page is requested many times
through django.test.Client and the time around each request is recorded. The
result is one JSON object on stdout; progress goes to stderr.
"""

import json
import statistics
import sys
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from invitations.management.bench import bench_invitations_delete
from invitations.models import Invitation, Status
from organisations.models import Membership, Organisation, Role
from policy.services import policy_current_version
from review.cursor import cursor_decode, cursor_encode
from review.selectors import queue_page

CHUNK = 100_000
SUBMITTERS = 25

# One row per generated invitation `g`: h (0..99) picks its profile, k varies the rest.
_INSERT = """
WITH src AS (
    SELECT g,
           (g * 2654435761) %% 100 AS h,
           (g * 40503) %% 1000003 AS k,
           (g * 69069) %% 997 AS m
    FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS g
), rows AS (
    SELECT g, h, k, m,
           CASE WHEN h < 20 THEN 'report_spam' WHEN h < 45 THEN 'dont_know'
                WHEN h < 80 THEN 'ignore' ELSE 'accept' END AS rec,
           (ARRAY['Anna','Ben','Chiara','Deniz','Emil','Fatima','Georg','Hana','Ivan','Jana',
                  'Kofi','Lena','Marco','Nora','Omar','Paula','Quentin','Rosa','Sven','Tara'])
               [1 + k %% 20] || ' ' || chr((65 + (k / 20) %% 26)::int) || '. ' ||
           (ARRAY['Schmidt','Miller','Rossi','Yilmaz','Nowak','Dubois','Jensen','Silva',
                  'Kowalski','Novak','Smith','Garcia','Müller','Costa','Khan','Meyer',
                  'Andersen','Fischer','Lopez','Weber','Brown','Wagner','Moreau','Horvat',
                  'Becker'])[1 + (k / 520) %% 25] AS name,
           (ARRAY['Acme GmbH','Globex','Initech','Umbrella Ltd','Hooli','Stark AG',
                  'Wayne Group','Cyberdyne','Soylent','Tyrell Corp'])[1 + m %% 10] AS company
    FROM src
), ins_inv AS (
    INSERT INTO invitations_invitation (
        id, organisation_id, submitter_id, batch_id, channel, status, ref, recipient,
        requester_name, requester_headline, requester_company, requester_industry,
        requester_country, requester_profile_url, requester_has_photo, mutual_connections,
        message, received_at, worked_together, recognises_name, colleagues_connected,
        attachments, links, email_findings, raw_source, dedupe_key, requester_key,
        created_at, enqueued_at, claimed_at, claim, evaluation_id, recommendation, risk,
        reasons, evaluated_at, decision, decided_at)
    SELECT
        %(inv_base)s + g, %(org)s, (%(submitters)s::int[])[1 + g %% %(n_submitters)s], NULL,
        (ARRAY['form','csv','export','email','api'])[1 + m %% 5],
        CASE WHEN m %% 10 = 0 THEN 'decided' ELSE 'evaluated' END,
        '', '', name,
        CASE WHEN rec = 'report_spam' THEN 'Helping you 10x your sales | DM me'
             ELSE 'Senior consultant at ' || company END,
        company, 'Consulting', (ARRAY['DE','AT','CH','NG','US','VN'])[1 + k %% 6],
        'https://www.linkedin.com/in/bench-' || k, (h %% 3 <> 0), (k %% 7),
        CASE WHEN rec = 'report_spam'
                 THEN 'Special offer, only $' || (m %% 90 + 9) || ' today: https://bit.ly/b' || k
             WHEN rec = 'ignore' THEN 'I''d like to add you to my professional network on LinkedIn.'
             WHEN rec = 'dont_know' THEN 'Hi'
             ELSE 'We met at the ' || company || ' workshop in Berlin; great talk on ' || m || '.'
        END,
        now() - (%(total)s - g) * interval '20 seconds', '', '', NULL,
        '[]'::jsonb,
        CASE WHEN rec = 'report_spam' THEN jsonb_build_array('https://bit.ly/b' || k)
             ELSE '[]'::jsonb END,
        '[]'::jsonb, '',
        md5('bench:' || g), 'name:' || lower(name),
        now() - (%(total)s - g) * interval '20 seconds',
        now() - (%(total)s - g) * interval '20 seconds', NULL, '',
        %(ev_base)s + g, rec,
        CASE WHEN rec = 'report_spam' THEN 6 + (k %% 30) / 10.0
             WHEN rec = 'dont_know' THEN 3 + (k %% 30) / 10.0
             WHEN rec = 'ignore' THEN 1 + (k %% 20) / 10.0
             ELSE (k %% 10) / 10.0 END,
        CASE WHEN rec = 'report_spam' THEN '["spam", "unknown"]'::jsonb
             WHEN rec = 'dont_know' THEN '["unknown", "not_personal"]'::jsonb
             WHEN rec = 'ignore' THEN '["not_personal"]'::jsonb
             ELSE '[]'::jsonb END,
        now(),
        CASE WHEN m %% 10 = 0 THEN rec ELSE '' END,
        CASE WHEN m %% 10 = 0 THEN now() END
    FROM rows
    RETURNING id
)
INSERT INTO invitations_evaluation (
    id, invitation_id, policy_version_id, recommendation, scores, hits, created_at, duration_ms)
SELECT
    %(ev_base)s + g, %(inv_base)s + g, %(version)s, rec,
    jsonb_build_object('spam', CASE WHEN rec = 'report_spam' THEN 2 ELSE 0 END,
                       'unknown', CASE WHEN rec IN ('report_spam', 'dont_know') THEN 1 ELSE 0 END,
                       'not_personal', CASE WHEN rec IN ('dont_know', 'ignore') THEN 1 ELSE 0 END),
    CASE
      WHEN rec = 'report_spam' THEN jsonb_build_array(
        jsonb_build_object('rule', 'promotional', 'reason', 'spam', 'weight', 2,
          'en', 'The note sells something (“only $' || (m %% 90 + 9) || '”).',
          'de', 'Die Notiz verkauft etwas („only $' || (m %% 90 + 9) || '“).'),
        jsonb_build_object('rule', 'shortened_link', 'reason', 'spam', 'weight', 2,
          'en', 'The note hides a link behind a shortener (bit.ly).',
          'de', 'Die Notiz versteckt einen Link hinter einem Kürzer (bit.ly).'),
        jsonb_build_object('rule', 'few_mutual_connections', 'reason', 'unknown', 'weight', 1,
          'en', (k %% 7) || ' mutual connections, fewer than the minimum.',
          'de', (k %% 7) || ' gemeinsame Kontakte, weniger als das Minimum.'))
      WHEN rec = 'dont_know' THEN jsonb_build_array(
        jsonb_build_object('rule', 'no_one_knows_requester', 'reason', 'unknown', 'weight', 2,
          'en', 'Nobody in the organisation knows ' || name || '.',
          'de', 'Niemand in der Organisation kennt ' || name || '.'),
        jsonb_build_object('rule', 'short_note', 'reason', 'not_personal', 'weight', 1,
          'en', 'The note has only 2 characters.',
          'de', 'Die Notiz hat nur 2 Zeichen.'))
      WHEN rec = 'ignore' THEN jsonb_build_array(
        jsonb_build_object('rule', 'default_text', 'reason', 'not_personal', 'weight', 2,
          'en', 'The note is LinkedIn''s default text.',
          'de', 'Die Notiz ist LinkedIns Standardtext.'))
      ELSE jsonb_build_array(
        jsonb_build_object('rule', 'has_mutual_connections', 'reason', 'unknown', 'weight', -1,
          'en', (k %% 7) || ' mutual connections.',
          'de', (k %% 7) || ' gemeinsame Kontakte.'))
    END,
    now(), (m %% 50) / 10.0
FROM rows
"""


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


class Command(BaseCommand):
    help = "Load N evaluated invitations into an organisation and time the review pages."

    def add_arguments(self, parser):
        parser.add_argument("--invitations", type=int, default=100_000)
        parser.add_argument("--org", default="bench")
        parser.add_argument("--samples", type=int, default=50)
        parser.add_argument("--keep", action="store_true", help="keep the rows afterwards")
        parser.add_argument(
            "--reuse", action="store_true", help="time the rows already there, load nothing"
        )

    def log(self, text: str) -> None:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("bench_queue needs PostgreSQL (DATABASE_URL=postgres://…).")
        total = options["invitations"]
        if total < 1000:
            raise CommandError("Use at least 1000 invitations.")
        org, reviewer, submitters = self._organisation(options["org"])
        if options["reuse"]:
            self.log(f"reusing {Invitation.objects.for_org(org).count()} invitations")
        else:
            self._delete(org)
            self._load(org, submitters, total)
        try:
            result = self._measure(org, reviewer, options["samples"])
        finally:
            if not options["keep"]:
                self._delete(org)
        self.stdout.write(json.dumps(result))

    # --- data ---------------------------------------------------------------------------

    def _organisation(self, slug: str):
        User = get_user_model()
        org, _created = Organisation.objects.get_or_create(
            slug=slug, defaults={"name": f"Bench {slug}"}
        )
        reviewer, _created = User.objects.get_or_create(
            username=f"{slug}-reviewer", defaults={"email": f"{slug}-reviewer@bench.test"}
        )
        Membership.objects.get_or_create(
            user=reviewer, organisation=org, defaults={"role": Role.REVIEWER}
        )
        submitters = []
        for n in range(SUBMITTERS):
            user, _created = User.objects.get_or_create(
                username=f"{slug}-member{n}", defaults={"email": f"{slug}-member{n}@bench.test"}
            )
            Membership.objects.get_or_create(
                user=user, organisation=org, defaults={"role": Role.MEMBER}
            )
            submitters.append(user.pk)
        return org, reviewer, submitters

    def _delete(self, org) -> None:
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM invitations_invitation WHERE organisation_id = %s", [org.pk]
            )
            deleted = cursor.fetchone()[0]
            cursor.execute("DELETE FROM invitations_decision WHERE organisation_id = %s", [org.pk])
        bench_invitations_delete(org)
        if deleted:
            self.log(f"deleted {deleted} invitations in {time.perf_counter() - started:.1f}s")

    def _reserve(self, cursor, table: str, count: int) -> int:
        """Return a base id such that base+1 … base+count are ours alone."""
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
        sequence = cursor.fetchone()[0]
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [sequence])
        cursor.execute(
            # `table` is one of two constants of this module, never input.
            f"SELECT GREATEST((SELECT coalesce(max(id), 0) FROM {table}), nextval(%s))",  # noqa: S608
            [sequence],
        )
        base = cursor.fetchone()[0]
        cursor.execute("SELECT setval(%s, %s)", [sequence, base + count])
        return base

    def _load(self, org, submitters: list[int], total: int) -> None:
        version = policy_current_version(org=org)
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            inv_base = self._reserve(cursor, "invitations_invitation", total)
            ev_base = self._reserve(cursor, "invitations_evaluation", total)
        for first in range(1, total + 1, CHUNK):
            last = min(total, first + CHUNK - 1)
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    _INSERT,
                    {
                        "first": first,
                        "last": last,
                        "total": total,
                        "org": org.pk,
                        "submitters": submitters,
                        "n_submitters": len(submitters),
                        "inv_base": inv_base,
                        "ev_base": ev_base,
                        "version": version.pk,
                    },
                )
            self.log(f"loaded {last}/{total} ({time.perf_counter() - started:.1f}s)")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE invitations_invitation")
            cursor.execute("ANALYZE invitations_evaluation")
        self.log(f"load + ANALYZE: {time.perf_counter() - started:.1f}s")

    # --- timing -------------------------------------------------------------------------

    def _middle_cursor(self, org) -> str:
        """Return a cursor half-way down the queue (found once with OFFSET; pages never use it)."""
        pending = Invitation.objects.for_org(org).filter(status=Status.EVALUATED).count()
        row = (
            Invitation.objects.for_org(org)
            .filter(status=Status.EVALUATED)
            .order_by("-risk", "id")
            .values_list("risk", "id")[pending // 2]
        )
        return cursor_encode(*row)

    def _time(self, client: Client, url: str, samples: int) -> list[float]:
        for _ in range(3):  # warm up caches and the connection
            self._get(client, url)
        times = []
        for _ in range(samples):
            started = time.perf_counter()
            self._get(client, url)
            times.append((time.perf_counter() - started) * 1000)
        return times

    def _get(self, client: Client, url: str):
        response = client.get(url, secure=True)
        if response.status_code != 200:
            raise CommandError(f"GET {url} answered {response.status_code}")
        return response

    def _measure(self, org, reviewer, samples: int) -> dict:
        host = (settings.ALLOWED_HOSTS or ["testserver"])[0]
        if host in ("*", ""):
            host = "testserver"
        client = Client(HTTP_HOST=host.lstrip("."))
        client.force_login(reviewer)
        queue = reverse("review_queue", kwargs={"org_slug": org.slug})
        # Follow the cursor 200 pages deep the way a reviewer would, and also half-way down.
        after = None
        for _ in range(200):
            _rows, cursor = queue_page(org=org, after=after)
            if cursor is None:
                break
            after = cursor_decode(cursor)
        page_200 = cursor_encode(*after) if after else None
        middle = self._middle_cursor(org)
        sample = (
            Invitation.objects.for_org(org)
            .filter(status=Status.EVALUATED)
            .order_by("-risk", "id")
            .values_list("pk", flat=True)[
                Invitation.objects.for_org(org).filter(status=Status.EVALUATED).count() // 3
            ]
        )
        detail = reverse("review_detail", kwargs={"org_slug": org.slug, "pk": sample})
        pages = {
            "queue_first": queue,
            "queue_deep": f"{queue}?after={middle}",
            "queue_filtered": f"{queue}?recommendation=report_spam&reason=spam",
            "detail": detail,
        }
        extra = {
            "queue_page200": f"{queue}?after={page_200}" if page_200 else queue,
            "queue_filtered_accept": f"{queue}?recommendation=accept",
            "queue_search": f"{queue}?q=Initech",
        }
        result: dict[str, float] = {}
        for name, url in {**pages, **extra}.items():
            # The extra pages are for the log only: a few samples are enough to see them.
            times = self._time(client, url, samples if name in pages else max(5, samples // 10))
            p50, p95 = statistics.median(times), _percentile(times, 0.95)
            self.log(f"{name:<24} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   {url}")
            if name in pages:
                result[f"{name}_p50_ms"] = round(p50, 2)
                result[f"{name}_p95_ms"] = round(p95, 2)
        return result

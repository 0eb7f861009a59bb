"""Time e-mail intake on hostile headers and on mails at the header limits.

    python manage.py bench_email_bounds [--repeat 5]

Prints one line per case: size, the median and slowest of the repeats in milliseconds (after
one warm-up parse), and whether the mail was read or refused (with the refusal). Nothing
touches the database.
"""

import statistics
import time

from django.core.management.base import BaseCommand

from intake.email_intake import parse_eml

_DATE = b"Date: Tue, 3 Nov 2026 09:14:02 +0000\n"


def _cases() -> dict[str, bytes]:
    to = b", ".join(b"User %d <u%d@x.example>" % (i, i) for i in range(100))
    return {
        "100,000 ';' in Content-Type": _DATE
        + b"From: a@x.example\nSubject: s\nContent-Type: text/plain"
        + b";" * 100_000
        + b"\n\nhi\n",
        "100,000 ',' in From": _DATE + b"From: " + b"," * 100_000 + b"a@x.example\n\nhi\n",
        "50,000 encoded words in Subject": _DATE
        + b"From: a@x.example\nSubject: "
        + b"=?" * 50_000
        + b"\n\nhi\n",
        "100,000 '(' in From": _DATE + b"From: " + b"(" * 100_000 + b"a@x.example\n\nhi\n",
        "display name of 420 characters": _DATE
        + b"From: "
        + b"Averyl " * 60
        + b"<a@x.example>\nSubject: s\n\nhi\n",
        "30 folded parameters (the limit)": _DATE
        + b"From: a@x.example\nSubject: s\nContent-Type: text/plain"
        + b";\n a=b" * 30
        + b"\n\nhi\n",
        "100 addresses in To (the limit)": _DATE
        + b"From: a@x.example\nTo: "
        + to
        + b"\nSubject: s\n\nhi\n",
        "100 encoded words in Subject (the limit)": _DATE
        + b"From: a@x.example\nSubject: "
        + b"=?utf-8?q?a?= " * 100
        + b"\n\nhi\n",
    }


class Command(BaseCommand):
    help = "Time e-mail intake on hostile headers and at the header limits; print the figures."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, **options):
        parse_eml(b"From: a@x.example\nSubject: warm-up\n\nhi\n", "warm.eml")
        for name, data in _cases().items():
            times = []
            result = None
            for _ in range(max(options["repeat"], 1)):
                started = time.perf_counter()
                result = parse_eml(data, "bench.eml")
                times.append(time.perf_counter() - started)
            outcome = f"refused: {result.errors[0].message}" if result.errors else "read"
            self.stdout.write(
                f"{name:42s} {len(data):>9,} bytes  median {statistics.median(times) * 1000:7.1f}"
                f" ms  slowest {max(times) * 1000:7.1f} ms  {outcome}"
            )

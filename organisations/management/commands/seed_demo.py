from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from organisations.models import Membership, Organisation, Role

DEMO_PASSWORD_SUFFIX = "-demo-pass"
DEMO_USERS = [
    ("member", Role.MEMBER, "Mia Member"),
    ("reviewer", Role.REVIEWER, "Rui Reviewer"),
    ("compliance", Role.COMPLIANCE, "Clara Compliance"),
    ("manager", Role.MANAGER, "Max Manager"),
]


def demo_password(username: str) -> str:
    """Return the documented demo password of `username` (e.g. "member-demo-pass")."""
    return f"{username}{DEMO_PASSWORD_SUFFIX}"


class Command(BaseCommand):
    help = "Create the demo organisation with one user per role. Running it twice changes nothing."

    @transaction.atomic
    def handle(self, *args, **options):
        User = get_user_model()
        org, org_created = Organisation.objects.get_or_create(
            slug="demo", defaults={"name": "Demo Agency"}
        )
        created_users = []
        for username, role, full_name in DEMO_USERS:
            first, last = full_name.split(" ", 1)
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@demo.vouch.test",
                    "first_name": first,
                    "last_name": last,
                },
            )
            if created:
                user.set_password(demo_password(username))
                user.save(update_fields=["password"])
                created_users.append(username)
            Membership.objects.get_or_create(user=user, organisation=org, defaults={"role": role})
        self._seed_features(org)
        self.stdout.write(
            f"Organisation '{org.slug}' {'created' if org_created else 'already there'}; "
            f"{len(created_users)} user(s) created."
        )
        self.stdout.write("Log in at http://127.0.0.1:8000/login/ as:")
        for username, role, _name in DEMO_USERS:
            password = demo_password(username)
            self.stdout.write(f"  {role.label:<11} {username:<11} password {password}")

    def _seed_features(self, org) -> None:
        """Seed each feature's demo data; each seeder is idempotent on its own."""
        from organisations.demo import run_seeders

        run_seeders(org, stdout=self.stdout)

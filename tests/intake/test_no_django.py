"""intake is plain Python: it loads neither Django nor any Django app, only the pure engine."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("config", "organisations", "policy", "invitations", "audit", "insights", "mailboxes")
# The pure engine is the layer below intake; `policy` itself is only its empty package.
ALLOWED = ("policy", "policy.engine")


def _intake_modules() -> list[str]:
    return ["intake"] + sorted(f"intake.{path.stem}" for path in (ROOT / "intake").glob("[!_]*.py"))


def _loaded_by(modules: list[str]) -> list[str]:
    """Return every module a fresh interpreter has loaded after importing `modules`."""
    probe = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def _django_and_apps(loaded: list[str]) -> list[str]:
    def forbidden(name: str) -> bool:
        if name == "django" or name.startswith("django."):
            return True
        if name in ALLOWED or name.startswith("policy.engine."):
            return False
        return name.split(".")[0] in APPS

    return [name for name in loaded if forbidden(name)]


def test_every_intake_module_is_checked():
    assert {"intake.detect", "intake.email_intake", "intake.limited"} <= set(_intake_modules())


def test_importing_all_of_intake_loads_no_django_and_no_django_app():
    assert _django_and_apps(_loaded_by(_intake_modules())) == []


def test_the_check_finds_django_and_an_app_when_they_are_imported():
    found = _django_and_apps(_loaded_by(["intake", "django.utils.functional", "invitations"]))
    assert {"django", "django.utils.functional", "invitations"} <= set(found)

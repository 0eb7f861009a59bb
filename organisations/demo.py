"""Demo data seeders: each feature registers one; `seed_demo` runs them in order."""

from collections.abc import Callable

SEEDERS: list[tuple[str, Callable]] = []


def seeder(name: str):
    """Register a function (org, stdout) as the demo seeder called `name`; return it unchanged."""

    def decorator(func):
        SEEDERS.append((name, func))
        return func

    return decorator


def run_seeders(org, stdout) -> None:
    """Run every registered seeder against `org`; each must change nothing when run twice."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("demo")
    for _name, func in SEEDERS:
        func(org, stdout)

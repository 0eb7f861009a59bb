"""The apps import each other in one direction only, and the pure packages import no Django.

LAYERS lists the apps from the top down (README, "Layout"): an app may import the apps
below it, never one above it, so the graph of apps has no cycle. grimp reads every
import, including those inside functions. `config` is the bottom: it holds the
settings, the Celery app and the publishing helpers the apps use, and names the apps
only as strings (INSTALLED_APPS, include()). `intake` and `policy.engine` are not apps
but pure libraries: they import no Django and no app, except that intake uses the engine's
text helpers (links, messages, normalisation); `policy` imports `intake` for rosters.
"""

import itertools

import grimp
import pytest

LAYERS = (
    "mailboxes",
    "insights",
    "review",
    "invitations",
    "policy",
    "audit",
    "organisations",
    "config",
)


APPS = LAYERS


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def app_cycles(graph: grimp.ImportGraph, apps) -> list[tuple[tuple[str, ...], ...]]:
    """Return a chain each way for every pair of `apps` that import each other, directly
    or through other modules; empty when the apps form no cycle."""
    cycles = []
    for a, b in itertools.combinations(apps, 2):
        there = graph.find_shortest_chain(importer=a, imported=b, as_packages=True)
        back = graph.find_shortest_chain(importer=b, imported=a, as_packages=True)
        if there and back:
            cycles.append((there, back))
    return cycles


def layer_violations(graph: grimp.ImportGraph, layers) -> list[tuple[str, str]]:
    """Return (importer, imported) for every layer of `layers` (top first) that imports a
    layer above it; empty when each imports only those below."""
    illegal = graph.find_illegal_dependencies_for_layers(layers=layers)
    return sorted((dependency.importer, dependency.imported) for dependency in illegal)


def forbidden_imports(
    graph: grimp.ImportGraph, package: str, forbidden, allowed=()
) -> list[tuple[str, str]]:
    """Return (importer, imported) for every module of `package` importing a module in one
    of the `forbidden` packages and in none of the `allowed` ones; empty when there is none."""
    found = []
    for module in sorted(graph.find_descendants(package) | {package}):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if any(within(imported, p) for p in allowed) or within(imported, package):
                continue
            if any(within(imported, p) for p in forbidden):
                found.append((module, imported))
    return found


def toy_graph(*imports: tuple[str, str]) -> grimp.ImportGraph:
    """Return a graph of `imports` (importer, imported); "django" is an external package."""
    graph = grimp.ImportGraph()
    for importer, imported in imports:
        for module in (importer, imported):
            if module == "django":
                graph.add_module(module, is_squashed=True)
                continue
            parts = module.split(".")
            for depth in range(1, len(parts) + 1):
                graph.add_module(".".join(parts[:depth]))
        graph.add_import(importer=importer, imported=imported)
    return graph


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*APPS, "intake", include_external_packages=True, cache_dir=None)


def test_no_two_apps_import_each_other(graph):
    assert app_cycles(graph, APPS) == []


def test_each_app_imports_only_the_apps_below_it(graph):
    assert layer_violations(graph, APPS) == []


def test_policy_does_not_import_invitations(graph):
    assert not graph.chain_exists(importer="policy", imported="invitations", as_packages=True)


def test_intake_imports_no_django_and_no_app_but_the_policy_engine(graph):
    forbidden = ["django", *APPS]
    assert forbidden_imports(graph, "intake", forbidden, allowed=["policy.engine"]) == []


def test_the_policy_engine_imports_no_django_and_no_app(graph):
    assert forbidden_imports(graph, "policy.engine", ["django", *APPS]) == []


def test_the_cycle_check_notices_two_apps_importing_each_other_through_a_third():
    graph = toy_graph(("a.views", "c.models"), ("c.models", "b.models"), ("b.tasks", "a.models"))
    assert app_cycles(graph, ["a", "b", "c"]) == [
        (("a.views", "c.models", "b.models"), ("b.tasks", "a.models"))
    ]
    assert app_cycles(toy_graph(("a.views", "b.models")), ["a", "b"]) == []


def test_the_layer_check_notices_a_lower_app_importing_a_higher_one():
    graph = toy_graph(("top.views", "bottom.models"), ("bottom.services", "top.selectors"))
    assert layer_violations(graph, ["top", "bottom"]) == [("bottom", "top")]
    assert layer_violations(graph, ["top"]) == []


def test_the_import_check_notices_django_or_an_app_in_a_pure_package():
    graph = toy_graph(
        ("pure.parse", "django"),
        ("pure.parse", "app.engine.links"),
        ("pure.read", "app.models"),
        ("pure.read", "pure.parse"),
    )
    assert forbidden_imports(graph, "pure", ["django", "app"], allowed=["app.engine"]) == [
        ("pure.parse", "django"),
        ("pure.read", "app.models"),
    ]
    assert forbidden_imports(graph, "pure", ["other"]) == []

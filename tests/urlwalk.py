"""Enumerate every URL under /o/<slug>/ so access tests cover pages added later automatically."""

from django.urls import URLPattern, URLResolver, get_resolver


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def org_url_patterns():
    """Return [(route, pattern)] for every route that takes an organisation slug."""
    return [
        (route, p) for route, p in _walk(get_resolver().url_patterns) if "<slug:org_slug>" in route
    ]


def fill(route: str, org_slug: str) -> str:
    """Return a concrete path for `route`: the slug filled in, every other parameter set to 1."""
    import re

    path = route.replace("<slug:org_slug>", org_slug)
    path = re.sub(r"<(?:int|str|slug|uuid|path):[a-z_]+>", "1", path)
    path = re.sub(r"<[a-z_]+>", "1", path)
    return "/" + path.lstrip("^").rstrip("$")

"""The README's layout section names every folder a newcomer looks for, and only those."""

import fnmatch
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def made_folders(root: Path) -> list[str]:
    """Return the folder patterns .gitignore leaves out: made by tools, not kept."""
    ignore = root / ".gitignore"
    lines = ignore.read_text().splitlines() if ignore.exists() else []
    return [line.strip("/") for line in lines if line.endswith("/")]


def is_made(name: str, made: list[str]) -> bool:
    return name.startswith(".") or any(fnmatch.fnmatch(name, pattern) for pattern in made)


def layout_folders(readme: str) -> set[str]:
    """Return the folders listed in the first code block after "## Layout"."""
    section = readme.split("## Layout\n", 1)[1]
    block = section.split("```\n", 2)[1]
    return {m.group(1).rstrip("/") for m in re.finditer(r"^([\w./-]+/)\s", block, re.M)}


def tree_folders(root: Path) -> set[str]:
    """Return the top-level folders and every Python package below them, except migrations,
    command folders (their management/ is listed) and the tests, which mirror the rest."""
    made = made_folders(root)
    found = set()
    for folder in root.iterdir():
        if folder.is_dir() and not is_made(folder.name, made):
            found.add(folder.name)
    markers = [m for top in sorted(found) for m in (root / top).rglob("__init__.py")]
    for marker in markers:
        relative = marker.parent.relative_to(root)
        parts = relative.parts
        if not parts or parts[0] == "tests" or any(is_made(part, made) for part in parts):
            continue
        if "migrations" in parts or parts[-1] == "commands":
            continue
        found.add(relative.as_posix())
    return found


def test_the_readme_layout_lists_exactly_the_folders_of_the_tree():
    listed = layout_folders((ROOT / "README.md").read_text(encoding="utf-8"))
    actual = tree_folders(ROOT)
    assert sorted(actual - listed) == [], "folders missing from README's layout"
    assert sorted(listed - actual) == [], "README's layout names folders that do not exist"


def test_the_layout_check_notices_a_new_package(tmp_path):
    (tmp_path / "app" / "newpart").mkdir(parents=True)
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "newpart" / "__init__.py").write_text("")
    (tmp_path / "app" / "migrations").mkdir()
    (tmp_path / "app" / "migrations" / "__init__.py").write_text("")
    (tmp_path / "build").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n")
    assert tree_folders(tmp_path) == {"app", "app/newpart"}
    readme = "## Layout\n\n```\napp/   the app\n```\n"
    assert layout_folders(readme) == {"app"}

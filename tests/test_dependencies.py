"""Every third-party module the package imports is a dependency pyproject.toml declares by name, so a fresh
environment made by the README's install command has it (networkx's pagerank needing an undeclared scipy
once passed CI because the machine's Python had it)."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "newsgraph"


def imported_modules(folder: Path) -> dict[str, str]:
    """Top-level names of the modules imported anywhere under ``folder`` (in functions too) -> a file importing it."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return found


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    """The distributions pyproject.toml names in its dependencies (not its extras)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {canonical(re.split(r"[\[<>=!~; ]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}


def third_party(modules: dict[str, str]) -> dict[str, str]:
    return {m: where for m, where in modules.items() if m not in sys.stdlib_module_names and m not in ("newsgraph", "__future__")}


def undeclared(modules: dict[str, str], names: set[str]) -> list[str]:
    """``module (file) -> distributions`` for each imported module that no declared distribution provides."""
    dists = packages_distributions()
    missing = []
    for module, where in sorted(third_party(modules).items()):
        provided_by = {canonical(d) for d in dists.get(module, [])}
        if not provided_by & names:
            missing.append(f"{module} ({where}) is provided by {sorted(provided_by) or 'no installed distribution'}")
    return missing


def test_every_imported_package_is_a_declared_dependency():
    missing = undeclared(imported_modules(PACKAGE), declared())
    assert not missing, "imported but not declared in pyproject.toml:\n" + "\n".join(missing)


def test_the_check_fails_when_a_declared_dependency_is_removed():
    names = declared()
    assert "rapidfuzz" in names
    missing = undeclared(imported_modules(PACKAGE), names - {"rapidfuzz"})
    assert any(line.startswith("rapidfuzz ") for line in missing), missing

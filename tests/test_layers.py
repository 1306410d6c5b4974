"""The layering of ``src/newsgraph``: data flows ingest → nlp → resolve → store → graph → export/api/web.

Every ``import`` and ``from … import`` statement (at module level, inside functions, under
``TYPE_CHECKING``) is read from the source with ``ast``: an edge from the importing module to the
imported one (``from pkg import name`` is an edge to ``pkg.name`` when that is a module, else to ``pkg``).
The graph must have no cycle, and no edge between the packages that ``FORBIDDEN`` keeps apart.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
ROOT = "newsgraph"

#: package -> the packages its modules may not import (a package is the name after ``newsgraph.``)
FORBIDDEN: dict[str, frozenset[str]] = {
    "store": frozenset({"resolve", "nlp", "ingest", "graph", "export", "api", "web", "cli", "watch", "evaluate"}),
    "nlp": frozenset({"store", "resolve", "ingest", "graph", "export", "api", "web", "cli", "watch"}),
    "resolve": frozenset({"ingest", "nlp", "graph", "export", "api", "web", "cli", "watch"}),
    "graph": frozenset({"nlp", "resolve", "ingest", "api", "web", "cli", "export"}),
    # the foundation every layer imports: it may import no layer
    "names": frozenset({"store", "resolve", "nlp", "ingest", "graph", "export", "api", "web", "cli", "watch", "evaluate"}),
}
#: ``newsgraph.lang.X`` is the language pack of X when X is a language code; packs never import each other
LANG = "lang"
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


@dataclass(frozen=True)
class Edge:
    importer: str
    imported: str
    line: int
    nested: bool  # inside a function or class, not at module level

    def __str__(self) -> str:
        where = "in a function or class" if self.nested else "at module level"
        return f"{self.importer} -> {self.imported} (line {self.line}, {where})"


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package is its ``__init__``)."""
    found = {}
    for path in sorted((SRC / ROOT).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(tree: ast.AST) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Each import statement of ``tree`` and whether it is nested in a function or class."""

    def walk(node: ast.AST, nested: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                yield child, nested
            yield from walk(child, nested or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)))

    return walk(tree, False)


def edges() -> list[Edge]:
    """The import edges between modules of the package."""
    known = modules()
    out = []
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node, nested in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, *([base] if base else [])])
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
            for target in dict.fromkeys(targets):
                while target and target not in known:  # ``import newsgraph.x.y`` of a name inside a module
                    target = target.rpartition(".")[0]
                if target and target != name:
                    out.append(Edge(name, target, node.lineno, nested))
    return out


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _language(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) > 2 and parts[1] == LANG and LANGUAGE_CODE.fullmatch(parts[2]):
        return parts[2]
    return None


def forbidden(edge: Edge) -> str | None:
    """Why ``edge`` breaks the layering, or None."""
    here, there = _package(edge.importer), _package(edge.imported)
    if there in FORBIDDEN.get(here, ()):
        return f"{here} must not import {there}"
    mine, theirs = _language(edge.importer), _language(edge.imported)
    if mine and theirs and mine != theirs:
        return f"the language pack {mine} must not import the language pack {theirs}"
    return None


def cycles(graph: list[Edge]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    succ: dict[str, set[str]] = {}
    for e in graph:
        succ.setdefault(e.importer, set()).add(e.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(succ.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(succ):
        if v not in index:
            visit(v)
    return sorted(found)


def test_the_import_graph_is_read():
    graph = edges()
    pairs = {(e.importer, e.imported) for e in graph}
    assert ("newsgraph.store.store", "newsgraph.store.ids") in pairs  # from a module import names
    assert ("newsgraph.store.store", "newsgraph.store.schema") in pairs  # from a package import a module
    assert ("newsgraph.store", "newsgraph.store.store") in pairs  # a package's __init__
    assert any(e.importer == "newsgraph.api.app" and e.imported == "newsgraph.extract" and e.nested for e in graph)


def test_the_rules():
    def edge(a: str, b: str) -> Edge:
        return Edge(a, b, 1, False)

    assert forbidden(edge("newsgraph.store.store", "newsgraph.resolve.linker"))
    assert forbidden(edge("newsgraph.store.store", "newsgraph.nlp"))
    assert not forbidden(edge("newsgraph.resolve.linker", "newsgraph.store.schema"))
    assert not forbidden(edge("newsgraph.store.store", "newsgraph.names"))
    assert forbidden(edge("newsgraph.lang.en.rules", "newsgraph.lang.es"))
    assert not forbidden(edge("newsgraph.lang.en", "newsgraph.lang"))
    assert not forbidden(edge("newsgraph.lang.en", "newsgraph.lang.en.rules"))
    assert cycles([edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "d")]) == [["a", "b", "c"]]


def test_no_import_cycles():
    graph = edges()
    found = cycles(graph)
    report = []
    for component in found:  # each with every import among its modules: the edges one of which must go
        report.append(f"cycle among {', '.join(component)}:")
        report += [f"    {e}" for e in sorted(graph, key=lambda e: (e.importer, e.line)) if e.importer in component and e.imported in component]
    assert not found, f"{len(found)} import cycle(s):\n" + "\n".join(report)


def test_no_forbidden_imports_between_layers():
    broken = [(e, why) for e in edges() if (why := forbidden(e))]
    report = "\n".join(f"    {e}: {why}" for e, why in sorted(broken, key=lambda x: (x[0].importer, x[0].line)))
    assert not broken, f"{len(broken)} import(s) across the layers (ingest → nlp → resolve → store → graph → export/api/web):\n{report}"

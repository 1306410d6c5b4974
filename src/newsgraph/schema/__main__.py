"""``python -m newsgraph.schema [--check]``: rewrite ``document.schema.json`` from the ontology (exit 1 with
``--check`` when the committed file is not what the ontology gives)."""

from __future__ import annotations

import sys

from newsgraph.schema import SCHEMA, document_schema_text, write


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        current = SCHEMA.read_text(encoding="utf-8") == document_schema_text()
        print(f"{SCHEMA}: {'current' if current else 'stale: run python -m newsgraph.schema'}")
        return 0 if current else 1
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    print(f"{SCHEMA}: {'written' if write() else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

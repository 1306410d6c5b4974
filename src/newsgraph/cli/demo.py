"""``newsgraph demo``: the example article and the demo set in a database, then the web page over it."""

from __future__ import annotations

from pathlib import Path

import typer

from newsgraph.cli.common import fail, open_store, warn

#: the example article's publication date (its relative times resolve against it)
EXAMPLE_PUBLISHED = "2024-05-27"
EXAMPLE = "milei-silicon-valley.txt"
DEMO_SET = Path("demo") / "articles.jsonl"


def examples_dir() -> Path | None:
    """The repository's ``examples/`` folder (beside ``src/``), else ``./examples``; None when neither holds the demo."""
    for folder in (Path(__file__).resolve().parents[3] / "examples", Path("examples")):
        if (folder / EXAMPLE).is_file() and (folder / DEMO_SET).is_file():
            return folder
    return None


def demo(
    db: str = typer.Option("newsgraph-demo.db", "--db", help="The database to build (a SQLite file or an SQLAlchemy URL)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to serve the web page on (127.0.0.1)."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Only build the database; do not serve it."),
) -> None:
    """Ingest the example article and the demo set (English and Spanish news), then serve the web page."""
    from newsgraph.cli.extract import ingest_into
    from newsgraph.cli.serve import serve_db
    from newsgraph.ingest.reader import read_input

    folder = examples_dir()
    if folder is None:
        fail("cannot find examples/milei-silicon-valley.txt and examples/demo/articles.jsonl: run newsgraph demo in a clone of the repository")
    inputs = ((folder / EXAMPLE, EXAMPLE_PUBLISHED), (folder / DEMO_SET, None))
    items = (item for path, published in inputs for item in read_input(str(path), published))
    tally = ingest_into(open_store(db, create=True), db, items)
    if tally.failures:
        raise typer.Exit(1)
    if no_serve:
        warn(f"built {db}; newsgraph serve --db {db} serves it")
        return
    serve_db(db, port=port)

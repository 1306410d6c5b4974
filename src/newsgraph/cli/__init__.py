"""The ``newsgraph`` command: a thin layer over the Python API.

Exit codes: 0 success; 1 some input or lookup failed (each named on stderr, one line each);
2 wrong usage.  Machine output is JSON lines on stdout; messages and progress go to stderr.
Each module holds a group of commands; this one builds the Typer app from them.
"""

from __future__ import annotations

import os
import sys

import typer

from newsgraph.cli import curate, demo, evaluate, events, export, query, serve, watch
from newsgraph.cli import extract as extract_commands
from newsgraph.cli.common import warn
from newsgraph.errors import reason

__all__ = ["app", "main"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="newsgraph: turn news into an evidence-backed graph of who does what to whom.",
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"newsgraph {version('newsgraph')}")
        raise typer.Exit()


@app.callback()
def _options(
    show_version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """newsgraph: turn news into an evidence-backed graph of who does what to whom."""


for command in (
    extract_commands.extract,
    extract_commands.ingest,
    query.entities,
    query.show,
    query.edges,
    query.ego,
    query.path,
    query.timeline,
    query.top,
    query.communities,
    query.new,
    events.events,
    events.event,
    curate.merge,
    curate.split,
):
    app.command()(command)
app.add_typer(curate.alias_app, name="alias")
app.add_typer(curate.kb_app, name="kb")
app.command()(curate.duplicates)
app.command("merge-events")(curate.merge_events)
app.command("split-event")(curate.split_event)
app.command()(query.links)
app.command("export")(export.export_command)
app.command()(serve.serve)
app.command()(demo.demo)
app.command("eval")(evaluate.eval_command)
app.command()(watch.watch)
app.add_typer(watch.watchlist_app, name="watchlist")
app.command("alerts")(watch.alerts)


def main() -> None:
    """Entry point: run the app; unexpected errors are one line, not a traceback (NEWSGRAPH_DEBUG=1 shows it)."""
    try:
        app()
    except KeyboardInterrupt:
        warn("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except Exception as e:  # pragma: no cover - the last guard
        if os.environ.get("NEWSGRAPH_DEBUG"):
            raise
        warn(f"error: {reason(e)}")
        sys.exit(1)

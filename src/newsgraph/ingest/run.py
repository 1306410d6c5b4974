"""Ingest as one call: extract records (here or on a Dask cluster), store them and raise the alerts of
watched actors.  ``newsgraph ingest`` and ``newsgraph demo`` are thin layers over ``ingest``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsgraph.errors import reason
from newsgraph.ingest.load import Tally, load
from newsgraph.ingest.text import InputError

if TYPE_CHECKING:
    from rich.console import Console

    from newsgraph.store import Store

Progress = Callable[[dict[str, Any]], None]


class ClusterError(RuntimeError):
    """The Dask cluster could not be started or reached: ``str(err)`` is one line."""


@dataclass
class Ingested(Tally):
    """What ``ingest`` did: the load's tally and the alerts its new interactions raised."""

    alerts: list[dict[str, Any]] = field(default_factory=list)


def ingest(
    items: Iterable[dict[str, Any] | InputError],
    store: Store,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    language: str | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[str], None] | None = None,
    on_alert: Callable[[dict[str, Any]], None] | None = None,
    sinks: Iterable[str] = (),
) -> Ingested:
    """Extract and store ``items`` (records, or the ``InputError`` of a bad input) in ``store``.

    ``workers`` extracts on a local Dask cluster of that many processes, ``scheduler`` (``tcp://HOST:8786``)
    on an existing one (``ClusterError`` if it cannot start or be reached); else in this process.
    ``language`` names every record's language.  ``progress(record)`` is called after each record is
    stored (or found stored), ``on_failure(line)`` with each failure.  The alerts that the new interactions
    raise for watched actors are recorded, pending for ``sinks``, passed to ``on_alert`` and returned.
    """
    from newsgraph.watch.alerts import match

    if workers and scheduler:
        raise ValueError("give workers or scheduler, not both")
    if language:
        items = (item if isinstance(item, InputError) else {**item, "language": language} for item in items)
    new_events: list[str] = []

    def saved(record: dict[str, Any], result: Any) -> None:
        new_events.extend(result.event_ids)
        if progress:
            progress(record)

    with _cluster(workers, scheduler) as dask_client:
        extract = None
        if dask_client is not None:
            from newsgraph.ingest.distributed import extract_distributed

            extract = lambda records: extract_distributed(records, dask_client)  # noqa: E731
        tally = load(store, items, on_failure=on_failure, on_saved=saved, extract=extract)
        alerts = match(store, new_events, sinks)  # edges touching watched actors (see watchlist)
    for alert in alerts:
        if on_alert:
            on_alert(alert)
    return Ingested(**vars(tally), alerts=alerts)


@contextlib.contextmanager
def _cluster(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """A Dask client when ``workers`` or ``scheduler`` is given, else None; ``ClusterError`` if it cannot start."""
    if not (workers or scheduler):
        yield None
        return
    from newsgraph.ingest.distributed import client

    cluster = client(workers, scheduler)
    try:
        ctx = cluster.__enter__()
    except Exception as e:  # an unreachable scheduler, a port in use
        raise ClusterError(f"cannot start or reach the Dask cluster ({reason(e)})") from e
    try:
        yield ctx
    finally:
        cluster.__exit__(None, None, None)


@contextlib.contextmanager
def progress_bar(console: Console) -> Iterator[Progress]:
    """A transient progress bar on ``console`` (shown only on a terminal): yields the ``progress``
    callback for ``ingest``."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        """Documents per second."""

        def render(self, task: Any) -> Text:
            return Text(f"{task.speed or 0:.1f} docs/s")

    columns = [
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        Rate(),
        TextColumn("{task.description}"),
    ]
    with Progress(*columns, console=console, transient=True, disable=not console.file.isatty()) as bar:
        task = bar.add_task("", total=None)
        yield lambda record: bar.update(task, advance=1, description=str(record["id"])[:40])

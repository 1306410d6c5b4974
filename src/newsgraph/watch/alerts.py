"""Watchlists and alerts: a new edge that touches a watched actor (or joins a watched pair) alerts once.

An alert is kept in the store with the sinks it has not reached yet (a JSON-lines file, a webhook), so
a sink that is down gets it at a later delivery and nothing is lost.  The same edge (type, status,
actors, sentence) from another article does not alert again.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, cast

import httpx
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from newsgraph.errors import reason
from newsgraph.store import Store, UnknownEntity, content_id
from newsgraph.store import schema as t
from newsgraph.store.store import utc_now

if TYPE_CHECKING:
    from sqlalchemy import CursorResult


class WatchError(ValueError):
    """A watchlist request that cannot be done: one line."""


def _watch_id(name: str, other: str | None) -> str:
    return content_id("watch", *sorted(x.strip().lower() for x in (name, other or "") if x))


def add_watch(store: Store, names: list[str], between: bool = False) -> list[dict[str, Any]]:
    """Watch each of ``names`` (or, with ``between``, the pair of two names); already watched is a no-op."""
    names = [n.strip() for n in names if n.strip()]
    if not names:
        raise WatchError("give at least one name to watch")
    if between and len(names) != 2:
        raise WatchError("--between takes exactly two names")
    entries = [(names[0], names[1])] if between else [(n, None) for n in names]
    now = utc_now()
    with Session(store.engine) as s, s.begin():
        for name, other in entries:
            wid = _watch_id(name, other)
            if s.get(t.Watch, wid) is None:
                s.add(t.Watch(id=wid, name=name, other=other, created=now))
    return watches(store)


def remove_watch(store: Store, names: list[str], between: bool = False) -> int:
    """Stop watching ``names`` (or the pair); returns how many entries went."""
    ids = [_watch_id(names[0], names[1])] if between and len(names) == 2 else [_watch_id(n, None) for n in names]
    with Session(store.engine) as s, s.begin():
        return cast("CursorResult[Any]", s.execute(delete(t.Watch).where(t.Watch.id.in_(ids)))).rowcount or 0  # a DELETE's result is a CursorResult


def watches(store: Store) -> list[dict[str, Any]]:
    """The watchlist, oldest first: ``{"name", "between"?}``."""
    with Session(store.engine) as s:
        rows = s.scalars(select(t.Watch).order_by(t.Watch.created, t.Watch.name))
        return [{"name": w.name, **({"between": w.other} if w.other else {})} for w in rows]


def _resolve(store: Store, name: str) -> str | None:
    try:
        return store.resolve(name)
    except UnknownEntity:
        return None  # not in the graph yet


def edge_key(edge: dict[str, Any]) -> str:
    """The identity of an edge for alerting: the real event it reports and that event's status, so an
    event alerts once however many articles report it, and once more when a planned event is reported
    held.  An interaction with no event recorded is keyed by type, status, actors and its sentence's words."""
    event = edge.get("event")
    if event:
        return content_id("alert", "event", event["id"], event["status"])
    words = " ".join(re.findall(r"\w+", edge["evidence"]["sentence"].lower()))
    return content_id("alert", edge["type"], edge["status"], *edge["source_ids"], "->", *edge["target_ids"], words)


def payload(edge: dict[str, Any], watched: list[str]) -> dict[str, Any]:
    """An alert's JSON: the edge, its status and time, the evidence sentence and the source URL."""
    ev = edge["evidence"]
    return {
        "alert": edge_key(edge),
        "watched": watched,
        "event": edge.get("event"),
        "type": edge["type"],
        "status": edge["status"],
        "source": edge["source"],
        "target": edge["target"],
        "time": edge["time"],
        "sentence": ev["sentence"],
        "document": ev["document"],
        "title": ev.get("title"),
        "url": ev.get("url"),
        "published": ev.get("published"),
        "start": ev["start"],
        "end": ev["end"],
    }


def match(store: Store, event_ids: Iterable[str], sinks: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Record the alerts that the new interactions ``event_ids`` raise, pending for ``sinks``; returns
    their payloads (an edge that alerted before, from any article, is not returned again)."""
    event_ids = list(event_ids)
    entries = watches(store)
    if not event_ids or not entries:
        return []
    singles = {n: i for n in {w["name"] for w in entries if "between" not in w} if (i := _resolve(store, n))}
    pairs = [(w["name"], w["between"], _resolve(store, w["name"]), _resolve(store, w["between"])) for w in entries if "between" in w]
    out = []
    now = utc_now()
    with Session(store.engine) as s, s.begin():
        for edge in store.edges(event_ids=event_ids):
            actors = set(edge["source_ids"]) | set(edge["target_ids"])
            watched = [n for n, i in singles.items() if i in actors]
            watched += [f"{a} + {b}" for a, b, ia, ib in pairs if ia and ib and ia != ib and {ia, ib} <= actors]
            if not watched:
                continue
            body = payload(edge, sorted(watched))
            if s.get(t.Alert, body["alert"]) is not None:
                continue
            s.add(
                t.Alert(
                    key=body["alert"],
                    event_id=edge["id"],
                    payload=json.dumps(body, ensure_ascii=False),
                    created=now,
                    pending=" ".join(sinks),
                    attempts=0,
                )
            )
            s.flush()
            out.append(body)
    return out


class Sink(Protocol):
    """Where alerts go: ``name`` identifies it in the store, ``send`` raises on failure."""

    name: str

    def send(self, alert: dict[str, Any]) -> None: ...


@dataclass
class FileSink:
    """Appends each alert as a JSON line to ``path`` (flushed and synced)."""

    path: str
    name: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = "file:" + os.path.abspath(self.path)

    def send(self, alert: dict[str, Any]) -> None:
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(alert, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())


@dataclass
class WebhookSink:
    """POSTs each alert as JSON to ``url``; any answer but 2xx is a failure."""

    url: str
    timeout: float = 10.0
    name: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = "webhook:" + self.url

    def send(self, alert: dict[str, Any]) -> None:
        try:
            r = httpx.post(self.url, json=alert, timeout=self.timeout, headers={"User-Agent": "newsgraph"})
        except httpx.HTTPError as e:
            raise ConnectionError(f"webhook {self.url}: {reason(e)}") from None
        if not 200 <= r.status_code < 300:
            raise ConnectionError(f"webhook {self.url}: HTTP {r.status_code}")


@dataclass
class Delivery:
    """What ``deliver`` did: alerts delivered to every sink, and one line per failure."""

    delivered: int = 0
    failures: list[str] = field(default_factory=list)


def deliver(store: Store, sinks: list[Sink]) -> Delivery:
    """Send every pending alert to the sinks it has not reached, oldest first; a failure leaves it pending."""
    by_name = {sink.name: sink for sink in sinks}
    result = Delivery()
    with Session(store.engine) as s:
        rows = list(s.scalars(select(t.Alert).where(t.Alert.pending != "").order_by(t.Alert.created, t.Alert.key)))
    down: set[str] = set()  # a sink that failed once is not tried again in this delivery
    for row in rows:
        pending = row.pending.split()
        alert = json.loads(row.payload)
        error = None
        for name in list(pending):
            sink = by_name.get(name)
            if sink is None or name in down:
                continue
            try:
                sink.send(alert)
                pending.remove(name)
            except (OSError, ConnectionError) as e:
                down.add(name)
                error = str(e) if isinstance(e, ConnectionError) else f"{name}: {reason(e)}"
                result.failures.append(f"alert {row.key[:12]}: {error}")
        with Session(store.engine) as s, s.begin():
            stored = s.get(t.Alert, row.key)
            assert stored is not None  # the alert row read above
            stored.pending = " ".join(pending)
            stored.attempts += 1
            stored.last_error = error
        result.delivered += not pending
    return result


def alerts(store: Store, limit: int | None = None, pending_only: bool = False) -> list[dict[str, Any]]:
    """Stored alerts, newest first, each with ``pending``: the sinks it has not reached."""
    with Session(store.engine) as s:
        q = select(t.Alert).order_by(t.Alert.created.desc(), t.Alert.key)
        if pending_only:
            q = q.where(t.Alert.pending != "")
        rows = s.scalars(q.limit(limit) if limit else q)
        return [{**json.loads(r.payload), "created": r.created, "pending": r.pending.split()} for r in rows]

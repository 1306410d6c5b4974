"""The interaction graph held in memory, so that a walk costs what its answer costs, not what the store holds.

A :class:`Snapshot` is built from :meth:`Store.graph_rows` into flat numpy arrays: for every actor the
interactions it takes part in, for every interaction its actors (both as CSR: an offsets array and a
values array), and per interaction its type, status, date and two ranks — its place in the order
:meth:`Store.edges` lists interactions in, and its place in the order :meth:`Store.event_between` picks the
best attested.  A walk gathers the slices of the nodes it reaches and applies the filters (type, status,
date window) to them as it goes: nothing is scanned.

Nodes and interactions are numbered in the order of their ids (the store's hex content hashes, sorted by
their first 16 digits read as integers; any other ids as bytes), so "sorted by id" — the order the SQL
queries use — is the order of the numbers.

:func:`snapshot_of` keeps one snapshot per store and brings it up to date by the store's
:meth:`~Store.graph_version` (two primary-key reads per query): new interactions are read alone
(``first_seen`` at or after the last one read) and added; a curation (which moves actors) rebuilds.  A
store whose snapshot would not fit the memory budget (:data:`BUDGET_ENV`, else half the memory
available) gets none, and the queries walk in SQL (:mod:`newsgraph.graph.walks`).
"""

from __future__ import annotations

import binascii
import logging
import os
import threading
import weakref
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from newsgraph import ontology as ont
from newsgraph.store import Store

log = logging.getLogger(__name__)

Ints = npt.NDArray[np.int64]

#: environment variable: the most megabytes a snapshot may take (0: never build one)
BUDGET_ENV = "NEWSGRAPH_SNAPSHOT_MB"
#: what one interaction costs at the peak of building a snapshot (a batch of rows in Python, the arrays
#: and their sorted copies), in bytes: 885 measured at 1M; the finished arrays take about 220
BYTES_PER_EVENT = 900


@dataclass(frozen=True)
class Filter:
    """The filters every query takes, as the SQL applies them (:func:`newsgraph.store.store._filtered`)."""

    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None

    @classmethod
    def of(cls, filters: dict[str, str | None]) -> Filter:
        type_ = filters.get("type")
        return cls(ont.canonical_event_type(type_) if type_ else None, filters.get("status"), filters.get("since"), filters.get("until"))

    def __bool__(self) -> bool:
        return any((self.type, self.status, self.since, self.until))


def _ranks(values: npt.NDArray[Any]) -> tuple[npt.NDArray[Any], Ints]:
    """The sorted distinct values and each value's place among them."""
    uniq, inverse = np.unique(values, return_inverse=True)
    return uniq, inverse.astype(np.int64)


#: the rows of :meth:`Store.graph_rows` as numpy records, at the widths of the store's columns
EVENT_COLUMNS = [
    ("id", "S40"),
    ("type", "S16"),
    ("status", "S16"),
    ("date", "S32"),
    ("time_start", "S32"),
    ("first_seen", "S32"),
    ("confidence", "f8"),
]
ACTOR_COLUMNS = [("event", "S40"), ("entity", "S40")]


def _table(rows: list[tuple[Any, ...]], columns: list[tuple[str, str]]) -> npt.NDArray[Any]:
    """``rows`` as a numpy record array (ids, codes and dates are ASCII; anything else is encoded as UTF-8)."""
    try:
        return np.array(rows, dtype=columns)
    except (UnicodeEncodeError, ValueError):
        encoded = [tuple(v.encode() if isinstance(v, str) else v for v in row) for row in rows]
        width = max((len(v) for row in encoded for v in row if isinstance(v, bytes)), default=1)
        return np.array(encoded, dtype=[(k, f"S{width}" if t.startswith("S") else t) for k, t in columns])


def _narrow(arr: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """A bytes array at the width its longest value needs (the record widths are the columns' widest)."""
    if arr.dtype.kind != "S" or not len(arr):
        return np.ascontiguousarray(arr)
    arr = np.ascontiguousarray(arr)  # a record field is a strided view
    used = np.flatnonzero(arr.view(np.uint8).reshape(len(arr), arr.dtype.itemsize).any(axis=0))
    return arr.astype(f"S{used[-1] + 1 if len(used) else 1}")


#: 0 for each lower-case hex digit's byte, 255 for any other byte
_HEX = np.full(256, 255, np.uint8)
_HEX[np.frombuffer(b"0123456789abcdef", np.uint8)] = 0


def _hex_keys(*ids: npt.NDArray[np.bytes_]) -> list[npt.NDArray[np.uint64]] | None:
    """The first 16 digits of each id as a 64-bit integer (sorting those sorts the ids, and fast), when
    every id is a lower-case hex hash as the store's content ids are; None otherwise."""
    out = []
    for arr in ids:
        head = arr.astype("S16")
        raw = head.view(np.uint8)
        if len(arr) and (arr.dtype.itemsize < 16 or _HEX[raw].max() == 255):
            return None
        out.append(np.frombuffer(binascii.unhexlify(head.tobytes()), ">u8").astype(np.uint64))
    return out


def _gather(ptr: Ints, values: Ints, rows: Ints) -> tuple[Ints, Ints]:
    """The values of CSR rows ``rows`` (offsets ``ptr``) concatenated, and the row each came from."""
    starts = ptr[rows]
    lens = ptr[rows + 1] - starts
    total = int(lens.sum())
    if not total:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    ends = np.cumsum(lens)
    offsets = np.arange(total) + np.repeat(starts - (ends - lens), lens)
    return values[offsets], np.repeat(rows, lens)


def _csr(rows: Ints, values: Ints, n_rows: int) -> tuple[Ints, Ints]:
    """CSR offsets and values of the (row, value) pairs, each row's values ascending."""
    order = np.lexsort((values, rows))
    ptr = np.zeros(n_rows + 1, np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=ptr[1:])
    return ptr, values[order]


class Snapshot:
    """The interaction graph of a store at one :meth:`Store.graph_version`, as arrays (see the module)."""

    def __init__(self, events: dict[str, npt.NDArray[Any]], actor_events: npt.NDArray[Any], actor_nodes: npt.NDArray[Any], version: tuple[int, int]):
        self.version = version
        keyed = _hex_keys(events["id"], actor_events, actor_nodes)
        built = self._number(events, actor_events, actor_nodes, *keyed) if keyed else None
        if built is None:  # ids that are not hex hashes, or two sharing their first 16 digits: sort the ids
            built = self._number(events, actor_events, actor_nodes, events["id"], actor_events, actor_nodes)
            assert built is not None
        ev, node = built
        self.actor_events, self.actor_nodes = ev, node  # kept to extend the snapshot
        self.node_ptr, self.node_events = _csr(node, ev, len(self.node_ids))
        n_events = len(self.event_ids)
        self.event_ptr, self.event_nodes = _csr(ev, node, n_events)
        self.types, self.type_code = _ranks(self.columns["type"])
        self.statuses, self.status_code = _ranks(self.columns["status"])
        self.dates, self.date_rank = _ranks(self.columns["date"])
        has_date = self.columns["date"] != b""
        self.date_rank = np.where(has_date, self.date_rank, -1)
        index = np.arange(n_events)
        seen_values, first_seen = _ranks(self.columns["first_seen"])
        #: the latest ``first_seen`` read: a refresh reads the interactions first seen from then on
        self.last_first_seen: str | None = seen_values[-1].decode() if n_events else None
        _, start = _ranks(self.columns["time_start"])
        no_start = self.columns["time_start"] == b""
        # Store.edges: time_start missing last, time_start, first_seen, id
        self.list_rank = np.empty(n_events, np.int64)
        self.list_rank[np.lexsort((index, first_seen, start, no_start))] = index
        # Store.event_between: highest confidence, earliest first_seen, id
        self.best_rank = np.empty(n_events, np.int64)
        self.best_rank[np.lexsort((index, first_seen, -self.columns["confidence"]))] = index
        self._node_index = {x.decode(): i for i, x in enumerate(self.node_ids)}

    def _number(
        self, events: dict[str, npt.NDArray[Any]], actor_events: npt.NDArray[Any], actor_nodes: npt.NDArray[Any], *keys: npt.NDArray[Any]
    ) -> tuple[Ints, Ints] | None:
        """Number the interactions and the actors in the order of their ids, sorting ``keys`` (the ids, or
        integers in the same order); the (interaction, actor) pairs, or None when two ids share a key."""
        event_keys, actor_event_keys, actor_node_keys = keys
        order = np.argsort(event_keys, kind="stable")
        ids, sorted_keys = events["id"][order], event_keys[order]
        keep = np.ones(len(ids), bool)
        keep[1:] = sorted_keys[1:] != sorted_keys[:-1]  # an interaction read twice (first seen at the last version's time)
        if (~keep[1:] & (ids[1:] != ids[:-1])).any():
            return None
        self.columns = {k: v[order][keep] for k, v in events.items()}
        self.event_ids = self.columns["id"]
        sorted_keys = sorted_keys[keep]
        n_events = len(self.event_ids)
        ev = np.minimum(np.searchsorted(sorted_keys, actor_event_keys), max(n_events - 1, 0))
        found = self.event_ids[ev] == actor_events if n_events else np.zeros(len(ev), bool)
        uniq, first, node = np.unique(actor_node_keys[found], return_index=True, return_inverse=True)
        self.node_ids = actor_nodes[found][first]
        if (self.node_ids[node] != actor_nodes[found]).any():
            return None
        n_nodes = max(len(self.node_ids), 1)
        pairs = np.sort(ev[found] * n_nodes + node)
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]  # an actor on both sides counts once
        return pairs // n_nodes, pairs % n_nodes

    @classmethod
    def from_rows(cls, batches: Any, version: tuple[int, int], base: Snapshot | None = None) -> Snapshot:
        """A snapshot of the rows of :meth:`Store.graph_rows` (added to ``base``'s when given)."""
        names = ("id", "type", "status", "date", "time_start", "first_seen", "confidence")
        cols: dict[str, list[npt.NDArray[Any]]] = {k: [] for k in names}
        a_ev: list[npt.NDArray[Any]] = []
        a_node: list[npt.NDArray[Any]] = []
        if base is not None:
            for k in names:
                cols[k].append(base.columns[k])
            a_ev.append(base.event_ids[base.actor_events])
            a_node.append(base.node_ids[base.actor_nodes])
        for kind, rows in batches:
            if kind == "events":
                table = _table(rows, EVENT_COLUMNS)
                for k in names:
                    cols[k].append(_narrow(table[k]))
            else:
                table = _table(rows, ACTOR_COLUMNS)
                a_ev.append(_narrow(table["event"]))
                a_node.append(_narrow(table["entity"]))
            del rows, table
        # each part is narrowed already: joined, they take the widest part's width
        events = {k: np.concatenate(v) if v else np.empty(0, np.float64 if k == "confidence" else np.bytes_) for k, v in cols.items()}
        actors_ev = np.concatenate(a_ev) if a_ev else np.empty(0, np.bytes_)
        actors_node = np.concatenate(a_node) if a_node else np.empty(0, np.bytes_)
        return cls(events, actors_ev, actors_node, version)

    # -- size -----------------------------------------------------------------------------------------
    @property
    def n_events(self) -> int:
        return len(self.event_ids)

    @property
    def nbytes(self) -> int:
        """The bytes its arrays take."""
        arrays = {id(a): a for a in [*vars(self).values(), *self.columns.values()] if isinstance(a, np.ndarray)}
        return sum(a.nbytes for a in arrays.values())

    # -- ids ------------------------------------------------------------------------------------------
    def node(self, entity_id: str) -> int | None:
        """The number of an actor (None: it takes part in no interaction)."""
        return self._node_index.get(entity_id)

    def node_id(self, node: int) -> str:
        return str(self.node_ids[node].decode())

    def event_id(self, event: int) -> str:
        return str(self.event_ids[event].decode())

    # -- walks ----------------------------------------------------------------------------------------
    @staticmethod
    def _code(values: npt.NDArray[Any], wanted: str) -> int:
        """The place of ``wanted`` among the sorted distinct ``values``; -1 when absent."""
        code = int(np.searchsorted(values, wanted.encode()))
        return code if code < len(values) and values[code] == wanted.encode() else -1

    def passes(self, events: Ints, f: Filter) -> npt.NDArray[np.bool_]:
        """Which of ``events`` pass the filters."""
        ok = np.ones(len(events), bool)
        if f.type:
            ok &= self.type_code[events] == self._code(self.types, f.type)
        if f.status:
            ok &= self.status_code[events] == self._code(self.statuses, f.status)
        if f.since or f.until:
            rank = self.date_rank[events]
            ok &= rank >= 0
            if f.since:
                ok &= rank >= np.searchsorted(self.dates, f.since.encode(), side="left")
            if f.until:  # the whole day, whatever follows the date (dates are ASCII)
                ok &= rank < np.searchsorted(self.dates, f.until.encode() + b"\xff", side="right")
        return ok

    def touching(self, nodes: Ints, f: Filter) -> tuple[Ints, Ints]:
        """The interactions of ``nodes`` that pass the filters, and the node each was reached from (an
        interaction of two of them comes twice)."""
        events, via = _gather(self.node_ptr, self.node_events, nodes)
        if f:
            ok = self.passes(events, f)
            events, via = events[ok], via[ok]
        return events, via

    def actors(self, events: Ints) -> tuple[Ints, Ints]:
        """The actors of ``events``, and the interaction each belongs to."""
        return _gather(self.event_ptr, self.event_nodes, events)

    def in_list_order(self, events: Ints) -> Ints:
        """``events`` in the order :meth:`Store.edges` lists them."""
        return events[np.argsort(self.list_rank[events], kind="stable")]

    def best_between(self, x: int, y: int, f: Filter) -> tuple[int | None, int]:
        """The interaction of both ``x`` and ``y`` that :meth:`Store.event_between` picks (None: none), and
        how many there are."""
        events, _ = self.touching(np.array([x]), f)
        nodes, of = self.actors(events)
        shared = of[nodes == y]
        if not len(shared):
            return None, 0
        return int(shared[np.argmin(self.best_rank[shared])]), len(shared)


_SNAPSHOTS: weakref.WeakKeyDictionary[Store, Snapshot] = weakref.WeakKeyDictionary()
#: one build or refresh at a time (the API answers in threads); readers keep the snapshot they were given
_BUILDING = threading.Lock()


def budget_bytes() -> int:
    """The most bytes a snapshot may take: :data:`BUDGET_ENV` megabytes, else half the memory available
    (``MemAvailable``: free memory and the page cache the kernel can drop)."""
    configured = os.environ.get(BUDGET_ENV, "").strip()
    if configured:
        return int(float(configured) * 1_000_000)
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024 // 2
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2
    except (ValueError, OSError, AttributeError):
        return 1_000_000_000


def snapshot_of(store: Store, build: bool = True) -> Snapshot | None:
    """The store's snapshot, brought up to date; None when it would not fit the budget, or when it does not
    exist yet and ``build`` is false."""
    version = store.graph_version()
    current = _SNAPSHOTS.get(store)
    if current is not None and current.version == version:
        return current
    if current is None and not build:
        return None
    with _BUILDING:
        current = _SNAPSHOTS.get(store)
        if current is not None and current.version == version:  # another thread brought it up to date
            return current
        _SNAPSHOTS.pop(store, None)
        n_events = store.counts()["events"]
        if n_events * BYTES_PER_EVENT > budget_bytes():
            log.info("a graph snapshot of %d interactions would not fit the budget (%s): queries walk in SQL", n_events, BUDGET_ENV)
            return None
        fresh = None
        if current is not None and current.version[1] == version[1]:  # only interactions were added: read those
            fresh = _read(store, version, base=current)
            if fresh is not None and fresh.n_events != n_events:  # added with an earlier first_seen (a clock set back)
                fresh = None
        if fresh is None:
            fresh = _read(store, version)
        if fresh is not None:
            _SNAPSHOTS[store] = fresh
        return fresh


def warm(store: Store) -> threading.Thread:
    """Build the store's snapshot in a background thread (a server's first walks then find it ready; until
    it is, one-hop queries use SQL)."""

    def build() -> None:
        try:
            snapshot_of(store)
        except Exception:  # a store closed or broken meanwhile: the queries report it themselves
            log.warning("the graph snapshot could not be built", exc_info=True)

    thread = threading.Thread(target=build, name="newsgraph-snapshot", daemon=True)
    thread.start()
    return thread


def _read(store: Store, version: tuple[int, int], base: Snapshot | None = None) -> Snapshot | None:
    """A snapshot read from the store (only what ``base`` lacks, when given); None when memory ran out."""
    try:
        return Snapshot.from_rows(store.graph_rows(seen_since=base.last_first_seen if base else None), version, base)
    except MemoryError:
        log.warning("a graph snapshot ran out of memory: queries walk in SQL")
        return None

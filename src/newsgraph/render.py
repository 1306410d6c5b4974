"""Readable terminal tables (rich) for the CLI's query commands."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from newsgraph import ontology as ont

STATUS_STYLE = {ont.OCCURRED: "green", ont.PLANNED: "yellow", ont.NEGATED: "red", ont.HYPOTHETICAL: "magenta"}


def entities_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(rows)} entities")
    for col in ("name", "type", "mentions", "events"):
        table.add_column(col, justify="right" if col in ("mentions", "events") else "left")
    for r in rows:
        table.add_row(r["name"], r["type"], str(r["mentions"]), str(r["events"]))
    return table


def _time(edge: dict[str, Any]) -> str:
    t = edge.get("time") or {}
    if not t:
        return ""
    return f"{t['text']} ({t['start']})" if t.get("start") else t["text"]


def edges_table(rows: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(title=title or f"{len(rows)} interactions", show_lines=True)
    for col in ("type", "status", "source", "target", "time", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        style = STATUS_STYLE.get(r["status"], "")
        table.add_row(r["type"], f"[{style}]{r['status']}[/]", ", ".join(r["source"]), ", ".join(r["target"]), _time(r), r["evidence"]["sentence"])
    return table


def print_entity(console: Console, e: dict[str, Any]) -> None:
    console.print(f"[bold]{e['name']}[/] ({e['type']}{', ' + e['country'] if e.get('country') else ''})  id {e['id']}")
    if e["aliases"]:
        console.print("aliases: " + "; ".join(e["aliases"]))
    if e.get("descriptions"):
        console.print("described as: " + "; ".join(e["descriptions"]))
    if e["roles"]:
        roles = Table(title="roles")
        for col in ("person", "title", "organisation", "evidence"):
            roles.add_column(col, overflow="fold")
        for r in e["roles"]:
            roles.add_row(r["person"], r["title"] or "", r["org"], r["evidence"]["sentence"])
        console.print(roles)
    if not e["interactions"]:
        console.print("no interactions")
    for etype, edges in e["interactions"].items():
        console.print(edges_table(edges, title=f"{etype} ({len(edges)})"))


def rows_table(rows: list[dict[str, Any]], columns: list[str], title: str) -> Table:
    """A plain table of ``columns`` from dict rows (ego nodes, top actors, path hops)."""
    table = Table(title=title)
    for col in columns:
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(str(r.get(c, "")) for c in columns))
    return table


def events_table(rows: list[dict[str, Any]]) -> Table:
    """Real events: date, type, status, actors, reports and sources, and the first report's sentence."""
    table = Table(title=f"{len(rows)} events")
    for col in ("date", "type", "status", "source", "target", "reports", "sources", "id", "sentence"):
        table.add_column(col, overflow="fold")
    for e in rows:
        dates = e["date_start"] if e["date_start"] == e["date_end"] else f"{e['date_start'] or ''}…{e['date_end'] or ''}"
        status = e["status"] + (" (contradicted)" if e["contradicted"] else "")
        table.add_row(
            dates or "",
            e["type"],
            status,
            ", ".join(e["source"]),
            ", ".join(e["target"]),
            str(e["reports"]),
            str(e["sources"]),
            e["id"][:12],
            e["sentence"] or "",
        )
    return table


def print_event(console: Console, e: dict[str, Any]) -> None:
    """One real event: a header, its status history, then its reports."""
    head = f"{e['type']} {', '.join(e['source'])} → {', '.join(e['target']) or '—'}: {e['status']}"
    console.print(head + (" (contradicted)" if e["contradicted"] else ""))
    console.print(f"{e['reports']} reports in {e['documents']} documents from {e['sources']} sources; id {e['id']}")
    console.print("history: " + " → ".join(f"{h['status']} ({h['date'] or 'undated'}, {h['outlet'] or h['document'][:12]})" for h in e["history"]))
    table = Table(title="reports")
    for col in ("published", "outlet", "status", "reason", "sentence"):
        table.add_column(col, overflow="fold")
    for r in e["reports"]:
        table.add_row(r["published"] or "", r["outlet"] or r["key"] or "", r["status"], f"{r['reason']} {r['score']:.2f}", r["sentence"])
    console.print(table)

"""Check annotation files against docs/annotation.md.

    python training/corpus/check.py training/corpus/b3.jsonl [...]

Reads the article texts from ``training/corpus/batches/*.jsonl`` (made by ``select.py``).  Prints one line
per problem, ``FILE:LINE: doc_id: problem``, and exits 1 when there is any.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "CONCEDE",
    "RETREAT",
    "ACCUSE",
    "REQUEST",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
STATUSES = {"occurred", "planned", "negated", "hypothetical"}
KEY = re.compile(r"^[a-z0-9_]+$")


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')).strip().casefold()


def texts() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted((HERE / "batches").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out[r["doc_id"]] = r["text"]
    return out


def problems(record: dict, text: str | None) -> list[str]:
    found: list[str] = []
    ents = record.get("entities")
    if not isinstance(ents, dict):
        return ["entities is not an object"]
    body = _squash(text) if text is not None else None
    if text is None:
        found.append("doc_id not in any batch")
    for key, names in ents.items():
        if not KEY.match(key):
            found.append(f"entity key {key!r} is not a-z0-9_")
        if not isinstance(names, list) or not names:
            found.append(f"entity {key!r} has no names")
            continue
        for n in names:
            if body is not None and _squash(n) not in body:
                found.append(f"name {n!r} of {key!r} is not in the text")
    for r in record.get("roles", []):
        for side in ("person", "org"):
            if r.get(side) not in ents:
                found.append(f"role {side} {r.get(side)!r} is not an entity key")
    for e in record.get("events", []):
        if e.get("type") not in TYPES:
            found.append(f"event type {e.get('type')!r} is not PLOVER")
        if e.get("status") not in STATUSES:
            found.append(f"event status {e.get('status')!r} is not one of {sorted(STATUSES)}")
        for side in ("source", "target"):
            keys = e.get(side)
            if not isinstance(keys, list) or not keys:
                found.append(f"event {side} is empty or not a list")
                continue
            found += [f"event {side} {k!r} is not an entity key" for k in keys if k not in ents]
        ev = e.get("evidence")
        if not isinstance(ev, str) or not ev.strip():
            found.append("event without evidence")
        elif body is not None and _squash(ev) not in body:
            found.append(f"evidence {ev[:60]!r} is not verbatim in the text")
    for q in record.get("quotes", []):
        if q.get("speaker") not in ents:
            found.append(f"quote speaker {q.get('speaker')!r} is not an entity key")
        c = q.get("contains")
        if not isinstance(c, str) or not c.strip():
            found.append("quote without contains")
        elif body is not None and _squash(c) not in body:
            found.append(f"quote piece {c[:60]!r} is not verbatim in the text")
    return found


def main(paths: list[str]) -> int:
    known = texts()
    bad = 0
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                print(f"{path}:{n}: not JSON ({err})")
                bad += 1
                continue
            for p in problems(record, known.get(record.get("doc_id", ""))):
                print(f"{path}:{n}: {record.get('doc_id')}: {p}")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

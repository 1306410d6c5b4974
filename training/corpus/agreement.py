"""Agreement between the two readings of the articles annotated twice (docs/annotation.md): 20 of the
first 300 (batches b0-b7) and 8 of each round of extension (b8-b15, b16-b23, b24-b31, b32-b39), printed apart and together.

    python training/corpus/agreement.py [../shared/tools/score.py]

The first reading (``bN.jsonl``) is taken as gold and the second (``bM-second.jsonl``) is turned into
newsgraph's document JSON (its entity keys become entities with their surface forms as aliases), then
scored with ``score.py edges`` exactly as the pipeline is: events with status and regardless of status,
ROLE ties, quotes.  Because the edge scorer is asymmetric, both directions are printed; F1 is the same
either way for events and roles.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

from newsgraph.evaluate.corpus import annotation_files

HERE = Path(__file__).parent


def as_document(record: dict) -> dict:
    """An annotation record as document JSON (quote texts are the annotated pieces)."""
    return {
        "document": {"id": record["doc_id"]},
        "entities": [{"id": k, "name": names[0], "aliases": names} for k, names in record["entities"].items()],
        "roles": record.get("roles", []),
        "events": [{"type": e["type"], "source": e["source"], "target": e["target"], "status": e["status"]} for e in record.get("events", [])],
        "quotes": [{"speaker": q["speaker"], "text": q["contains"]} for q in record.get("quotes", [])],
    }


def _batch(path: Path) -> int:
    return int(path.name.split("-")[0].split(".")[0][1:])


def readings(batches: range = range(100)) -> list[tuple[dict, dict]]:
    """(first reading, second reading) of the articles of ``batches`` read twice."""
    first: dict[str, dict] = {}
    for path in (p for p in annotation_files(HERE) if _batch(p) in batches):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                first[r["doc_id"]] = r
    pairs = []
    for path in sorted(HERE.glob("b*-second.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                if r["doc_id"] in first:
                    pairs.append((first[r["doc_id"]], r))
    return pairs


def main(scorer: Path) -> int:
    spec = importlib.util.spec_from_file_location("score", scorer)
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    for part, batches in (
        ("first 300", range(8)),
        ("round 1", range(8, 16)),
        ("round 2", range(16, 24)),
        ("round 3", range(24, 32)),
        ("round 4", range(32, 40)),
        ("all", range(100)),
    ):
        print(f"{part}:")
        _print(score, readings(batches))
    return 0


def _print(score: object, pairs: list[tuple[dict, dict]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, (gold_side, pred_side) in {"first as gold": (0, 1), "second as gold": (1, 0)}.items():
            gold, pred = Path(tmp) / "g.jsonl", Path(tmp) / "p.jsonl"
            gold.write_text("".join(json.dumps(p[gold_side]) + "\n" for p in pairs), encoding="utf-8")
            pred.write_text("".join(json.dumps(as_document(p[pred_side])) + "\n" for p in pairs), encoding="utf-8")
            s = score.score_edges(str(gold), str(pred))  # type: ignore[attr-defined]
            loose = score.score_edges(str(gold), str(pred), ignore_status=True)  # type: ignore[attr-defined]
            e, r, q = s["events"], s["roles"], s["quotes"]
            print(
                f"  {name}: {len(pairs)} articles; events (status) P {e['p']:.3f} R {e['r']:.3f} F1 {e['f1']:.3f} "
                f"(gold {e['gold']}, other {e['pred']}); events any status F1 {loose['events']['f1']:.3f}; "
                f"ROLE P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f}; quotes (piece inside the other's piece, same speaker) R {q['r']}"
            )


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/tools/score.py")))

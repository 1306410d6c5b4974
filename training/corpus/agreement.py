"""Agreement between the two readings of the 20 articles annotated twice (docs/annotation.md).

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


def readings() -> list[tuple[dict, dict]]:
    first: dict[str, dict] = {}
    for path in sorted(HERE.glob("b?.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                first[r["doc_id"]] = r
    pairs = []
    for path in sorted(HERE.glob("b?-second.jsonl")):
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
    pairs = readings()
    with tempfile.TemporaryDirectory() as tmp:
        for name, (gold_side, pred_side) in {"first as gold": (0, 1), "second as gold": (1, 0)}.items():
            gold, pred = Path(tmp) / "g.jsonl", Path(tmp) / "p.jsonl"
            gold.write_text("".join(json.dumps(p[gold_side]) + "\n" for p in pairs), encoding="utf-8")
            pred.write_text("".join(json.dumps(as_document(p[pred_side])) + "\n" for p in pairs), encoding="utf-8")
            s = score.score_edges(str(gold), str(pred))
            loose = score.score_edges(str(gold), str(pred), ignore_status=True)
            e, r, q = s["events"], s["roles"], s["quotes"]
            print(
                f"{name}: {len(pairs)} articles; events (status) P {e['p']:.3f} R {e['r']:.3f} F1 {e['f1']:.3f} "
                f"(gold {e['gold']}, other {e['pred']}); events any status F1 {loose['events']['f1']:.3f}; "
                f"ROLE P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f}; quotes (piece inside the other's piece, same speaker) R {q['r']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/tools/score.py")))

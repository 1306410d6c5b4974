"""Agreement between two readings of the identity gold (docs/identity-annotation.md).

    python training/identity/agreement.py

- actors: the pairs read twice (each ``actors-*-second.jsonl``) against their first reading (``actors-ac1.jsonl``,
  ``actors-ac3.jsonl``…): Cohen's kappa on ``same``, and the second reading's precision and recall of ``same``
  taking the first as gold; per second reading, then all together.
- events: five BBC stories read by both event annotators (``events-ev2-second.jsonl`` against ``events-ev1.jsonl``).
  The two readings chose their own sentences and actor keys, so reports are aligned first: a report of one
  reading is the report of the other in the same article with the same type whose evidence overlaps it most
  (at least half of the shorter one's words).  Then every pair of aligned reports that the eval scores (by
  the first reading: different articles, a source and a target in common) is *same* or not in each reading
  (equal event keys): kappa, and precision and recall of the second against the first.
"""

from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path

from newsgraph.evaluate.identity import report_pairs

HERE = Path(__file__).resolve().parent


def read(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    n = len(pairs)
    agree = sum(a == b for a, b in pairs) / n
    pa, pb = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return (agree - chance) / (1 - chance) if chance < 1 else 1.0


def prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float]:
    """Precision and recall of the second reading's *same* against the first's."""
    tp = sum(a and b for a, b in pairs)
    return tp / max(1, sum(b for _, b in pairs)), tp / max(1, sum(a for a, _ in pairs))


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def align(first: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    """(first reading's report, second reading's report) for each second-reading report that has a match."""
    out = []
    for r2 in second:
        best, score = None, 0.0
        for r1 in first:
            if r1["doc_id"] != r2["doc_id"] or r1["type"] != r2["type"]:
                continue
            a, b = words(r1["evidence"]), words(r2["evidence"])
            overlap = len(a & b) / max(1, min(len(a), len(b)))
            if overlap >= 0.5 and overlap > score:
                best, score = r1, overlap
        if best is not None:
            out.append((best, r2))
    return out


def actor_line(what: str, pairs: list[tuple[bool, bool]]) -> None:
    p, r = prf(pairs)
    agree = sum(a == b for a, b in pairs) / len(pairs)
    print(f"{what}: {len(pairs)} pairs read twice: agreement {agree:.3f}, kappa {kappa(pairs):.3f}, second vs first P {p:.3f} R {r:.3f}")


def main() -> None:
    first = {r["pair"]: r for path in sorted(HERE.glob("actors-*.jsonl")) if not path.stem.endswith("-second") for r in read(path.name)}
    everything: list[tuple[bool, bool]] = []
    for path in sorted(HERE.glob("actors-*-second.jsonl")):
        pairs = [(bool(first[r["pair"]]["same"]), bool(r["same"])) for r in read(path.name) if r["pair"] in first]
        everything += pairs
        actor_line(path.stem, pairs)
    actor_line("actors, all", everything)
    ev2 = read("events-ev2-second.jsonl")
    stories = {r["story"] for r in ev2}
    ev1 = [r for r in read("events-ev1.jsonl") if r["story"] in stories]
    aligned = align(ev1, ev2)
    scored = {(id(a), id(b)) for a, b in report_pairs(ev1)} | {(id(b), id(a)) for a, b in report_pairs(ev1)}
    labels = [
        (x1["event"] == y1["event"], x2["event"] == y2["event"])
        for (x1, x2), (y1, y2) in combinations(aligned, 2)
        if (id(x1), id(y1)) in scored and x1["story"] == y1["story"]
    ]
    p, r = prf(labels)
    print(
        f"events: {len(stories)} stories read twice, {len(ev2)} reports of the second reading, {len(aligned)} aligned to the first; "
        f"{len(labels)} cross-article pairs: agreement {sum(a == b for a, b in labels) / len(labels):.3f}, kappa {kappa(labels):.3f}, "
        f"second vs first P {p:.3f} R {r:.3f}"
    )


if __name__ == "__main__":
    main()

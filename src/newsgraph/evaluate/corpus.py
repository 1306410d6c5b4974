"""newsgraph's own annotated corpus (``training/corpus/``, docs/annotation.md): edge gold for BBC and
PolNeAR articles whose texts stay in the shared data folder.

:func:`load` pairs each annotation record with its article text (checked against the manifest's SHA-1,
so an annotation never scores a different text) and returns the input documents and the gold lines that
``score.py edges`` reads.  Records of the agreement sample's second reading (``*-second.jsonl``) are not
gold; ``training/corpus/agreement.py`` compares them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

#: where each source's texts are, under the data folder, and the field that holds the id
TEXTS = {"bbc-news": "bbc-news/articles.jsonl.gz", "polnear": "polnear/polnear-core.jsonl.gz"}


def annotation_files(corpus: Path) -> list[Path]:
    """The gold files of the corpus: ``b*.jsonl`` less the second readings."""
    return sorted(p for p in corpus.glob("*.jsonl") if p.name != "manifest.jsonl" and not p.stem.endswith("-second"))


def articles(data: Path, wanted: dict[str, set[str]], files: dict[str, str] = TEXTS) -> dict[str, dict[str, Any]]:
    """The articles (``id``, ``text`` and their other fields) of each source's ``wanted`` ids, read from its
    file under ``data`` (``files``: source -> path); a source whose file is missing gives none."""
    out: dict[str, dict[str, Any]] = {}
    for source, ids in wanted.items():
        path = data / files[source]
        if not path.exists() or not ids:
            continue
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                article = json.loads(line)
                if article["id"] in ids:
                    out[article["id"]] = article
    return out


def _texts(data: Path, wanted: dict[str, set[str]]) -> dict[str, str]:
    return {i: a["text"] for i, a in articles(data, wanted).items()}


def load(corpus: Path, data: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(input documents, gold records) for every annotated article whose text is found and unchanged.
    A gold record keeps its ``source`` (``bbc-news`` or ``polnear``)."""
    manifest = {}
    if (corpus / "manifest.jsonl").exists():
        manifest = {r["doc_id"]: r for r in map(json.loads, (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines())}
    gold: dict[str, dict[str, Any]] = {}
    for path in annotation_files(corpus):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                gold.setdefault(record["doc_id"], record)
    wanted: dict[str, set[str]] = {}
    for doc_id, record in gold.items():
        wanted.setdefault(record.get("source", ""), set()).add(doc_id)
    texts = _texts(data, {s: ids for s, ids in wanted.items() if s in TEXTS})
    docs, golds = [], []
    for doc_id, record in sorted(gold.items()):
        text = texts.get(doc_id)
        if text is None:
            continue
        expected = manifest.get(doc_id, {}).get("text_sha1")
        if expected and hashlib.sha1(text.encode("utf-8")).hexdigest() != expected:
            continue
        docs.append({"id": doc_id, "text": text})
        golds.append({**record, "events": [e for e in map(_between_parties, record.get("events", [])) if e is not None]})
    return docs, golds


def _between_parties(event: dict[str, Any]) -> dict[str, Any] | None:
    """An event with the keys that stand on both sides taken off its target; None when nothing is left on
    one side (a group acting among itself, "EU leaders met", is not an edge between two actors)."""
    target = [k for k in event.get("target", []) if k not in event.get("source", [])]
    if not target or not event.get("source"):
        return None
    return {**event, "target": target}


def quote_precision(gold: list[dict[str, Any]], preds: dict[str, dict[str, Any]], entity_map: Any) -> tuple[int, int]:
    """(correct, predicted) quotes: a predicted quote is correct when it holds a gold quote's piece and its
    speaker is that quote's speaker (the rule ``score.py edges`` uses for recall)."""
    correct = predicted = 0
    for g in gold:
        d = preds.get(g["doc_id"], {})
        emap = entity_map(d, g)
        for q in d.get("quotes", []):
            predicted += 1
            text = q.get("text", "").replace("\u2019", "'").casefold()
            if any(gq["contains"].casefold() in text and gq["speaker"] in emap.get(q.get("speaker"), ()) for gq in g.get("quotes", [])):
                correct += 1
    return correct, predicted

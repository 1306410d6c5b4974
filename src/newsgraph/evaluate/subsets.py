"""Gold and prediction files cut down to one part of a set (:mod:`.split`), in each set's own format,
so that ``score.py`` scores a part exactly as it scores a whole file."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

Keep = Callable[[str], bool]


def jsonl(lines: list[str], keep: Keep, key: str, out: Path) -> Path:
    """The JSON lines of ``lines`` whose ``key`` field passes ``keep``, written to ``out``."""
    kept = [line for line in lines if line.strip() and keep(str(json.loads(line).get(key)))]
    out.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
    return out


def predictions(pred: Path, keep: Keep, out: Path, rename: dict[str, str] | None = None) -> Path:
    """The document JSON lines of ``pred`` whose document id passes ``keep``, ids renamed by ``rename``."""
    rows = []
    for line in pred.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        doc_id = str(doc["document"]["id"])
        if keep(doc_id):
            if rename is not None:
                doc["document"]["id"] = rename[doc_id]
            rows.append(json.dumps(doc, ensure_ascii=False) + "\n")
    out.write_text("".join(rows), encoding="utf-8")
    return out


def conll(path: Path, keep: Keep, out: Path) -> dict[str, str]:
    """The ``-DOCSTART-`` documents of the CoNLL file ``path`` whose id (``conll-0007``, numbered as
    ``score.conll_docs`` numbers them) passes ``keep``, written to ``out``; returns old id → id in ``out``."""
    blocks: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            blocks.append([])
        else:
            blocks[-1].append(line)
    docs = [b for b in blocks if any(line.strip() for line in b)]
    rename: dict[str, str] = {}
    parts: list[str] = []
    for i, block in enumerate(docs):
        old = f"conll-{i:04d}"
        if keep(old):
            rename[old] = f"conll-{len(rename):04d}"
            parts.append("-DOCSTART- -X- -X- O\n" + "\n".join(block) + "\n\n")
    out.write_text("".join(parts), encoding="utf-8")
    return rename


def m2e2(folder: Path, keep: Keep, out: Path) -> Path:
    """M2E2's two event files with the sentences whose id passes ``keep``, in the folder ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for name in ("text_only_event.json.gz", "text_multimedia_event.json.gz"):
        with gzip.open(folder / name, "rt", encoding="utf-8") as f:
            rows = [r for r in json.load(f) if keep(r["sentence_id"])]
        with gzip.open(out / name, "wt", encoding="utf-8") as f:
            json.dump(rows, f)
    return out


def gzipped_jsonl(path: Path, keep: Keep, key: str, out: Path) -> Path:
    """A gzipped JSON-lines file (PolNeAR) cut to the lines whose ``key`` passes ``keep``."""
    with gzip.open(path, "rt", encoding="utf-8") as f, gzip.open(out, "wt", encoding="utf-8") as g:
        for line in f:
            if line.strip() and keep(str(json.loads(line).get(key))):
                g.write(line if line.endswith("\n") else line + "\n")
    return out

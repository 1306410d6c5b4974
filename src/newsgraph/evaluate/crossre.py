"""CrossRE (news and politics domains) -> input documents and edge gold for ROLE ties.

CrossRE (Bassignana & Plank, 2022) gives one sentence per JSON line: ``doc_key``, ``sentence`` (tokens),
``ner`` spans ``[start, end, type]`` with inclusive token offsets, and ``relations``
``[s1, e1, s2, e2, type, ...]``.  :func:`convert` turns every sentence into one input document
(``{"id": doc_key, "text": tokens joined by single spaces}``, sentences without roles included, so that
precision counts) and one edge-gold line for ``score.py edges``::

    {"doc_id", "entities": {key: [surface text]}, "roles": [{"person": key, "org": key}]}

What is gold:

- A ROLE is a ``role`` relation between a person (NER type ``person`` or ``politician``) and an
  organisation (``organisation``, ``politicalparty`` or ``country``), in either direction; it is written
  person first.
- ``role`` relations between other types are left out, because they are not person-in-organisation ties
  of newsgraph's ontology: person-location ("mayor of" a city; note that the news-ext files label
  countries as ``location``, so those ties are lost too), person-misc, person-person,
  organisation-organisation, party-election and the like.
- ``entities`` lists every span of a person or organisation type, not only the ends of gold roles, so a
  predicted role between two such spans that is not gold counts against precision.  Predicted roles that
  touch any other span (a location, a misc) cannot be judged and do not count.
- Keys come from span offsets (``"3-4"``: first and last token).  Spans of one sentence that name the same
  entity share the first one's key, and their surface texts are its aliases: spans whose texts are equal
  under the scorer's normalisation (the scorer could not tell them apart anyway), and spans of the same
  kind (person or organisation) tied by CrossRE's ``named`` relation ("Social Democratic Party ( SPD )").

Usage: ``python -m newsgraph.evaluate.crossre --docs DOCS.jsonl --gold GOLD.jsonl FILE...``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

PERSON_TYPES = frozenset({"person", "politician"})
ORG_TYPES = frozenset({"organisation", "politicalparty", "country"})
ROLE = "role"
NAMED = "named"


class CrossREError(ValueError):
    """A CrossRE file that cannot be read; the message is one line and names the file."""


def _norm(s: str) -> str:
    """The scorer's name normalisation (shared/tools/score.py ``norm``)."""
    s = s.replace("\u2019", "'").casefold()
    s = re.sub(r"^(the|a|an)\s+", "", s.strip())
    s = re.sub(r"'s$", "", s)
    return re.sub(r"[^\w]+", " ", s).strip()


def _records(path: Path) -> Iterable[tuple[int, dict]]:
    if not path.exists():
        raise CrossREError(f"{path}: no such file")
    if path.is_dir():
        raise CrossREError(f"{path}: is a directory, not a CrossRE file")
    try:
        with path.open(encoding="utf-8") as f:
            lines = f.readlines()
    except UnicodeDecodeError:
        raise CrossREError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise CrossREError(f"{path}: cannot read ({exc.strerror or exc})") from None
    n = 0
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CrossREError(f"{path}:{no}: not a JSON line ({exc.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("doc_key"), str) or not isinstance(rec.get("sentence"), list):
            raise CrossREError(f"{path}:{no}: not a CrossRE sentence (needs doc_key, sentence, ner, relations)")
        n += 1
        yield no, rec
    if n == 0:
        raise CrossREError(f"{path}: no sentences")


def _sentence(path: Path, no: int, rec: dict) -> tuple[dict, dict]:
    tokens = [str(t) for t in rec["sentence"]]
    starts, pos = [], 0
    for t in tokens:
        starts.append(pos)
        pos += len(t) + 1
    text = " ".join(tokens)
    try:
        spans = {(int(s), int(e)): str(t) for s, e, t, *_ in rec.get("ner", [])}
        relations = [(int(r[0]), int(r[1]), int(r[2]), int(r[3]), str(r[4])) for r in rec.get("relations", [])]
    except (TypeError, ValueError, IndexError):
        raise CrossREError(f"{path}:{no}: malformed ner or relations") from None
    for s, e in spans:
        if not 0 <= s <= e < len(tokens):
            raise CrossREError(f"{path}:{no}: span [{s}, {e}] outside the sentence")

    def kind(span: tuple[int, int]) -> str | None:
        typ = spans.get(span)
        return "person" if typ in PERSON_TYPES else "org" if typ in ORG_TYPES else None

    # one entity per group of spans: equal names, or a "named" relation between spans of one kind
    kept = sorted(span for span in spans if kind(span))
    parent = {span: span for span in kept}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first_by_name: dict[str, tuple[int, int]] = {}
    for span in kept:
        name = _norm(" ".join(tokens[span[0] : span[1] + 1]))
        if name:
            union(first_by_name.setdefault(name, span), span)
    for s1, e1, s2, e2, rtype in relations:
        a, b = (s1, e1), (s2, e2)
        if rtype == NAMED and kind(a) and kind(a) == kind(b):
            union(a, b)
    entities: dict[str, list[str]] = {}
    key_of: dict[tuple[int, int], str] = {}
    for span in kept:
        root = find(span)
        key = f"{root[0]}-{root[1]}"
        key_of[span] = key
        surface = " ".join(tokens[span[0] : span[1] + 1])
        aliases = entities.setdefault(key, [])
        if surface not in aliases:
            aliases.append(surface)

    roles: list[dict] = []
    for s1, e1, s2, e2, rtype in relations:
        if rtype != ROLE:
            continue
        a, b = (s1, e1), (s2, e2)
        ta, tb = spans.get(a), spans.get(b)
        if ta in ORG_TYPES and tb in PERSON_TYPES:
            a, b, ta, tb = b, a, tb, ta
        if ta in PERSON_TYPES and tb in ORG_TYPES:
            pair = {"person": key_of[a], "org": key_of[b]}
            if pair["person"] != pair["org"] and pair not in roles:
                roles.append(pair)
    return {"id": rec["doc_key"], "text": text}, {"doc_id": rec["doc_key"], "entities": entities, "roles": roles}


def convert(paths: Iterable[Path]) -> tuple[list[dict], list[dict]]:
    """Input documents and edge-gold lines (one each per sentence) for the CrossRE files ``paths``.

    Raises :class:`CrossREError` (one-line message naming the file) for a missing, unreadable or malformed file.
    """
    docs: list[dict] = []
    gold: list[dict] = []
    for p in paths:
        path = Path(p)
        for no, rec in _records(path):
            d, g = _sentence(path, no, rec)
            docs.append(d)
            gold.append(g)
    return docs, gold


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m newsgraph.evaluate.crossre", description="CrossRE files -> input documents and ROLE edge gold for score.py edges."
    )
    ap.add_argument("--docs", type=Path, required=True, help="write the input documents here (JSON lines)")
    ap.add_argument("--gold", type=Path, required=True, help="write the edge gold here (JSON lines)")
    ap.add_argument("files", type=Path, nargs="+", metavar="FILE", help="CrossRE JSON-lines files")
    args = ap.parse_args(argv)
    try:
        docs, gold = convert(args.files)
    except CrossREError as exc:
        print(f"crossre: {exc}", file=sys.stderr)
        return 1
    try:
        _write(args.docs, docs)
        _write(args.gold, gold)
    except OSError as exc:
        print(f"crossre: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    n_roles = sum(len(g["roles"]) for g in gold)
    print(f"crossre: {len(docs)} sentences, {n_roles} gold roles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

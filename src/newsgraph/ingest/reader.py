"""Turn inputs into article records, with one-line errors for bad input.

An input is a plain-text, HTML, JSON, JSON-lines or CSV file, a folder of them (recursive), a URL, or
``-`` for stdin.  A record is ``{"id", "text", "title"?, "published"?, "url"?}``.  Bad input raises (or,
in a batch, yields) ``InputError`` naming the input; it never stops the good items of a batch.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from newsgraph.ingest.text import InputError, decode, headline, validate_date

FIELDS = ("id", "text", "title", "published", "url")
#: the files a folder is read for
SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".jsonl.gz", ".csv")


def read_text_file(path: str | Path, published: str | None = None) -> dict[str, Any]:
    """One plain-text article; its id is the file name without extension, its title the headline line."""
    p = Path(path)
    text = decode(_read_bytes(p), str(path))
    return {"id": p.stem, "text": text, "title": headline(text), "published": validate_date(published, str(path)), "url": None}


def parse_record(obj: Any, where: str, published: str | None = None) -> dict[str, Any]:
    """Check one JSON-lines object and return it as a record."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{where}: missing or empty "text"')
    if obj.get("id") in (None, ""):
        raise InputError(f'{where}: missing "id"')
    language = obj.get("language")
    if language is not None and not isinstance(language, str):
        raise InputError(f'{where}: "language" must be a string such as "es"')
    record = {
        "id": str(obj["id"]),
        "text": text,
        "title": obj.get("title"),
        "published": validate_date(obj.get("published") or published, where),
        "url": obj.get("url"),
    }
    return record | ({"language": language} if language else {})


def read_jsonl(stream: IO[str], name: str, published: str | None = None) -> Iterator[dict[str, Any] | InputError]:
    """Records from JSON lines; a bad line yields an ``InputError`` in its place and reading goes on."""
    lineno = 0
    while True:
        try:
            line = stream.readline()
        except UnicodeDecodeError as exc:
            yield InputError(f"{name}:{lineno + 1}: not valid UTF-8 (byte {exc.start})")
            return
        if not line:
            return
        lineno += 1
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: malformed JSON line ({exc.msg})")
            continue
        try:
            yield parse_record(obj, where, published)
        except InputError as err:
            yield err


def read_jsonl_file(path: str, published: str | None = None) -> Iterator[dict[str, Any] | InputError]:
    """Records from a JSON-lines file; a missing path or a directory yields one ``InputError``."""
    p = Path(path)
    if not p.exists():
        yield InputError(f"{path}: no such file")
        return
    if p.is_dir():
        yield InputError(f"{path}: is a directory, expected a JSON-lines file")
        return
    try:
        with gzip.open(p, "rt", encoding="utf-8") if p.suffix == ".gz" else p.open(encoding="utf-8") as f:
            yield from read_jsonl(f, path, published)
    except (OSError, EOFError) as exc:
        yield InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})")


def _read_bytes(path: str | Path) -> bytes:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, expected a file")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def read_html_file(path: str | Path, published: str | None = None) -> dict[str, Any]:
    """One saved web page, read with trafilatura; its id is the page's canonical URL, else the file name."""
    from newsgraph.ingest.html import read_html

    record = read_html(_read_bytes(path), None, where=str(path))
    if record["url"] is None:
        record["id"] = Path(path).stem
    record["published"] = record["published"] or validate_date(published, str(path))
    return record


def read_json_file(path: str | Path, published: str | None = None) -> Iterator[dict[str, Any] | InputError]:
    """Records from a JSON file holding one article object or a list of them."""
    try:
        data = json.loads(decode(_read_bytes(path), str(path)))
    except InputError as err:
        yield err
        return
    except json.JSONDecodeError as exc:
        yield InputError(f"{path}: malformed JSON ({exc.msg}, line {exc.lineno})")
        return
    items = data if isinstance(data, list) else [data]
    for n, obj in enumerate(items, 1):
        try:
            yield parse_record(obj, f"{path}:{n}" if isinstance(data, list) else str(path), published)
        except InputError as err:
            yield err


def parse_columns(spec: str | None) -> dict[str, str]:
    """``"text=body,title=headline"`` as ``{"text": "body", "title": "headline"}`` (record field → CSV column)."""
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        field_, sep, column = part.partition("=")
        if not sep or field_.strip() not in FIELDS or not column.strip():
            raise InputError(f"--columns: {part.strip()!r} is not FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}")
        mapping[field_.strip()] = column.strip()
    return mapping


def read_csv(
    stream: IO[str], name: str, published: str | None = None, columns: Mapping[str, str] | None = None
) -> Iterator[dict[str, Any] | InputError]:
    """Records from CSV with a header row; ``columns`` maps record fields to column names (by default the
    same names).  A row without an id column value is ``NAME:ROW``."""
    csv.field_size_limit(2**31 - 1)
    mapping = {f: f for f in FIELDS} | dict(columns or {})
    try:
        reader = csv.DictReader(stream)
        header = reader.fieldnames or []
    except (csv.Error, UnicodeDecodeError) as exc:
        yield InputError(f"{name}: not a CSV file with a header row ({exc})")
        return
    if mapping["text"] not in header:
        yield InputError(f"{name}: no {mapping['text']!r} column (columns: {', '.join(header) or 'none'}); map one with --columns text=COLUMN")
        return
    row_no = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeDecodeError) as exc:
            yield InputError(f"{name}:{row_no + 1}: malformed CSV ({exc})")
            return
        row_no += 1
        obj = {f: row.get(c) for f, c in mapping.items() if row.get(c) not in (None, "")}
        obj.setdefault("id", obj.get("url") or f"{Path(name).stem}:{row_no}")
        try:
            yield parse_record(obj, f"{name}:{row_no}", published)
        except InputError as err:
            yield err


def read_csv_file(path: str | Path, published: str | None = None, columns: Mapping[str, str] | None = None) -> Iterator[dict[str, Any] | InputError]:
    try:
        text = decode(_read_bytes(path), str(path))
    except InputError as err:
        yield err
        return
    yield from read_csv(io.StringIO(text, newline=""), str(path), published, columns)


def read_folder(
    path: str | Path,
    published: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Iterator[dict[str, Any] | InputError]:
    """Records from every readable file under a folder (recursive, in name order; hidden files skipped)."""
    files = sorted(
        p
        for p in Path(path).rglob("*")
        if p.is_file() and p.name.lower().endswith(SUFFIXES) and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
    for f in files:
        yield from read_path(str(f), published, columns)


def read_stdin(stream: IO[str], published: str | None = None) -> Iterator[dict[str, Any] | InputError]:
    """Stdin: JSON lines when it starts with ``{``, a web page when with ``<``, else one plain-text article."""
    try:
        text = stream.read()
    except UnicodeDecodeError as exc:
        yield InputError(f"<stdin>: not valid UTF-8 (byte {exc.start})")
        return
    head = text.lstrip()[:1]
    if head == "{":
        yield from read_jsonl(io.StringIO(text), "<stdin>", published)
    elif not head:
        yield InputError("<stdin>: empty input")
    elif head == "<":
        from newsgraph.ingest.html import read_html

        try:
            record = read_html(text, None, where="<stdin>")
            record["published"] = record["published"] or validate_date(published, "<stdin>")
            yield record
        except InputError as err:
            yield err
    else:
        yield {"id": "stdin", "text": text, "title": headline(text), "published": validate_date(published, "<stdin>"), "url": None}


def read_path(
    path: str,
    published: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Iterator[dict[str, Any] | InputError]:
    """Records from a path, by its kind: a folder, ``.jsonl``/``.jsonl.gz``, ``.json``, ``.csv``,
    ``.html``/``.htm``; anything else is one plain-text article."""
    p = Path(path)
    name = p.name.lower()
    try:
        if p.is_dir():
            yield from read_folder(p, published, columns)
        elif name.endswith((".jsonl", ".jsonl.gz")) and p.is_file():
            yield from read_jsonl_file(path, published)
        elif name.endswith(".json"):
            yield from read_json_file(p, published)
        elif name.endswith(".csv"):
            yield from read_csv_file(p, published, columns)
        elif name.endswith((".html", ".htm")):
            yield read_html_file(p, published)
        else:
            yield read_text_file(p, published)
    except InputError as err:
        yield err


def read_input(
    arg: str, published: str | None = None, columns: Mapping[str, str] | None = None, **fetch_options: Any
) -> Iterator[dict[str, Any] | InputError]:
    """Records from one command-line input: ``-`` (stdin), an http(s) URL (fetched with
    ``fetch_options``), or a path."""
    if arg == "-":
        yield from read_stdin(sys.stdin, published)
    elif arg.lower().startswith(("http://", "https://")):
        from newsgraph.ingest.fetch import read_url

        try:
            record = read_url(arg, **fetch_options)
            record["published"] = record["published"] or validate_date(published, arg)
            yield record
        except InputError as err:
            yield err
    else:
        yield from read_path(arg, published, columns)

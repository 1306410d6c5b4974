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
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from pathlib import Path
from typing import IO, Any, Protocol

from newsgraph.errors import reason
from newsgraph.ingest.text import MAX_BYTES, MAX_FILE_BYTES, InputError, checked, decode, plain_article, shortened, too_large, utf8, validate_date

FIELDS = ("id", "text", "title", "published", "url")
#: the files a folder is read for
SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".jsonl.gz", ".csv")
#: a URL's scheme, as in ``file://`` or ``ftp://``
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


class Lines(Protocol):
    """A binary or a text stream, read a line at a time."""

    def readline(self, size: int = -1, /) -> Any: ...


def read_text_file(path: str | Path, published: str | None = None) -> dict[str, Any]:
    """One plain-text article; its id is the file name without extension, its title the headline line."""
    return plain_article(decode(_read_bytes(path), str(path)), _stem(path), str(path), published)


def _stem(path: str | Path) -> str:
    """The file name without extension, as text (a name's bytes that are no UTF-8 become U+FFFD)."""
    return os.fsencode(Path(path).stem).decode("utf-8", "replace")


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
    _check_url(obj.get("url"), where)
    record = {
        "id": str(obj["id"]),
        "text": text,
        "title": obj.get("title"),
        "published": validate_date(obj.get("published") or published, where),
        "url": obj.get("url"),
    }
    author = obj.get("author")
    if author is not None and not isinstance(author, str):
        raise InputError(f'{where}: "author" must be a string')
    if author:
        record["author"] = author[:500]
    return checked(record | ({"language": language} if language else {}), where)


def _check_url(url: Any, where: str) -> None:
    """A record's ``url`` must be an http(s) URL (or none): a ``javascript:`` or ``file:`` one is refused."""
    if url in (None, ""):
        return
    from newsgraph.ingest.fetch import is_http_url

    if not isinstance(url, str) or not is_http_url(url):
        raise InputError(f'{where}: "url" {str(url)[:200]!r} is not an http(s) URL')


def _lines(stream: Lines) -> Iterator[Any]:
    """The lines of ``stream`` (bytes or text), each at most ``MAX_BYTES + 1`` long: a longer line comes out cut
    there, and the rest of it is passed over when the next line is asked for."""
    while line := stream.readline(MAX_BYTES + 1):
        yield line
        while len(line) > MAX_BYTES and line[-1:] not in ("\n", b"\n"):
            line = stream.readline(MAX_BYTES + 1)


def _json_line(line: str | bytes, where: str, published: str | None) -> dict[str, Any] | InputError:
    """The record of one JSON line, or the ``InputError`` that names it."""
    try:
        if len(line) > MAX_BYTES:
            raise too_large(where, MAX_BYTES)
        obj = json.loads(line if isinstance(line, str) else utf8(line, where))
        return parse_record(obj, where, published)
    except InputError as err:
        return err
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, a number of 5,000 digits, [[[[...]]]]
        return InputError(f"{where}: malformed JSON line ({getattr(exc, 'msg', None) or reason(exc)})")


def _jsonl(lines: Iterable[str | bytes], name: str, published: str | None) -> Iterator[dict[str, Any] | InputError]:
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            yield _json_line(line, f"{name}:{lineno}", published)


def read_jsonl(stream: Lines, name: str, published: str | None = None) -> Iterator[dict[str, Any] | InputError]:
    """Records from JSON lines (a binary or a text stream); a bad line (malformed, not UTF-8, over ``MAX_BYTES``)
    yields an ``InputError`` in its place and reading goes on."""
    yield from _jsonl(_lines(stream), name, published)


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
        with gzip.open(p, "rb") if p.suffix == ".gz" else p.open("rb") as f:
            yield from read_jsonl(f, path, published)
    except (OSError, EOFError) as exc:
        yield InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})")


def _read_bytes(path: str | Path, cap: int = MAX_BYTES) -> bytes:
    """The bytes of a file, at most ``cap`` of them (``InputError`` for more: ``/dev/zero`` never ends)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, expected a file")
    try:
        with p.open("rb") as f:
            return read_capped(f, str(path), cap)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def read_capped(stream: IO[bytes], where: str, cap: int = MAX_BYTES) -> bytes:
    """All of ``stream``, when it holds at most ``cap`` bytes; else ``InputError``."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise too_large(where, cap, "one article" if cap == MAX_BYTES else "a file it reads whole")
    return data


def read_html_file(path: str | Path, published: str | None = None) -> dict[str, Any]:
    """One saved web page, read with trafilatura; its id is the page's canonical URL, else the file name."""
    from newsgraph.ingest.html import read_html

    record = read_html(_read_bytes(path), None, where=str(path))
    if record["url"] is None:
        record["id"] = _stem(path)
    record["published"] = record["published"] or validate_date(published, str(path))
    return record


def read_json_file(path: str | Path, published: str | None = None) -> Iterator[dict[str, Any] | InputError]:
    """Records from a JSON file holding one article object or a list of them."""
    try:
        data = json.loads(decode(_read_bytes(path, MAX_FILE_BYTES), str(path)))
    except InputError as err:
        yield err
        return
    except json.JSONDecodeError as exc:
        yield InputError(f"{path}: malformed JSON ({exc.msg}, line {exc.lineno})")
        return
    except (ValueError, RecursionError) as exc:
        yield InputError(f"{path}: malformed JSON ({reason(exc)})")
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
        shown = ", ".join(shortened(h, 30) for h in header[:10]) + (f" and {len(header) - 10} more" if len(header) > 10 else "")
        yield InputError(f"{name}: no {mapping['text']!r} column (columns: {shown or 'none'}); map one with --columns text=COLUMN")
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
        text = decode(_read_bytes(path, MAX_FILE_BYTES), str(path))
    except InputError as err:
        yield err
        return
    yield from read_csv(io.StringIO(text, newline=""), str(path), published, columns)


def read_folder(
    path: str | Path,
    published: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Iterator[dict[str, Any] | InputError]:
    """Records from every readable file under a folder (recursive, in name order; hidden files skipped).

    Links to folders are not followed; a link to a file outside the folder is an ``InputError``, not read."""
    root = Path(path)
    files = []
    for folder, subfolders, names in os.walk(root):  # not into linked folders
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        files += [Path(folder, n) for n in names if not n.startswith(".") and n.lower().endswith(SUFFIXES)]
    inside = root.resolve()
    for f in sorted(files):
        if not f.is_file():
            continue
        target = f.resolve()
        if not target.is_relative_to(inside):
            yield InputError(f"{f}: a link to {target}, outside {path}; not read")
            continue
        yield from read_path(str(f), published, columns)


def read_stdin(stream: Lines, published: str | None = None) -> Iterator[dict[str, Any] | InputError]:
    """Stdin (bytes, or text): JSON lines when it starts with ``{`` (each line at most ``MAX_BYTES``), else one
    article of at most ``MAX_BYTES``: a web page when it starts with ``<``, else plain text."""
    lines = _lines(stream)
    kept: list[Any] = []
    size = 0
    for line in lines:  # up to the first line that is not blank
        kept.append(line)
        size += len(line)
        if line.strip() or size > MAX_BYTES:
            break
    if kept and kept[-1].lstrip()[:1] in ("{", b"{"):
        yield from _jsonl(chain(kept, lines), "<stdin>", published)
        return
    while size <= MAX_BYTES and (line := next(lines, None)) is not None:
        kept.append(line)
        size += len(line)
    try:
        if size > MAX_BYTES:
            raise too_large("<stdin>", MAX_BYTES)
        data = kept[0][:0].join(kept) if kept else ""
        text = data if isinstance(data, str) else decode(data, "<stdin>")
        if not text.strip():
            raise InputError("<stdin>: empty input")
        if text.lstrip()[:1] == "<":
            from newsgraph.ingest.html import read_html

            record = read_html(text, None, where="<stdin>")
            record["published"] = record["published"] or validate_date(published, "<stdin>")
            yield record
        else:
            yield plain_article(text, "stdin", "<stdin>", published)
    except InputError as err:
        yield err


def stdin() -> IO[Any]:
    """Standard input as bytes (as text where it has no bytes, as a test's ``StringIO``)."""
    return getattr(sys.stdin, "buffer", sys.stdin)


def read_path(
    path: str,
    published: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Iterator[dict[str, Any] | InputError]:
    """Records from a path, by its kind: a folder, ``.jsonl``/``.jsonl.gz``, ``.json``, ``.csv``,
    ``.html``/``.htm``; anything else is one plain-text article.  Any failure of a reader is an ``InputError``
    naming the path, and ends this path only."""
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
    except Exception as e:  # a reader's own failure (trafilatura's, say) costs this input only
        yield InputError(f"{path}: cannot read ({reason(e)})")


def read_input(
    arg: str, published: str | None = None, columns: Mapping[str, str] | None = None, **fetch_options: Any
) -> Iterator[dict[str, Any] | InputError]:
    """Records from one command-line input: ``-`` (stdin), an http(s) URL (fetched with
    ``fetch_options``), or a path; a URL of any other scheme (``file://``, ``ftp://``) is an ``InputError``, as is
    any failure of a reader, which ends this input only."""
    scheme = SCHEME.match(arg)
    try:
        if arg == "-":
            yield from read_stdin(stdin(), published)
        elif scheme and scheme.group(1).lower() not in ("http", "https"):
            yield InputError(f"{arg}: not an http(s) URL; newsgraph fetches only http(s) and reads files by their path")
        elif scheme:
            from newsgraph.ingest.fetch import read_url

            record = read_url(arg, **fetch_options)
            record["published"] = record["published"] or validate_date(published, arg)
            yield record
        else:
            yield from read_path(arg, published, columns)
    except InputError as err:
        yield err
    except Exception as e:
        yield InputError(f"{'<stdin>' if arg == '-' else arg}: cannot read ({reason(e)})")

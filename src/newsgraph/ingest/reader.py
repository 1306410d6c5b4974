"""Turn input files into article records, with one-line errors for bad input.

A record is ``{"id", "text", "title"?, "published"?, "url"?}``.  Bad input raises (or, in a batch,
yields) ``InputError`` naming the input; it never stops the good items of a batch.
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

MAX_TITLE = 300


class InputError(ValueError):
    """A bad input item: ``str(err)`` is one line naming the input."""


def validate_date(value: str | None, where: str) -> str | None:
    """``value`` as YYYY-MM-DD (a longer ISO timestamp is cut to its date), or None."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def headline(text: str) -> str | None:
    """The first line, when it stands alone above a blank line and is short: a headline."""
    head, sep, rest = text.lstrip().partition("\n")
    if sep and rest.lstrip(" \t").startswith(("\n", "\r\n")):
        head = head.strip()
        if 0 < len(head) <= MAX_TITLE:
            return head
    return None


def decode(data: bytes, where: str) -> str:
    """Bytes as UTF-8 text; binary or non-UTF-8 input raises ``InputError``."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary file, expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise InputError(f"{where}: empty input")
    return text


def read_text_file(path: str | Path, published: str | None = None) -> dict[str, Any]:
    """One plain-text article; its id is the file name without extension, its title the headline line."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, expected a file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    text = decode(data, str(path))
    return {"id": p.stem, "text": text, "title": headline(text), "published": validate_date(published, str(path)), "url": None}


def parse_record(obj: Any, where: str, published: str | None = None) -> dict[str, Any]:
    """Check one JSON-lines object and return it as a record."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: missing or empty \"text\"")
    if obj.get("id") in (None, ""):
        raise InputError(f"{where}: missing \"id\"")
    return {"id": str(obj["id"]), "text": text, "title": obj.get("title"),
            "published": validate_date(obj.get("published") or published, where), "url": obj.get("url")}


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
        with (gzip.open(p, "rt", encoding="utf-8") if p.suffix == ".gz" else p.open(encoding="utf-8")) as f:
            yield from read_jsonl(f, path, published)
    except (OSError, EOFError) as exc:
        yield InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})")


def read_path(path: str, published: str | None = None) -> Iterator[dict[str, Any] | InputError]:
    """Records from a path: ``.jsonl`` (or gzipped ``.jsonl.gz``) files are JSON lines, anything else one
    plain-text article."""
    p = Path(path)
    if p.name.endswith((".jsonl", ".jsonl.gz")) and p.is_file():
        yield from read_jsonl_file(path, published)
        return
    try:
        yield read_text_file(p, published)
    except InputError as err:
        yield err

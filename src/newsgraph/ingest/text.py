"""The text of one input: bytes decoded, its headline, a checked date, the caps on what is read, and the one-line
error that names a bad input (every reader, the HTML reader and the fetcher raise it)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

MAX_TITLE = 300
#: the most bytes read for one article (a file, a JSON line, stdin); a larger one is skipped with a line
MAX_BYTES = 10_000_000
#: the most bytes of a ``.json`` or ``.csv`` file, which is read whole (JSON lines have no such cap)
MAX_FILE_BYTES = 100_000_000
#: the longest text read, in characters: spaCy's own limit (``nlp.max_length``), which newsgraph keeps
MAX_CHARS = 1_000_000

#: YYYY-MM-DD, alone or starting a full ISO 8601 timestamp (hours and minutes at least, a zone if any)
_ISO = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:[.,]\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)?", re.I
)


class InputError(ValueError):
    """A bad input item: ``str(err)`` is one line naming the input."""


#: how much of a value from the input an error line quotes
QUOTED = 60


def shortened(text: str, limit: int = QUOTED) -> str:
    """``text`` cut to ``limit`` characters: an error names what it refused without echoing the input."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def validate_date(value: str | None, where: str) -> str | None:
    """``value`` as YYYY-MM-DD, or None: a date YYYY-MM-DD or a full ISO 8601 timestamp (cut to its date);
    anything else raises ``InputError``."""
    if value in (None, ""):
        return None
    found = _ISO.fullmatch(str(value).strip())
    try:
        if found is None:
            raise ValueError
        return date.fromisoformat(found.group(1)).isoformat()
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


def utf8(data: bytes, where: str) -> str:
    """``data`` as UTF-8 text (a leading byte-order mark dropped); ``InputError`` names the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start})") from None


def decode(data: bytes, where: str) -> str:
    """Bytes as UTF-8 text; binary or non-UTF-8 input raises ``InputError``."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary file, expected UTF-8 text")
    text = utf8(data, where)
    if not text.strip():
        raise InputError(f"{where}: empty input")
    return text


def too_large(where: str, cap: int, what: str = "one article") -> InputError:
    """The error of an input over ``cap`` bytes."""
    return InputError(f"{where}: over {cap:,} bytes, the most newsgraph reads of {what}")


def unreadable(record: Mapping[str, Any]) -> str | None:
    """Why ``record`` cannot be read, as a phrase, or None: a field that holds a lone surrogate (``"\\ud800"`` in
    JSON makes one; it is no Unicode text and cannot be stored), or a text over ``MAX_CHARS``."""
    for key, value in sorted(record.items(), key=lambda item: item[0] != "text"):  # the text first
        if isinstance(value, str) and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                return f'"{key}" holds a lone surrogate ({value[exc.start]!r} at character {exc.start}), which is not valid text'
    size = len(record.get("text") or "")
    if size > MAX_CHARS:
        return f"text is {size:,} characters; newsgraph reads at most {MAX_CHARS:,}"
    return None


def checked(record: dict[str, Any], where: str) -> dict[str, Any]:
    """``record``, or ``InputError`` naming ``where`` when it cannot be read (see ``unreadable``)."""
    why = unreadable(record)
    if why:
        raise InputError(f"{where}: {why}")
    return record


def plain_article(text: str, id: str, where: str, published: str | None = None, url: str | None = None) -> dict[str, Any]:
    """The checked record of one plain-text article, its headline line as title."""
    return checked({"id": id, "text": text, "title": headline(text), "published": validate_date(published, where), "url": url}, where)

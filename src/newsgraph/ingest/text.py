"""The text of one input: bytes decoded, its headline, a checked date, and the one-line error that names a bad
input (every reader, the HTML reader and the fetcher raise it)."""

from __future__ import annotations

from datetime import date

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

"""How an unexpected exception is told in one line."""

from __future__ import annotations


def reason(e: BaseException) -> str:
    """An exception as one short phrase: its class and the first line of its message."""
    first = str(e).splitlines()[0] if str(e) else ""
    return f"{e.__class__.__name__}: {first}" if first else e.__class__.__name__

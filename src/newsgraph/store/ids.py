"""Content-hash ids: storing the same thing twice gives the same id, so re-ingesting is a no-op."""
from __future__ import annotations

import hashlib
from typing import Any


def content_id(*parts: Any) -> str:
    """A stable id: the first 32 hex digits of the SHA-256 of the parts."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:32]

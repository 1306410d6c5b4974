"""Content-hash ids: storing the same thing twice gives the same id, so re-ingesting is a no-op."""
from __future__ import annotations

import hashlib
import re
from typing import Any


def content_id(*parts: Any) -> str:
    """A stable id: the first 32 hex digits of the SHA-256 of the parts."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:32]


def text_fingerprint(text: str, title: str | None = None) -> str:
    """The fingerprint of an article's content: its words, lower-cased, without punctuation, spacing or a
    leading headline equal to ``title``; two copies of a wire story that differ only in those share it."""
    words = re.findall(r"\w+", text.lower())
    head = re.findall(r"\w+", (title or "").lower())
    if head and words[:len(head)] == head and len(words) > len(head):
        words = words[len(head):]
    return content_id("fingerprint", " ".join(words))


def canonical_url(url: str | None) -> str | None:
    """``url`` normalised: scheme and host lower-cased, default port, fragment and tracking parameters
    (``utm_*``, ``fbclid``…) dropped; ``None`` for no URL, and a string that is no http(s) URL as it is."""
    if not url:
        return None
    if not url.lower().startswith(("http://", "https://")):
        return url
    from courlan import normalize_url

    try:
        return normalize_url(url, strict=True)
    except ValueError:
        return url

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
    if head and words[: len(head)] == head and len(words) > len(head):
        words = words[len(head) :]
    return content_id("fingerprint", " ".join(words))


def canonical_url(url: str | None) -> str | None:
    """``url`` normalised: scheme and host lower-cased, default port, fragment and tracking parameters
    (``utm_*``, ``fbclid``…) dropped; ``None`` for no URL, and a string that is no http(s) URL as it is."""
    if not url:
        return None
    if not url.lower().startswith(("http://", "https://")):
        return url
    from urllib.parse import urldefrag

    from courlan import normalize_url

    try:  # not strict: strict mode keeps only a few known parameters and drops ?story=123, ?q=...
        return normalize_url(urldefrag(url).url)
    except ValueError:
        return url


#: a sentence shorter than this many words (a byline, "Follow us") says nothing about a copy
PASSAGE_WORDS = 8


def passage_fingerprints(text: str) -> list[str]:
    """The fingerprints of an article's sentences of ``PASSAGE_WORDS`` words or more (split at sentence
    ends and line breaks), each over its lower-cased words; a copy with a dateline or a trailer added
    shares most of them."""
    out = []
    for passage in re.split(r"(?<=[.!?])[\"'”’]?\s+|\n+", text):
        words = re.findall(r"\w+", passage.lower())
        if len(words) >= PASSAGE_WORDS:
            out.append(content_id("passage", " ".join(words)))
    return list(dict.fromkeys(out))

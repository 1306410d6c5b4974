"""The tune / check split of every annotated set, fixed by a hash of the document id.

About two thirds of the documents of each set are the **tune** part: the only part whose errors a
developer reads.  The rest is the **check** part: it is read as a number, never sentence by sentence, and a
cue, rule or lexicon entry stays only if the check part agrees (docs/accuracy.md).  The part of a document
depends on its id alone, so it is the same in every run, on every machine, and for every new document.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

PARTS = ("tune", "check")
#: one document in ``CHECK_EVERY`` is in the check part
CHECK_EVERY = 3


def part_of(doc_id: str) -> str:
    """``"check"`` or ``"tune"`` for the document ``doc_id``."""
    digest = hashlib.sha1(str(doc_id).encode("utf-8")).hexdigest()
    return "check" if int(digest[:8], 16) % CHECK_EVERY == 0 else "tune"


def in_part(part: str | None, document: Callable[[str], str] = str) -> Callable[[str], bool]:
    """A predicate on item ids: those whose document (``document(item_id)``) is in ``part``; every id when
    ``part`` is None.  Sets whose items are pieces of a document (M2E2's sentences) pass ``document``."""
    if part is None:
        return lambda _id: True
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; choose from {', '.join(PARTS)}")
    return lambda item_id: part_of(document(item_id)) == part

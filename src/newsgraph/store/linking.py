"""What the store asks of entity linking: the store persists, it does not link.

``Store.save`` and ``Store.save_many`` take a ``LinkEntities``; the resolve layer provides one
(``newsgraph.resolve.linker.link_entities``) and the ingest layer passes it (``newsgraph.ingest.save``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from sqlalchemy.orm import Session


class Decision(Protocol):
    """Which store entity a document entity is, and why: what the store writes of a link decision."""

    @property
    def entity_id(self) -> str: ...

    @property
    def reason(self) -> str: ...

    @property
    def score(self) -> float: ...

    @property
    def node_type(self) -> str | None:
        """The type the stored node takes now that this document has voted (None: it keeps its type)."""


class LinkEntities(Protocol):
    """Decides which store entity each entity of one document is.

    Called inside the transaction that writes the document (``session``), so the documents written
    before it in the same batch are seen; it reads, it does not write.  The answer holds a decision for
    every entity of ``entities`` (document JSON entities, each with the store id of its document as
    ``document``), keyed by its document id (``e1``…).
    """

    def __call__(self, session: Session, entities: list[dict[str, Any]]) -> Mapping[str, Decision]: ...

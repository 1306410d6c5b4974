"""name keys of every wording: the keys the name rules give today, added for the entities stored before

Organisation keys now read every word singular ("Chambers of Commerce" ~ "Chamber of Commerce") and an
acronym inside a name keeps its letters ("UK Widget Party" ~ UKWP).  The keys of the organisations stored
before with keys (not countries, not what a document only described; the person rules did not change) are
recomputed from their names and aliases (``newsgraph.names.name_keys``); keys are only added, never removed,
so linking keeps finding what it found.  The keys are those of the ``newsgraph.names`` that runs the
migration.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

from newsgraph.names import family, name_keys

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    names: dict[str, tuple[str, list[str]]] = {}
    for eid, etype, name in bind.execute(sa.text("SELECT id, type, name FROM entities")):
        names[eid] = (etype, [name])
    for eid, alias in bind.execute(sa.text("SELECT entity_id, alias FROM aliases")):
        if eid in names:
            names[eid][1].append(alias)
    have = {tuple(r) for r in bind.execute(sa.text("SELECT key, kind, entity_id FROM name_keys"))}
    keyed = {eid for _, _, eid in have}  # countries and what a document only described have no keys, and get none
    # only the organisation rules changed; a person's aliases may hold titles the store never keys
    rows = sorted({(k, kind, eid) for eid, (etype, ns) in names.items() if eid in keyed and family(etype) == "org" for k, kind in name_keys(etype, ns)} - have)
    if rows:
        bind.execute(
            sa.text("INSERT INTO name_keys (key, kind, entity_id) VALUES (:key, :kind, :entity_id)"),
            [{"key": k, "kind": kind, "entity_id": eid} for k, kind, eid in rows],
        )


def downgrade() -> None:
    """Keys are only added: nothing to undo that linking would notice."""

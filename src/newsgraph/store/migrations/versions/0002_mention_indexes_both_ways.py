"""mention indexes both ways: (entity, document) and (document, entity)

The linker reads an entity's documents and the named actors of those documents; with one-column
indexes SQLite scanned every person instead.  The composite indexes replace the one-column ones.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a store made before migrations existed gets today's tables (and so these indexes) before it is
    # stamped at 0001: make only what is missing
    have = {ix["name"] for ix in sa.inspect(op.get_bind()).get_indexes("mentions")}
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        for name, columns in (("ix_mentions_entity_document", ["entity_id", "document_id"]),
                              ("ix_mentions_document_entity", ["document_id", "entity_id"])):
            if name not in have:
                batch_op.create_index(name, columns, unique=False)
        for name in ("ix_mentions_entity_id", "ix_mentions_document_id"):
            if name in have:
                batch_op.drop_index(name)


def downgrade() -> None:
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index("ix_mentions_document_id", ["document_id"], unique=False)
        batch_op.create_index("ix_mentions_entity_id", ["entity_id"], unique=False)
        batch_op.drop_index("ix_mentions_document_entity")
        batch_op.drop_index("ix_mentions_entity_document")

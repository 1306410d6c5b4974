"""graph version: a counter that grows whenever interactions are added

The in-memory snapshot of the interaction graph (newsgraph.graph.snapshot) reads it, with the last
curation's number, to know whether it is still current.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a store made before migrations existed gets today's tables (this one, empty) before it is stamped
    # at 0001: make the table only when it is missing, and its row in any case
    bind = op.get_bind()
    if not sa.inspect(bind).has_table("graph_version"):
        op.create_table(
            "graph_version",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("value", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
    if not bind.execute(sa.text("SELECT 1 FROM graph_version WHERE id = 1")).first():
        bind.execute(sa.text("INSERT INTO graph_version (id, value) VALUES (1, 0)"))


def downgrade() -> None:
    op.drop_table("graph_version")

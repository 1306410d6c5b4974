"""type votes and titles: each link keeps the type its document gave the entity; the offices documents give people

One actor is one node with one type, decided from the types the documents gave it (their votes, kept
per document on the link).  Links stored before this get their entity's type as their vote.  Table
titles: an office a document gives a person, dated by the document (empty for what was stored before).

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if "type" not in {c["name"] for c in sa.inspect(bind).get_columns("links")}:
        op.add_column("links", sa.Column("type", sa.String(32)))
    if not sa.inspect(bind).has_table("titles"):
        op.create_table(
            "titles",
            sa.Column("entity_id", sa.String(40), sa.ForeignKey("entities.id"), primary_key=True),
            sa.Column("title", sa.String(200), primary_key=True),
            sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id"), primary_key=True),
        )
        op.create_index("ix_titles_title", "titles", ["title"])
    bind.execute(sa.text("UPDATE links SET type = (SELECT type FROM entities WHERE entities.id = links.entity_id) WHERE type IS NULL"))


def downgrade() -> None:
    op.drop_table("titles")
    op.drop_column("links", "type")

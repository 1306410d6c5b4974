"""real events: interactions grouped into the real-world events they report; descriptions apart from names;
the context of an interaction (topic, amount, place); a document's author

Tables real_events, event_reports and event_pairs (the blocking keys).  A store made before them has
interactions and no events: each existing interaction becomes an event of its own (reason "first"),
so every interaction has its event; grouping applies to what is stored from then on.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

from newsgraph.store.grouping import keys_of
from newsgraph.store.ids import content_id

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    have = set(sa.inspect(bind).get_table_names())
    if "real_events" not in have:
        op.create_table(
            "real_events",
            sa.Column("id", sa.String(40), primary_key=True),
            sa.Column("type", sa.String(16), nullable=False),
            sa.Column("status", sa.String(16), nullable=False),
            sa.Column("contradicted", sa.Integer(), nullable=False),
            sa.Column("date_start", sa.String(32)),
            sa.Column("date_end", sa.String(32)),
            sa.Column("reports", sa.Integer(), nullable=False),
            sa.Column("documents", sa.Integer(), nullable=False),
            sa.Column("first_seen", sa.String(32), nullable=False),
            sa.Column("last_seen", sa.String(32), nullable=False),
        )
        op.create_index("ix_real_events_type", "real_events", ["type"])
        op.create_index("ix_real_events_date_start", "real_events", ["date_start"])
    if "event_reports" not in have:
        op.create_table(
            "event_reports",
            sa.Column("interaction_id", sa.String(40), sa.ForeignKey("events.id"), primary_key=True),
            sa.Column("event_id", sa.String(40), sa.ForeignKey("real_events.id"), nullable=False),
            sa.Column("reason", sa.String(32), nullable=False),
            sa.Column("score", sa.Float(), nullable=False),
        )
        op.create_index("ix_event_reports_event_id", "event_reports", ["event_id"])
    if "event_pairs" not in have:
        op.create_table(
            "event_pairs",
            sa.Column("block", sa.String(40), primary_key=True),
            sa.Column("event_id", sa.String(40), sa.ForeignKey("real_events.id"), primary_key=True),
            sa.Column("date", sa.String(32)),
        )
        op.create_index("ix_event_pairs_event_id", "event_pairs", ["event_id"])
        op.create_index("ix_event_pairs_block_date", "event_pairs", ["block", "date"])
    # the context of an interaction (newsgraph.nlp.context): its issue topic, a sum of money, a place
    columns = {c["name"] for c in sa.inspect(bind).get_columns("events")}
    for name, kind in (("topic", sa.String(64)), ("topic_text", sa.Text()), ("amount", sa.Float()), ("currency", sa.String(8)), ("location_id", sa.String(40))):
        if name not in columns:
            op.add_column("events", sa.Column(name, kind, nullable=True))
    if "author" not in {c["name"] for c in sa.inspect(bind).get_columns("documents")}:
        op.add_column("documents", sa.Column("author", sa.Text(), nullable=True))
    if "descriptions" not in have:
        op.create_table(
            "descriptions",
            sa.Column("entity_id", sa.String(40), sa.ForeignKey("entities.id"), primary_key=True),
            sa.Column("text", sa.String(500), primary_key=True),
        )
    # an alias that the entity's mentions only ever used as a description is one: it moves out of the names
    described = (
        "EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = aliases.entity_id AND m.text = aliases.alias AND m.kind = 'descriptor') "
        "AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = aliases.entity_id AND m.text = aliases.alias AND m.kind = 'name')"
    )
    bind.execute(sa.text(f"INSERT INTO descriptions (entity_id, text) SELECT entity_id, alias FROM aliases WHERE {described}"))
    bind.execute(sa.text(f"DELETE FROM aliases WHERE {described}"))
    # every interaction stored before is an event of its own, found again by its blocking keys
    interactions = bind.execute(
        sa.text(
            "SELECT e.id, e.type, e.status, e.date, e.first_seen, e.last_seen FROM events e "
            "WHERE NOT EXISTS (SELECT 1 FROM event_reports r WHERE r.interaction_id = e.id) ORDER BY e.id"
        )
    ).fetchall()
    sides: dict[str, dict[str, list[str]]] = {}
    for event_id, entity_id, side in bind.execute(sa.text("SELECT event_id, entity_id, side FROM event_actors ORDER BY entity_id")):
        sides.setdefault(event_id, {}).setdefault(side, []).append(entity_id)
    for i in range(0, len(interactions), 5000):
        rows = interactions[i : i + 5000]
        events, reports, pairs = [], [], []
        for iid, type_, status, date, first, last in rows:
            eid = content_id("real-event", iid)
            events.append(
                {"id": eid, "type": type_, "status": status, "contradicted": 0, "date_start": date, "date_end": date,
                 "reports": 1, "documents": 1, "first_seen": first, "last_seen": last}
            )
            reports.append({"interaction_id": iid, "event_id": eid, "reason": "first", "score": 1.0})
            actors = sides.get(iid, {})
            pairs += [{"block": b, "event_id": eid, "date": date} for b in keys_of(type_, status, actors.get("source", []), actors.get("target", []))]
        op.bulk_insert(_table("real_events", bind), events)
        op.bulk_insert(_table("event_reports", bind), reports)
        op.bulk_insert(_table("event_pairs", bind), pairs)


def _table(name: str, bind: sa.engine.Connection) -> sa.Table:
    return sa.Table(name, sa.MetaData(), autoload_with=bind)


def downgrade() -> None:
    op.drop_table("event_pairs")
    op.drop_table("event_reports")
    op.drop_table("real_events")

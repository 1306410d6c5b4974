"""Alembic migrations on SQLite: a new store is made by them, an older one is stamped and upgraded."""

from sqlalchemy import create_engine, inspect

from newsgraph.store import Store, migrate
from newsgraph.store.schema import Base


def test_a_new_store_is_at_head(tmp_path):
    db = tmp_path / "g.db"
    Store(str(db)).close()
    engine = create_engine(f"sqlite:///{db}")
    assert migrate.current(engine) == migrate.head()
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())


def test_a_store_made_before_migrations_is_upgraded_in_place(tmp_path):
    db = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{db}")
    old = [t for name, t in Base.metadata.tables.items() if name not in ("passages", "alerts", "watches")]
    Base.metadata.create_all(engine, tables=old)  # an older newsgraph's tables, no alembic_version
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO documents (id, key, text, language, first_seen, last_seen) "
            "VALUES ('d1', 'a', 'The minister met the envoy in the capital on Monday to talk trade.', 'en', 'x', 'x')"
        )
    with Store(str(db)) as store:
        assert store.counts()["documents"] == 1 and store.duplicate_of("The minister met the envoy in the capital on Monday to talk trade.") == "d1"
    assert migrate.current(engine) == migrate.head()
    assert {"passages", "alerts", "watches"} <= set(inspect(engine).get_table_names())


def test_opening_an_up_to_date_store_runs_no_migration(tmp_path, monkeypatch):
    db = str(tmp_path / "g.db")
    Store(db).close()
    calls = []
    monkeypatch.setattr(migrate.command, "upgrade", lambda *a, **k: calls.append(a))
    Store(db).close()
    assert calls == []


def test_the_migrations_make_the_schema_the_models_declare(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    db = tmp_path / "g.db"
    Store(str(db)).close()
    with create_engine(f"sqlite:///{db}").connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def _store_at(db, revision: str, rows: tuple[str, ...] = ()):
    """A SQLite store at ``revision`` (an older newsgraph's), with the SQL ``rows`` inserted; its engine."""
    from alembic import command

    engine = create_engine(f"sqlite:///{db}")
    cfg = migrate.config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        for row in rows:
            conn.exec_driver_sql(row)
    return engine


def test_a_store_at_the_first_revision_gets_the_mention_indexes(tmp_path):
    db = tmp_path / "g.db"
    engine = _store_at(db, "0001")
    assert "ix_mentions_entity_id" in {ix["name"] for ix in inspect(engine).get_indexes("mentions")}
    Store(str(db)).close()
    names = {ix["name"] for ix in inspect(engine).get_indexes("mentions")}
    assert {"ix_mentions_entity_document", "ix_mentions_document_entity"} <= names and "ix_mentions_entity_id" not in names


def test_a_store_at_0005_gets_the_name_keys_of_every_wording(tmp_path):
    """Entities keyed before 0006 get the keys today's rules give their names; unkeyed ones get none."""
    db = tmp_path / "g.db"
    entities = (("o1", "UK Widget Party"), ("o2", "Widget Chambers of Commerce"), ("d1", "unions"))
    rows = (
        *(
            f"INSERT INTO entities (id, name, type, first_seen, last_seen) VALUES ('{eid}', '{name}', 'Organization', 'x', 'x')"
            for eid, name in entities
        ),
        "INSERT INTO name_keys (key, kind, entity_id) VALUES ('uk widget party', 'name', 'o1')",
        "INSERT INTO name_keys (key, kind, entity_id) VALUES ('widget chambers of commerce', 'name', 'o2')",
    )
    engine = _store_at(db, "0005", rows)
    Store(str(db)).close()
    with engine.connect() as conn:
        keys = {tuple(r) for r in conn.exec_driver_sql("SELECT key, kind, entity_id FROM name_keys")}
    assert ("ukwp", "acronym", "o1") in keys and ("widget chamber of commerce", "name", "o2") in keys
    assert not any(eid == "d1" for _, _, eid in keys)

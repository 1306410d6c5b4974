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
        conn.exec_driver_sql("INSERT INTO documents (id, key, text, language, first_seen, last_seen) "
                             "VALUES ('d1', 'a', 'The minister met the envoy in the capital on Monday to talk trade.', 'en', 'x', 'x')")
    with Store(str(db)) as store:
        assert store.counts()["documents"] == 1 and store.duplicate_of(
            "The minister met the envoy in the capital on Monday to talk trade.") == "d1"
    assert migrate.current(engine) == migrate.head()
    assert {"passages", "alerts", "watches"} <= set(inspect(engine).get_table_names())


def test_opening_an_up_to_date_store_runs_no_migration(tmp_path, monkeypatch):
    db = str(tmp_path / "g.db")
    Store(db).close()
    calls = []
    monkeypatch.setattr(migrate.command, "upgrade", lambda *a, **k: calls.append(a))
    Store(db).close()
    assert calls == []

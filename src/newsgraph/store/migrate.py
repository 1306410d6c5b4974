"""Schema migrations with Alembic, for SQLite and PostgreSQL alike (scripts in ``store/migrations``).

``upgrade(engine)`` brings a database to the newest schema: a new one is built by the migrations, and
one made before migrations existed (tables, no ``alembic_version``) gets the tables it lacks and is
marked as being at the first revision, then upgraded from there.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

SCRIPTS = Path(__file__).parent / "migrations"
BASELINE = "0001"


def config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    return cfg


def head() -> str:
    """The newest revision."""
    return ScriptDirectory.from_config(config()).get_current_head() or BASELINE


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Migrate ``engine``'s database to ``head()`` (cheap when it is there already)."""
    now = current(engine)
    if now == head():
        return
    cfg = config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        if now is None and inspect(conn).has_table("documents"):  # made by create_all before migrations
            from newsgraph.store.schema import Base

            Base.metadata.create_all(conn)
            command.stamp(cfg, BASELINE)
        command.upgrade(cfg, "head")

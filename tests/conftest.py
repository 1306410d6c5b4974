"""Shared fixtures: the pipeline (loaded once), the shared data folder, a CLI runner."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: the example article, in the repository (its gold file beside it)
EXAMPLE = ROOT / "examples" / "milei-silicon-valley.txt"


#: under CI (CI=true) a missing service or data folder fails the tests that need it instead of skipping them
IN_CI = os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str) -> None:
    """Skip with ``reason``, or fail under CI, where a missing ../shared, PostgreSQL or Chromium is a broken run."""
    if IN_CI:
        pytest.fail(f"CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def shared_dir() -> Path | None:
    """``../shared`` beside the repository (or $NEWSGRAPH_SHARED), where the gold data lives."""
    p = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
    return p if (p / "tools" / "score.py").exists() else None


@pytest.fixture(scope="session")
def shared() -> Path:
    p = shared_dir()
    if p is None:
        unavailable("../shared (gold data and scorer) is not beside the repository")
    return p


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline, built once per process (``nlp(text) -> Doc``)."""
    from newsgraph.nlp.pipeline import pipeline_for

    return pipeline_for("en")


@pytest.fixture(scope="session")
def read():
    """Extract one text: ``read(text, published=None) -> document JSON``."""
    from newsgraph import extract

    def _read(text: str, published: str | None = None) -> dict:
        return extract(text, id="t", published=published)

    return _read


def load_script(name: str) -> ModuleType:
    """The module of ``scripts/<name>.py`` (the scripts are not a package), for the tests of a conversion."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def names(doc: dict, ids: list[str]) -> list[str]:
    by_id = {e["id"]: e["name"] for e in doc["entities"]}
    return [by_id[i] for i in ids]


def edges(doc: dict) -> set[tuple[str, str, str, str]]:
    """(type, source name, target name, status) for every source x target pair."""
    out = set()
    for v in doc["events"]:
        for s in names(doc, v["source"]):
            for t in names(doc, v["target"]) or [""]:
                out.add((v["type"], s, t, v["status"]))
    return out


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``newsgraph ARGS`` as a user would (a real process), capturing bytes."""
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], input=stdin, capture_output=True, cwd=cwd, timeout=300)


def json_lines(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode().splitlines() if line.strip()]


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> str:
    """A real SQLite store holding the example article (for graph, query and export tests)."""
    from newsgraph.extract import extract
    from newsgraph.ingest.save import save
    from newsgraph.store import Store

    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path_factory.mktemp("example-db") / "graph.db"
    with Store(str(path)) as store:
        save(store, extract(text, id="milei", published="2024-05-27"), text)
    return str(path)


@pytest.fixture
def site():
    """A real HTTP server on 127.0.0.1 serving the pages a test routes (see ``tests/site_fixture.py``)."""
    from site_fixture import Site

    s = Site()
    yield s
    s.close()


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The PostgreSQL server of $NEWSGRAPH_TEST_DATABASE (``.ci/run`` starts one with scripts/start-postgres.sh)."""
    url = os.environ.get("NEWSGRAPH_TEST_DATABASE")
    if not url:
        unavailable("NEWSGRAPH_TEST_DATABASE is not set (scripts/start-postgres.sh prints a URL for it)")
    import sqlalchemy

    from newsgraph.store.store import database_url

    try:
        with sqlalchemy.create_engine(database_url(url)).connect():
            pass
    except Exception as e:  # noqa: BLE001 - any failure to connect is a skip with its reason
        unavailable(f"no PostgreSQL at NEWSGRAPH_TEST_DATABASE ({e.__class__.__name__})")
    return url


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty PostgreSQL database for one test (dropped after it)."""
    import uuid

    import sqlalchemy

    from newsgraph.store.store import database_url

    name = "newsgraph_test_" + uuid.uuid4().hex[:12]
    admin = sqlalchemy.create_engine(database_url(pg_server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield pg_server.rsplit("/", 1)[0] + "/" + name
    # FORCE ends the test's own connections; an autovacuum worker on the new database belongs to the server,
    # which this role may not end ("must be a member of the role whose process is being terminated"): it
    # finishes within moments, so the drop is tried again, and a database that outlives the tries is left.
    for _ in range(20):
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            break
        except sqlalchemy.exc.DBAPIError:
            time.sleep(0.5)
    else:
        warnings.warn(f"test database {name} could not be dropped", stacklevel=1)
    admin.dispose()

"""``newsgraph demo``: the example article and the demo set, in the repository, into a database and the web page."""

import json
import socket
import subprocess
import sys
import time

import httpx
import pytest
from conftest import ROOT, json_lines, run_cli

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    proc = run_cli("demo", "--db", db, "--no-serve")
    assert proc.returncode == 0, proc.stderr
    return db, proc


def test_the_repository_holds_what_the_readme_runs():
    assert (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8").startswith("# What newsgraph extracts")
    gold = json.loads((EXAMPLES / "milei-silicon-valley.gold.json").read_text(encoding="utf-8"))
    assert gold["doc_id"] == "milei-silicon-valley"
    records = json_lines((EXAMPLES / "demo" / "articles.jsonl").read_bytes())
    assert 10 <= len(records) <= 15 and all(r["id"] and r["text"].strip() for r in records)
    sources = (EXAMPLES / "demo" / "README.md").read_text(encoding="utf-8")
    assert all(r["id"] in sources for r in records) and "CC BY 4.0" in sources and "MIT" in sources
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared/examples" not in readme and "](docs/ontology.md)" in readme and "\nnewsgraph demo\n" in readme


def test_demo_builds_the_database(demo_db):
    db, proc = demo_db
    assert b"14 new, 0 unchanged, 0 failed" in proc.stderr and b"built " in proc.stderr and b"Traceback" not in proc.stderr
    people = {e["name"] for e in json_lines(run_cli("entities", "--db", db, "--type", "Person", "--json").stdout)}
    assert {"Javier Milei", "Tony Blair", "Andrés Manuel López Obrador"} <= people  # English and Spanish, one graph
    planned = json_lines(run_cli("edges", "--db", db, "--between", "Milei", "Tim Cook", "--json").stdout)
    assert any(e["type"] == "CONSULT" and e["status"] == "planned" for e in planned)
    again = run_cli("demo", "--db", db, "--no-serve")
    assert again.returncode == 0 and b"0 new, 14 unchanged" in again.stderr


def test_demo_serves_the_page(demo_db):
    db, _ = demo_db
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "demo", "--db", db, "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        lines = [proc.stderr.readline() for _ in range(2)]
        assert "14 unchanged" in lines[0] and f"http://127.0.0.1:{port}/" in lines[1]
        for _ in range(100):
            try:
                res = httpx.get(f"http://127.0.0.1:{port}/api/entities", params={"q": "Milei"}, timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert res.status_code == 200 and res.json()[0]["name"] == "Javier Milei"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_demo_outside_a_clone_is_one_line(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import newsgraph.cli.demo
    from newsgraph.cli import app

    monkeypatch.setattr(newsgraph.cli.demo, "examples_dir", lambda: None)
    res = CliRunner().invoke(app, ["demo", "--db", str(tmp_path / "d.db"), "--no-serve"])
    assert res.exit_code == 1 and "cannot find examples/milei-silicon-valley.txt" in res.output
    assert not (tmp_path / "d.db").exists()

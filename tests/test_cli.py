"""The command line as a user meets it: real processes, real files, exit codes, one-line errors."""

import json
import re

import pytest
from conftest import ROOT, json_lines, run_cli

ARTICLE = "Tesla CEO Elon Musk met Argentina's President Javier Milei on Monday. Milei will visit Germany next week.\n"


@pytest.fixture()
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_every_command_has_help_and_is_documented():
    import typer.main

    from newsgraph.cli import app

    group = typer.main.get_command(app)
    docs = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in group.commands.items():
        assert command.help, name
        assert f"newsgraph {name}" in docs, f"{name} is not in the README"
        proc = run_cli(name, "--help")
        assert proc.returncode == 0 and b"Usage" in proc.stdout


def test_extract_file_prints_one_json_line(article):
    proc = run_cli("extract", str(article), "--published", "2024-05-27")
    assert proc.returncode == 0, proc.stderr
    (doc,) = json_lines(proc.stdout)
    assert doc["document"]["id"] == "a" and doc["document"]["published"] == "2024-05-27"


def test_extract_jsonl_from_stdin_keeps_order_and_ids():
    lines = "".join(json.dumps({"id": f"x{i}", "text": f"Germany met France on day {i}."}) + "\n" for i in range(5))
    proc = run_cli("extract", "--jsonl", "-", stdin=lines.encode())
    assert proc.returncode == 0, proc.stderr
    assert [d["document"]["id"] for d in json_lines(proc.stdout)] == [f"x{i}" for i in range(5)]


def test_malformed_line_is_named_and_the_rest_processed(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "a", "text": "Germany met France."}\n{broken\n{"id": "b", "text": "Spain met Italy."}\n')
    proc = run_cli("extract", "--jsonl", str(p))
    assert proc.returncode == 1
    assert [d["document"]["id"] for d in json_lines(proc.stdout)] == ["a", "b"]
    assert re.search(rb"in\.jsonl:2: malformed JSON", proc.stderr) and b"Traceback" not in proc.stderr


@pytest.mark.parametrize("content", [b"", b"\x00\xff\x00binary", b"caf\xe9"])
def test_bad_files_one_line_error(tmp_path, content):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    proc = run_cli("extract", str(p))
    assert proc.returncode == 1 and proc.stdout == b""
    assert proc.stderr.count(b"\n") == 1 and b"bad.txt" in proc.stderr and b"Traceback" not in proc.stderr


def test_directory_and_missing_path(tmp_path):
    for arg in (str(tmp_path), str(tmp_path / "missing.txt")):
        proc = run_cli("extract", arg)
        assert proc.returncode == 1 and arg.encode() in proc.stderr and b"Traceback" not in proc.stderr


def test_ingest_batch_stores_good_lists_bad_and_is_idempotent(tmp_path, article):
    db = tmp_path / "graph.db"
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    proc = run_cli("ingest", str(article), str(bad), "--db", str(db), "--published", "2024-05-27")
    assert proc.returncode == 1 and b"empty.txt" in proc.stderr and b"1 new" in proc.stderr
    proc = run_cli("ingest", str(article), "--db", str(db))
    assert proc.returncode == 0 and b"0 new, 1 unchanged" in proc.stderr


def test_query_commands(tmp_path, article):
    db = str(tmp_path / "graph.db")
    assert run_cli("ingest", str(article), "--db", db, "--published", "2024-05-27").returncode == 0
    people = json_lines(run_cli("entities", "--db", db, "--type", "Person", "--json").stdout)
    assert {"Elon Musk", "Javier Milei"} <= {p["name"] for p in people}
    shown = json.loads(run_cli("show", "Milei", "--db", db, "--json").stdout)
    assert shown["name"] == "Javier Milei" and "CONSULT" in shown["interactions"]
    planned = json_lines(run_cli("edges", "--db", db, "--status", "planned", "--json").stdout)
    assert planned and all(e["status"] == "planned" for e in planned)
    between = json_lines(run_cli("edges", "--db", db, "--between", "Musk", "Milei", "--json").stdout)
    assert between and all(e["evidence"]["sentence"] for e in between)
    table = run_cli("show", "Milei", "--db", db)
    assert table.returncode == 0 and b"Javier Milei" in table.stdout


def test_query_errors(tmp_path, article):
    db = str(tmp_path / "graph.db")
    run_cli("ingest", str(article), "--db", db)
    proc = run_cli("show", "Javer Milie", "--db", db)
    assert proc.returncode == 1 and b"did you mean" in proc.stderr and b"Javier Milei" in proc.stderr
    proc = run_cli("edges", "--db", db, "--type", "HUG")
    assert proc.returncode == 2 and b"unknown event type" in proc.stderr
    proc = run_cli("entities", "--db", str(tmp_path / "none.db"))
    assert proc.returncode == 1 and b"database not found" in proc.stderr


# -- issue 23: a bad item costs only itself, in one line -----------------------------------------------------------


def _lines(stderr: bytes) -> list[str]:
    assert b"Traceback" not in stderr
    return stderr.decode().splitlines()


def test_ingest_skips_a_lone_surrogate_or_a_bad_byte_and_stores_the_other_40(tmp_path):
    texts = [f"Angela Merkel met Emmanuel Macron in Berlin on day {i} of the summit." for i in range(1, 42)]
    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(texts, 1)]
    records[20]["text"] = "Angela Merkel met \ud800 Emmanuel Macron."
    p = tmp_path / "in.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")  # the JSON escape "\ud800"
    db = str(tmp_path / "g.db")
    proc = run_cli("ingest", str(p), "--db", db)
    lines = _lines(proc.stderr)
    assert proc.returncode == 1 and [x for x in lines if "skipped" in x] == [
        f"newsgraph: skipped {p}:21: \"text\" holds a lone surrogate ('\\ud800' at character 18), which is not valid text"
    ]
    assert lines[-1].startswith("newsgraph: 40 new, 0 unchanged, 1 failed;") and "holds 40 documents" in lines[-1]
    # the same on stdin, the 21st line a byte that is no UTF-8: the 40 are known, the 21st is one line
    data = b"".join(json.dumps(r).encode() + b"\n" if n != 20 else b'{"id": "r21", "text": "caf\xe9"}\n' for n, r in enumerate(records))
    proc = run_cli("ingest", "-", "--db", db, stdin=data)
    lines = _lines(proc.stderr)
    assert proc.returncode == 1 and [x for x in lines if "skipped" in x] == ["newsgraph: skipped <stdin>:21: not valid UTF-8 (byte 26)"]
    assert lines[-1].startswith("newsgraph: 0 new, 40 unchanged, 1 failed;")
    proc = run_cli("ingest", "-", "--db", db, stdin="Merkel met Macron in Paris, café.".encode("latin-1"))
    assert proc.returncode == 1 and _lines(proc.stderr)[0] == "newsgraph: skipped <stdin>: not valid UTF-8 (byte 31)"


def test_ingest_caps_what_it_reads_and_refuses_other_url_schemes(tmp_path, article):
    db = str(tmp_path / "g.db")
    args = ["/dev/zero", f"file://{article}", "ftp://example.com/a.txt", str(article)]
    proc = run_cli("ingest", *args, "--db", db, "--published", "2024-05-27")
    lines = _lines(proc.stderr)
    assert proc.returncode == 1 and [x for x in lines if "skipped" in x] == [
        "newsgraph: skipped /dev/zero: over 10,000,000 bytes, the most newsgraph reads of one article",
        f"newsgraph: skipped file://{article}: not an http(s) URL; newsgraph fetches only http(s) and reads files by their path",
        "newsgraph: skipped ftp://example.com/a.txt: not an http(s) URL; newsgraph fetches only http(s) and reads files by their path",
    ]
    assert lines[-1].startswith("newsgraph: 1 new, 0 unchanged, 3 failed;")


def test_a_date_with_trailing_garbage_is_a_usage_error(tmp_path, article):
    proc = run_cli("ingest", str(article), "--db", str(tmp_path / "g.db"), "--published", "2005-01-01garbage")
    assert proc.returncode == 2 and _lines(proc.stderr) == ["newsgraph: error: --published: date '2005-01-01garbage' is not YYYY-MM-DD"]
    assert not (tmp_path / "g.db").exists()


def test_extract_a_text_over_the_character_cap_is_one_line(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text("Merkel met Macron. " * 52_632, encoding="utf-8")  # 1,000,008 characters
    proc = run_cli("extract", str(p))
    assert proc.returncode == 1 and proc.stdout == b""
    assert _lines(proc.stderr) == [f"newsgraph: skipped {p}: text is 1,000,008 characters; newsgraph reads at most 1,000,000"]


def test_extract_refuses_a_url_that_is_not_http(article):
    proc = run_cli("extract", str(article), "--url", "javascript:alert(1)")
    assert proc.returncode == 2 and _lines(proc.stderr) == ["newsgraph: error: --url: 'javascript:alert(1)' is not an http(s) URL"]


def test_events_lists_real_events_and_event_shows_one(example_db):
    proc = run_cli("events", "Milei", "--db", example_db, "--type", "CONSULT", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json_lines(proc.stdout)
    assert rows and {r["type"] for r in rows} == {"CONSULT"}
    shown = run_cli("event", rows[0]["id"], "--db", example_db)
    assert shown.returncode == 0 and b"history: " in shown.stdout and b"reports" in shown.stdout
    missing = run_cli("event", "nope", "--db", example_db)
    assert missing.returncode == 1 and missing.stderr.decode().count("\n") == 1 and "no event 'nope'" in missing.stderr.decode()
    unknown = run_cli("events", "Nobody Atall", "--db", example_db)
    assert unknown.returncode == 1 and b"Traceback" not in unknown.stderr

"""Issue 23, the ingest path: a bad item costs only itself, with one line naming it, and what is read is capped."""

import io
import json
import os
import sys

import pytest
from fastapi.testclient import TestClient

from newsgraph.ingest.load import load
from newsgraph.ingest.reader import parse_record, read_folder, read_input, read_jsonl_file, read_path, read_stdin
from newsgraph.ingest.text import MAX_BYTES, MAX_CHARS, InputError, validate_date
from newsgraph.store import Store


def texts(n):
    return [f"Angela Merkel met Emmanuel Macron in Berlin on day {i} of the summit." for i in range(1, n + 1)]


def split(items):
    items = list(items)
    return [i for i in items if not isinstance(i, InputError)], [str(i) for i in items if isinstance(i, InputError)]


@pytest.fixture
def surrogate_jsonl(tmp_path):
    """41 records; the 21st text holds a lone surrogate, written as the JSON escape "\\ud800"."""
    p = tmp_path / "in.jsonl"
    lines = [{"id": f"r{i}", "text": t} for i, t in enumerate(texts(41), 1)]
    lines[20]["text"] = "Angela Merkel met \ud800 Emmanuel Macron."
    p.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="ascii")
    assert '"\\ud800"' not in p.read_text() and "\\ud800" in p.read_text()
    return p


# -- 1. one lone surrogate, one bad byte: that item only ---------------------------------------------------------


def test_a_lone_surrogate_is_one_error_naming_the_record(surrogate_jsonl):
    good, bad = split(read_jsonl_file(str(surrogate_jsonl)))
    assert len(good) == 40 and "r21" not in {r["id"] for r in good}
    assert bad == [f"{surrogate_jsonl}:21: \"text\" holds a lone surrogate ('\\ud800' at character 18), which is not valid text"]


def test_a_lone_surrogate_in_another_field_names_the_field():
    with pytest.raises(InputError, match=r'^x:3: "title" holds a lone surrogate'):
        parse_record({"id": "a", "text": "Some text.", "title": "Bad \udc80 title"}, "x:3")


def test_load_stores_the_40_others_and_skips_the_21st_with_one_line(tmp_path, surrogate_jsonl):
    lines = []
    with Store(str(tmp_path / "g.db")) as store:
        tally = load(store, read_jsonl_file(str(surrogate_jsonl)), on_failure=lines.append)
        assert (tally.new, len(tally.failures)) == (40, 1) and store.counts()["documents"] == 40
    assert lines == tally.failures and lines[0].startswith(f"{surrogate_jsonl}:21: ")


def test_load_turns_a_failure_in_any_step_into_one_line(tmp_path, monkeypatch):
    """Records handed to load directly (no reader): a lone surrogate, a store lookup that fails."""
    good = [{"id": f"g{i}", "text": t, "title": None, "published": None, "url": None} for i, t in enumerate(texts(3))]
    bad_text = {"id": "s", "text": "Merkel met \ud800 Macron.", "title": None, "published": None, "url": None}
    lookup = {"id": "boom", "text": "Merkel met Macron in Paris.", "title": None, "published": None, "url": None}
    with Store(str(tmp_path / "g.db")) as store:
        real = store.duplicate_of

        def duplicate_of(text, title=None):
            if text == lookup["text"]:
                raise RuntimeError("database is locked\nsecond line")
            return real(text, title)

        monkeypatch.setattr(store, "duplicate_of", duplicate_of)
        tally = load(store, [good[0], bad_text, good[1], lookup, good[2]])
        assert tally.new == 3 and store.counts()["documents"] == 3
    assert tally.failures == [
        "s: \"text\" holds a lone surrogate ('\\ud800' at character 11), which is not valid text",
        "boom: not stored (RuntimeError: database is locked)",
    ]


def test_a_bad_byte_on_a_json_line_costs_that_line_only(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes(b'{"id": "a", "text": "One."}\n{"id": "b", "text": "caf\xe9"}\n{"id": "c", "text": "Two."}\n')
    good, bad = split(read_jsonl_file(str(p)))
    assert [r["id"] for r in good] == ["a", "c"] and bad == [f"{p}:2: not valid UTF-8 (byte 24)"]


@pytest.mark.parametrize(
    "data,ids,errors",
    [
        (
            b'{"id": "a", "text": "One."}\n{"id": "b", "text": "\xff"}\n{"id": "c", "text": "Two."}\n',
            ["a", "c"],
            ["<stdin>:2: not valid UTF-8 (byte 21)"],
        ),
        (b"Plain caf\xe9 text.", [], ["<stdin>: not valid UTF-8 (byte 9)"]),
        (b"\x00\x01 binary", [], ["<stdin>: binary file, expected UTF-8 text"]),
        (b"  \n\n", [], ["<stdin>: empty input"]),
    ],
)
def test_stdin_bytes_that_are_no_utf8_are_one_error(data, ids, errors):
    good, bad = split(read_stdin(io.BytesIO(data)))
    assert [r["id"] for r in good] == ids and bad == errors


@pytest.mark.parametrize("line", ["[" * 100_000, '{"id": "a", "text": "x", "n": ' + "9" * 5000 + "}"])
def test_a_json_line_python_cannot_parse_is_one_error(tmp_path, line):
    p = tmp_path / "in.jsonl"
    p.write_text(line + '\n{"id": "b", "text": "Fine."}\n', encoding="utf-8")
    good, bad = split(read_jsonl_file(str(p)))
    assert [r["id"] for r in good] == ["b"] and len(bad) == 1 and bad[0].startswith(f"{p}:1: malformed JSON line (")


# -- 2. texts over spaCy's 1,000,000 characters ------------------------------------------------------------------


def test_a_text_over_the_character_cap_is_one_error_and_the_cap_itself_passes(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(
        json.dumps({"id": "long", "text": "a" * (MAX_CHARS + 1)}) + "\n" + json.dumps({"id": "full", "text": "a" * MAX_CHARS}) + "\n",
        encoding="utf-8",
    )
    good, bad = split(read_jsonl_file(str(p)))
    assert [r["id"] for r in good] == ["full"]
    assert bad == [f"{p}:1: text is 1,000,001 characters; newsgraph reads at most 1,000,000"]
    long_file = tmp_path / "long.txt"
    long_file.write_text("b " * 750_000, encoding="utf-8")
    (err,) = read_path(str(long_file))
    assert str(err) == f"{long_file}: text is 1,500,000 characters; newsgraph reads at most 1,000,000"


def test_extract_refuses_a_long_text_with_one_line_before_spacy():
    from newsgraph.extract import extract

    with pytest.raises(InputError, match=r"^text is 1,500,000 characters; newsgraph reads at most 1,000,000$"):
        extract("b " * 750_000)


def test_extract_many_skips_a_long_text_and_reads_the_others():
    from newsgraph.extract import extract_many

    failed = []
    records = [{"id": "a", "text": texts(1)[0]}, {"id": "long", "text": "b " * 750_000}, {"id": "c", "text": texts(2)[1]}]
    docs = list(extract_many(records, language="en", on_error=lambda r, e: failed.append((r["id"], str(e)))))
    assert [d["document"]["id"] for d in docs] == ["a", "c"]
    assert failed == [("long", "text is 1,500,000 characters; newsgraph reads at most 1,000,000")]


# -- 3. the read cap ---------------------------------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_one_error_not_a_memory_error():
    (err,) = read_input("/dev/zero")
    assert str(err) == "/dev/zero: over 10,000,000 bytes, the most newsgraph reads of one article"
    with open("/dev/zero", "rb") as zero:
        (err,) = read_stdin(zero)
    assert str(err) == "<stdin>: over 10,000,000 bytes, the most newsgraph reads of one article"


def test_a_json_line_over_the_byte_cap_is_skipped_and_the_next_line_read(tmp_path):
    p = tmp_path / "in.jsonl"
    with open(p, "wb") as f:
        f.write(b'{"id": "big", "text": "' + b"x" * MAX_BYTES + b'"}\n')
        f.write(b'{"id": "after", "text": "Fine."}\n')
    good, bad = split(read_jsonl_file(str(p)))
    assert [r["id"] for r in good] == ["after"]
    assert bad == [f"{p}:1: over 10,000,000 bytes, the most newsgraph reads of one article"]


# -- 4. dates ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["2005-01-01", "2005-01-01T10:00:00Z", "2005-01-01T10:00:00.123456+01:00", "2005-01-01 10:00", "2005-01-01T23:59:60-0500"]
)
def test_a_date_or_a_full_iso_timestamp_is_taken(value):
    assert validate_date(value, "--published") == "2005-01-01"


@pytest.mark.parametrize(
    "value",
    ["2005-01-01garbage", "2005-01-01T", "2005-01-01T10", "2005-01-01T24:00", "2005-01-01 10:00:00 UTC", "2005-02-30", "20050101", "2005-1-1"],
)
def test_anything_else_is_one_error(value):
    with pytest.raises(InputError) as err:
        validate_date(value, "--published")
    assert str(err.value) == f"--published: date {value!r} is not YYYY-MM-DD"


# -- 5. links out of a folder ------------------------------------------------------------------------------------


def test_a_folder_does_not_follow_links_out_of_it(tmp_path):
    outside, root = tmp_path / "outside", tmp_path / "news"
    (outside / "deep").mkdir(parents=True)
    root.mkdir()
    (outside / "secret.txt").write_text("Not for the graph.", encoding="utf-8")
    (outside / "deep" / "more.txt").write_text("Not for the graph either.", encoding="utf-8")
    (root / "a.txt").write_text("Merkel met Macron.", encoding="utf-8")
    (root / "leak.txt").symlink_to(outside / "secret.txt")
    (root / "same.txt").symlink_to(root / "a.txt")  # a link inside the folder is read
    (root / "elsewhere").symlink_to(outside / "deep", target_is_directory=True)  # a linked folder is not entered
    good, bad = split(read_folder(root))
    assert [r["id"] for r in good] == ["a", "same"]
    assert bad == [f"{root / 'leak.txt'}: a link to {(outside / 'secret.txt').resolve()}, outside {root}; not read"]


# -- 6. URL schemes other than http(s) ---------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["file://", "FILE://", "ftp://", "gopher://"])
def test_an_input_url_of_another_scheme_is_refused_not_read_as_a_path(tmp_path, scheme):
    p = tmp_path / "a.txt"
    p.write_text("Merkel met Macron.", encoding="utf-8")
    arg = f"{scheme}{p}"
    (err,) = read_input(arg)
    assert isinstance(err, InputError)
    assert str(err) == f"{arg}: not an http(s) URL; newsgraph fetches only http(s) and reads files by their path"


# -- 7. a record's url -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/a", "data:text/html,hi", "www.example.com/a", 7])
def test_a_record_url_that_is_not_http_rejects_the_record(url):
    with pytest.raises(InputError) as err:
        parse_record({"id": "a", "text": "Merkel met Macron.", "url": url}, "in.jsonl:4")
    assert str(err.value) == f'in.jsonl:4: "url" {str(url)!r} is not an http(s) URL'


@pytest.mark.parametrize("url", ["https://news.example.com/a?b=1", "http://example.com", None, ""])
def test_an_http_url_or_none_is_kept(url):
    assert parse_record({"id": "a", "text": "Merkel met Macron.", "url": url}, "x")["url"] == url


# -- the API's POST /api/documents -------------------------------------------------------------------------------


@pytest.fixture
def client(tmp_path):
    from newsgraph.api.app import create_app

    Store(str(tmp_path / "g.db")).close()
    return TestClient(create_app(str(tmp_path / "g.db")), base_url="http://127.0.0.1", raise_server_exceptions=False)


def test_the_api_answers_a_lone_surrogate_with_a_short_422(client):
    r = client.post("/api/documents", content=b'{"text": "Merkel met \\ud800 Macron."}', headers={"content-type": "application/json"})
    assert r.status_code == 422 and "text" in r.text and len(r.content) < 500


def test_the_api_answers_a_text_over_the_cap_with_a_422_that_says_so(client):
    r = client.post("/api/documents", json={"text": "b " * 750_000})
    assert r.status_code == 422 and r.json() == {"detail": "text is 1,500,000 characters; newsgraph reads at most 1,000,000"}


def test_a_reader_that_fails_costs_its_input_only(tmp_path, monkeypatch):
    import trafilatura

    def broken(*_args, **_kwargs):
        raise RuntimeError("lxml gave up\nsecond line")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    page, text = tmp_path / "page.html", tmp_path / "b.txt"
    page.write_text("<html><body><p>Merkel met Macron.</p></body></html>", encoding="utf-8")
    text.write_text("Merkel met Macron.", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO("<html><body><p>Merkel met Macron.</p></body></html>"))
    good, bad = split(item for arg in (str(page), "-", str(text)) for item in read_input(arg))
    assert [r["id"] for r in good] == ["b"]
    assert bad == [f"{page}: cannot read (RuntimeError: lxml gave up)", "<stdin>: cannot read (RuntimeError: lxml gave up)"]

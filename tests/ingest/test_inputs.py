"""Every input kind of ``newsgraph ingest`` gives the right records; bad items are one-line errors naming the input."""

import csv
import gzip
import io
import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from site_fixture import article_page, bbc_articles

from newsgraph.ingest.reader import parse_columns, read_csv, read_csv_file, read_folder, read_input, read_json_file, read_path, read_stdin
from newsgraph.ingest.text import InputError


@pytest.fixture(scope="module")
def articles(shared):
    return bbc_articles(shared, 6)


def split(items):
    items = list(items)
    return [i for i in items if not isinstance(i, InputError)], [str(i) for i in items if isinstance(i, InputError)]


# -- one file of each kind --------------------------------------------------------------------------------------


def test_a_text_file_is_one_article_named_by_its_file(tmp_path, articles):
    a = articles[0]
    p = tmp_path / "absa.txt"
    p.write_text(f"{a['title']}\n\n{a['text']}", encoding="utf-8")
    (r,) = read_path(str(p), published="2005-03-01")
    assert (r["id"], r["title"], r["published"], r["url"]) == ("absa", a["title"], "2005-03-01", None)
    assert a["text"] in r["text"]


def test_a_saved_web_page_gives_its_canonical_url_title_and_date(tmp_path, articles):
    a = articles[1]
    p = tmp_path / "wpp.html"
    p.write_bytes(article_page(a, "https://news.example.com/b/wpp", published="2005-02-14"))
    (r,) = read_path(str(p), published="1999-01-01")
    assert r["id"] == r["url"] == "https://news.example.com/b/wpp"
    assert (r["title"], r["published"]) == (a["title"], "2005-02-14")  # the page's own date wins over --published
    assert a["text"].split("\n\n")[0].strip() in r["text"]


def test_a_web_page_without_canonical_link_is_named_by_its_file(tmp_path, articles):
    p = tmp_path / "page.HTM"
    p.write_bytes(article_page(articles[2], "").replace(b'<link rel="canonical" href="">', b""))
    (r,) = read_path(str(p))
    assert r["id"] == "page" and r["url"] is None and r["title"] == articles[2]["title"]


def test_a_json_file_with_one_object(tmp_path, articles):
    a = articles[0]
    p = tmp_path / "one.json"
    p.write_text(json.dumps({"id": a["id"], "text": a["text"], "title": a["title"], "url": "https://e.example/1"}), encoding="utf-8")
    (r,) = read_path(str(p), published="2005-03-01")
    assert (r["id"], r["title"], r["published"], r["url"]) == (a["id"], a["title"], "2005-03-01", "https://e.example/1")
    assert r["text"] == a["text"]


def test_a_json_list_with_one_bad_item_keeps_the_good_ones(tmp_path, articles):
    p = tmp_path / "list.json"
    items = [{"id": a["id"], "text": a["text"], "title": a["title"], "published": f"2005-01-0{n}"} for n, a in enumerate(articles[:3], 1)]
    items.insert(1, {"id": "no-text", "title": "Nothing here"})
    p.write_text(json.dumps(items), encoding="utf-8")
    good, bad = split(read_json_file(p))
    assert [r["id"] for r in good] == [a["id"] for a in articles[:3]]
    assert [r["published"] for r in good] == ["2005-01-01", "2005-01-02", "2005-01-03"]
    assert bad == [f'{p}:2: missing or empty "text"']


@pytest.mark.parametrize(
    "content,message",
    [
        ("{not json", "malformed JSON"),
        ('"just a string"', "expected a JSON object"),
        ("", "empty input"),
    ],
)
def test_a_bad_json_file_is_one_error_naming_it(tmp_path, content, message):
    p = tmp_path / "bad.json"
    p.write_text(content, encoding="utf-8")
    (err,) = list(read_path(str(p)))
    assert isinstance(err, InputError) and str(err).startswith(f"{p}") and message in str(err) and "\n" not in str(err)


def test_json_lines_plain_and_gzipped(tmp_path, articles):
    lines = "".join(json.dumps({"id": a["id"], "text": a["text"], "title": a["title"]}) + "\n" for a in articles[:2])
    plain, packed = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"
    plain.write_text(lines, encoding="utf-8")
    with gzip.open(packed, "wt", encoding="utf-8") as f:
        f.write(lines)
    for p in (plain, packed):
        good, bad = split(read_path(str(p), published="2005-03-01"))
        assert bad == [] and [(r["id"], r["title"], r["published"]) for r in good] == [(a["id"], a["title"], "2005-03-01") for a in articles[:2]]


# -- CSV -------------------------------------------------------------------------------------------------------


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def test_csv_with_the_default_column_names(tmp_path, articles):
    p = tmp_path / "plain.csv"
    write_csv(
        p,
        ["id", "title", "text", "published", "url"],
        [[a["id"], a["title"], a["text"], f"2005-03-0{n}", f"https://e.example/{n}"] for n, a in enumerate(articles[:2], 1)],
    )
    good, bad = split(read_path(str(p)))
    assert bad == []
    assert [(r["id"], r["title"], r["published"], r["url"]) for r in good] == [
        (a["id"], a["title"], f"2005-03-0{n}", f"https://e.example/{n}") for n, a in enumerate(articles[:2], 1)
    ]
    assert [r["text"] for r in good] == [a["text"] for a in articles[:2]]  # multi-paragraph text survives quoting


def test_csv_with_a_column_mapping(tmp_path, articles):
    p = tmp_path / "feed.csv"
    write_csv(
        p,
        ["guid", "headline", "body", "date", "link", "section"],
        [
            ["g1", articles[0]["title"], articles[0]["text"], "2005-03-01T10:00:00Z", "https://e.example/1", "business"],
            ["", articles[1]["title"], articles[1]["text"], "", "https://e.example/2", "business"],
            ["", articles[2]["title"], articles[2]["text"], "", "", "business"],
        ],
    )
    mapping = parse_columns("text=body, title=headline,published=date,url=link,id=guid")
    assert mapping == {"text": "body", "title": "headline", "published": "date", "url": "link", "id": "guid"}
    good, bad = split(read_csv_file(p, published="2005-04-01", columns=mapping))
    assert bad == []
    assert [(r["id"], r["title"], r["published"], r["url"]) for r in good] == [
        ("g1", articles[0]["title"], "2005-03-01", "https://e.example/1"),
        ("https://e.example/2", articles[1]["title"], "2005-04-01", "https://e.example/2"),  # no id: the URL
        ("feed:4", articles[2]["title"], "2005-04-01", None),  # no id, no URL: FILE:ROW
    ]


def test_a_csv_without_the_text_column_is_one_error_with_the_fix(tmp_path, articles):
    p = tmp_path / "feed.csv"
    write_csv(p, ["headline", "body"], [[articles[0]["title"], articles[0]["text"]]])
    (err,) = list(read_path(str(p)))
    assert isinstance(err, InputError) and "\n" not in str(err)
    assert str(err) == f"{p}: no 'text' column (columns: headline, body); map one with --columns text=COLUMN"


def test_a_csv_row_with_a_bad_date_is_one_error_and_the_others_come(tmp_path, articles):
    p = tmp_path / "feed.csv"
    write_csv(p, ["id", "text", "published"], [["a", articles[0]["text"], "01/03/2005"], ["b", articles[1]["text"], "2005-03-01"], ["c", "   ", ""]])
    good, bad = split(read_path(str(p)))
    assert [r["id"] for r in good] == ["b"]
    assert bad == [f"{p}:2: date '01/03/2005' is not YYYY-MM-DD", f'{p}:4: missing or empty "text"']


@pytest.mark.parametrize("spec", ["text", "body=text", "text=", "=body", "text=body,headline", "title:headline"])
def test_a_malformed_columns_spec_is_one_error(spec):
    with pytest.raises(InputError, match=r"^--columns: .* is not FIELD=COLUMN with FIELD one of id, text, title, published, url$"):
        parse_columns(spec)


def test_empty_columns_spec_is_no_mapping():
    assert parse_columns(None) == parse_columns("") == parse_columns(" , ") == {}


def test_a_malformed_columns_spec_fails_the_cli_with_usage_error(tmp_path):
    from conftest import run_cli

    p = tmp_path / "a.txt"
    p.write_text("Some text.", encoding="utf-8")
    r = run_cli("ingest", str(p), "--db", str(tmp_path / "g.db"), "--columns", "body")
    assert r.returncode == 2
    lines = r.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "--columns: 'body' is not FIELD=COLUMN" in lines[0]
    assert not (tmp_path / "g.db").exists()


cell = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(cell.filter(lambda s: s.strip()), cell), min_size=1, max_size=5))
def test_read_csv_round_trips_what_dictwriter_wrote(rows):
    """Any text and title values written by csv.DictWriter come back unchanged (an empty title as None)."""
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=["body", "headline"])
    w.writeheader()
    w.writerows({"body": text, "headline": title} for text, title in rows)
    good, bad = split(read_csv(io.StringIO(buf.getvalue(), newline=""), "x.csv", columns={"text": "body", "title": "headline"}))
    assert bad == []
    assert [(r["text"], r["title"]) for r in good] == [(text, title or None) for text, title in rows]
    assert len({r["id"] for r in good}) == len(rows)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(cell.filter(lambda s: s.strip()), cell), min_size=1, max_size=3))
def test_read_csv_file_round_trips_through_utf8_bytes(tmp_path_factory, rows):
    p = tmp_path_factory.mktemp("csv") / "rows.csv"
    with open(p, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["text", "title"])
        w.writeheader()
        w.writerows({"text": text, "title": title} for text, title in rows)
    good, bad = split(read_csv_file(p))
    assert bad == [] and [(r["text"], r["title"]) for r in good] == [(text, title or None) for text, title in rows]


# -- folders ---------------------------------------------------------------------------------------------------


def test_a_folder_is_read_recursively_skipping_hidden_and_other_files(tmp_path, articles):
    root = tmp_path / "news"
    (root / "2005" / "march").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text(f"{articles[0]['title']}\n\n{articles[0]['text']}", encoding="utf-8")
    (root / "2005" / "b.json").write_text(json.dumps([{"id": "b1", "text": articles[1]["text"]}, {"id": "b2"}]), encoding="utf-8")
    (root / "2005" / "march" / "c.html").write_bytes(article_page(articles[2], "https://news.example.com/c"))
    write_csv(root / "2005" / "march" / "d.csv", ["id", "text"], [["d1", articles[3]["text"]]])
    with gzip.open(root / "2005" / "e.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "e1", "text": articles[4]["text"]}) + "\n")
    (root / "f.jsonl").write_text(json.dumps({"id": "f1", "text": articles[5]["text"]}) + "\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("A hidden draft.", encoding="utf-8")
    (root / ".git" / "notes.txt").write_text("Inside a hidden folder.", encoding="utf-8")
    (root / "README.md").write_text("Not an article.", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    good, bad = split(read_folder(root, published="2005-03-01"))
    assert sorted(r["id"] for r in good) == sorted(["a", "b1", "https://news.example.com/c", "d1", "e1", "f1"])
    assert bad == [f'{root / "2005" / "b.json"}:2: missing or empty "text"']
    assert all(r["published"] for r in good)
    # read_path and read_input read a folder the same way
    assert split(read_input(str(root), published="2005-03-01")) == (good, bad)


def test_a_folder_inside_a_hidden_folder_is_still_read(tmp_path):
    root = tmp_path / ".cache" / "news"
    root.mkdir(parents=True)
    (root / "a.txt").write_text("Some text.", encoding="utf-8")
    assert [r["id"] for r in read_path(str(root))] == ["a"]


# -- stdin -----------------------------------------------------------------------------------------------------


def test_stdin_json_lines(articles):
    data = "\n" + "".join(json.dumps({"id": a["id"], "text": a["text"], "title": a["title"]}) + "\n" for a in articles[:2]) + "{bad\n"
    good, bad = split(read_stdin(io.StringIO(data), published="2005-03-01"))
    assert [(r["id"], r["title"], r["published"]) for r in good] == [(a["id"], a["title"], "2005-03-01") for a in articles[:2]]
    assert len(bad) == 1 and bad[0].startswith("<stdin>:4: malformed JSON")


def test_stdin_web_page(articles):
    page = article_page(articles[0], "https://news.example.com/absa", published="2005-02-14").decode()
    (r,) = read_stdin(io.StringIO("\n  " + page), published="2005-03-01")
    assert (r["id"], r["url"], r["title"], r["published"]) == (
        "https://news.example.com/absa",
        "https://news.example.com/absa",
        articles[0]["title"],
        "2005-02-14",
    )


def test_stdin_plain_text(articles):
    a = articles[0]
    (r,) = read_stdin(io.StringIO(f"{a['title']}\n\n{a['text']}"), published="2005-03-01")
    assert (r["id"], r["title"], r["published"], r["url"]) == ("stdin", a["title"], "2005-03-01", None)
    assert a["text"] in r["text"]


@pytest.mark.parametrize(
    "data,message",
    [("", "<stdin>: empty input"), ("  \n", "<stdin>: empty input"), ("<html><body></body></html>", "<stdin>: no article text found in the page")],
)
def test_stdin_without_an_article_is_one_error(data, message):
    (err,) = list(read_stdin(io.StringIO(data)))
    assert isinstance(err, InputError) and str(err) == message


def test_read_input_dash_reads_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Plain words on stdin."))
    (r,) = read_input("-")
    assert r["id"] == "stdin" and r["text"] == "Plain words on stdin."

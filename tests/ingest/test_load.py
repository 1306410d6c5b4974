"""The extract-and-store loop: new, unchanged and copied records, failures; and ``newsgraph ingest`` end to end."""

import csv
import importlib
import re

import pytest
from conftest import run_cli
from site_fixture import article_page, bbc_articles

from newsgraph.ingest.load import Tally, load
from newsgraph.ingest.text import InputError
from newsgraph.store import Store


@pytest.fixture(scope="module")
def articles(shared):
    return bbc_articles(shared, 4)


def record(a, **extra):
    return {"id": a["id"], "text": a["text"], "title": a["title"], "published": "2005-03-01", "url": None, **extra}


def syndicated(a, url):
    """Another site's copy of ``a``: headline on top, other spacing, its own URL and id."""
    text = a["title"] + "\n\n" + "\n".join(" ".join(p.split()) for p in a["text"].split("\n\n"))
    return {"id": "mirror-" + a["id"], "text": text, "title": a["title"], "published": "2005-03-02", "url": url}


@pytest.fixture
def extracted(monkeypatch):
    """The ids of the records that reach the pipeline (load imports extract_many when called)."""
    seen = []
    module = importlib.import_module("newsgraph.extract")  # the module: the package exports a function of that name
    real = module.extract_many

    def spy(records, **kw):
        def watched():
            for r in records:
                seen.append(r["id"])
                yield r

        return real(watched(), **kw)

    monkeypatch.setattr(module, "extract_many", spy)
    return seen


def test_load_counts_new_unchanged_copies_and_failures(tmp_path, articles, extracted):
    a0, a1, a2 = articles[:3]
    with Store(str(tmp_path / "g.db")) as store:
        first = load(store, [record(a0, url="https://news.example.com/a0")])
        assert (first.new, first.unchanged, first.copies, first.failures) == (1, 0, 0, []) and first.events > 0
        assert store.counts()["documents"] == 1
        extracted.clear()
        lines, saved = [], []
        items = [
            record(a1),
            InputError('feed.json:2: missing "id"'),
            syndicated(a0, "https://mirror.example.org/a0?utm_source=x"),
            record(a0, url="https://news.example.com/a0"),
            record(a2),
        ]
        tally = load(store, items, on_failure=lines.append, on_saved=lambda r, res: saved.append((r["id"], res.created, res.copy)))
        assert isinstance(tally, Tally)
        assert (tally.new, tally.unchanged, tally.copies) == (2, 2, 1)
        assert tally.failures == lines == ['feed.json:2: missing "id"']
        assert extracted == [a1["id"], a2["id"]]  # the copy and the re-sent text are not extracted again
        assert store.counts()["documents"] == 3
        # (records found stored are reported at once, extracted ones after their batch: compare without order)
        assert sorted(saved) == sorted(
            [(a1["id"], True, False), ("mirror-" + a0["id"], False, True), (a0["id"], False, False), (a2["id"], True, False)]
        )
        assert tally.events == store.counts()["events"] - first.events
        doc_id = store.duplicate_of(a0["text"])
        assert sorted(s["url"] for s in store.sources(doc_id)) == ["https://mirror.example.org/a0", "https://news.example.com/a0"]


def test_a_record_that_fails_to_store_is_one_line_and_the_others_are_stored(tmp_path, articles, monkeypatch):
    a0, a1 = articles[:2]
    with Store(str(tmp_path / "g.db")) as store:
        real = store._save

        def save(s, doc, text, now, link, group):  # fails inside the batch's transaction, and again alone
            if doc["document"]["id"] == a0["id"]:
                raise RuntimeError("disk on fire\nsecond line")
            return real(s, doc, text, now, link, group)

        monkeypatch.setattr(store, "_save", save)
        lines = []
        tally = load(store, [record(a0), syndicated(a0, "https://mirror.example.org/a0"), record(a1)], on_failure=lines.append)
        assert (tally.new, tally.unchanged) == (1, 0) and len(lines) == 2 and tally.failures == lines
        # the copy waiting for a0 fails with it
        assert [x.split(":")[0] for x in lines] == [a0["id"], "mirror-" + a0["id"]]
        assert all(": not stored (" in x and "\n" not in x for x in lines)
        assert store.counts()["documents"] == 1


def test_a_copy_in_the_same_load_as_its_original_is_not_extracted(tmp_path, articles, extracted):
    a0 = articles[0]
    with Store(str(tmp_path / "g.db")) as store:
        tally = load(store, [record(a0), syndicated(a0, "https://mirror.example.org/a0")])
        assert (tally.new, tally.unchanged, tally.copies) == (1, 1, 1)
        assert store.counts()["documents"] == 1
        assert extracted == [a0["id"]]  # the copy waited for its original instead of being extracted too


# -- the command -----------------------------------------------------------------------------------------------

SUMMARY = re.compile(r"^newsgraph: (\d+) new, (\d+) unchanged.*, (\d+) failed; .* holds (\d+) documents")


def summary(stderr: bytes) -> tuple[int, ...]:
    (line,) = [x for x in stderr.decode().splitlines() if SUMMARY.match(x)]
    return tuple(int(n) for n in SUMMARY.match(line).groups())


def test_ingest_a_folder_then_again_is_a_no_op(tmp_path, articles):
    folder = tmp_path / "in"
    (folder / "pages").mkdir(parents=True)
    a0, a1, a2 = articles[:3]
    (folder / "a0.txt").write_text(f"{a0['title']}\n\n{a0['text']}", encoding="utf-8")
    (folder / "pages" / "a1.html").write_bytes(article_page(a1, "https://news.example.com/a1"))
    with open(folder / "feed.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["guid", "headline", "body"])
        w.writerow(["a2", a2["title"], a2["text"]])
    db = str(tmp_path / "g.db")
    r = run_cli("ingest", str(folder), "--db", db, "--columns", "text=body,title=headline,id=guid", "--published", "2005-03-01")
    assert r.returncode == 0, r.stderr.decode()
    assert summary(r.stderr) == (3, 0, 0, 3)
    with Store(db) as s:
        keys = {s.document(d)["key"] for d in (s.duplicate_of(a["text"]) for a in (a0, a2))}
    assert keys == {"a0", "a2"}
    r = run_cli("ingest", str(folder), "--db", db, "--columns", "text=body,title=headline,id=guid")
    assert r.returncode == 0, r.stderr.decode()
    assert summary(r.stderr) == (0, 3, 0, 3)
    assert r.stderr.decode().startswith("newsgraph: 0 new, 3 unchanged")


def test_ingest_a_url_on_a_private_address_needs_the_flag(tmp_path, site, articles):
    url = site.route("/world/a3", body=article_page(articles[3], "https://news.example.com/a3"))
    db = str(tmp_path / "g.db")
    r = run_cli("ingest", url, "--db", db)
    assert r.returncode == 1
    refused = [x for x in r.stderr.decode().splitlines() if "refused" in x]
    assert len(refused) == 1 and url in refused[0] and "--allow-private-urls" in refused[0]
    assert site.hits == []
    assert summary(r.stderr) == (0, 0, 1, 0)
    r = run_cli("ingest", url, "--db", db, "--allow-private-urls")
    assert r.returncode == 0, r.stderr.decode()
    assert summary(r.stderr) == (1, 0, 0, 1) and site.hits == ["/world/a3"]
    with Store(db) as s:
        (src,) = s.sources(s.duplicate_of(_stored_text(s)))
    assert src["url"] == "https://news.example.com/a3"


def _stored_text(store):
    from sqlalchemy import select

    from newsgraph.store import schema as t

    with store.engine.connect() as c:
        (text,) = c.execute(select(t.Document.text)).scalars().all()
    return text

"""Watchlists and alerts over a real SQLite store and real extraction."""

import json

import pytest
from conftest import json_lines, run_cli

from newsgraph.extract import extract
from newsgraph.ingest.save import save as save_document
from newsgraph.store import Store
from newsgraph.watch import alerts as alerting

FIRST = "Maria Lopez met Peter Grant in Lisbon on Friday. Peter Grant criticised the Atlas Mining Company."
# another outlet's take: other words around the same sentence (another fingerprint, the same edge)
SECOND = "Wire report.\n\nMaria Lopez met Peter Grant in Lisbon on Friday. Officials declined to comment."


def save(store, text, key):
    return save_document(store, extract(text, id=key, published="2024-05-03", url=f"https://news.example/{key}"), text)


def test_single_and_pair_watches_alert_once_per_edge(tmp_path):
    with Store(str(tmp_path / "g.db")) as store:
        alerting.add_watch(store, ["Peter Grant"])
        alerting.add_watch(store, ["Maria Lopez", "Atlas Mining Company"], between=True)
        first = save(store, FIRST, "a")
        raised = alerting.match(store, first.event_ids, ["file:x"])
        assert raised and all("Peter Grant" in a["source"] + a["target"] for a in raised)
        assert "CONSULT" in {a["type"] for a in raised} and len(raised) >= 2  # the meeting and the criticism
        meet = next(a for a in raised if a["type"] == "CONSULT")
        assert meet["status"] == "occurred" and meet["url"] == "https://news.example/a" and meet["published"] == "2024-05-03"
        assert meet["sentence"] == "Maria Lopez met Peter Grant in Lisbon on Friday." and meet["time"]
        assert not any("Maria Lopez + Atlas Mining Company" in a["watched"] for a in raised)  # no edge joins that pair
        second = save(store, SECOND, "b")
        assert second.created and second.event_ids
        assert alerting.match(store, second.event_ids, ["file:x"]) == []  # the same meeting: no second alert
        assert len(alerting.alerts(store)) == len(raised)


def test_one_alert_per_real_event_and_one_more_when_a_plan_is_held(tmp_path):
    with Store(str(tmp_path / "g.db")) as store:
        alerting.add_watch(store, ["Peter Grant"])
        plan = "Maria Lopez will meet Peter Grant in Lisbon on Friday."
        raised = alerting.match(store, save(store, plan, "plan").event_ids)
        meetings = [(a["status"], a["event"]["status"]) for a in raised if a["type"] == "CONSULT"]
        assert meetings == [("planned", "planned")]
        held = "Peter Grant held talks with Maria Lopez in Lisbon."
        again = alerting.match(store, save(store, held, "held").event_ids)
        assert [(a["type"], a["event"]["status"], a["event"]["reports"]) for a in again] == [("CONSULT", "occurred", 2)]
        retold = "Maria Lopez and Peter Grant met in the Portuguese capital."
        assert [a for a in alerting.match(store, save(store, retold, "retold").event_ids) if a["type"] == "CONSULT"] == []


def test_a_copy_adds_no_edges_so_no_alert(tmp_path):
    with Store(str(tmp_path / "g.db")) as store:
        alerting.add_watch(store, ["Peter Grant"])
        save(store, FIRST, "a")
        copy = save(store, FIRST.replace(" on ", "  on "), "copy")
        assert not copy.created and copy.copy and copy.event_ids == []


def test_delivery_keeps_what_a_sink_could_not_take(tmp_path, site):
    with Store(str(tmp_path / "g.db")) as store:
        alerting.add_watch(store, ["Peter Grant"])
        hook = alerting.WebhookSink(site.route("/hook", status=500), timeout=2)
        sinks = [alerting.FileSink(str(tmp_path / "alerts.jsonl")), hook]
        raised = alerting.match(store, save(store, FIRST, "a").event_ids, [s.name for s in sinks])
        result = alerting.deliver(store, sinks)
        assert result.delivered == 0 and len(result.failures) == 1  # a sink that is down is not tried again at once
        assert "HTTP 500" in result.failures[0]
        assert len((tmp_path / "alerts.jsonl").read_text().splitlines()) == len(raised)
        site.route("/hook", status=200)
        assert alerting.deliver(store, sinks).delivered == len(raised)
        posted = [json.loads(p)["alert"] for p in site.posts]
        assert len(posted) == 1 + len(raised) and sorted(posted[1:]) == sorted(a["alert"] for a in raised)
        assert len((tmp_path / "alerts.jsonl").read_text().splitlines()) == len(raised)  # the file got each once


def test_watchlist_commands(tmp_path):
    db = str(tmp_path / "g.db")
    assert json_lines(run_cli("watchlist", "add", "Peter Grant", "Maria Lopez", "--db", db).stdout) == [
        {"name": "Maria Lopez"},
        {"name": "Peter Grant"},
    ]  # oldest first, then by name
    run_cli("watchlist", "add", "Maria Lopez", "Atlas Mining Company", "--between", "--db", db)
    assert {"name": "Maria Lopez", "between": "Atlas Mining Company"} in json_lines(run_cli("watchlist", "list", "--db", db).stdout)
    bad = run_cli("watchlist", "add", "A", "B", "C", "--between", "--db", db)
    assert bad.returncode == 2 and b"--between takes exactly two names" in bad.stderr
    assert run_cli("watchlist", "remove", "Peter Grant", "--db", db).returncode == 0
    assert run_cli("watchlist", "remove", "Nobody", "--db", db).returncode == 1
    assert {"name": "Peter Grant"} not in json_lines(run_cli("watchlist", "list", "--db", db).stdout)
    assert run_cli("alerts", "--db", db).stdout == b""


@pytest.mark.parametrize(
    "args,message",
    [
        (["--every", "soon"], b"--every: 'soon' is not a duration"),
        (["--webhook", "not-a-url"], b"--webhook: 'not-a-url' is not an http(s) URL"),
    ],
)
def test_watch_usage_errors(tmp_path, args, message):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://news.example/rss.xml\n")
    res = run_cli("watch", str(feeds), "--db", str(tmp_path / "g.db"), "--once", *args)
    assert res.returncode == 2 and message in res.stderr and b"Traceback" not in res.stderr


def test_watch_once_from_the_command_line(tmp_path, site, shared):
    from site_fixture import article_page, bbc_articles

    (article,) = bbc_articles(shared, 1)
    site.route("/a.html", body=article_page(article, site.base + "/a.html"))
    site.route(
        "/rss.xml",
        body=(f'<rss version="2.0"><channel><title>t</title><item><title>x</title><link>{site.base}/a.html</link></item></channel></rss>').encode(),
        headers={"Content-Type": "application/rss+xml"},
    )
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.base + "/rss.xml\n")
    db = str(tmp_path / "g.db")
    run_cli("watchlist", "add", "Barclays", "--db", db)
    refused = run_cli("watch", str(feeds), "--db", db, "--once")
    assert refused.returncode == 1 and b"loopback address: refused" in refused.stderr
    res = run_cli("watch", str(feeds), "--db", db, "--once", "--allow-private-urls", "--delay", "0", "--alerts", str(tmp_path / "alerts.jsonl"))
    assert res.returncode == 0, res.stderr
    alerts = json_lines(res.stdout)
    assert alerts and all("Barclays" in a["watched"] for a in alerts)
    assert b"cycle 1: 1 feeds" in res.stderr and b"1 stored" in res.stderr
    by_key = lambda rows: sorted(rows, key=lambda a: a["alert"])  # noqa: E731 - delivered in the order of their keys
    assert by_key(json_lines((tmp_path / "alerts.jsonl").read_bytes())) == by_key(alerts)
    assert sorted(a["alert"] for a in json_lines(run_cli("alerts", "--db", db).stdout)) == sorted(a["alert"] for a in alerts)


def test_ingest_prints_alerts_for_watched_actors(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(FIRST)
    db = str(tmp_path / "g.db")
    run_cli("watchlist", "add", "Peter Grant", "--db", db)
    first = run_cli("ingest", str(article), "--db", db, "--published", "2024-05-03")
    alerts = json_lines(first.stdout)
    assert first.returncode == 0 and alerts and all(a["watched"] == ["Peter Grant"] for a in alerts)
    assert run_cli("ingest", str(article), "--db", db).stdout == b""  # nothing new, no alert

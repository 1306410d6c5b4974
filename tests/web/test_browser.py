"""The web page in a real headless Chromium against the real app (uvicorn on a free loopback port).

Skipped when playwright or /usr/bin/chromium is missing.  The screenshots go to a temporary folder, or
to ``docs/screenshots/`` with ``NEWSGRAPH_SCREENSHOTS=1`` (``make screenshots``), which the README shows.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from conftest import IN_CI

pytest.importorskip("playwright")
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    if IN_CI:  # a browser test that cannot run is a broken CI run, not a skip
        pytest.fail("CI=true: /usr/bin/chromium is not installed", pytrace=False)
    pytest.skip("/usr/bin/chromium is not installed", allow_module_level=True)

import httpx  # noqa: E402
import uvicorn  # noqa: E402
from playwright.sync_api import expect, sync_playwright  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shots(tmp_path) -> Path:
    """Where screenshots go: docs/screenshots/ when asked for, else a temporary folder."""
    folder = ROOT / "docs" / "screenshots" if os.environ.get("NEWSGRAPH_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
PLANNED = {"Sundar Pichai", "Sam Altman", "Mark Zuckerberg", "Tim Cook"}
XSS = "<script>window.pwned=1</script>"
IMG = '<img src=x onerror="window.pwned=1">'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: str, token: str | None = None, **options):
    """Run the app over ``db`` (``create_app`` options) with uvicorn in a thread; returns (base URL, stop)."""
    from newsgraph.api.app import create_app

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db, token=token, **options), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started:
        if time.time() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)

    def stop() -> None:
        srv.should_exit = True
        thread.join(10)

    return f"http://127.0.0.1:{port}", stop


@pytest.fixture(scope="module")
def server(example_db, tmp_path_factory):
    """The app over a copy of the example store; yields the base URL."""
    db = tmp_path_factory.mktemp("web") / "graph.db"
    shutil.copy(example_db, db)
    base, stop = serve(str(db))
    yield base
    stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = ctx.new_page()
    pg.set_default_timeout(15_000)
    errors: list[str] = []
    dialogs: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)  # the page runs under its CSP
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.errors, pg.dialogs = errors, dialogs  # type: ignore[attr-defined]
    yield pg
    ctx.close()


def wait_network(page, center: str | None = None) -> None:
    sel = "#network[data-state=ready]" + (f"[data-center='{center}']" if center else "")
    page.wait_for_selector(sel, state="attached")


def cy_edges(page) -> list[dict]:
    return page.evaluate("""() => window.newsgraphCy.edges().map(e => ({
        id: e.id(), edgeId: e.data('edgeId'), eventId: e.data('eventId'), status: e.data('status'), type: e.data('type'),
        source: e.source().data('name'), target: e.target().data('name'),
        lineStyle: e.style('line-style'), lineColor: e.style('line-color'), label: e.style('label'),
        sentence: e.data('sentence')}))""")


def open_actor(page, base: str, query: str, name: str) -> str:
    page.goto(base + "/")
    page.fill("#search", query)
    button = page.locator("#suggestions button.suggestion", has_text=name).first
    button.click()
    page.wait_for_url("**/#/entity/*")
    entity_id = page.evaluate("location.hash.split('/')[2]")
    wait_network(page, entity_id)
    return entity_id


def test_actor_network_evidence_document_and_paste(server, page, shots):
    milei = open_actor(page, server, "Milei", "Javier Milei")
    expect(page.locator("#actor-name")).to_have_text("Javier Milei")

    edges = cy_edges(page)
    planned = [e for e in edges if e["status"] == "planned"]
    assert len(planned) == 4, planned
    assert {e["target"] for e in planned} == PLANNED
    assert all(e["lineStyle"] == "dashed" for e in planned)
    assert all(e["lineStyle"] == "solid" for e in edges if e["status"] == "occurred")
    assert page.locator("#timeline li.row").count() >= len({e["eventId"] for e in edges})  # one row per real event
    assert page.locator("#legend").inner_text().count("Person") == 1

    # tap a planned edge: the evidence panel shows its sentence and a link to the document
    edge = planned[0]
    page.evaluate("id => window.newsgraphCy.getElementById(id).emit('tap')", edge["id"])
    evidence = page.locator("#evidence")
    expect(evidence.locator("blockquote.sentence")).to_have_text(edge["sentence"])
    expect(evidence).to_contain_text("CONSULT")
    expect(evidence).to_contain_text("planned")
    expect(evidence.locator("dd.reports")).to_contain_text("by 1 report in 1 article; the event is planned")
    page.screenshot(path=str(shots / "actor.png"))

    # follow the link: the evidence sentence is highlighted in the article, mentions are marked
    evidence.locator("a.doc-link").click()
    page.wait_for_selector("#doc-text[data-state=ready]", state="attached")
    assert page.locator("mark.evidence").count() == 1
    assert page.locator("mark.evidence").text_content() == edge["sentence"]
    assert page.locator("span.mention[data-type=Person]", has_text="Milei").count() >= 1
    page.screenshot(path=str(shots / "document.png"))

    # filters re-fetch: only planned ones
    page.goto(f"{server}/#/entity/{milei}")
    wait_network(page, milei)
    page.select_option("#f-status", "planned")
    page.wait_for_function("() => window.newsgraphCy.edges().length === 4 && document.querySelector('#network').dataset.state === 'ready'")
    assert {e["status"] for e in cy_edges(page)} == {"planned"}
    page.select_option("#f-status", "")
    page.wait_for_function("() => window.newsgraphCy.edges().length > 4")

    # paste a second article: the graph grows
    before = page.evaluate("() => [window.newsgraphCy.nodes().length, window.newsgraphCy.edges().length]")
    form = page.locator("#paste-form")
    form.locator("textarea[name=text]").fill(
        "Javier Milei met Elon Musk in Austin on Friday. Milei praised Tesla. Javier Milei will meet Jensen Huang in Buenos Aires next week."
    )
    form.locator("input[name=title]").fill("Milei in Austin")
    form.locator("input[name=published]").fill("2024-06-01")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#paste-result[data-state=ready]", state="attached")
    expect(page.locator("#paste-result")).to_contain_text("Added")
    page.wait_for_function("([n, e]) => window.newsgraphCy.nodes().length > n || window.newsgraphCy.edges().length > e", arg=before)
    after = page.evaluate("() => [window.newsgraphCy.nodes().length, window.newsgraphCy.edges().length]")
    assert after[0] + after[1] > before[0] + before[1]
    assert page.errors == [] and page.dialogs == []  # type: ignore[attr-defined]


def test_untrusted_text_is_never_markup(server, page):
    text = (
        f"Javier Milei met {XSS} Smith in Rome on Monday. "
        f"Boss {IMG} Jones criticised Javier Milei. "
        f"The article's own markup: {XSS} and {IMG} and <b>bold</b>."
    )
    title = f"Title {XSS}{IMG}"
    r = httpx.post(server + "/api/documents", json={"text": text, "title": title, "url": "javascript:window.pwned=1"})
    if r.status_code == 422:  # the app may refuse a javascript: URL; store it without one
        r = httpx.post(server + "/api/documents", json={"text": text, "title": title})
    assert r.status_code in (200, 201), r.text
    doc_id = r.json()["document_id"]

    page.goto(f"{server}/#/document/{doc_id}?start=0&end=10")
    page.wait_for_selector("#doc-text[data-state=ready]", state="attached")
    assert page.locator("#doc-text").text_content() == text
    expect(page.locator("#doc-title")).to_have_text(title)
    assert page.locator("#doc-text script, #doc-text img, #doc-text b, #doc-title img").count() == 0
    for a in page.locator("a[href]").all():
        assert not (a.get_attribute("href") or "").lower().startswith("javascript:")

    # the actor view lists the pasted interactions (names and sentences are text, never markup)
    open_actor(page, server, "Milei", "Javier Milei")
    page.locator("#timeline li.row").last.wait_for()
    for row in page.locator("#timeline li.row").all():
        row.click()
    assert page.locator("#timeline img, #timeline script, #evidence img, #evidence script").count() == 0
    assert XSS in page.locator("#timeline").inner_text()  # shown as text
    # every suggestion built from the hostile names is text too
    page.fill("#search", "pwned")
    page.wait_for_timeout(600)
    assert page.locator("#suggestions img, #suggestions script").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("() => typeof window.pwned") == "undefined"
    assert page.errors == [] and page.dialogs == []  # type: ignore[attr-defined]


def test_token_from_the_page_url_is_sent_on_every_request(example_db, tmp_path, page):
    db = tmp_path / "graph.db"
    shutil.copy(example_db, db)
    base, stop = serve(str(db), token="s3cret")
    try:
        assert httpx.get(base + "/api/entities").status_code == 401
        seen: list[tuple[str, str | None]] = []
        page.on("request", lambda r: seen.append((r.url, r.headers.get("authorization"))))
        page.goto(base + "/?token=s3cret")
        page.fill("#search", "Milei")
        page.locator("#suggestions button.suggestion", has_text="Javier Milei").first.click()
        wait_network(page)
        assert page.evaluate("() => window.newsgraphCy.edges().length") > 0
        api_calls = [(u, a) for u, a in seen if "/api/" in u]
        assert api_calls and all(a == "Bearer s3cret" for _, a in api_calls), api_calls
        assert "token" not in page.url  # it left the address bar; a reload works on the cookie
        page.reload()
        wait_network(page)
        assert page.evaluate("() => window.newsgraphCy.edges().length") > 0
        assert page.errors == []  # type: ignore[attr-defined]
    finally:
        stop()


def test_hostile_api_answers_render_as_text(server, page):
    """Names, types, sentences, titles and URLs from the API, all hostile (mocked), never become markup."""
    bad = [XSS, IMG, '"><svg onload=window.pwned=1>', "</textarea><iframe src=javascript:window.pwned=1>"]
    names = {f"n{i}": b for i, b in enumerate(bad)}
    edge = {
        "id": "e0",
        "type": "CONSULT",
        "mode": IMG,
        "context": XSS,
        "status": "negated",
        "source": [bad[0]],
        "target": [bad[1]],
        "source_ids": ["n0"],
        "target_ids": ["n1"],
        "time": {"text": XSS, "start": "2024-01-01", "end": None},
        "confidence": 0.5,
        "first_seen": "x",
        "evidence": {
            "document": "d0",
            "url": "javascript:window.pwned=1",
            "published": IMG,
            "sentence": f"He met {XSS} and {IMG}.",
            "start": 3,
            "end": 12,
        },
    }
    edges = [edge] + [dict(edge, id=f"e{i}", status="planned", source_ids=["n0"], target_ids=[f"n{i}"], target=[bad[i]]) for i in (2, 3)]
    answers = {
        "/api/entities": [{"id": k, "name": v, "type": "Person", "mentions": 1, "events": 1} for k, v in names.items()],
        "/api/entities/n0": {
            "id": "n0",
            "name": bad[0],
            "type": "Person",
            "country": IMG,
            "aliases": bad,
            "roles": [{"person": bad[0], "org": IMG, "title": XSS, "evidence": {}}],
            "interactions": {},
        },
        "/api/ego/n0": {
            "center": "n0",
            "truncated": False,
            "edges": edges,
            "nodes": [{"id": k, "hops": 0 if k == "n0" else 1, "name": v, "type": XSS if k == "n3" else "Person"} for k, v in names.items()],
        },
        "/api/timeline/n0": edges,
        "/api/documents/d0": {
            "id": "d0",
            "key": IMG,
            "title": XSS + IMG,
            "url": "javascript:window.pwned=1",
            "published": IMG,
            "text": f"He met {XSS} and {IMG}. <b>x</b>",
            "mentions": [{"start": 7, "end": 10, "entity_id": "n0", "name": IMG, "type": XSS}],
            "evidence": [],
        },
    }

    def handle(route):
        path = route.request.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        body = answers.get("/" + path)
        if body is None:
            route.fulfill(status=404, json={"detail": XSS + IMG})
        else:
            route.fulfill(status=200, json=body)

    page.route("**/api/**", handle)
    page.goto(server + "/")
    page.fill("#search", "x")
    page.locator("#suggestions button.suggestion").first.wait_for()
    assert page.locator("#suggestions button.suggestion").first.text_content().startswith(XSS)
    page.locator("#suggestions button.suggestion").first.click()
    wait_network(page, "n0")
    expect(page.locator("#actor-name")).to_have_text(XSS)
    negated = [e for e in cy_edges(page) if e["status"] == "negated"]
    assert negated and negated[0]["lineStyle"] == "dotted" and "✕" in negated[0]["label"]
    page.locator("#timeline li.row").first.click()
    expect(page.locator("#evidence blockquote")).to_have_text(edge["evidence"]["sentence"])
    page.locator("#evidence a.doc-link").click()
    page.wait_for_selector("#doc-text[data-state=ready]", state="attached")
    expect(page.locator("#doc-title")).to_have_text(XSS + IMG)
    assert page.locator("#doc-text").text_content() == answers["/api/documents/d0"]["text"]
    page.goto(server + "/#/entity/nope")
    expect(page.locator("#message")).to_have_text(XSS + IMG)
    page.wait_for_timeout(300)
    assert page.locator("main img, main script, main svg, main iframe, main b, #suggestions img").count() == 0
    for a in page.locator("a[href]").all():
        assert not (a.get_attribute("href") or "").lower().startswith("javascript:")
    assert page.evaluate("() => typeof window.pwned") == "undefined"
    assert page.errors == [] and page.dialogs == []  # type: ignore[attr-defined]


def test_add_an_article_by_url(example_db, tmp_path, page, site, shared):
    """A URL alone is fetched and read; a loopback URL is refused unless the server allows private URLs."""
    from site_fixture import article_page, bbc_articles

    (article,) = bbc_articles(shared, 1)
    url = site.route("/business/1.html", body=article_page(article, "https://news.example.com/business/1"))
    for allow, expected in ((False, "loopback address: refused"), (True, "Added")):
        db = tmp_path / f"graph-{allow}.db"
        shutil.copy(example_db, db)
        base, stop = serve(str(db), allow_private_urls=allow)
        try:
            page.goto(base + "/")
            page.locator("#paste-form input[name=url]").fill(url)
            page.locator("#paste-form button[type=submit]").click()
            page.wait_for_selector("#paste-result:is([data-state=ready], [data-state=error])", state="attached")
            expect(page.locator("#paste-result")).to_contain_text(expected)
            if allow:
                page.locator("#paste-result a").click()
                page.wait_for_selector("#doc-text[data-state=ready]", state="attached")
                expect(page.locator("#doc-title")).to_have_text(article["title"])
        finally:
            stop()


def test_a_hub_opens_as_its_strongest_partners(tmp_path, page):
    """An actor with hundreds of partners opens as the 25 strongest per hop (the API's default cap), and
    the page says how many more there are; two hops stay capped too."""
    import importlib.util
    import sqlite3

    spec = importlib.util.spec_from_file_location("bench_queries", ROOT / "benchmarks" / "queries.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    db = tmp_path / "hub.db"
    bench.build_synthetic(db, 6000, 600)
    con = sqlite3.connect(db)
    (hub,) = con.execute("SELECT entity_id FROM event_actors GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1").fetchone()
    con.close()
    base, stop = serve(str(db))
    try:
        page.goto(f"{base}/#/entity/{hub}")
        wait_network(page, hub)
        assert page.evaluate("window.newsgraphCy.nodes().length") == 26
        assert int(page.get_attribute("#network", "data-more")) > 100
        expect(page.locator("#net-info")).to_contain_text("more actors not shown")
        page.select_option("#f-hops", "2")
        deadline = time.time() + 15
        while not page.evaluate("window.newsgraphCy.nodes().some(n => n.data('hops') === 2)"):
            assert time.time() < deadline, "the two-hop view did not come"
            time.sleep(0.05)
        wait_network(page, hub)
        assert page.evaluate("window.newsgraphCy.nodes().length") <= 51
        assert not page.errors
    finally:
        stop()

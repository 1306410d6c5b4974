"""The page on a big store: how long a hub's network takes to show in a real browser, one hop and two.

    pip install -e '.[test]'      # playwright; the browser is Debian's /usr/bin/chromium
    python benchmarks/page.py [--synthetic benchmarks/.cache/synthetic.db] [--hubs 10]

Serves the synthetic store of `benchmarks/queries.py` (built there; 1M interactions) with the app on a
loopback port, waits for the graph snapshot the server builds at start, then opens each of the most
connected actors' page (`#/entity/ID`) in headless Chromium and times it until the network is drawn
(`#network[data-state=ready]`), then switches to two hops and times that.  Prints p50 and the slowest.
Target (issue 21): under a second.
"""

from __future__ import annotations

import argparse
import socket
import sqlite3
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=Path, default=HERE / ".cache" / "synthetic.db")
    ap.add_argument("--hubs", type=int, default=10)
    args = ap.parse_args()
    if not args.synthetic.exists():
        raise SystemExit(f"page: no store at {args.synthetic}; run benchmarks/queries.py first")
    import uvicorn
    from playwright.sync_api import sync_playwright

    from newsgraph.api.app import create_app
    from newsgraph.graph.snapshot import snapshot_of

    con = sqlite3.connect(args.synthetic)
    hubs = [h for (h,) in con.execute("SELECT entity_id FROM event_actors GROUP BY entity_id ORDER BY count(*) DESC LIMIT ?", (args.hubs,))]
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(str(args.synthetic))
    t0 = time.perf_counter()
    snapshot_of(app.state.store)  # waits for the one the server started building
    warmed = time.perf_counter() - t0
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    times: dict[int, list[float]] = {1: [], 2: []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless=new", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.set_default_timeout(60_000)
        for hub in hubs:
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("#search")
            t0 = time.perf_counter()
            page.evaluate(f"location.hash = '#/entity/{hub}'")
            page.wait_for_selector(f"#network[data-state=ready][data-center='{hub}']", state="attached")
            times[1].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            page.select_option("#f-hops", "2")
            page.wait_for_selector("#network[data-state=loading]", state="attached")
            page.wait_for_selector(f"#network[data-state=ready][data-center='{hub}']", state="attached")
            times[2].append(time.perf_counter() - t0)
            page.select_option("#f-hops", "1")
            page.wait_for_selector(f"#network[data-state=ready][data-center='{hub}']", state="attached")
        browser.close()
    server.should_exit = True
    print(f"## The page on the synthetic store ({n_events:,} interactions): the {len(hubs)} most connected actors\n")
    print(f"The server's graph snapshot was ready {warmed:.1f} s after start.\n")
    print("| view | p50 s | slowest s |\n|---|---|---|")
    for hops, xs in times.items():
        xs.sort()
        print(f"| hub, {hops} hop{'s' if hops > 1 else ''} (capped at 25 per hop) | {xs[len(xs) // 2]:.2f} | {xs[-1]:.2f} |")


if __name__ == "__main__":
    main()

"""Screenshots of each page of the web app for the README (docs/img/web-*.png).

Builds a demo database from the bundled example article and the sentences of
tests/data/gold/news_dev.jsonl (coded by whimbrel, then deduplicated), serves
it on a free 127.0.0.1 port and drives Debian's chromium with Playwright.

    python scripts/web_screenshots.py            # writes docs/img/web-*.png
    python scripts/web_screenshots.py --out /tmp  # elsewhere
"""

from __future__ import annotations

import argparse
import os
import socket
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def build(db: Path) -> None:
    from whimbrel import api
    from whimbrel.store import Store, dedup

    os.chdir(ROOT)  # paths as a user would type them (they are shown as each article's origin)
    api.ingest(["tests/data/gold/news_dev.jsonl", "src/whimbrel/data/examples/scmp-2018-11-05-kim-diaz-canel.txt"],
               db=db)
    with Store(db) as st:
        dedup.refresh(st.con)


def serve(db: Path):
    import uvicorn

    from whimbrel.web.app import create_app
    from whimbrel.web.service import Service

    svc = Service(db)
    svc.warm_up()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(svc), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    return srv, f"http://127.0.0.1:{port}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "img"))
    args = ap.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp) / "demo.duckdb")
        os.chdir(tmp)
        srv, base = serve(Path("demo.duckdb"))
        example = (ROOT / "src" / "whimbrel" / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt").read_text("utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1360, "height": 860})

            def shot(name, url=None):
                if url:
                    page.goto(base + url)
                    page.wait_for_selector("body[data-ready='1']")
                page.wait_for_timeout(300)
                page.screenshot(path=str(out / f"web-{name}.png"))
                print("wrote", out / f"web-{name}.png")

            page.goto(base + "/app/code")
            page.wait_for_selector("body[data-ready='1']")
            page.fill("#input", example)
            page.click("#code-button")
            page.wait_for_selector("table.events tbody tr")
            page.click("table.events tbody tr[data-index='5']")
            shot("code")
            shot("events", "/app/events?actor=USA")
            page.click("table.events tbody tr:nth-child(2)")
            page.wait_for_selector(".article")
            shot("article")
            # the pair with events in the most months of this small demo (checked by hand)
            page.goto(base + "/app/dyad?a=KOR&b=PRK&by=month")
            page.wait_for_selector("rect.bar")
            bars = page.locator("rect.bar")
            first, last = bars.first.bounding_box(), bars.last.bounding_box()
            page.mouse.move(first["x"] + 1, first["y"] + 2)
            page.mouse.down()
            page.mouse.move(last["x"] + last["width"] - 1, first["y"] + 4)
            page.mouse.up()
            page.wait_for_selector("#dyad-events tbody tr")
            shot("dyad")
            shot("network", "/app/network")
            shot("map", "/app/map")
            browser.close()
        srv.should_exit = True


if __name__ == "__main__":
    main()

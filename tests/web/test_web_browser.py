"""The web page in a real browser: Debian's chromium driven by Playwright for Python.

The server runs in a thread on a free loopback port over the hand-made test
database (and the session's spaCy pipeline for the Code page). Screenshots of
each page are saved as test artefacts in ``build/test-artifacts/web/`` (or
``$WHIMBREL_TEST_ARTIFACTS``). Skipped, with the reason, when chromium or
Playwright is missing: ``apt-get install chromium`` and
``pip install -e '.[test]'``.
"""

from __future__ import annotations

from webfixtures import *  # noqa: F401,F403  (the web tests' fixtures)

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

import webdb

CHROMIUM = os.environ.get("WHIMBREL_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(os.environ.get("WHIMBREL_TEST_ARTIFACTS") or Path(__file__).resolve().parents[2] / "build" / "test-artifacts" / "web")
TIMEOUT_MS = 20_000
EXAMPLE_GOLD = Path(__file__).resolve().parents[1] / "data" / "gold" / "scmp-2018-11-05-kim-diaz-canel.gold.json"

if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
    pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright (pip install playwright)")


@pytest.fixture(scope="module")
def server(read_service, pipeline):
    import uvicorn

    from whimbrel.web.app import create_app

    read_service._pipeline = pipeline
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(read_service), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    ctx.close()


def open_page(pg, url: str) -> None:
    pg.goto(url)
    pg.wait_for_selector("body[data-ready='1']")


def rows(pg, selector="table.events tbody tr") -> list[dict]:
    return pg.eval_on_selector_all(selector, "trs => trs.map(tr => ({...tr.dataset, text: tr.innerText}))")


def test_code_page_shows_the_example_gold_events_with_highlights(page, server, example_text):
    from whimbrel.evaluate import _root, gold_keys, load_gold

    open_page(page, server + "/app/code")
    page.fill("#input", example_text)
    page.click("#code-button")
    page.wait_for_selector("table.events tbody tr")
    shown = rows(page)
    keys = {(_root(r["source"]), _root(r["target"]), r["cameo"][:2]) for r in shown}
    (gold,) = load_gold(EXAMPLE_GOLD)
    missed = [g.id for g in gold.events if not (gold_keys(g, "dyad_root") & keys)]
    assert len(gold.events) == 13 and not missed, f"gold events not shown: {missed}"
    assert page.locator(".article .trigger").count() >= 13
    assert page.locator(".article .actor").count() >= 20
    # clicking an event marks its trigger words in the text
    third = shown[2]
    page.click(f"table.events tbody tr[data-index='{third['index']}']")
    active = page.eval_on_selector_all(".article .active", "ns => ns.map(n => n.textContent).join(' ')")
    assert third["trigger"] and third["trigger"].split()[0] in active
    assert "modality" in page.inner_text("table.events thead") and "confidence" in page.inner_text("table.events thead")
    assert not page.errors


def test_events_filter_then_open_the_article(page, server):
    open_page(page, server + "/app/events")
    assert "1–17 of 17 events" in page.inner_text("#count")
    page.fill("#filters input[name=dyad]", "PRK,USA")
    page.select_option("#filters select[name=quad]", "4")
    page.click("#filters button[type=submit]")
    page.locator("#count", has_text="1–1 of 1 events").wait_for()
    assert "dyad=PRK%2CUSA" in page.url and "quad=4" in page.url  # the view is a URL
    (only,) = rows(page)
    assert (only["source"], only["target"], only["cameo"]) == ("USAGOV", "PRK", "163")
    page.click("table.events tbody tr")
    page.wait_for_selector(".article")
    assert "/app/article/a-feb" in page.url
    assert page.locator("table.events tbody tr.active").count() == 1
    assert page.locator(".article .active").count() >= 1
    # the shared URL opens the same filtered view
    open_page(page, server + "/app/events?dyad=PRK,USA&quad=4")
    assert len(rows(page)) == 1
    assert not page.errors


def test_dyad_chart_draws_the_api_values(page, server):
    import json
    import urllib.request

    with urllib.request.urlopen(server + "/dyads/PRK/USA?by=month") as r:
        api = json.load(r)
    open_page(page, server + "/app/dyad?a=PRK&b=USA&by=month")
    page.wait_for_selector("#dyad-chart svg rect.bar")
    bars = page.eval_on_selector_all("rect.bar", "rs => rs.map(r => ({p: r.dataset.period, d: r.dataset.dir, "
                                                  "q: +r.dataset.quad, n: +r.dataset.count, h: +r.getAttribute('height')}))")
    drawn = {(b["p"], b["d"], b["q"]): b["n"] for b in bars}
    expected = {(p["period"], d, q + 1): n for p in api["periods"] for d in ("ab", "ba")
                for q, n in enumerate(p[d]) if n}
    assert drawn == expected and sum(drawn.values()) == api["events"] == 9
    assert all(b["h"] > 0 for b in bars)
    points = page.eval_on_selector_all("circle.gpoint", "cs => cs.map(c => [c.dataset.period, +c.dataset.value])")
    assert points == [[p["period"], p["goldstein_mean"]] for p in api["periods"] if p["goldstein_mean"] is not None]
    # brushing April lists its events
    box = page.locator(f"rect.bar[data-period='2018-04']").first.bounding_box()
    page.mouse.move(box["x"] - 2, box["y"] + 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] + 2, box["y"] + 4)
    page.mouse.up()
    page.wait_for_selector("#dyad-events table.events tbody tr")
    assert "2018-04-01 – 2018-04-30: 2 reports" in page.inner_text("#dyad-events h3")
    assert "period=2018-04-01..2018-04-30" in page.url
    assert not page.errors


def test_network_and_map_draw(page, server):
    open_page(page, server + "/app/network?since=2018-11")
    nodes = page.eval_on_selector_all("g.node", "gs => gs.map(g => g.dataset.id)")
    assert set(nodes) == {"CUB", "PRK", "USA", "RUS", "UKR"}
    assert page.locator("line.link").count() >= 4
    assert page.locator("#time-slider").count() == 1
    open_page(page, server + "/app/map")
    page.wait_for_selector("#map svg circle.place")
    assert page.locator("#map path.land").count() > 100  # the shipped world outline
    names = page.eval_on_selector_all("circle.place", "cs => cs.map(c => c.dataset.name)")
    assert set(names) == {"Pyongyang", "Washington", "Havana", "Donetsk"}
    page.click("circle.place[data-name='Donetsk']")
    page.wait_for_selector("#place-events tbody tr")
    assert len(rows(page, "#place-events tbody tr")) == 1
    assert not page.errors


def _assert_inert(page, container: str, needles=("<script>", "onerror", "javascript:")) -> None:
    text = page.inner_text(container)
    assert all(n in text for n in needles), text[:500]
    for bad in ("script", "img", "a[href^='javascript']", "b"):
        assert page.locator(f"{container} {bad}").count() == 0, f"{bad} element rendered from article text"
    assert page.evaluate("window.__xss === undefined")


def test_hostile_article_renders_as_text(page, server):
    open_page(page, server + f"/app/article/{webdb.XSS_ID}")
    page.wait_for_selector(".article")
    _assert_inert(page, "main")
    assert "<script>" in page.inner_text("h2")  # the title too
    assert page.get_attribute(".article .actor", "title").startswith("PRKMED (<img")  # a name, as text
    open_page(page, server + f"/app/events?article={webdb.XSS_ID}")
    _assert_inert(page, "main", needles=("<script>", "<b>"))
    open_page(page, server + "/app/code")
    page.fill("#input", webdb.XSS_TEXT)
    page.click("#code-button")
    page.wait_for_selector("#result .article")
    _assert_inert(page, "#result")
    assert not page.errors

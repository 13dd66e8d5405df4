"""The web server under load, on loopback only: `whimbrel serve` over 100k events.

1. Builds a database of N synthetic events (default 100,000; 10 per article,
   random dyads among 12 countries, dates over six years, 20 places) with the
   store's own batch writer. Nothing is coded: the events are made up.
2. Starts `whimbrel serve` on a free 127.0.0.1 port (the model loads at start).
3. POST /code with the bundled example: the first request and 10 more.
4. GET /events: pages of 100 at offsets from the first to the last page,
   unfiltered and filtered, each timed.
5. 50 concurrent GET /events requests (50 threads, one request each, a 30 s
   timeout each): how many succeed, and the slowest.

    python bench/web.py                 # 100k events
    python bench/web.py --events 20000  # quicker
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from importlib.resources import files
from pathlib import Path

from whimbrel.model import Actor, Article, Document, Event, Evidence, Location, Modality, Paragraph, Plover
from whimbrel.store import Store

COUNTRIES = ["USA", "RUS", "CHN", "PRK", "KOR", "JPN", "UKR", "IRN", "ISR", "PSE", "CUB", "GBR"]
CODES = [("036", "03", 1, 4.0, "CONSULT"), ("043", "04", 1, 2.8, "CONSULT"), ("057", "05", 1, 8.0, "AGREE"),
         ("070", "07", 2, 7.0, "AID"), ("112", "11", 3, -2.0, "ACCUSE"), ("138", "13", 3, -7.0, "THREATEN"),
         ("163", "16", 4, -8.0, "SANCTION"), ("190", "19", 4, -10.0, "ASSAULT")]
PLACES = [Location(f"City {i}", COUNTRIES[i % len(COUNTRIES)], None, -60 + i * 6.0, -170 + i * 17.0, 1000 + i, "city")
          for i in range(20)]


def build(path: Path, n_events: int, seed: int = 1) -> float:
    rng = random.Random(seed)
    t0 = time.perf_counter()
    start = dt.date(2015, 1, 1)
    with Store(path) as st:
        batch = []
        for a in range(n_events // 10):
            text = f"Synthetic story {a}\n\nOfficials met and talked about the region. " * 2
            pub = start + dt.timedelta(days=rng.randrange(6 * 365))
            art = Article(id=f"a{a:06d}", text=text, paragraphs=(Paragraph(0, 20, "headline"), Paragraph(22, len(text), "body")),
                          title=f"Story {a}", published=dt.datetime.combine(pub, dt.time(8)), source="bench",
                          content_hash=hashlib.sha1(text.encode()).hexdigest())
            events = []
            for k in range(10):
                s, t = rng.sample(COUNTRIES, 2)
                code, root, quad, gold, plover = rng.choice(CODES)
                day = pub - dt.timedelta(days=rng.randrange(3))
                events.append(Event(
                    event_id=f"e{a:06d}{k}", article_id=art.id, sentence_index=k,
                    source=Actor(code=s + "GOV", text="Officials", start=22, end=31, country=s, sector="GOV", name=s),
                    target=Actor(code=t, text="region", start=60, end=66, country=t, name=t),
                    cameo=code, cameo_root=root, quad_class=quad, goldstein=gold, plover=Plover(plover, None, ()),
                    evidence=Evidence(sentence=text[22:70], sentence_start=22, trigger="met", trigger_start=32,
                                      trigger_end=35, pattern="bench"),
                    modality=Modality(), date=day.isoformat(), date_precision="day",
                    location=rng.choice(PLACES), confidence=round(rng.uniform(0.3, 0.95), 2), coder_version="bench"))
            batch.append(Document(article=art, events=events))
            if len(batch) == 500:
                st.write_batch(batch)
                batch = []
        if batch:
            st.write_batch(batch)
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port: int, method: str, path: str, body: bytes | None = None, ctype: str | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    t0 = time.perf_counter()
    try:
        conn.request(method, path, body=body, headers={"content-type": ctype} if ctype else {})
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, data, (time.perf_counter() - t0) * 1000
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--concurrent", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        print(f"building {args.events:,} events ...", flush=True)
        print(f"  built in {build(db, args.events):.1f} s")
        port = free_port()
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", "from whimbrel.cli import main; main()", "serve", "--db", str(db),
                                 "--port", str(port)], stderr=subprocess.PIPE, text=True, env=os.environ.copy())
        try:
            while True:
                try:
                    if request(port, "GET", "/health")[0] == 200:
                        break
                except OSError:
                    if proc.poll() is not None:
                        raise SystemExit(proc.stderr.read())
                    time.sleep(0.2)
            print(f"server up in {time.perf_counter() - t0:.1f} s (model loaded and warmed up)")
            example = (files("whimbrel") / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt").read_bytes()
            times = []
            for i in range(11):
                status, data, ms = request(port, "POST", "/code", example, "text/plain")
                assert status == 200, data[:300]
                times.append(ms)
            n_ev = len(json.loads(data)["events"])
            print(f"POST /code (example, {n_ev} events): first {times[0]:.0f} ms; next 10 median "
                  f"{statistics.median(times[1:]):.0f} ms, max {max(times[1:]):.0f} ms")
            total = json.loads(request(port, "GET", "/events?limit=1")[1])["total"]
            for label, query in (("unfiltered", ""), ("actor=PRK&quad=4", "&actor=PRK&quad=4"),
                                 ("since=2018&until=2019&min_confidence=0.5", "&since=2018&until=2019&min_confidence=0.5")):
                n = json.loads(request(port, "GET", f"/events?limit=1{query}")[1])["total"]
                offsets = sorted({0, 100, n // 4, n // 2, max(0, n - 100)} | {random.Random(2).randrange(max(1, n)) for _ in range(5)})
                ms = []
                for off in offsets:
                    status, data, t = request(port, "GET", f"/events?limit=100&offset={off}{query}")
                    assert status == 200 and len(json.loads(data)["events"]) == min(100, n - off), data[:200]
                    ms.append(t)
                print(f"GET /events {label} ({n:,} of {total:,} events), {len(ms)} pages of 100: "
                      f"median {statistics.median(ms):.0f} ms, max {max(ms):.0f} ms")
            t0 = time.perf_counter()
            with ThreadPoolExecutor(args.concurrent) as pool:
                res = list(pool.map(lambda i: request(port, "GET", f"/events?limit=100&offset={i * 1000}"),
                                    range(args.concurrent)))
            wall = time.perf_counter() - t0
            ok = sum(1 for s, _, _ in res if s == 200)
            print(f"{args.concurrent} concurrent GET /events: {ok} succeeded, slowest {max(t for *_, t in res):.0f} ms, "
                  f"all done in {wall * 1000:.0f} ms")
        finally:
            proc.terminate()
            proc.wait(timeout=20)


if __name__ == "__main__":
    main()

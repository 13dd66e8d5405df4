"""Non-political news codes (almost) no events (issue 10).

Twelve articles of the Lee corpus (lines 0-99 of ``lee_background.cor``, shipped in
gensim's wheel) that are about sport, the weather, fires or business, chosen by topic
before the relevance rule was written: 0 (bushfire), 6 (tennis), 8 (firefighters),
10 (storms), 17 (tennis), 27 (yachting), 33 (bushfires, arson arrests), 37 (cricket),
40 (firefighters), 42 (airline fares), 55 (cricket, weather), 59 (cricket). The coder of
2026-12-04 emitted 18 events on them; at most one may come out. No gold is written for
any other Lee article (the rest of the corpus is kept for benchmarks).
"""

from __future__ import annotations

from pathlib import Path

import pytest

NON_POLITICAL = (0, 6, 8, 10, 17, 27, 33, 37, 40, 42, 55, 59)


@pytest.fixture(scope="module")
def lee_lines():
    gensim = pytest.importorskip("gensim", reason="the Lee corpus ships in gensim's wheel (pip install gensim)")
    path = Path(gensim.__file__).parent / "test" / "test_data" / "lee_background.cor"
    if not path.exists():
        pytest.skip(f"{path} is not in this gensim install")
    return [ln.strip() for ln in path.read_text(encoding="latin-1").splitlines() if ln.strip()]


def test_twelve_non_political_articles_give_at_most_one_event(pipeline, lee_lines):
    from whimbrel.ingest import article_from_text

    arts = [article_from_text(lee_lines[i], id=f"lee-{i}", published="2001-12-28") for i in NON_POLITICAL]
    events = [(d.article.id, e.cameo, e.evidence.trigger) for d in pipeline.pipe(arts) for e in d.events]
    assert len(events) <= 1, events

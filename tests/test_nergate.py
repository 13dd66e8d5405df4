"""The NER-gated pass (nergate.py): the same events as the full pipeline on the gold examples."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("spacy")

GOLD = Path(__file__).parent / "data" / "gold"

GOLD_FILES = ("news_dev.jsonl", "news_heldout.jsonl", "scmp-2018-11-05-kim-diaz-canel.gold.json")


@pytest.fixture(scope="module")
def both():
    from whimbrel.errors import ModelNotFound
    from whimbrel.pipeline import Pipeline
    from whimbrel.settings import Settings

    s = replace(Settings.from_env(opinion=False), gate=False)
    try:
        return Pipeline.load(replace(s, ner_gate=False)), Pipeline.load(replace(s, ner_gate=True))
    except ModelNotFound as e:
        pytest.skip(str(e))


def _events(pipe, articles):
    out = {}
    for doc in pipe.pipe(articles):
        for e in doc.events:
            key = (doc.article.id, e.evidence.trigger_start, e.cameo, e.source.code if e.source else None,
                   e.target.code if e.target else None)
            out[key] = e.location.name if e.location else None
    return out


@pytest.mark.parametrize("name", GOLD_FILES)
def test_ner_gated_events_equal_full_on_gold(both, name):
    """The same events; the same place for nearly all (on news_dev two events gain the place
    the recogniser read as a person: "in Yemen's capital Sanaa", "the town of Al Hoceima")."""
    from whimbrel.evaluate import _article, load_gold

    articles = [_article(d) for d in load_gold(GOLD / name)]
    full, gated = both
    a, b = _events(full, articles), _events(gated, articles)
    assert sorted(b) == sorted(a)
    differ = [k for k in a if a[k] != b[k]]
    assert len(differ) <= max(2, len(a) // 40), differ
    assert all(a[k] is None for k in differ), differ  # only places gained, none lost or changed


def test_ner_gated_doc_keeps_parse_and_names(both):
    from whimbrel.nergate import NerGatedNLP

    full, gated = both
    assert isinstance(gated.nlp, NerGatedNLP)
    text = ("Israel attacked targets in Gaza on Monday, the army said.\n\n"
            "Police in Perth arrested Jonathan Zwolinski, a local teacher, after a long chase through the suburbs "
            "of the city that lasted well into the night.")
    a, b = full.nlp(text), gated.nlp(text)
    assert [t.text for t in a] == [t.text for t in b]
    for attr in ("tag_", "dep_", "lemma_", "is_sent_start"):
        assert [getattr(t, attr) for t in a] == [getattr(t, attr) for t in b], attr
    assert [t.head.i for t in a] == [t.head.i for t in b]
    ents = {(e.text, e.label_) for e in b.ents}
    # an unknown name: the recogniser, read in its window
    assert ("Jonathan Zwolinski", "PERSON") in ents
    # knowledge-base places: GPE without the recogniser
    assert {("Israel", "GPE"), ("Gaza", "GPE")} <= ents
    assert gated.nlp.ner_tokens < gated.nlp.tokens


def test_places_need_the_gazetteer_and_a_place_entry(both):
    _, gated = both
    doc = gated.nlp("Hamas said the Pentagon and Washington had talked to Kabul.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Washington", "GPE") in ents and ("Kabul", "GPE") in ents
    assert not any(t in ("Hamas", "Pentagon", "the Pentagon") for t, _l in ents)


def test_whole_sentence_window(both):
    from whimbrel.nergate import NerGatedNLP

    _, gated = both
    nlp = gated.nlp
    whole = NerGatedNLP(nlp.nlp, nlp.selector, nlp.gazetteer, nlp.kb, window=None)
    text = "Police arrested Jonathan Zwolinski in Perth on Monday after a chase through the suburbs."
    doc = whole(text)
    assert ("Jonathan Zwolinski", "PERSON") in {(e.text, e.label_) for e in doc.ents}
    assert whole.ner_tokens == whole.tokens  # the sentence holds an unknown name: all of it is read


def test_a_stop_word_alone_is_no_unknown_name(both):
    from whimbrel.gate import Tokens

    _, gated = both
    nlp = gated.nlp
    text = 'The minister said: "I do not know. We will see." Then Jonathan Zwolinski left.'
    doc = nlp(text)
    toks = Tokens.of(doc)
    names = [" ".join(toks.texts[a:b]) for s in doc.sents for a, b in nlp.selector.unknown_names(toks, s.start, s.end)]
    assert "I" not in names and "We" not in names  # the recogniser does not read around a pronoun
    assert "Jonathan Zwolinski" in names

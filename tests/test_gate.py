"""The gated annotation pass (gate.py): the same events as parsing every sentence."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

GOLD = Path(__file__).parent / "data" / "gold"

GOLD_FILES = ("news_dev.jsonl", "news_heldout.jsonl", "scmp-2018-11-05-kim-diaz-canel.gold.json")


@pytest.fixture(scope="module")
def both():
    from whimbrel.pipeline import Pipeline
    from whimbrel.settings import Settings

    s = Settings.from_env(opinion=False)
    return Pipeline.load(replace(s, gate=False)), Pipeline.load(replace(s, gate=True))


def _events(pipe, articles):
    out = {}
    for doc in pipe.pipe(articles):
        out[doc.article.id] = sorted(
            (e.evidence.trigger_start, e.cameo, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in doc.events)
    return out


@pytest.mark.parametrize("name", GOLD_FILES)
def test_gated_events_equal_full_on_gold(both, name):
    from whimbrel.evaluate import _article, load_gold

    articles = [_article(d) for d in load_gold(GOLD / name)]
    full, gated = both
    assert _events(gated, articles) == _events(full, articles)


def test_gated_doc_keeps_every_token_and_sentence(both):
    _, gated = both
    text = ("The weather was fine in the park today. Israel attacked targets in Gaza on Monday.\n\n"
            "It rained. Mr Sharon met Arafat in Cairo and said the talks would go on.")
    doc = gated.nlp(text)
    assert doc.text == text
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents == ["The weather was fine in the park today.", "Israel attacked targets in Gaza on Monday.",
                     "It rained.", "Mr Sharon met Arafat in Cairo and said the talks would go on."]
    by_text = {t.text: t for t in doc}
    assert by_text["attacked"].dep_ == "ROOT" and by_text["attacked"].pos_ == "VERB"
    assert by_text["weather"].dep_ == "" and by_text["weather"].pos_ == ""  # not a candidate: not parsed
    assert by_text["weather"].lemma_ == "weather"
    assert not doc.ents  # every name here is a knowledge-base name: the entity recogniser is not run
    doc = gated.nlp("Police arrested Jonathan Zwolinski in Perth on Monday.")
    assert [(e.text, e.label_) for e in doc.ents][:1] == [("Jonathan Zwolinski", "PERSON")]


def test_rough_sentences_split_at_final_punctuation_and_blank_lines():
    import spacy

    from whimbrel.gate import rough_sentences

    nlp = spacy.blank("en")
    doc = nlp('He said "We will go." Then U.S. troops left.\n\nA new one starts here')
    spans = [doc[a:b].text.strip() for a, b in rough_sentences(doc)]
    assert spans == ['He said "We will go."', "Then U.S. troops left.", "A new one starts here"]


def test_selector_needs_a_trigger_and_an_actor(both):
    _, gated = both
    sel = gated.nlp.selector
    nlp = gated.nlp.nlp

    def cand(text):
        d = nlp.make_doc(text)
        return sel.is_candidate(d, 0, len(d))  # a Doc or its Tokens

    assert cand("Israeli troops attacked the village.")
    assert cand("They met in Cairo.")  # a pronoun coreference can resolve
    assert not cand("The weather was fine in the park today.")  # no trigger
    assert not cand("it was a sunny day")

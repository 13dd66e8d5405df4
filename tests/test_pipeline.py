"""The pipeline: annotation by nlp.pipe, stage order, per-document failures, paragraphs, names."""

from __future__ import annotations

import pytest

from whimbrel.errors import PipelineConfigError
from whimbrel.ingest import article_from_text
from whimbrel.model import Document, Failure
from whimbrel.pipeline import Pipeline, check_order


class Boom:
    name, needs, sets, version = "boom", ("sentences",), ("mentions",), "1"

    def __call__(self, doc: Document) -> Document:
        if "explode" in doc.article.text:
            raise ValueError("bad luck")
        doc.mentions = []
        return doc


def test_one_bad_document_does_not_stop_the_batch(pipeline):
    pipe = Pipeline(settings=pipeline.settings, nlp=pipeline.nlp, stages=[Boom()])
    arts = [article_from_text(t) for t in ("Chile protested.", "This will explode.", "Peru answered.")]
    failure = Failure("read-error.txt", "read", "empty", "empty")
    out = list(pipe.pipe([arts[0], failure, arts[1], arts[2]], batch_size=2))
    assert [type(o).__name__ for o in out] == ["Document", "Failure", "Failure", "Document"]
    assert out[1] is failure
    assert out[2].document == arts[1].id and out[2].stage == "boom" and "bad luck" in out[2].reason
    assert [o.article.id for o in (out[0], out[3])] == [arts[0].id, arts[2].id]


def test_needs_are_checked():
    class NeedsEvents:
        name, needs, sets = "late", ("events",), ()

    with pytest.raises(PipelineConfigError, match="needs events"):
        check_order([NeedsEvents()])


def test_paragraphs_never_merge_into_one_sentence(pipeline):
    # the headline has no final period; without the paragraph rule it would run into the body
    art = article_from_text("Kim and Diaz-Canel pledge closer ties\n\nKim met Diaz-Canel in Pyongyang on Sunday.")
    (doc,) = pipeline.pipe([art])
    for p in art.paragraphs:
        inside = [s for s in doc.sentences if p.start <= s.start < p.end]
        assert inside and all(s.end <= p.end for s in inside)
    assert doc.sentences[0].kind == "headline" and doc.sentences[-1].kind == "body"


def test_hyphenated_names_stay_whole(pipeline):
    art = article_from_text("Kim Jong-un welcomed Miguel Diaz-Canel at the airport.")
    (doc,) = pipeline.pipe([art])
    tokens = [t.text for t in doc.spacy]
    assert "Jong-un" in tokens and "Diaz-Canel" in tokens


def test_results_keep_input_order_and_version(pipeline):
    texts = [f"Report {i}: Chile protested to Peru." for i in range(7)]
    out = list(pipeline.pipe([article_from_text(t) for t in texts], batch_size=3))
    assert [o.article.text for o in out] == texts
    for o in out:
        assert all(e.coder_version == pipeline.coder_version for e in o.events)


def test_version_is_recorded_even_without_events(pipeline):
    (doc,) = list(pipeline.pipe([article_from_text("The weather was mild all week.", id="quiet")]))
    assert isinstance(doc, Document) and doc.events == []
    assert doc.extras["coder_version"] == pipeline.coder_version


def test_parsed_text_is_kept_as_the_docs_text(pipeline):
    """The pipeline keeps the string it parsed as the Doc's text (no rebuild from the tokens);
    a Doc whose tokens do not end where a given text does has its text built from the tokens."""
    from spacy.tokens import Doc

    from whimbrel.nlp import doc_text, keep_text

    text = "Prime Minister Diaz-Canel met Kim Jong-un in Pyongyang.\n\nThey signed a deal. "
    (doc,) = pipeline.pipe([article_from_text(text)])
    sp = doc.spacy
    assert sp.user_data.get("whimbrel_text") == sp.text == doc_text(sp)
    other = Doc(pipeline.nlp.vocab, words=["Chile", "met", "Peru", "."], spaces=[True, True, False, False])
    keep_text(other, "Chile met Peru. And more")
    assert "whimbrel_text" not in other.user_data and doc_text(other) == "Chile met Peru."

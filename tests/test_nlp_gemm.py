"""The models' matrix products through numpy (nlp.numpy_gemm) and the token embedding of a
batch's distinct rows (nlp.unique_embeddings) give spaCy's own vectors and annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")
np = pytest.importorskip("numpy")

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, TAG  # noqa: E402
from thinc.api import NumpyOps  # noqa: E402

from whimbrel.nlp import MIN_DISTINCT_ROWS, numpy_gemm, unique_embeddings  # noqa: E402
from whimbrel.settings import Settings  # noqa: E402

TEXTS = [
    "Cuban President Miguel Diaz-Canel met Kim Jong-un in Pyongyang on Monday, state media said.",
    "Israeli troops withdrew from Ramallah after Palestinian gunmen attacked a settlement near Nablus.",
    "The United Nations Security Council condemned the attack and called for talks in Geneva next week.",
]


def _two_models():
    """Two copies of the configured model, or a skip when it is not installed."""
    model = Settings.from_env().model
    try:
        return spacy.load(model), spacy.load(model)
    except OSError:
        pytest.skip(f"spaCy model {model} is not installed")


@pytest.fixture(scope="module")
def pair():
    return _two_models()


def test_numpy_gemm_same_annotations(pair, monkeypatch):
    plain, fast = pair
    monkeypatch.delenv("WHIMBREL_BLIS", raising=False)
    assert numpy_gemm(fast) > 0
    nodes = [n for _name, p in fast.pipeline if hasattr(getattr(p, "model", None), "walk") for n in p.model.walk()]
    assert not any(type(n.ops) is NumpyOps and n.ops.use_blis for n in nodes)
    assert numpy_gemm(fast) == 0  # nothing left to change
    cols = [POS, TAG, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for a, b in zip(plain.pipe(TEXTS), fast.pipe(TEXTS)):
        assert np.array_equal(a.to_array(cols), b.to_array(cols)), a.text


def test_blis_kept_on_request(monkeypatch):
    model = Settings.from_env().model
    try:
        nlp = spacy.load(model, disable=["parser", "ner"])
    except OSError:
        pytest.skip(f"spaCy model {model} is not installed")
    monkeypatch.setenv("WHIMBREL_BLIS", "1")
    assert numpy_gemm(nlp) == 0


def _news() -> list[str]:
    path = Path(__file__).parent / "data" / "gold" / "news_dev.jsonl"
    return [json.loads(line)["text"] for line in path.open(encoding="utf-8")]


@pytest.fixture(scope="module")
def numpy_pair():
    """Two copies of the model with numpy's matrix products, as whimbrel loads it."""
    plain, fast = _two_models()
    numpy_gemm(plain)
    numpy_gemm(fast)
    return plain, fast


def test_unique_embeddings_same_vectors(numpy_pair):
    plain, fast = numpy_pair
    assert unique_embeddings(fast) == 2  # the shared tok2vec's and the entity recogniser's
    assert unique_embeddings(fast) == 0
    texts = _news()
    extract = fast.get_pipe("tok2vec").model.layers[0].layers[0]
    for batch in (texts, texts[:40], texts[:3], ["x " * 600], [""]):
        a, b = [plain.make_doc(t) for t in batch], [fast.make_doc(t) for t in batch]
        for get in (lambda nlp: nlp.get_pipe("tok2vec").model,
                    lambda nlp: nlp.get_pipe("ner").model.get_ref("tok2vec")):
            for x, y in zip(get(plain).predict(a), get(fast).predict(b)):
                # The same vectors up to float32 rounding. Not bit for bit on every machine: a
                # BLAS kernel may round a row differently with the matrix's row count (measured
                # up to 3e-6 on AMD EPYC with OpenBLAS 0.3.31), and spaCy's own pipeline differs
                # as much between two batch sizes of the same texts. Annotations: below.
                assert x.dtype == y.dtype and x.shape == y.shape
                assert np.abs(x - y).max(initial=0.0) <= 1e-5
    # the whole gold file as one batch is embedded by its distinct rows
    rows = np.concatenate(extract.predict([fast.make_doc(t) for t in texts]))
    assert len(np.unique(rows, axis=0)) >= MIN_DISTINCT_ROWS
    for a, b in zip(plain.pipe(texts, batch_size=100), fast.pipe(texts, batch_size=100)):
        cols = [POS, TAG, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
        assert np.array_equal(a.to_array(cols), b.to_array(cols)), a.text

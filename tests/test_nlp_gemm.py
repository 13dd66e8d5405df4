"""The models' matrix products through numpy (nlp.numpy_gemm) give spaCy's own annotations."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
np = pytest.importorskip("numpy")

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, TAG  # noqa: E402
from thinc.api import NumpyOps  # noqa: E402

from whimbrel.nlp import numpy_gemm  # noqa: E402
from whimbrel.settings import Settings  # noqa: E402

TEXTS = [
    "Cuban President Miguel Diaz-Canel met Kim Jong-un in Pyongyang on Monday, state media said.",
    "Israeli troops withdrew from Ramallah after Palestinian gunmen attacked a settlement near Nablus.",
    "The United Nations Security Council condemned the attack and called for talks in Geneva next week.",
]


@pytest.fixture(scope="module")
def pair():
    model = Settings.from_env().model
    try:
        plain, fast = spacy.load(model), spacy.load(model)
    except OSError:
        pytest.skip(f"spaCy model {model} is not installed")
    return plain, fast


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

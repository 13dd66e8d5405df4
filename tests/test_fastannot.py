"""The cached attribute ruler and lemmatizer set exactly what spaCy's own components set."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
np = pytest.importorskip("numpy")

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG  # noqa: E402

from whimbrel.fastannot import AttributeRuler, FastAttributeRuler, speed_up  # noqa: E402
from whimbrel.settings import Settings  # noqa: E402

TEXTS = [
    "Cuban President Miguel Diaz-Canel met Kim Jong-un in Pyongyang on Monday, state media said.",
    "There is a man who says he's gon na leave. Let's go, y'all, ain't it so? I'd rather not.",
    "The ministers were arrested; protesters threw stones at police.\n\n  She told me  they had fled.",
    "Gon is a name; na is a syllable. Got it? I got ta go.",  # parts of the two-token patterns alone
]


@pytest.fixture(scope="module")
def pair():
    model = Settings.from_env().model
    try:
        plain, fast = spacy.load(model), spacy.load(model)
    except OSError:
        pytest.skip(f"spaCy model {model} is not installed")
    assert speed_up(fast) == ["attribute_ruler", "lemmatizer"]
    return plain, fast


def test_same_annotations_as_spacy(pair):
    plain, fast = pair
    cols = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
    for a, b in zip(plain.pipe(TEXTS), fast.pipe(TEXTS * 2)):  # twice: cold and warm caches
        assert np.array_equal(a.to_array(cols), b.to_array(cols)), a.text
    for a, b in zip(plain.pipe(TEXTS), fast.pipe(TEXTS)):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_two_token_patterns_fire_only_together(pair):
    _, fast = pair
    doc = fast("He is gon na leave. Gon is a name.")
    gon = [t for t in doc if t.lower_ == "gon"]
    assert gon[0].lemma_ == "go"  # "gon na" -> go + to
    assert gon[1].lemma_ != "go"  # "Gon" alone is not "going"


def test_unknown_pattern_form_keeps_spacy_component(pair):
    plain, _ = pair
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})  # SHAPE: a feature the cache does not key on
    assert speed_up(nlp) == []
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler
    assert not isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)

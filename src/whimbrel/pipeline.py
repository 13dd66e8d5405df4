"""Stage order, batching and per-document error capture.

A stage is any object with ``name``, ``needs``, ``sets`` and
``__call__(doc) -> doc`` (see :class:`Stage`). The pipeline checks at build
time that every stage's needs are set by an earlier stage. It parses articles
in batches with ``nlp.pipe`` and runs the other stages per document; a stage
that raises turns that document into a :class:`~whimbrel.model.Failure` and the
batch goes on. After a process's first batch, everything then alive (the model and
what the stages load on first use) is moved out of the cyclic garbage collector's
view (:func:`_settle`).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Protocol, runtime_checkable

from . import __version__
from .dateline import parse_text
from .errors import PipelineConfigError, TooLarge, WhimbrelError
from .model import Article, Document, Failure
from .nlp import attach, keep_text, load
from .settings import Settings

log = logging.getLogger(__name__)


@runtime_checkable
class Stage(Protocol):
    name: str
    needs: tuple[str, ...]
    sets: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


_REGISTRY: dict[str, Callable[[Settings], Stage]] = {}


def register(name: str):
    """Register a stage factory ``factory(settings) -> Stage`` under a name."""

    def deco(factory):
        _REGISTRY[name] = factory
        return factory

    return deco


def registered() -> list[str]:
    _load_builtin_stages()
    return sorted(_REGISTRY)


def make_stage(name: str, settings: Settings) -> Stage:
    _load_builtin_stages()
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise PipelineConfigError(f"unknown stage {name!r}; known stages: {', '.join(sorted(_REGISTRY))}") from None
    return factory(settings)


def _load_builtin_stages() -> None:
    # Importing the modules registers their stages. Done lazily, not at import.
    from . import when, where  # noqa: F401
    from .actors import resolve  # noqa: F401
    from .events import coder  # noqa: F401


DEFAULT_STAGES = ("actors", "events", "when", "where")


def check_order(stages: Iterable[Stage]) -> None:
    have = {"article", "spacy", "sentences"}
    for st in stages:
        missing = [n for n in st.needs if n not in have]
        if missing:
            raise PipelineConfigError(
                f"stage {st.name!r} needs {', '.join(missing)}, which no earlier stage sets; "
                f"put a stage that sets it before {st.name!r}"
            )
        have.update(st.sets)


def _failure(article: Article, stage: str, exc: BaseException) -> Failure:
    if isinstance(exc, WhimbrelError):
        code, reason = exc.code, exc.message
    else:
        code, reason = "internal", f"{type(exc).__name__}: {exc}"
    return Failure(document=article.id, stage=stage, code=code, reason=reason, origin=article.origin)


@dataclass
class Pipeline:
    """Loaded model plus stages. Build with :meth:`Pipeline.load`."""

    settings: Settings
    nlp: object
    stages: list[Stage]

    @classmethod
    def load(cls, settings: Settings | None = None, *, stages: Iterable[str] = DEFAULT_STAGES) -> "Pipeline":
        settings = settings or Settings.from_env()
        nlp = load(settings.model)
        if settings.gate and not settings.opinion:  # the opinion model reads every sentence
            from .gate import gated_for

            nlp = gated_for(nlp, settings)
        elif settings.ner_gate and not settings.opinion:
            from .nergate import ner_gated_for

            nlp = ner_gated_for(nlp, settings)
        built = [make_stage(n, settings) for n in stages]
        check_order(built)
        return cls(settings=settings, nlp=nlp, stages=built)

    @functools.cached_property
    def coder_version(self) -> str:
        parts = [getattr(st, "version", "") for st in self.stages]
        if self.settings.gate and not self.settings.opinion:  # the gated parse (gate.py) may code a little differently
            parts.append("gate.1")
        elif self.settings.ner_gate and not self.settings.opinion:
            parts.append("nergate.1")
        digest = hashlib.sha1("|".join([self.settings.model, *parts]).encode()).hexdigest()[:8]
        return f"{__version__}+{digest}"

    def pipe(self, items: Iterable[Article | Failure], *, batch_size: int | None = None) -> Iterator[Document | Failure]:
        """Code articles in batches; yield a Document or a Failure per input, in order."""
        batch_size = batch_size or self.settings.batch_size
        batch: list[Article | Failure] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                _settle()
                batch = []
        if batch:
            yield from self._batch(batch)
            _settle()

    def _batch(self, batch: list[Article | Failure]) -> Iterator[Document | Failure]:
        limit = getattr(self.nlp, "max_length", None) or float("inf")
        fits = [a for a in batch if isinstance(a, Article) and len(a.text) <= limit]
        parsed = _Parses(self.nlp, [parse_text(a) for a in fits])  # wire datelines blanked
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            if len(item.text) > limit:  # refused before parsing: spaCy would fail the whole batch
                yield _failure(item, "annotate", TooLarge(
                    f"the text is {len(item.text):,} characters, over the parser's limit of {limit:,} "
                    f"(spaCy's max_length); split the document into parts"))
                continue
            stage = "annotate"
            try:
                doc = attach(Document(article=item), parsed.next())
                for st in self.stages:
                    stage = st.name
                    doc = st(doc)
                    doc.done.update(st.sets)
                doc.events = [_stamp(e, self.coder_version) for e in doc.events]
                doc.extras["coder_version"] = self.coder_version
                yield doc
            except Exception as exc:  # recorded, never swallowed
                log.debug("document %s failed in %s", item.id, stage, exc_info=True)
                yield _failure(item, stage, exc)


_SETTLED = False


def _settle() -> None:
    """Once per process, after a pipeline's first batch: move every object then alive out of
    the cyclic garbage collector's view (``gc.freeze``, after one full collection so that no
    garbage is frozen).

    By then the model, the knowledge base and what the stages load on first use (the
    event lexicon alone is ~200k pattern objects) are loaded and live as long as the
    process; every full collection would otherwise walk them again (~0.2 s each, a few per
    thousand articles). Frozen objects are still freed by reference counting; only a
    reference cycle among them that later becomes garbage is never collected."""
    global _SETTLED
    if _SETTLED:
        return
    _SETTLED = True
    gc.collect()
    gc.freeze()


class _Parses:
    """The parses of a batch's texts, in order, from one ``nlp.pipe`` call.

    If the batched call raises, the error may belong to any text of spaCy's
    internal batch, so from there on each text is parsed on its own: only the
    text that raises again fails, and the others of the batch are coded.
    """

    def __init__(self, nlp, texts: list[str]):
        self.nlp = nlp
        self.texts = texts
        self.i = 0
        self.batched = True
        self.stream = None

    def next(self):
        text = self.texts[self.i]
        self.i += 1
        if self.batched:
            try:
                if self.stream is None:
                    self.stream = iter(self.nlp.pipe(self.texts))
                return keep_text(next(self.stream), text)
            except Exception as exc:
                log.debug("batched parse failed (%s); parsing the rest of the batch one by one", exc)
                self.batched, self.stream = False, None
        return keep_text(next(iter(self.nlp.pipe([text]))), text)


def _stamp(event, version):
    return event if event.coder_version == version else replace(event, coder_version=version)

"""The ``when`` stage: event dates from the text and the publication time.

For each event the stage looks for a time expression (see
:mod:`whimbrel.when.expressions`) in widening scopes and takes the first scope
that has one:

1. the event's own clause (the trigger's clause in the dependency parse);
2. its sentence, leaving out relative and participle clauses that modify some
   other noun ("Diaz-Canel, who took office in April, arrived ...");
3. the main clauses of the (up to two) sentences before it in its paragraph,
   nearest first ("... arrived on Sunday. He was met at the airport by Kim");
   bare years do not carry over (they are usually background);
4. for headline and summary events, the lead's date;
5. the publication date.

A document with no publication date is read as of today, as the actors stage reads
people's roles: relative expressions count from today and step 5 gives today. Each
event says where its date came from in ``date_source``: ``text``, ``published``, or
``assumed-today`` (today, or counted from it); an absolute date in the text is
``text`` either way. An assumed today marks nothing historical or future.

A date borrowed at steps 2 and 3 must agree with the event's tense (a past event
is not dated after publication, a future one not wholly before it). The expression is resolved with the tense of the verb that governs it ("was to
leave on Tuesday" counts forward, "arrived on Sunday" back), or future when the
coder marked the event future. An event whose date lies after publication is
marked future; one whose date ends over a year before publication is marked
historical. ``doc.extras["when"]`` records, per event id, the rule that fired
and the words it used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..clauses import REPORTING, clause_path, governing_verb, is_modifier_clause, tense_of, trigger_token
from ..model import Document, Event, document_day
from ..pipeline import register
from ..settings import Settings
from .expressions import FUTURE, PAST, PRESENT, DateValue, TimeExpr, find_expressions, resolve

__all__ = ["WhenStage", "DateValue", "TimeExpr", "find_expressions", "resolve", "tense_of", "trigger_token"]

_FUTURE_WORDS = {"ahead", "upcoming", "planned", "scheduled", "forthcoming", "next", "coming", "expected", "due"}
_DEADLINE_WORDS = {"by", "until", "till", "before"}
_BOUND_WORDS = {"since", "until", "till", "before", "ahead"}
_PAST_WORDS = {"after", "since", "ago", "previous", "earlier", "last"}
_YEAR = dt.timedelta(days=365)
_REACH = 2  # how many sentences back a paragraph's date carries


@dataclass(frozen=True)
class _Found:
    expr: TimeExpr
    sent: int  # index into doc.sentences
    paragraph: int
    path: tuple  # clause roots (token indices) from the expression's clause to the root
    root: int  # token index of the expression's root
    tense: str
    main: bool  # in the main clause chain (no relative/participle clause on the way)
    bound: bool = False  # in a "since/until/before ..." clause: a bound, not the date of what it modifies


def _fits(val: DateValue, pub: dt.date | None, tense: str) -> bool:
    """A borrowed date must agree with the event's own tense: a past event is not
    dated after publication, a future one not wholly before it."""
    if pub is None:
        return True
    if tense == PAST and val.start > pub:
        return False
    if tense == FUTURE and val.last < pub:
        return False
    return True


@dataclass(frozen=True)
class _Clock:
    """A document's publication day and, when it was updated within the week after,
    the update's day: then "now" for past events is the update ("spoke on Tuesday" in
    a story of Monday updated on Tuesday). ``assumed``: the document has no date and
    ``pub`` is today (see :func:`~whimbrel.model.document_day`)."""

    pub: dt.date | None
    updated: dt.date | None = None
    assumed: bool = False

    def __post_init__(self):
        if self.pub is None or self.updated is None or not 0 < (self.updated - self.pub).days < 7:
            object.__setattr__(self, "updated", None)

    @property
    def asof(self) -> dt.date | None:
        return self.updated or self.pub


class WhenStage:
    """Sets ``date``, ``date_end``, ``date_precision`` and ``historical`` on events."""

    name = "when"
    needs = ("events",)
    sets = ("events",)
    version = "when.4"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    # -- expressions in the document ---------------------------------------
    def _expressions(self, doc: Document) -> list[_Found]:
        sp = doc.spacy
        out: list[_Found] = []
        text = doc.article.text
        for ex in find_expressions(text):
            span = sp.char_span(ex.start, ex.end, alignment_mode="expand") if sp is not None else None
            sent = doc.sentence_at(ex.start)
            if sent is None:
                continue
            if span is None or len(span) == 0:
                out.append(_Found(ex, sent.index, sent.paragraph, (), -1, PRESENT, True))
                continue
            root = span.root
            # "X said on Monday it would ...": the parser often hangs the date on the
            # reported verb; by position it belongs to the reporting verb before it
            prev = sp[span.start - 1] if span.start > 0 else None
            if prev is not None and prev.lower_ == "on" and span.start > 1:
                prev = sp[span.start - 2]
            if prev is not None and prev.lemma_ in REPORTING and prev.pos_ == "VERB" and not root.is_ancestor(prev):
                root = prev
            path = clause_path(root)
            verb, way = governing_verb(root)
            tense = tense_of(verb) if verb is not None else PRESENT
            words = {t.lower_ for t in way}
            if not ex.tense_free:
                if words & _FUTURE_WORDS:
                    tense = FUTURE
                elif words & _PAST_WORDS and tense == PRESENT:
                    tense = PAST
            main = not any(is_modifier_clause(t) for t in path)
            bound = any(t.head.lower_ in _BOUND_WORDS or any(c.dep_ == "mark" and c.lower_ in _BOUND_WORDS for c in t.children)
                        for t in path[:-1])
            before = text[max(0, ex.start - 12): ex.start].split()
            leads = {ex.text.split()[0].lower(), before[-1].lower() if before else ""}
            deadline = bool(leads & _DEADLINE_WORDS)  # "cut emissions by 2030": a deadline, not a date
            if deadline:
                continue
            out.append(_Found(ex, sent.index, sent.paragraph, tuple(t.i for t in path), root.i, tense, main, bound))
        return out

    # -- the stage -----------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        pub_day, day_source = document_day(doc.article)
        up = doc.article.updated
        clock = _Clock(pub_day, up.date() if isinstance(up, dt.datetime) else up, day_source == "assumed-today")
        found = self._expressions(doc)
        notes: dict[str, tuple[str, str]] = {}
        kinds = {e.event_id: self._kind(doc, e) for e in doc.events}
        dated: dict[str, tuple[DateValue | None, str, str]] = {}
        for ev in doc.events:
            if kinds[ev.event_id] == "body":
                dated[ev.event_id] = self._date_event(doc, ev, found, clock, headline=False)
        lead = self._lead_date(doc, found, dated, clock)
        for ev in doc.events:
            if kinds[ev.event_id] != "body":
                val, rule, expr = self._date_event(doc, ev, found, clock, headline=True)
                if rule in ("published", "none") and lead is not None:
                    (val, expr), rule = lead, "lead"
                dated[ev.event_id] = (val, rule, expr)
        new: list[Event] = []
        for ev in doc.events:
            val, rule, expr = dated[ev.event_id]
            notes[ev.event_id] = (rule, expr.text if expr is not None else "")
            new.append(self._apply(ev, val, clock, rule, _date_source(rule, expr, clock)))
        doc.events = new
        doc.extras["when"] = notes
        return doc

    @staticmethod
    def _resolve(f: _Found, found: list[_Found], clock: _Clock, tense: str) -> DateValue | None:
        pub = clock.pub
        if f.expr.kind == "weekday" and tense != FUTURE:
            up = clock.updated
            wd, rel, _ = f.expr.parts
            if up is not None and up.weekday() == wd and not rel:
                # a story published on Monday and updated on Tuesday: "on Tuesday" is the update's day
                return DateValue(up, None, "day")
        if f.expr.kind != "relday":
            return resolve(f.expr, pub, tense)
        # "the next day", "two days later": count from the last day-precise date before it
        for g in sorted((g for g in found if g.expr.end <= f.expr.start and g.expr.kind != "relday"),
                        key=lambda g: -g.expr.start):
            val = resolve(g.expr, pub, g.tense)
            if val is not None and val.precision == "day":
                return resolve(f.expr, pub, tense, anchor=val.start)
        return None

    @staticmethod
    def _kind(doc: Document, ev: Event) -> str:
        p = doc.article.paragraph_at(ev.evidence.trigger_start)
        return p.kind if p is not None else "body"

    @staticmethod
    def _apply(ev: Event, val: DateValue | None, clock: _Clock, rule: str, source: str | None) -> Event:
        if val is None:
            return ev
        pub = None if clock.assumed else clock.pub  # an assumed today does not make history or a future
        start, end = val.iso()
        historical = pub is not None and val.last < pub - _YEAR
        modality = ev.modality
        asof = None if clock.assumed else clock.asof
        if asof is not None and val.start > asof and not modality.future and rule != "lead":
            modality = replace(modality, future=True)
        return replace(ev, date=start, date_end=end, date_precision=val.precision, date_source=source,
                       historical=historical, modality=modality)

    def _lead_date(self, doc: Document, found: list[_Found], dated: dict,
                   clock: _Clock) -> tuple[DateValue, TimeExpr | None] | None:
        body = [k for k, p in enumerate(doc.article.paragraphs) if p.kind == "body"]
        if not body:
            return None
        for ev in doc.events:  # the first event of the first body paragraph that has one
            s = doc.sentence_at(ev.evidence.trigger_start)
            if s is not None and s.paragraph in body and ev.event_id in dated:
                val, rule, expr = dated[ev.event_id]
                if val is not None:
                    return val, (expr if rule != "published" else None)
        for f in found:
            if f.paragraph == body[0] and f.main:
                val = self._resolve(f, found, clock, f.tense)
                return (val, f.expr) if val is not None else None
        return None

    def _date_event(self, doc: Document, ev: Event, found: list[_Found], clock: _Clock,
                    *, headline: bool) -> tuple[DateValue | None, str, TimeExpr | None]:
        sent = doc.sentence_at(ev.evidence.trigger_start)
        trig = self._trigger_token(doc, ev)
        future = ev.modality.future
        if sent is not None and trig is not None:
            tpath = clause_path(trig)
            tclause = tpath[0].i
            tset = {t.i for t in tpath}
            in_sent = [f for f in found if f.sent == sent.index]
            # 1. the event's own clause: nearest expression to the trigger
            phrase = {t.i for t in trig.subtree} if trig.pos_ in ("NOUN", "PROPN") else set()
            own = [f for f in in_sent if f.path and (f.path[0] == tclause or f.root in phrase)]
            if own:
                f = min(own, key=lambda f: abs(f.root - trig.i))
                val = self._resolve(f, found, clock, FUTURE if future and not f.expr.tense_free else f.tense)
                if val is not None:
                    return val, "clause", f.expr
            # 2. the sentence, without modifier clauses that do not contain the trigger
            verb, _ = governing_verb(trig)
            ev_tense = FUTURE if future else (tense_of(verb, modal=False) if verb is not None else PRESENT)
            ok = [f for f in in_sent if not f.bound
                  and all(i in tset or not is_modifier_clause(doc.spacy[i]) for i in f.path)]
            for f in sorted(ok, key=lambda f: abs(f.root - trig.i)):
                val = self._resolve(f, found, clock, f.tense)
                if val is not None and _fits(val, clock.asof, ev_tense):
                    return val, "sentence", f.expr
            # 3. the paragraph: main clauses of earlier sentences, nearest first
            if not headline:
                earlier = [f for f in found
                           if f.paragraph == sent.paragraph and sent.index - _REACH <= f.sent < sent.index
                           and f.main and f.expr.kind not in ("year", "decade")]
                for f in sorted(earlier, key=lambda f: -f.expr.start):
                    val = self._resolve(f, found, clock, f.tense)
                    if val is not None and _fits(val, clock.asof, ev_tense):
                        return val, "paragraph", f.expr
        if clock.pub is not None:
            return DateValue(clock.pub, None, "day"), "published", None
        return None, "none", None

    @staticmethod
    def _trigger_token(doc: Document, ev: Event):
        return trigger_token(doc, ev)


def _date_source(rule: str, expr: TimeExpr | None, clock: _Clock) -> str | None:
    """``Event.date_source``: ``text`` for a date read from the text, ``published`` for the
    publication date; ``assumed-today`` when the document has no date and the event's
    date is today or counted from it ("on Monday" in an undated story). An absolute date
    in the text ("5 November 2018") is ``text`` either way."""
    if rule == "none":
        return None
    if expr is None or rule == "published":
        return "assumed-today" if clock.assumed else "published"
    if clock.assumed and resolve(expr, None, PAST) is None:
        return "assumed-today"
    return "text"


@register("when")
def make(settings: Settings) -> WhenStage:
    return WhenStage(settings)

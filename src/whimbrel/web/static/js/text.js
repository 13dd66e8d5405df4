// An article's text with actors and triggers highlighted, and its events table.
// Offsets in the records point into the article's cleaned text.

import { el, append, clear, code, countryColour, sectorColour, modalityTags, confidenceBar, fmtGold } from "./common.js";

/** Highlight spans from event records (triggers, sources, targets) and extra actor mentions. */
export function spansOf(records, mentions = []) {
  const spans = [];
  const actorKey = new Map();
  const addActor = (a, evIndex) => {
    if (!a || a.start === null || a.start === undefined || a.end === null || a.end === undefined || a.end <= a.start) return;
    const key = a.start + ":" + a.end;
    let s = actorKey.get(key);
    if (!s) {
      s = { start: a.start, end: a.end, kind: "actor", code: a.code || "---", country: a.country || (a.code || "---").slice(0, 3),
            sector: a.sector, name: a.name, events: new Set() };
      actorKey.set(key, s);
      spans.push(s);
    }
    if (evIndex !== null) s.events.add(evIndex);
  };
  records.forEach((rec, i) => {
    const ev = rec.evidence || {};
    if (ev.trigger_start !== null && ev.trigger_start !== undefined && ev.trigger_end > ev.trigger_start) {
      spans.push({ start: ev.trigger_start, end: ev.trigger_end, kind: "trigger", events: new Set([i]) });
    }
    addActor(rec.source, i);
    addActor(rec.target, i);
  });
  for (const m of mentions) addActor(m, null);
  return spans;
}

/**
 * The text as DOM: each stretch covered by the same spans is one <span>, with
 * classes `actor` / `trigger` and data-ev listing the events it belongs to.
 * Text goes in as text nodes only.
 */
export function renderText(text, spans) {
  const root = el("div", { class: "article", "aria-label": "article text" });
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const endsHere = new Map();   // actor spans ending at an offset get their code label there
  for (const s of spans) if (s.kind === "actor") { if (!endsHere.has(s.end)) endsHere.set(s.end, []); endsHere.get(s.end).push(s); }
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = spans.filter(s => s.start <= a && s.end >= b);
    if (!covering.length) { root.appendChild(document.createTextNode(piece)); }
    else {
      const actors = covering.filter(s => s.kind === "actor").sort((x, y) => (x.end - x.start) - (y.end - y.start));
      const trig = covering.some(s => s.kind === "trigger");
      const evs = new Set(); covering.forEach(s => s.events.forEach(e => evs.add(e)));
      const cls = ["hl"]; if (actors.length) cls.push("actor"); if (trig) cls.push("trigger");
      const style = {};
      if (actors.length) { style["background-color"] = countryColour(actors[0].country); style["border-bottom-color"] = sectorColour(actors[0].sector); }
      const title = [...actors.map(x => `${x.code}${x.name ? " (" + x.name + ")" : ""}`), trig ? "event trigger" : null].filter(Boolean).join("; ");
      root.appendChild(el("span", { class: cls.join(" "), style, title, dataset: { ev: [...evs].join(" ") } }, piece));
    }
    for (const s of endsHere.get(b) || []) root.appendChild(el("sup", { class: "code", title: s.name || s.code }, s.code));
  }
  return root;
}

/** Mark the words of event ``i`` (and its table row) as active; scroll them into view. */
export function activate(container, i) {
  container.querySelectorAll(".active").forEach(n => n.classList.remove("active"));
  if (i === null || i === undefined) return;
  const words = [...container.querySelectorAll(".hl")].filter(n => (n.dataset.ev || "").split(" ").includes(String(i)));
  words.forEach(n => n.classList.add("active"));
  const row = container.querySelector(`tr[data-index="${i}"]`);
  if (row) row.classList.add("active");
  const box = container.querySelector(".article");
  if (words.length && box) box.scrollTop = Math.max(0, words[0].offsetTop - box.clientHeight / 2);  // the text box only
  if (row) { const wrap = row.closest(".tablewrap"); if (wrap) wrap.scrollTop = Math.max(0, row.offsetTop - wrap.clientHeight / 2); }
}

export function eventRow(rec, i, extraCells = []) {
  const pl = rec.plover || {};
  return el("tr", { dataset: { index: i, eventId: rec.event_id, source: code(rec.source), target: code(rec.target), cameo: rec.cameo || "", trigger: (rec.evidence || {}).trigger || "" } },
    el("td", {}, "E" + (i + 1)),
    el("td", {}, rec.date || rec.day || ""),
    el("td", { title: (rec.source && rec.source.name) || "" }, code(rec.source)),
    el("td", { title: pl.mode ? "mode: " + pl.mode : "" }, rec.cameo || "", " ", el("span", { class: "muted" }, pl.event || "")),
    el("td", { title: (rec.target && rec.target.name) || "" }, code(rec.target)),
    el("td", {}, fmtGold(rec.goldstein)),
    el("td", {}, (rec.evidence || {}).trigger || ""),
    el("td", {}, modalityTags(rec)),
    el("td", {}, confidenceBar(rec.confidence)),
    ...extraCells);
}

export function eventTable(records, onPick) {
  const head = el("tr", {}, ...["#", "date", "source", "event", "target", "Goldstein", "trigger", "modality", "confidence"].map(h => el("th", {}, h)));
  const body = el("tbody", {}, records.map((r, i) => eventRow(r, i)));
  body.addEventListener("click", e => { const tr = e.target.closest("tr"); if (tr) onPick(Number(tr.dataset.index)); });
  return el("div", { class: "tablewrap" }, el("table", { class: "events" }, el("thead", {}, head), body));
}

/** A legend of the countries and sectors highlighted in ``spans``. */
export function legend(spans) {
  const countries = new Map(), sectors = new Set();
  for (const s of spans) if (s.kind === "actor") { countries.set(s.country, (countries.get(s.country) || 0) + 1); if (s.sector) sectors.add(s.sector); }
  const box = el("div", { class: "legend" });
  for (const [c] of [...countries].sort((a, b) => b[1] - a[1])) append(box, [el("span", {}, el("span", { class: "sw", style: { "background-color": countryColour(c) } }), c)]);
  for (const s of [...sectors].sort()) append(box, [el("span", {}, el("span", { class: "sw", style: { "background-color": sectorColour(s) } }), s)]);
  append(box, [el("span", { class: "trigger" }, "trigger")]);
  return box;
}

/** Text + table, wired so that clicking an event highlights its words and clicking words picks the event. */
export function codedView(container, text, records, mentions = [], pick = null) {
  clear(container);
  const spans = spansOf(records, mentions);
  const textNode = renderText(text, spans);
  const table = eventTable(records, i => activate(container, i));
  textNode.addEventListener("click", e => {
    const hl = e.target.closest(".hl");
    const ids = hl ? (hl.dataset.ev || "").split(" ").filter(Boolean) : [];
    if (ids.length) activate(container, Number(ids[0]));
  });
  append(container, [el("div", { class: "two" },
    el("div", {}, legend(spans), textNode),
    el("div", {}, el("h3", {}, `${records.length} events`), table))]);
  if (pick !== null && pick !== undefined && pick >= 0) activate(container, pick);
  return container;
}

// Events: filter stored events; each row opens its article with the evidence highlighted.
import { el, append, api, params, toQuery, formValues, field, selectField, errorBox, code,
         modalityTags, confidenceBar, fmtGold, QUADS } from "./common.js";
import { go } from "./main.js";

const FILTERS = ["actor", "dyad", "source", "target", "cameo", "plover", "quad", "since", "until", "place", "min_confidence", "asserted", "article"];
const PLOVER = ["", "AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "DEMAND", "DISAPPROVE",
  "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"];

export function filterForm(p, onSubmit, { extra = [] } = {}) {
  const form = el("form", { class: "filters", id: "filters" },
    field("actor", "actor (code or name)", p.actor, { placeholder: "PRK, kim" }),
    field("dyad", "dyad (both ways)", p.dyad, { placeholder: "PRK,USA", class: "wide" }),
    field("source", "source", p.source),
    field("target", "target", p.target),
    field("cameo", "CAMEO root/code", p.cameo, { placeholder: "04" }),
    selectField("plover", "PLOVER type", p.plover, PLOVER.map(x => [x, x || "any"])),
    selectField("quad", "quad class", p.quad, [["", "any"], ...Object.entries(QUADS).map(([k, v]) => [k, k + " " + v])]),
    field("since", "since", p.since, { placeholder: "YYYY-MM-DD" }),
    field("until", "until", p.until, { placeholder: "YYYY-MM-DD" }),
    field("place", "place", p.place, { placeholder: "Pyongyang, PRK" }),
    field("min_confidence", "min confidence", p.min_confidence, { type: "number", min: 0, max: 1, step: 0.05 }),
    selectField("asserted", "modality", p.asserted, [["", "all"], ["true", "asserted only"]]),
    ...extra,
    el("button", { class: "primary", type: "submit" }, "Filter"),
    el("button", { type: "reset" }, "Clear"));
  form.addEventListener("submit", e => { e.preventDefault(); onSubmit(formValues(form)); });
  form.addEventListener("reset", e => { e.preventDefault(); onSubmit({}); });
  return form;
}

export function pick(obj, keys) { const o = {}; for (const k of keys) if (obj[k] !== undefined && obj[k] !== "") o[k] = obj[k]; return o; }

function row(rec, i) {
  const pl = rec.plover || {};
  const art = rec.article || {};
  return el("tr", { dataset: { index: i, article: rec.article_id, eventId: rec.event_id, source: code(rec.source), target: code(rec.target), cameo: rec.cameo || "" } },
    el("td", {}, rec.day || ""),
    el("td", { title: (rec.source && rec.source.name) || "" }, code(rec.source)),
    el("td", {}, rec.cameo || "", " ", el("span", { class: "muted" }, pl.event || "")),
    el("td", { title: (rec.target && rec.target.name) || "" }, code(rec.target)),
    el("td", {}, fmtGold(rec.goldstein)),
    el("td", {}, (rec.location && rec.location.name) || ""),
    el("td", {}, modalityTags(rec)),
    el("td", {}, confidenceBar(rec.confidence)),
    el("td", { title: (rec.evidence || {}).sentence || "" }, (rec.evidence || {}).trigger || ""),
    el("td", {}, art.title || rec.article_id));
}

/** A table of event records whose rows open their article. */
export function eventsTable(events) {
  const head = el("tr", {}, ...["day", "source", "event", "target", "Goldstein", "place", "modality", "confidence", "trigger", "article"].map(h => el("th", {}, h)));
  const body = el("tbody", {}, events.map(row));
  body.addEventListener("click", e => {
    const tr = e.target.closest("tr");
    if (tr) go(`/app/article/${encodeURIComponent(tr.dataset.article)}?event=${encodeURIComponent(tr.dataset.eventId)}`);
  });
  return el("div", { class: "tablewrap" }, el("table", { class: "events" }, el("thead", {}, head), body));
}

export async function render(view) {
  const p = params();
  const limit = Math.min(1000, Math.max(1, Number(p.limit) || 100));
  const offset = Math.max(0, Number(p.offset) || 0);
  const out = el("div", { id: "events-result" });
  const submit = values => go("/app/events" + toQuery({ ...pick(values, FILTERS), limit: p.limit }));
  append(view, [el("h2", {}, "Events"), filterForm(p, submit), out]);
  let res;
  try { res = await api("/events" + toQuery({ ...pick(p, FILTERS), limit, offset })); }
  catch (e) { out.appendChild(errorBox(e)); return; }
  const page = o => go("/app/events" + toQuery({ ...pick(p, FILTERS), limit: p.limit, offset: o || undefined }));
  const pager = el("div", { class: "pager" },
    el("button", { type: "button", disabled: offset === 0, on: { click: () => page(Math.max(0, offset - limit)) } }, "← previous"),
    el("span", { id: "count" }, res.total ? `${offset + 1}–${offset + res.events.length} of ${res.total} events` : "no events match"),
    el("button", { type: "button", disabled: res.next_offset === null, on: { click: () => page(res.next_offset) } }, "next →"));
  append(out, [pager, res.events.length ? eventsTable(res.events) : null]);
}

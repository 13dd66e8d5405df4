// Shared helpers. Every piece of data reaches the page through textContent or
// setAttribute on a known-safe attribute: no data is ever parsed as HTML.

export const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
export const QUAD_COLOURS = { 1: "#4caf50", 2: "#1b7a3a", 3: "#f0a030", 4: "#c62828" };

const SAFE_ATTRS = new Set(["class", "id", "type", "name", "value", "placeholder", "title", "for", "min", "max",
  "step", "role", "colspan", "rowspan", "accept", "list", "rows", "cols", "aria-label", "disabled", "selected",
  "checked", "tabindex", "autocomplete"]);

/** A safe href: a path on this server or an http(s) URL; anything else (javascript:, data:) is dropped. */
export function safeHref(url) {
  if (typeof url !== "string") return null;
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  try {
    const u = new URL(url);
    return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
  } catch (e) { return null; }
}

/** el("td", {class: "x", dataset: {id: 1}, on: {click: fn}}, "text", childNode, ...) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "dataset") { for (const [dk, dv] of Object.entries(v)) node.dataset[dk] = String(dv); }
    else if (k === "on") { for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn); }
    else if (k === "href") { const h = safeHref(v); if (h) node.setAttribute("href", h); }
    else if (k === "style") { for (const [sk, sv] of Object.entries(v)) node.style.setProperty(sk, sv); }
    else if (SAFE_ATTRS.has(k) || k.startsWith("aria-")) node.setAttribute(k, v === true ? "" : String(v));
    else throw new Error("attribute not allowed: " + k);
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

export class ApiError extends Error {
  constructor(status, body) { super((body && body.detail) || ("HTTP " + status)); this.status = status; this.body = body; }
}

export async function api(path, opts = {}) {
  const res = await fetch(path, opts);
  const type = res.headers.get("content-type") || "";
  const body = type.includes("json") ? await res.json() : await res.text();
  if (!res.ok) {
    let detail = body && body.detail;
    if (Array.isArray(detail)) detail = detail.map(d => (d.loc || []).slice(1).join(".") + ": " + d.msg).join("; ");
    throw new ApiError(res.status, { ...(typeof body === "object" ? body : {}), detail: detail || String(body) });
  }
  return body;
}

export function errorBox(err) { return el("p", { class: "error", role: "alert" }, err.message || String(err)); }

/** Query string <-> object (empty values dropped). */
export function params() { return Object.fromEntries(new URLSearchParams(location.search)); }
export function toQuery(obj) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? "?" + s : "";
}
/** Put the view's state in the address bar so the view can be shared. */
export function setUrl(path, obj, replace = false) {
  const url = path + toQuery(obj);
  if (url !== location.pathname + location.search) history[replace ? "replaceState" : "pushState"](null, "", url);
}

export function formValues(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (String(v).trim() !== "") out[k] = String(v).trim();
  return out;
}

/** A labelled input for filter forms. */
export function field(name, label, value, attrs = {}) {
  return el("label", {}, label, el("input", { name, value: value ?? "", ...attrs }));
}
export function selectField(name, label, value, options) {
  const sel = el("select", { name });
  for (const [v, text] of options) sel.appendChild(el("option", { value: v, selected: String(v) === String(value ?? "") }, text));
  return el("label", {}, label, sel);
}

// -- colours ----------------------------------------------------------------------------
function hash(s) { let h = 2166136261; for (const c of s) { h ^= c.charCodeAt(0); h = Math.imul(h, 16777619); } return h >>> 0; }

/** A light background colour per country root (the same country always gets the same colour). */
export function countryColour(country) {
  if (!country || country === "---") return "hsl(0, 0%, 88%)";
  return `hsl(${hash(country) % 360}, 70%, 84%)`;
}
export function countryStrong(country) {
  if (!country || country === "---") return "hsl(0, 0%, 55%)";
  return `hsl(${hash(country) % 360}, 55%, 45%)`;
}
const SECTOR_COLOURS = { GOV: "#1f5fa8", MIL: "#6d4c41", COP: "#455a64", REB: "#c62828", OPP: "#8e24aa",
  MED: "#00897b", JUD: "#5d4037", LEG: "#3949ab", BUS: "#f9a825", CVL: "#7cb342", ELI: "#546e7a",
  IGO: "#0277bd", NGO: "#2e7d32", IMG: "#ad1457", SPY: "#37474f", HLH: "#d81b60", EDU: "#6a1b9a" };
/** The underline colour of an actor's sector (GOV, MIL, ...). */
export function sectorColour(sector) { return SECTOR_COLOURS[sector] || "#9aa4ae"; }

export function goldsteinColour(g) {
  if (g === null || g === undefined) return "#9aa4ae";
  const t = Math.max(-10, Math.min(10, g)) / 10;
  return t >= 0 ? `hsl(130, ${30 + 40 * t}%, ${50 - 12 * t}%)` : `hsl(0, ${30 - 40 * t}%, ${50 + 12 * t}%)`;
}

export function code(actor) { return (actor && actor.code) || "---"; }

/** Modality and confidence of an event record as small tags. */
export function modalityTags(rec) {
  const m = rec.modality || {};
  const tags = [];
  if (m.negated) tags.push(el("span", { class: "tag negated", title: "negated" }, "negated"));
  if (m.future) tags.push(el("span", { class: "tag future", title: "future / planned" }, "future"));
  if (m.hypothetical) tags.push(el("span", { class: "tag conditional", title: "conditional / hypothetical" }, "conditional"));
  if (m.intent) tags.push(el("span", { class: "tag future", title: "intent" }, "intent"));
  if (m.reported_by) tags.push(el("span", { class: "tag reported", title: "reported by" }, "said: " + m.reported_by));
  return tags;
}
export function confidenceBar(c) {
  if (c === null || c === undefined) return "";
  const pct = Math.round(100 * c);
  return el("span", { title: "confidence " + c }, el("span", { class: "conf" }, el("span", { style: { width: pct + "%" } })), c.toFixed(2));
}

export function fmtGold(g) { return g === null || g === undefined ? "" : (g > 0 ? "+" : "") + g.toFixed(1); }

export function status(text) { const s = document.getElementById("status"); if (s) s.textContent = text || ""; }

export function tooltip() {
  let tip = document.querySelector(".tip");
  if (!tip) { tip = el("div", { class: "tip" }); document.body.appendChild(tip); }
  return {
    show(ev, text) { tip.textContent = text; tip.style.display = "block"; tip.style.left = (ev.clientX + 12) + "px"; tip.style.top = (ev.clientY + 12) + "px"; },
    hide() { tip.style.display = "none"; },
  };
}

// Network: actors as nodes, cooperation/conflict edges weighted by events, blocs coloured; a time slider.
import { el, append, api, params, toQuery, field, selectField, formValues, errorBox, tooltip } from "./common.js";
import { getHealth, go } from "./main.js";

const W = 900, H = 620;
const BLOC_COLOURS = ["#b0b8c0", "#1f77b4", "#ff7f0e", "#9467bd", "#17becf", "#e377c2", "#bcbd22", "#8c564b", "#7f7f7f"];

function months(first, last) {
  const out = [];
  let [y, m] = first.slice(0, 7).split("-").map(Number);
  const [ly, lm] = last.slice(0, 7).split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) { out.push(`${y}-${String(m).padStart(2, "0")}`); m++; if (m > 12) { m = 1; y++; } }
  return out;
}

export async function render(view) {
  const p = params();
  const health = await getHealth();
  const form = el("form", { class: "filters", id: "network-form" },
    field("since", "since", p.since, { placeholder: "YYYY-MM" }),
    field("until", "until", p.until, { placeholder: "YYYY-MM" }),
    selectField("by", "nodes", p.by || "root", [["root", "countries and organisations"], ["code", "full actor codes"]]),
    field("min_events", "min events per edge", p.min_events, { type: "number", min: 1 }),
    selectField("level", "count", p.level || "auto", [["auto", "real events when deduplicated"], ["dedup", "real events (dedup)"], ["raw", "every report (raw)"]]),
    el("button", { class: "primary", type: "submit" }, "Show"));
  const submit = values => go("/app/network" + toQuery(values));
  form.addEventListener("submit", e => { e.preventDefault(); submit(formValues(form)); });
  append(view, [el("h2", {}, "Actor network"), form]);
  // time slider: a window of months ending at the chosen month
  if (health.first && health.last) {
    const ms = months(health.first, health.last);
    const end = p.until ? Math.max(0, ms.indexOf(p.until.slice(0, 7))) : ms.length - 1;
    const slider = el("input", { type: "range", min: 0, max: ms.length - 1, value: end < 0 ? ms.length - 1 : end, "aria-label": "up to month", id: "time-slider" });
    const win = el("select", { "aria-label": "window", id: "time-window" },
      ...[["0", "all before"], ["1", "1 month"], ["3", "3 months"], ["12", "12 months"]].map(([v, t]) => el("option", { value: v, selected: v === (p.window || "0") }, t)));
    const label = el("span", { id: "slider-label" });
    const show = () => { label.textContent = `up to ${ms[slider.value]}`; };
    const apply = () => {
      const i = Number(slider.value), w = Number(win.value);
      const since = w ? ms[Math.max(0, i - w + 1)] : undefined;
      submit({ ...formValues(form), since, until: ms[i], window: win.value === "0" ? undefined : win.value });
    };
    slider.addEventListener("input", show);
    slider.addEventListener("change", apply);
    win.addEventListener("change", apply);
    show();
    view.appendChild(el("div", { class: "slider" }, "time:", slider, label, "window:", win));
  }
  let data;
  try { data = await api("/network" + toQuery({ since: p.since, until: p.until, by: p.by, min_events: p.min_events, level: p.level })); }
  catch (e) { view.appendChild(errorBox(e)); return; }
  const box = el("div", { class: "netwrap" });
  const side = el("div", { id: "blocs" });
  view.appendChild(box);
  append(view, [el("p", { class: "muted", id: "network-summary" },
    `${data.nodes.length} actors, ${data.links.length} relations (${data.level === "raw" ? "every report" : "real events"}). ` +
    "Green edges: more cooperation; red: more conflict; width: events. Click an actor to see its events.")]);
  if (!data.nodes.length) { box.appendChild(el("p", { class: "muted" }, "No relations in this period.")); return; }
  draw(box, data);
  box.appendChild(side);
  side.appendChild(el("h3", {}, "Blocs"));
  if (!data.blocs.length) side.appendChild(el("p", { class: "muted" }, "No group of actors cooperates with each other here."));
  data.blocs.forEach((b, i) => {
    side.appendChild(el("div", { class: "bloc" },
      el("p", {}, el("span", { class: "sw", style: { "background-color": BLOC_COLOURS[(i + 1) % BLOC_COLOURS.length], display: "inline-block", width: "12px", height: "12px" } }),
        ` bloc ${i + 1}: ${b.members.join(", ")}`),
      el("p", { class: "muted" }, `net cooperation ${b.cooperation}` + (b.against.length ? `; against ${b.against.map(x => `${x.actor} (${x.conflict})`).join(", ")}` : ""))));
  });
}

function draw(box, data) {
  const d3 = window.d3;
  const tip = tooltip();
  const nodes = data.nodes.map(d => ({ ...d }));
  const links = data.links.map(d => ({ ...d }));
  const maxEv = d3.max(nodes, d => d.events) || 1;
  const r = d3.scaleSqrt().domain([1, maxEv]).range([5, 26]);
  const wid = d3.scaleSqrt().domain([1, d3.max(links, d => d.events) || 1]).range([1, 9]);
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id(d => d.id).distance(110).strength(0.4))
    .force("charge", d3.forceManyBody().strength(-260))
    .force("center", d3.forceCenter(W / 2, H / 2))
    .force("collide", d3.forceCollide(d => r(d.events) + 14))
    .force("x", d3.forceX(W / 2).strength(0.07))   // keep unconnected groups in view
    .force("y", d3.forceY(H / 2).strength(0.12))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();   // a fixed layout, drawn once
  for (const n of nodes) { n.x = Math.max(30, Math.min(W - 30, n.x)); n.y = Math.max(20, Math.min(H - 20, n.y)); }
  const svg = d3.select(box).append("svg").attr("width", W).attr("height", H).attr("role", "img").attr("aria-label", "actor network");
  svg.append("g").attr("class", "links").selectAll("line").data(links).join("line")
    .attr("class", "link").attr("x1", d => d.source.x).attr("y1", d => d.source.y).attr("x2", d => d.target.x).attr("y2", d => d.target.y)
    .attr("stroke", d => d.weight > 0 ? "#2e9b4f" : d.weight < 0 ? "#d03030" : "#999").attr("stroke-opacity", 0.7)
    .attr("stroke-width", d => wid(d.events))
    .attr("data-source", d => d.source.id).attr("data-target", d => d.target.id).attr("data-events", d => d.events)
    .on("mousemove", (ev, d) => tip.show(ev, `${d.source.id} – ${d.target.id}\n${d.events} events: ${d.cooperation} cooperation, ${d.conflict} conflict\nGoldstein total ${d.goldstein}`))
    .on("mouseleave", () => tip.hide());
  const node = svg.append("g").attr("class", "nodes").selectAll("g").data(nodes).join("g")
    .attr("class", "node").attr("transform", d => `translate(${d.x},${d.y})`).attr("data-id", d => d.id).attr("data-bloc", d => d.bloc)
    .style("cursor", "pointer")
    .on("click", (ev, d) => go("/app/events" + toQuery({ actor: d.id })))
    .on("mousemove", (ev, d) => tip.show(ev, `${d.id}: ${d.events} events (${d.cooperation} cooperation, ${d.conflict} conflict)` + (d.bloc ? `\nbloc ${d.bloc}` : "")))
    .on("mouseleave", () => tip.hide());
  node.append("circle").attr("r", d => r(d.events)).attr("fill", d => BLOC_COLOURS[d.bloc % BLOC_COLOURS.length]).attr("stroke", "#333");
  node.append("text").attr("dy", d => -r(d.events) - 3).attr("text-anchor", "middle").text(d => d.id);
}

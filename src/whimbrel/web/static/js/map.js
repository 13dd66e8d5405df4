// Map: event places as points on a world outline shipped with the package (Natural Earth); no tile server.
import { el, append, clear, api, params, toQuery, errorBox, tooltip, goldsteinColour } from "./common.js";
import { filterForm, pick, eventsTable } from "./events.js";
import { go } from "./main.js";

const W = 960, H = 500;
const KEYS = ["actor", "dyad", "cameo", "plover", "quad", "since", "until", "place", "min_confidence", "asserted"];
let world = null;

export async function render(view) {
  const p = params();
  const form = filterForm(p, values => go("/app/map" + toQuery(pick(values, KEYS))));
  form.querySelectorAll("input[name=source], input[name=target]").forEach(n => n.closest("label").remove());
  const box = el("div", { class: "mapwrap", id: "map" });
  const list = el("div", { id: "place-events" });
  append(view, [el("h2", {}, "Map"), form, box, list]);
  let data;
  try {
    [data, world] = await Promise.all([api("/places" + toQuery(pick(p, KEYS))), world || api("/static/vendor/countries-110m.json")]);
  } catch (e) { box.appendChild(errorBox(e)); return; }
  const n = data.places.reduce((s, d) => s + d.events, 0);
  box.appendChild(el("p", { class: "muted", id: "map-summary" },
    `${data.places.length} places, ${n} events with a place. Colour: mean Goldstein (red conflict, green cooperation); size: events. Click a point to list its events; scroll to zoom.`));
  draw(box, data.places, place => listEvents(list, p, place));
}

async function listEvents(list, p, place) {
  clear(list).appendChild(el("p", { class: "muted" }, "loading ..."));
  try {
    const q = { ...pick(p, KEYS), place: place.name || place.country, limit: 200 };
    const res = await api("/events" + toQuery(q));
    clear(list);
    append(list, [el("h3", {}, `${place.name}${place.country ? " (" + place.country + ")" : ""}: ${res.total} events`), eventsTable(res.events)]);
  } catch (e) { clear(list).appendChild(errorBox(e)); }
}

function draw(box, places, onPick) {
  const d3 = window.d3, topojson = window.topojson;
  const tip = tooltip();
  const land = topojson.feature(world, world.objects.countries);
  const projection = d3.geoNaturalEarth1().fitSize([W, H], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const svg = d3.select(box).append("svg").attr("width", W).attr("height", H).attr("role", "img").attr("aria-label", "map of event places");
  const g = svg.append("g");
  g.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  g.append("g").selectAll("path").data(land.features).join("path").attr("class", "land").attr("d", path)
    .append("title").text(d => (d.properties && d.properties.name) || "");
  const max = d3.max(places, d => d.events) || 1;
  const r = d3.scaleSqrt().domain([1, max]).range([3, 18]);
  const pts = g.append("g").selectAll("circle").data(places.slice().sort((a, b) => b.events - a.events)).join("circle")
    .attr("class", "place")
    .attr("cx", d => projection([d.lon, d.lat])[0]).attr("cy", d => projection([d.lon, d.lat])[1])
    .attr("r", d => r(d.events)).attr("fill", d => goldsteinColour(d.goldstein_mean))
    .attr("data-name", d => d.name).attr("data-events", d => d.events)
    .on("mousemove", (ev, d) => tip.show(ev, `${d.name} (${d.country || "?"}): ${d.events} events\nVC ${d.quad1} MC ${d.quad2} VK ${d.quad3} MK ${d.quad4}` +
      (d.goldstein_mean === null ? "" : `\nGoldstein mean ${d.goldstein_mean}`)))
    .on("mouseleave", () => tip.hide())
    .on("click", (ev, d) => onPick(d));
  svg.call(d3.zoom().scaleExtent([1, 12]).on("zoom", ev => {
    g.attr("transform", ev.transform);
    pts.attr("r", d => r(d.events) / Math.sqrt(ev.transform.k));
  }));
}

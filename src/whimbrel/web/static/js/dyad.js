// Dyad over time: stacked counts per quad class (A->B up, B->A down) and the Goldstein mean;
// brushing a stretch of periods lists its events.
import { el, append, clear, api, params, setUrl, toQuery, field, selectField, formValues, errorBox, QUADS, QUAD_COLOURS } from "./common.js";
import { eventsTable } from "./events.js";
import { go } from "./main.js";

const W = 960, M = { left: 48, right: 16, top: 22, bottom: 26 }, H1 = 300, H2 = 140;

export async function render(view) {
  const p = params();
  const form = el("form", { class: "filters", id: "dyad-form" },
    field("a", "actor A (code)", p.a, { placeholder: "PRK" }),
    field("b", "actor B (code)", p.b, { placeholder: "USA" }),
    selectField("by", "per", p.by || "month", [["day", "day"], ["week", "week"], ["month", "month"]]),
    field("since", "since", p.since, { placeholder: "YYYY-MM-DD" }),
    field("until", "until", p.until, { placeholder: "YYYY-MM-DD" }),
    selectField("level", "count", p.level || "auto", [["auto", "real events when deduplicated"], ["dedup", "real events (dedup)"], ["raw", "every report (raw)"]]),
    el("button", { class: "primary", type: "submit" }, "Show"));
  form.addEventListener("submit", e => { e.preventDefault(); go("/app/dyad" + toQuery(formValues(form))); });
  const chart = el("div", { class: "chart", id: "dyad-chart" });
  const list = el("div", { id: "dyad-events" });
  append(view, [el("h2", {}, "Dyad over time"), form, chart, list]);
  if (!p.a || !p.b) {
    const top = await api("/top?what=dyads&n=12").catch(() => null);
    if (top && top.rows.length) {
      append(chart, [el("p", {}, "Most active pairs:"), el("ul", {}, top.rows.map(r =>
        el("li", {}, el("a", { href: "/app/dyad" + toQuery({ a: r.dyad[0], b: r.dyad[1] }) }, r.dyad.join(" – ")), ` ${r.events} events`)))]);
    } else chart.appendChild(el("p", { class: "muted" }, "Give two actor codes."));
    return;
  }
  const q = { by: p.by || "month", since: p.since, until: p.until, level: p.level };
  let data;
  try { data = await api(`/dyads/${encodeURIComponent(p.a)}/${encodeURIComponent(p.b)}` + toQuery(q)); }
  catch (e) { chart.appendChild(errorBox(e)); return; }
  append(chart, [el("p", { class: "muted", id: "dyad-summary" },
    `${data.a} ↔ ${data.b}: ${data.events} events in ${data.periods.length} ${data.by === "day" ? "days" : data.by + "s"} (${data.level === "raw" ? "every report" : "real events"}; negated, conditional and future events not counted). Drag across the bars to list events.`)]);
  if (!data.periods.length) return;
  draw(chart, data, async (first, last) => {
    const since = first.start, until = last.end;
    setUrl("/app/dyad", { ...p, period: `${since}..${until}` }, true);
    await listEvents(list, data, since, until);
  });
  if (p.period) {
    const [s, u] = p.period.split("..");
    if (s && u) await listEvents(list, data, s, u);
  }
}

async function listEvents(list, data, since, until) {
  clear(list).appendChild(el("p", { class: "muted" }, "loading ..."));
  try {
    const res = await api("/events" + toQuery({ dyad: `${data.a},${data.b}`, since, until, asserted: "true", limit: 200 }));
    clear(list);
    append(list, [el("h3", {}, `${since === until ? since : since + " – " + until}: ${res.total} reports`),
      res.total > res.events.length ? el("p", { class: "muted" }, `first ${res.events.length} shown; `,
        el("a", { href: "/app/events" + toQuery({ dyad: `${data.a},${data.b}`, since, until, asserted: "true" }) }, "all in Events")) : null,
      eventsTable(res.events)]);
  } catch (e) { clear(list).appendChild(errorBox(e)); }
}

function draw(chart, data, onPick) {
  const d3 = window.d3;
  const periods = data.periods;
  const width = W - M.left - M.right;
  const svg = d3.select(chart).append("svg").attr("width", W).attr("height", H1 + H2 + 2 * (M.top + M.bottom))
    .attr("role", "img").attr("aria-label", `${data.a} and ${data.b} over time`);
  const x = d3.scaleBand().domain(periods.map(d => d.period)).range([0, Math.min(width, periods.length * 70)]).padding(periods.length > 60 ? 0.05 : 0.2);
  const peak = d3.max(periods, d => Math.max(d3.sum(d.ab), d3.sum(d.ba))) || 1;
  const y = d3.scaleLinear().domain([-peak, peak]).range([H1, 0]).nice();
  const g = svg.append("g").attr("transform", `translate(${M.left},${M.top})`);
  const every = Math.ceil(periods.length / 14);
  const xAxis = d3.axisBottom(x).tickValues(x.domain().filter((_, i) => i % every === 0)).tickSizeOuter(0);
  g.append("g").attr("class", "axis").call(d3.axisLeft(y).ticks(Math.min(6, 2 * peak)).tickFormat(v => Number.isInteger(v) ? Math.abs(v) : ""));
  g.append("text").attr("x", 0).attr("y", -8).attr("font-size", 11).attr("font-weight", 600)
    .text(`▲ ${data.a} → ${data.b}     ▼ ${data.b} → ${data.a}`);
  const bars = g.append("g").attr("class", "bars");
  for (const d of periods) {
    for (const [dir, sign] of [["ab", 1], ["ba", -1]]) {
      let acc = 0;
      d[dir].forEach((n, qi) => {
        if (!n) return;
        const y0 = y(sign * acc), y1 = y(sign * (acc + n));
        bars.append("rect").attr("class", "bar").attr("x", x(d.period)).attr("width", x.bandwidth())
          .attr("y", Math.min(y0, y1)).attr("height", Math.abs(y1 - y0)).attr("fill", QUAD_COLOURS[qi + 1])
          .attr("data-period", d.period).attr("data-dir", dir).attr("data-quad", qi + 1).attr("data-count", n)
          .append("title").text(`${d.period} ${dir === "ab" ? data.a + "→" + data.b : data.b + "→" + data.a}: ${n} ${QUADS[qi + 1]}`);
        acc += n;
      });
    }
  }
  g.append("line").attr("x1", 0).attr("x2", width).attr("y1", y(0)).attr("y2", y(0)).attr("stroke", "#333");
  g.append("g").attr("class", "axis").attr("transform", `translate(0,${H1})`).call(xAxis);
  // legend
  const lg = g.append("g").attr("transform", `translate(${width - 600},-14)`);
  Object.entries(QUADS).forEach(([q, name], i) => {
    lg.append("rect").attr("x", i * 150).attr("width", 10).attr("height", 10).attr("fill", QUAD_COLOURS[q]);
    lg.append("text").attr("x", i * 150 + 14).attr("y", 9).attr("font-size", 11).text(name);
  });
  // Goldstein mean
  const g2 = svg.append("g").attr("class", "goldstein").attr("transform", `translate(${M.left},${H1 + M.top + M.bottom + M.top})`);
  const y2 = d3.scaleLinear().domain([-10, 10]).range([H2, 0]);
  g2.append("g").attr("class", "axis").call(d3.axisLeft(y2).ticks(5));
  g2.append("line").attr("x1", 0).attr("x2", width).attr("y1", y2(0)).attr("y2", y2(0)).attr("stroke", "#aaa");
  g2.append("text").attr("x", 4).attr("y", -6).attr("font-size", 11).text("Goldstein mean (−10 conflict … +10 cooperation)");
  const cx = d => x(d.period) + x.bandwidth() / 2;
  const line = d3.line().defined(d => d.goldstein_mean !== null).x(cx).y(d => y2(d.goldstein_mean));
  g2.append("path").datum(periods).attr("class", "gline").attr("fill", "none").attr("stroke", "#1f5fa8").attr("stroke-width", 2).attr("d", line);
  g2.selectAll("circle").data(periods.filter(d => d.goldstein_mean !== null)).join("circle")
    .attr("class", "gpoint").attr("cx", cx).attr("cy", d => y2(d.goldstein_mean)).attr("r", 3).attr("fill", "#1f5fa8")
    .attr("data-period", d => d.period).attr("data-value", d => d.goldstein_mean)
    .append("title").text(d => `${d.period}: mean ${d.goldstein_mean}, total ${d.goldstein_total}`);
  g2.append("g").attr("class", "axis").attr("transform", `translate(0,${H2})`).call(xAxis);
  // brush: pick a stretch of periods
  const brush = d3.brushX().extent([[0, 0], [width, H1]]).on("end", ev => {
    if (!ev.selection) return;
    const [x0, x1] = ev.selection;
    const inside = periods.filter(d => cx(d) >= x0 && cx(d) <= x1);
    const chosen = inside.length ? inside : [periods[Math.max(0, Math.min(periods.length - 1, Math.floor((x0 + x1) / 2 / x.step())))]];
    onPick(chosen[0], chosen[chosen.length - 1]);
  });
  g.append("g").attr("class", "brush").call(brush);
}

// One stored article: metadata, the text with its events' evidence highlighted.
import { el, append, api, params, safeHref } from "./common.js";
import { codedView } from "./text.js";

export async function render(view, parts) {
  const id = parts[0];
  if (!id) { view.appendChild(el("p", {}, "No article given.")); return; }
  const res = await api("/articles/" + encodeURIComponent(id));
  const a = res.article;
  const url = safeHref(a.url);
  const meta = el("dl", { class: "kv" },
    ...[["id", a.id], ["published", a.published], ["source", a.source], ["author", a.author], ["section", a.section], ["from", a.origin]]
      .filter(([, v]) => v).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]),
    ...(a.url ? [el("dt", {}, "url"), el("dd", {}, url ? el("a", { href: url, rel: "noopener noreferrer" }, a.url) : a.url)] : []));
  const want = params().event;
  const pick = want ? res.events.findIndex(r => r.event_id === want) : null;
  const body = el("div");
  append(view, [el("p", {}, el("a", { href: "/app/events" }, "← events")), el("h2", {}, a.title || "(no title)"), meta, body]);
  codedView(body, a.text, res.events, [], pick);
}

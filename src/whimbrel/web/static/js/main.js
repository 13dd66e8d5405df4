// The page's router: /app/<page>[/<id>]?filters. Each page module exports render(view, parts).
import { clear, errorBox, status, api } from "./common.js";

const PAGES = {
  code: () => import("./code.js"),
  events: () => import("./events.js"),
  article: () => import("./article.js"),
  dyad: () => import("./dyad.js"),
  network: () => import("./network.js"),
  map: () => import("./map.js"),
};

let health = null;
export async function getHealth() {
  if (!health) health = api("/health").catch(e => ({ status: "error", detail: e.message }));
  return health;
}

async function route() {
  const parts = location.pathname.replace(/^\/app\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const name = PAGES[parts[0]] ? parts[0] : "code";
  document.querySelectorAll("nav a").forEach(a => a.classList.toggle("current", a.dataset.page === name || (name === "article" && a.dataset.page === "events")));
  const view = clear(document.getElementById("view"));
  document.body.dataset.page = name;
  document.body.dataset.ready = "0";
  try {
    const mod = await PAGES[name]();
    await mod.render(view, parts.slice(1));
  } catch (e) {
    view.appendChild(errorBox(e));
  } finally {
    document.body.dataset.ready = "1";
  }
}

/** Navigate inside the app without reloading. */
export function go(url) { history.pushState(null, "", url); route(); }

document.addEventListener("click", e => {
  const a = e.target.closest("a[href^='/app']");
  if (a && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.button === 0) { e.preventDefault(); go(a.getAttribute("href")); }
});
window.addEventListener("popstate", route);

getHealth().then(h => {
  if (h.status === "ok") status(`${h.database}: ${h.articles} articles, ${h.events} events` + (h.read_only ? " (read-only)" : ""));
  else status(h.status === "no database" ? "no database: only Code works" : (h.detail || ""));
});
route();

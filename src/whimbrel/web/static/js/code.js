// Code an article: paste text or drop a file; the coded text and its events come back.
import { el, append, clear, api, errorBox } from "./common.js";
import { codedView } from "./text.js";
import { getHealth } from "./main.js";

export async function render(view) {
  const health = await getHealth();
  const input = el("textarea", { id: "input", name: "text", placeholder: "Paste a news article (plain text, a page saved as text, or HTML) ...", "aria-label": "article text" });
  const published = el("input", { name: "published", placeholder: "YYYY-MM-DD", title: "publication date, when the text carries none", "aria-label": "published" });
  const asHtml = el("input", { type: "checkbox", name: "html", "aria-label": "the text is HTML" });
  const store = el("input", { type: "checkbox", name: "store", "aria-label": "store in the database" });
  const token = el("input", { type: "password", name: "token", placeholder: "WHIMBREL_TOKEN", "aria-label": "token", autocomplete: "off" });
  const go = el("button", { class: "primary", type: "submit", id: "code-button" }, "Code");
  const example = el("button", { type: "button", id: "example-button" }, "Load the example");
  const edit = el("button", { type: "button", id: "edit-button", disabled: true }, "Edit text");
  const drop = el("div", { class: "drop" }, "Drop a .txt or .html file here");
  const result = el("div", { id: "result" });
  const info = el("p", { class: "muted", id: "code-info" });
  const inputArea = el("div", {}, drop, input);
  const form = el("form", { id: "code-form" },
    el("div", { class: "row" }, go, example, edit,
      el("label", {}, "published ", published),
      el("label", {}, asHtml, " HTML"),
      health.allow_ingest ? el("label", {}, store, " store ", token) : null),
    inputArea);
  append(view, [el("h2", {}, "Code an article"), form, info, result]);

  example.addEventListener("click", async () => { input.value = await api("/example"); asHtml.checked = false; });
  edit.addEventListener("click", () => { clear(result); inputArea.hidden = false; edit.disabled = true; info.textContent = ""; });
  drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async e => {
    e.preventDefault(); drop.classList.remove("over");
    const file = e.dataTransfer.files[0];
    if (!file) return;
    input.value = await file.text();
    asHtml.checked = /\.html?$/i.test(file.name) || /^\s*<(!doctype|html)/i.test(input.value);
  });
  form.addEventListener("submit", async e => {
    e.preventDefault();
    const body = { [asHtml.checked ? "html" : "text"]: input.value, published: published.value.trim() || null, store: store.checked };
    const headers = { "content-type": "application/json" };
    if (store.checked && token.value) headers.authorization = "Bearer " + token.value;
    go.disabled = true; info.textContent = "coding ...";
    const t0 = performance.now();
    try {
      const res = await api("/code", { method: "POST", headers, body: JSON.stringify(body) });
      const ms = Math.round(performance.now() - t0);
      const a = res.article;
      info.textContent = `${res.events.length} events in ${ms} ms` + (a.title ? ` · ${a.title}` : "") +
        (a.published ? ` · published ${a.published}` : "") + (res.stored ? " · stored" : "") + ` · coder ${res.coder_version}`;
      inputArea.hidden = true; edit.disabled = false;
      codedView(result, a.text, res.events, res.mentions);
    } catch (err) {
      info.textContent = "";
      clear(result).appendChild(errorBox(err));
    } finally { go.disabled = false; }
  });
}

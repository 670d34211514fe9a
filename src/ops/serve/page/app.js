// The clerk's desk. The page holds no wording of its own: every label comes from the data
// file's JSON Schema (its Chinese descriptions) or from the server's `words`. Edits are kept
// in order since the last save and sent whole: the server applies them to the file's text.
"use strict";

const state = { desk: null, edits: [], timer: null, typedAt: 0, latencies: [] };
window.zongjieLatencies = state.latencies;

const MAIN_COLUMNS = ["name", "unit", "current", "previous", "target", "next_target"];

function $(id) { return document.getElementById(id); }
function word(key) { return (state.desk && state.desk.words[key]) || key; }

async function post(url, body) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res;
}

function definitions() {
  const s = state.desk.schema;
  return s.definitions || s.$defs || {};
}

function property(owner, name) {
  const def = definitions()[owner];
  return def && def.properties ? def.properties[name] : undefined;
}

// The label is the Chinese description's first phrase; the hint its whole first line.
function describe(owner, name) {
  const p = property(owner, name);
  const text = (p && p.description) || "";
  const first = text.split("\n")[0];
  const ends = new RegExp(`[${word("label_ends")}]`);
  const label = first.split(ends)[0] || name;
  return { label: label.trim() || name, hint: first };
}

function numeric(schema) {
  if (!schema) return false;
  const s = JSON.stringify(schema);
  return s.includes("/Num\"") || s.includes("\"number\"") || s.includes("\"integer\"");
}

function scalarProperty(schema) {
  if (!schema) return false;
  const s = JSON.stringify(schema);
  if (s.includes("\"array\"") || s.includes("\"object\"")) return numeric(schema);
  return true;
}

function recordSet(path, value, isNumeric) {
  const last = state.edits[state.edits.length - 1];
  if (last && last.op === "set" && last.path === path) {
    last.value = value;
  } else {
    state.edits.push({ op: "set", path, value, numeric: isNumeric });
  }
  state.typedAt = performance.now();
  $("status").textContent = word("unsaved");
  schedulePreview();
}

function schedulePreview() {
  clearTimeout(state.timer);
  state.timer = setTimeout(preview, 40);
}

async function preview() {
  const started = state.typedAt;
  const res = await post("/api/preview", { edits: state.edits });
  const data = await res.json();
  if (data.html) {
    $("preview").innerHTML = data.html;
  }
  showFindings(data.findings || (data.error ? [{ severity: "error", message: data.error }] : []));
  if (started) {
    state.latencies.push(performance.now() - started);
    state.typedAt = 0;
  }
  document.body.dataset.previewed = String(Number(document.body.dataset.previewed || 0) + 1);
}

function input(path, value, isNumeric, labelText) {
  const el = document.createElement("input");
  el.type = "text";
  el.value = value == null ? "" : String(value);
  el.dataset.path = path;
  if (labelText) el.setAttribute("aria-label", labelText);
  if (isNumeric) el.inputMode = "decimal";
  el.addEventListener("input", () => recordSet(path, el.value, isNumeric));
  return el;
}

function renderGrid() {
  const grid = $("grid");
  grid.replaceChildren();
  const head = grid.createTHead().insertRow();
  const th = (text, title) => {
    const c = document.createElement("th");
    c.textContent = text;
    if (title) c.title = title;
    c.scope = "col";
    head.appendChild(c);
  };
  th(word("key"));
  for (const col of MAIN_COLUMNS) {
    const d = describe("Indicator", col);
    th(d.label, d.hint);
  }
  th("");
  const body = grid.createTBody();
  const others = Object.keys((definitions().Indicator || {}).properties || {})
    .filter((k) => !MAIN_COLUMNS.includes(k) && scalarProperty(property("Indicator", k)));
  for (const row of state.desk.indicators) {
    const tr = body.insertRow();
    const key = tr.insertCell();
    key.className = "key";
    key.textContent = row.key;
    for (const col of MAIN_COLUMNS) {
      const td = tr.insertCell();
      const isNum = numeric(property("Indicator", col));
      const d = describe("Indicator", col);
      td.appendChild(input(`indicators.${row.key}.${col}`, row.values[col], isNum, `${row.key} ${d.label}`));
    }
    const more = tr.insertCell();
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = word("more");
    button.setAttribute("aria-expanded", "false");
    more.appendChild(button);
    const details = body.insertRow();
    details.className = "details";
    details.hidden = true;
    const cell = details.insertCell();
    cell.colSpan = MAIN_COLUMNS.length + 2;
    for (const k of others) {
      const d = describe("Indicator", k);
      const label = document.createElement("label");
      label.title = d.hint;
      label.append(d.label, input(`indicators.${row.key}.${k}`, row.values[k], numeric(property("Indicator", k)), `${row.key} ${d.label}`));
      cell.appendChild(label);
    }
    button.addEventListener("click", () => {
      details.hidden = !details.hidden;
      button.setAttribute("aria-expanded", String(!details.hidden));
    });
  }
}

function sectionButtons(path) {
  const box = document.createElement("span");
  const [list, index] = [path.slice(0, path.lastIndexOf(".")), Number(path.slice(path.lastIndexOf(".") + 1))];
  const add = (text, op) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.addEventListener("click", () => structural(op));
    box.appendChild(b);
  };
  add(word("up"), { op: "move", path, by: -1 });
  add(word("down"), { op: "move", path, by: 1 });
  add(word("remove"), { op: "remove", path });
  box.dataset.list = list;
  box.dataset.index = String(index);
  return box;
}

async function structural(op) {
  if (op.op === "remove" && !window.confirm(word("confirm_remove"))) return;
  state.edits.push(op);
  $("status").textContent = word("unsaved");
  await reloadDesk();
  schedulePreview();
}

function renderFields() {
  const box = $("fields");
  box.replaceChildren();
  for (const f of state.desk.fields) {
    if (f.kind === "section") {
      const head = document.createElement("div");
      head.className = "section-head";
      head.style.marginLeft = `${f.depth}rem`;
      head.dataset.path = f.path;
      head.append(`${word("section")} ${f.path.split(".").filter((s) => /^\d+$/.test(s)).map((n) => Number(n) + 1).join(".")}`, sectionButtons(f.path));
      box.appendChild(head);
      continue;
    }
    const d = describe(f.owner, f.name);
    const wrap = document.createElement("div");
    wrap.className = "field";
    wrap.style.marginLeft = `${f.depth}rem`;
    const id = `f-${f.path.replaceAll(".", "-")}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = d.label;
    label.title = d.hint;
    let el;
    if (f.kind === "bool") {
      el = document.createElement("input");
      el.type = "checkbox";
      el.checked = Boolean(f.value);
      el.addEventListener("change", () => recordSet(f.path, el.checked, false));
    } else if (f.kind === "number" || f.name === "title") {
      el = input(f.path, f.value, f.kind === "number");
    } else {
      el = document.createElement("textarea");
      el.value = f.value || "";
      el.rows = Math.min(12, Math.max(2, Math.ceil((f.value || "").length / 40)));
      el.addEventListener("input", () => recordSet(f.path, el.value, false));
    }
    el.id = id;
    el.dataset.path = f.path;
    wrap.append(label, el);
    box.appendChild(wrap);
  }
  if (state.desk.fields.some((f) => f.path.startsWith("sections."))) {
    const add = document.createElement("p");
    add.className = "add-row";
    const title = document.createElement("input");
    title.setAttribute("aria-label", word("new_title"));
    title.placeholder = word("new_title");
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = word("add_section");
    b.addEventListener("click", () => {
      if (title.value.trim()) structural({ op: "add_section", path: "sections", title: title.value.trim() });
    });
    add.append(title, b);
    box.appendChild(add);
  }
}

function showFindings(findings) {
  for (const el of document.querySelectorAll(".has-error, .has-warning")) {
    el.classList.remove("has-error", "has-warning");
  }
  for (const el of document.querySelectorAll(".field .finding, .grid .finding")) el.remove();
  const list = $("findings");
  list.replaceChildren();
  if (!findings.length) {
    const li = document.createElement("li");
    li.textContent = word("no_findings");
    list.appendChild(li);
  }
  for (const f of findings) {
    const li = document.createElement("li");
    li.className = `finding ${f.severity}`;
    li.textContent = `${f.path ? f.path + word("colon") : ""}${f.message}${f.help ? word("open") + f.help + word("close") : ""}`;
    list.appendChild(li);
    const target = fieldFor(f.path);
    if (target) {
      const holder = target.closest(".field") || target.closest("td") || target;
      holder.classList.add(f.severity === "error" ? "has-error" : "has-warning");
      const note = document.createElement("div");
      note.className = `finding ${f.severity}`;
      note.textContent = f.message;
      holder.appendChild(note);
      li.tabIndex = 0;
      li.addEventListener("click", () => target.focus());
      li.addEventListener("keydown", (e) => { if (e.key === "Enter") target.focus(); });
    }
  }
}

// The field a finding names, or the nearest one above it (a section for its paragraphs).
function fieldFor(path) {
  if (!path) return null;
  let p = path;
  while (p) {
    const el = document.querySelector(`[data-path="${CSS.escape(p)}"]`);
    if (el) return el;
    p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "";
  }
  return null;
}

async function reloadDesk() {
  const res = state.edits.length
    ? await post("/api/desk", { edits: state.edits })
    : await fetch("/api/desk");
  const data = await res.json();
  if (!res.ok) {
    $("status").textContent = `${word("failed")}: ${data.error || res.status}`;
    return;
  }
  state.desk = data;
  renderGrid();
  renderFields();
}

async function save() {
  const res = await post("/api/save", { edits: state.edits });
  const data = await res.json();
  if (res.ok) {
    state.edits = [];
    $("status").textContent = word("saved");
    await reloadDesk();
    await preview();
  } else {
    $("status").textContent = word("save_refused");
    showFindings(data.findings || [{ severity: "error", message: data.error }]);
  }
}

async function download() {
  const res = await post("/api/docx", { edits: state.edits });
  if (!res.ok) {
    const data = await res.json();
    showFindings(data.findings || [{ severity: "error", message: data.error }]);
    return;
  }
  const blob = await res.blob();
  const name = decodeURIComponent(((res.headers.get("Content-Disposition") || "").match(/filename\*=UTF-8''([^;]+)/) || [, "draft.docx"])[1]);
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

async function start() {
  await reloadDesk();
  document.title = `${word("title")} · ${state.desk.file}`;
  $("title").textContent = word("title");
  $("file").textContent = state.desk.file;
  $("save").textContent = word("save");
  $("download").textContent = word("download");
  $("indicators-heading").textContent = word("indicators");
  $("text-heading").textContent = word("text");
  $("findings-heading").textContent = `${word("errors")} / ${word("warnings")}`;
  $("preview-heading").textContent = word("preview");
  $("new-key-label").textContent = word("new_key");
  $("add-indicator").textContent = word("add_indicator");
  $("save").addEventListener("click", save);
  $("download").addEventListener("click", download);
  $("editor").addEventListener("submit", (e) => e.preventDefault());
  $("add-indicator").addEventListener("click", async () => {
    const key = $("new-key").value.trim();
    if (!/^[a-z][a-z0-9_]*$/.test(key)) { $("new-key").focus(); return; }
    state.edits.push({ op: "set", path: `indicators.${key}.name`, value: key, numeric: false });
    $("new-key").value = "";
    await reloadDesk();
    schedulePreview();
  });
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
  });
  await preview();
}

start();

// The clerk's desk. The page holds no wording of its own: every label comes from the data
// file's JSON Schema (its Chinese descriptions) or from the server's `words`. Edits are kept
// in order since the last save and sent whole: the server applies them to the file's text.
"use strict";

const state = { desk: null, edits: [], timer: null, typedAt: 0, latencies: [] };
window.zongjieLatencies = state.latencies;

const MAIN_COLUMNS = ["name", "unit", "current", "previous", "target", "next_target"];
// Fields of one line: names, not paragraphs.
const SINGLE_LINE = ["title", "issuer", "region", "city", "name", "label", "unit", "period", "source", "peer_group", "marker"];

function $(id) { return document.getElementById(id); }
function word(key) { return (state.desk && state.desk.words[key]) || key; }

// Every request names the version of the file the page's paths were read from; the server
// refuses edits made against another (409), so an old window never writes in the wrong place.
async function post(url, body) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ...body, base: state.desk ? state.desk.version : undefined }),
  });
  if (res.status === 409) {
    const data = await res.clone().json();
    $("status").textContent = data.error;
    showFindings([{ severity: "error", message: data.error }]);
  }
  return res;
}

function resolve(schema) {
  if (schema && schema.$ref) return definitions()[schema.$ref.split("/").pop()] || schema;
  return schema;
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

// Only a single value is a box: a list or a table (往年数值, 构成项) is edited in the file.
function scalarProperty(schema) {
  if (!schema) return false;
  const s = JSON.stringify(schema);
  return !(s.includes("\"array\"") || s.includes("\"object\"") || s.includes("additionalProperties"));
}

function boolean(schema) {
  return Boolean(schema) && JSON.stringify(schema).includes("\"boolean\"");
}

// The choices of a field whose schema is a list of constants (报告类型: annual / half-year).
function choices(schema) {
  const s = resolve(schema);
  if (!s || !Array.isArray(s.oneOf)) return null;
  const options = s.oneOf.filter((o) => o.const !== undefined);
  if (!options.length) return null;
  return options.map((o) => ({ value: o.const, label: (o.description || o.const).replace(/[.。]$/, "") }));
}

// A later value for a field replaces the earlier one (back to the last add, move or
// remove, after which paths may mean other fields), so a mistyped figure corrected is gone.
function recordSet(path, value, isNumeric) {
  let i = state.edits.length - 1;
  while (i >= 0 && state.edits[i].op === "set" && state.edits[i].path !== path) i -= 1;
  if (i >= 0 && state.edits[i].op === "set") {
    state.edits[i].value = value;
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
  showFindings(findingsOf(data));
  if (started) {
    state.latencies.push(performance.now() - started);
    state.typedAt = 0;
  }
  document.body.dataset.previewed = String(Number(document.body.dataset.previewed || 0) + 1);
}

function findingsOf(data) {
  if (data.findings && data.findings.length) return data.findings;
  return data.error ? [{ severity: "error", message: data.error }] : [];
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
    tr.title = `${word("key")} ${row.key}`;
    for (const col of MAIN_COLUMNS) {
      const td = tr.insertCell();
      const isNum = numeric(property("Indicator", col));
      const d = describe("Indicator", col);
      td.appendChild(input(`indicators.${row.key}.${col}`, row.values[col], isNum, `${row.values.name || row.key} ${d.label}`));
    }
    const more = tr.insertCell();
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = word("more");
    button.setAttribute("aria-label", `${row.values.name || row.key} ${word("more")}`);
    button.setAttribute("aria-expanded", "false");
    more.appendChild(button);
    const details = body.insertRow();
    details.className = "details";
    details.hidden = true;
    const cell = details.insertCell();
    cell.colSpan = MAIN_COLUMNS.length + 1;
    for (const k of others) {
      const d = describe("Indicator", k);
      const label = document.createElement("label");
      label.title = d.hint;
      const path = `indicators.${row.key}.${k}`;
      let el;
      if (boolean(property("Indicator", k))) {
        el = document.createElement("input");
        el.type = "checkbox";
        el.checked = row.values[k] === true;
        el.dataset.path = path;
        el.addEventListener("change", () => recordSet(path, el.checked, false));
      } else {
        el = input(path, row.values[k], numeric(property("Indicator", k)), `${row.values.name || row.key} ${d.label}`);
      }
      label.append(d.label, el);
      cell.appendChild(label);
    }
    button.addEventListener("click", () => {
      details.hidden = !details.hidden;
      button.setAttribute("aria-expanded", String(!details.hidden));
    });
  }
}

function sectionButtons(path, title) {
  const box = document.createElement("span");
  const [list, index] = [path.slice(0, path.lastIndexOf(".")), Number(path.slice(path.lastIndexOf(".") + 1))];
  const add = (text, op) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.setAttribute("aria-label", `${text}：${title}`);
    b.addEventListener("click", () => structural(op, title));
    box.appendChild(b);
  };
  add(word("up"), { op: "move", path, by: -1 });
  add(word("down"), { op: "move", path, by: 1 });
  add(word("add_paragraph"), { op: "add_paragraph", path });
  add(word("remove"), { op: "remove", path });
  box.dataset.list = list;
  box.dataset.index = String(index);
  return box;
}

async function structural(op, what) {
  if (op.op === "remove" && !window.confirm(`${word("confirm_remove")}${what ? "\n" + what : ""}`)) return;
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
      const titleField = state.desk.fields.find((g) => g.path === `${f.path}.title`);
      const title = titleField && titleField.value ? titleField.value : `${word("section")} ${f.path.split(".").filter((s) => /^\d+$/.test(s)).map((n) => Number(n) + 1).join(".")}`;
      const name = document.createElement("span");
      name.textContent = title;
      head.append(name, sectionButtons(f.path, title));
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
    } else if (choices(property(f.owner, f.name))) {
      el = document.createElement("select");
      for (const c of choices(property(f.owner, f.name))) {
        const o = document.createElement("option");
        o.value = c.value;
        o.textContent = c.label;
        o.selected = c.value === f.value;
        el.appendChild(o);
      }
      el.addEventListener("change", () => recordSet(f.path, el.value, false));
    } else if (f.kind === "number" || f.kind === "date" || SINGLE_LINE.includes(f.name)) {
      el = input(f.path, f.value, f.kind === "number" || f.kind === "date");
    } else {
      el = document.createElement("textarea");
      el.value = f.value || "";
      el.rows = Math.min(12, Math.max(2, Math.ceil((f.value || "").length / 40)));
      el.addEventListener("input", () => recordSet(f.path, el.value, false));
    }
    el.id = id;
    el.dataset.path = f.path;
    wrap.append(label, el);
    if (/\.paragraphs\.\d+$/.test(f.path)) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "remove-paragraph";
      b.textContent = word("remove_paragraph");
      b.setAttribute("aria-label", `${word("remove_paragraph")}：${String(f.value || "").slice(0, 20)}`);
      b.addEventListener("click", () => structural({ op: "remove", path: f.path }, String(f.value || "").slice(0, 40)));
      wrap.appendChild(b);
    }
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

// Saves what was typed up to now; what is typed while saving stays pending, and the fields
// are not rebuilt, so the cursor stays where the clerk is writing.
async function save() {
  const sent = state.edits.slice();
  const res = await post("/api/save", { edits: sent });
  if (res.status === 409) return;
  const data = await res.json();
  if (res.ok) {
    state.edits.splice(0, sent.length);
    const desk = await (await fetch("/api/desk")).json();
    state.desk.version = desk.version;
    $("status").textContent = state.edits.length ? word("unsaved") : word("saved");
    await preview();
  } else {
    $("status").textContent = word("save_refused");
    showFindings(findingsOf(data));
  }
}

async function download() {
  const res = await post("/api/docx", { edits: state.edits });
  if (!res.ok) {
    if (res.status !== 409) showFindings(findingsOf(await res.json()));
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
  // Unsaved edits are not lost to a closed tab without a question.
  window.addEventListener("beforeunload", (e) => {
    if (state.edits.length) { e.preventDefault(); e.returnValue = ""; }
  });
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
  });
  await preview();
}

start();

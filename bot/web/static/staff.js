// The staff console. The token lives in this tab's sessionStorage; every value is shown with textContent.
"use strict";

const TOKEN_KEY = "staff-token";
let lastCsv = "";

const $ = (id) => document.getElementById(id);

function token() { return sessionStorage.getItem(TOKEN_KEY) || ""; }

async function api(path, init) {
  const request = Object.assign({}, init || {});
  request.headers = Object.assign({ Authorization: `Bearer ${token()}` }, request.headers || {});
  const response = await fetch(`/api/staff/${path}`, request);
  let body = null;
  try { body = await response.json(); } catch (_) { body = null; }
  if (!response.ok) {
    const message = body && body.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${response.status}`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

function cell(value, className) {
  const td = document.createElement("td");
  if (className) td.className = className;
  td.textContent = value === null || value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value);
  return td;
}

function check(value) {
  if (value === null || value === undefined) return cell("–", "na");
  return cell(value ? "✓" : "✗", value ? "pass" : "fail");
}

function fill(table, headings, rows, render) {
  table.replaceChildren();
  const head = document.createElement("tr");
  for (const heading of headings) {
    const th = document.createElement("th");
    th.textContent = heading;
    head.append(th);
  }
  table.append(head);
  if (!rows.length) {
    const tr = document.createElement("tr");
    const td = cell("（暂无 nothing yet）", "na");
    td.colSpan = headings.length;
    tr.append(td);
    table.append(tr);
    return;
  }
  for (const row of rows) table.append(render(row));
}

function tr(...cells) {
  const row = document.createElement("tr");
  row.append(...cells);
  return row;
}

// -- sign in ---------------------------------------------------------------------------------
async function signIn(candidate) {
  sessionStorage.setItem(TOKEN_KEY, candidate);
  try {
    await api("session");
  } catch (error) {
    sessionStorage.removeItem(TOKEN_KEY);
    $("login-error").textContent = error.status === 401 || error.status === 403
      ? `令牌无效或控制台未开放 · ${error.message}` : error.message;
    return false;
  }
  $("login-error").textContent = "";
  $("login").classList.add("hidden");
  $("console").classList.remove("hidden");
  $("logout").classList.remove("hidden");
  return true;
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  $("console").classList.add("hidden");
  $("logout").classList.add("hidden");
  $("login").classList.remove("hidden");
  $("token").value = "";
}

// -- tabs ------------------------------------------------------------------------------------
const loaders = { conversations: loadConversations, feedback: loadFeedback, fallbacks: loadFallbacks };

function show(tab) {
  for (const button of document.querySelectorAll("nav.tabs button")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === tab));
  }
  for (const panel of document.querySelectorAll("[role=tabpanel]")) {
    panel.classList.toggle("hidden", panel.id !== `tab-${tab}`);
  }
  if (loaders[tab]) loaders[tab]().catch(failed);
}

function failed(error) {
  if (error.status === 401 || error.status === 403) {
    signOut();
    $("login-error").textContent = error.message;
  } else {
    $("run-status").textContent = error.message;
  }
}

// -- question runner -------------------------------------------------------------------------
async function runFile(event) {
  event.preventDefault();
  const file = $("run-file").files[0];
  if (!file) return;
  const form = new FormData();
  form.append("file", file);
  $("run-status").textContent = `运行中 Running ${file.name}…`;
  $("run-button").disabled = true;
  try {
    const report = await api("run", { method: "POST", body: form });
    showReport(report);
    $("run-status").textContent = `${file.name} ✓`;
  } catch (error) {
    $("run-status").textContent = error.message;
    if (error.status === 401 || error.status === 403) failed(error);
  } finally {
    $("run-button").disabled = false;
  }
}

function showReport(report) {
  const s = report.summary;
  $("run-summary").replaceChildren(
    ...[`问题 Questions ${s.questions}`, `通过 Passed ${s.passed}`, `失败 Failed ${s.failed}`,
      `条款 Articles ✗ ${s.articles_failed}`, `要点 Facts ✗ ${s.facts_failed}`, `转热线 Fallback ✗ ${s.fallback_failed}`]
      .map((text) => Object.assign(document.createElement("span"), { textContent: text })),
  );
  fill($("run-table"),
    ["id", "结果 Result", "question", "articles", "top", "facts", "missing", "fallback", "reason", "answer", "ms"],
    report.results,
    (r) => tr(cell(r.id), check(r.passed), cell(r.question),
      check(r.articles_ok), cell(`${r.top_article ?? ""} ∈ [${r.expected_articles.join(", ")}]`),
      check(r.facts_ok), cell(r.missing_facts),
      check(r.fallback_ok), cell(r.reason), cell(r.answer, "answer"), cell(r.latency_ms)));
  lastCsv = report.csv;
  $("export").classList.remove("hidden");
}

function exportCsv() {
  const blob = new Blob(["\ufeff", lastCsv], { type: "text/csv;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = "question-run.csv";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// -- logs ------------------------------------------------------------------------------------
async function loadConversations() {
  const rows = await api("conversations?limit=200");
  fill($("conversations-table"), ["最近 Last", "渠道 Channel", "轮数 Turns", "转热线 Fallbacks", "首个问题 First question"],
    rows, (c) => {
      const row = tr(cell(c.last), cell(c.channel), cell(c.turns), cell(c.fallbacks), cell(c.first_question));
      row.className = "clickable";
      row.addEventListener("click", () => loadTurns(c.id).catch(failed));
      return row;
    });
}

async function loadTurns(id) {
  const conversation = await api(`conversations/${encodeURIComponent(id)}`);
  $("turns-title").textContent = `对话 Conversation ${id}`;
  $("turns-title").classList.remove("hidden");
  fill($("turns-table"), ["时间 Time", "问题 Question", "语言 Lang", "转热线 Fallback", "原因 Reason", "条款 Cited", "回答 Answer", "ms"],
    conversation.turns, (t) => tr(cell(t.time), cell(t.question), cell(t.lang), check(!t.fallback), cell(t.reason),
      cell(t.cited), cell(t.answer, "answer"), cell(t.latency_ms)));
}

async function loadFeedback() {
  const rows = await api("feedback?limit=200");
  fill($("feedback-table"), ["时间 Time", "评价 Rating", "问题 Question", "回答 Answer", "备注 Comment"], rows,
    (f) => tr(cell(f.time), cell(f.rating === "up" ? "👍 up" : "👎 down", f.rating === "up" ? "pass" : "fail"),
      cell(f.question), cell(f.answer, "answer"), cell(f.comment)));
}

async function loadFallbacks() {
  const rows = await api("fallbacks?limit=200");
  fill($("fallbacks-table"), ["次数 Count", "问题 Question", "最近 Last seen"], rows,
    (f) => tr(cell(f.count), cell(f.question), cell(f.last_seen)));
}

// -- wiring ----------------------------------------------------------------------------------
document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", (event) => {
    event.preventDefault();
    signIn($("token").value.trim());
  });
  $("logout").addEventListener("click", signOut);
  $("run-form").addEventListener("submit", runFile);
  $("export").addEventListener("click", exportCsv);
  for (const button of document.querySelectorAll("nav.tabs button")) {
    button.addEventListener("click", () => show(button.dataset.tab));
  }
  for (const button of document.querySelectorAll("[data-refresh]")) {
    button.addEventListener("click", () => loaders[button.dataset.refresh]().catch(failed));
  }
  if (token()) signIn(token());
});

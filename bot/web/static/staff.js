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
    error.detail = body && body.error ? body.error.message : "";
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
const loaders = {
  conversations: loadConversations, feedback: loadFeedback, fallbacks: loadFallbacks, corrections: loadCorrections,
};

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
    ["id", "结果 Result", "question", "articles", "top", "facts", "missing", "fallback", "reason", "answer", "ms", ""],
    report.results,
    (r) => tr(cell(r.id), check(r.passed), cell(r.question),
      check(r.articles_ok), cell(`${r.top_article ?? ""} ∈ [${r.expected_articles.join(", ")}]`),
      check(r.facts_ok), cell(r.missing_facts),
      check(r.fallback_ok), cell(r.reason), cell(r.answer, "answer"), cell(r.latency_ms),
      r.passed ? cell("") : correctCell(r.question, r.lang)));
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
  fill($("turns-table"),
    ["时间 Time", "问题 Question", "语言 Lang", "转热线 Fallback", "原因 Reason", "条款 Cited", "回答 Answer", "ms", ""],
    conversation.turns, (t) => tr(cell(beijing(t.time)), cell(t.question), cell(t.lang),
      cell(t.fallback ? "是 Yes" : "否 No"), cell(t.reason), cell(t.cited), cell(t.answer, "answer"), cell(t.latency_ms),
      correctCell(t.question, t.lang)));
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

// -- corrections -------------------------------------------------------------------------------
const NAME_KEY = "staff-name";
const ACTIONS = { not_covered: "政策未作规定 Not covered", article: "条款 Article", answer: "自拟答复 Curated answer" };

function beijing(iso) {
  if (!iso) return "";
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return moment.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) + " (北京时间)";
}

function button(text, onClick, label) {
  const b = Object.assign(document.createElement("button"), { type: "button", className: "secondary", textContent: text });
  if (label) b.setAttribute("aria-label", label);
  b.addEventListener("click", (event) => { event.stopPropagation(); onClick(); });
  return b;
}

function correctCell(question, lang) {
  const td = cell("");
  td.append(button("更正 Correct", () => correctFrom(question, lang), `更正 Correct: ${question}`));
  return td;
}

function correctFrom(question, lang) {
  resetCorrection();
  $("correction-question").value = question;
  $("correction-lang").value = lang === "en" ? "en" : "zh";
  show("corrections");
  $("correction-action").focus();
}

function syncAction() {
  const action = $("correction-action").value;
  $("correction-answers").classList.toggle("hidden", action !== "answer");
  $("correction-article").required = action !== "not_covered";
  $("correction-clause").required = action === "article";
}

function resetCorrection() {
  $("correction-form").reset();
  $("correction-id").value = "";
  $("correction-author").value = localStorage.getItem(NAME_KEY) || "";
  $("correction-save").value = "保存更正 Save correction";
  syncAction();
}

function numberOrNull(id) {
  const value = $(id).value.trim();
  return value ? Number(value) : null;
}

async function saveCorrection(event) {
  event.preventDefault();
  const author = $("correction-author").value.trim();
  localStorage.setItem(NAME_KEY, author);
  const action = $("correction-action").value;
  const body = {
    question: $("correction-question").value.trim(), lang: $("correction-lang").value, action, author,
    article: action === "not_covered" ? null : numberOrNull("correction-article"),
    clause: action === "not_covered" ? null : numberOrNull("correction-clause"),
    answer_zh: action === "answer" ? $("correction-answer-zh").value.trim() : "",
    answer_en: action === "answer" ? $("correction-answer-en").value.trim() : "",
  };
  const id = $("correction-id").value;
  const status = $("correction-status");
  try {
    await api(id ? `corrections/${id}` : "corrections", {
      method: id ? "PUT" : "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    status.className = "pass";
    status.textContent = "已保存，立即生效。 Saved: it applies now.";
    resetCorrection();
    await loadCorrections();
  } catch (error) {
    if (error.status === 401 || error.status === 403) return failed(error);
    status.className = "error";
    status.textContent = `无法保存，请修改后重试。 Not saved — please fix and try again: ${error.detail || error.message}`;
  }
}

function editCorrection(c) {
  $("correction-id").value = String(c.id);
  $("correction-question").value = c.question;
  $("correction-lang").value = c.lang;
  $("correction-action").value = c.action;
  $("correction-article").value = c.article ?? "";
  $("correction-clause").value = c.clause ?? "";
  $("correction-answer-zh").value = c.answer_zh;
  $("correction-answer-en").value = c.answer_en;
  $("correction-save").value = `保存修改 Save changes (#${c.id})`;
  syncAction();
  $("correction-question").focus();
}

async function removeCorrection(c) {
  if (!window.confirm(`删除这条更正？ Remove this correction?\n${c.question}`)) return;
  const author = encodeURIComponent(localStorage.getItem(NAME_KEY) || "");
  await api(`corrections/${c.id}?author=${author}`, { method: "DELETE" }).catch(failed);
  $("correction-status").textContent = "已删除 Removed.";
  await loadCorrections();
}

async function loadCorrections() {
  const rows = await api("corrections");
  fill($("corrections-table"), ["更新 Updated", "问题 Question", "语言 Lang", "更正 Correction", "条款 Article", "更正人 By", ""],
    rows, (c) => {
      const actions = cell("");
      actions.append(button("修改 Edit", () => editCorrection(c), `修改 Edit: ${c.question}`),
        button("删除 Remove", () => removeCorrection(c), `删除 Remove: ${c.question}`));
      const where = c.article ? `第${c.article}条` + (c.clause ? ` 第${c.clause}款` : "") : "–";
      return tr(cell(beijing(c.updated_at)), cell(c.question), cell(c.lang), cell(ACTIONS[c.action] || c.action),
        cell(where), cell(c.updated_by), actions);
    });
}

async function exportCorrections() {
  const response = await fetch("/api/staff/corrections/export", { headers: { Authorization: `Bearer ${token()}` } });
  if (!response.ok) return failed(Object.assign(new Error(`HTTP ${response.status}`), { status: response.status }));
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = "corrections.jsonl";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function importCorrections() {
  const file = $("corrections-import").files[0];
  if (!file) return;
  const form = new FormData();
  form.append("file", file);
  const status = $("correction-status");
  try {
    const counts = await api("corrections/import", { method: "POST", body: form });
    status.className = "pass";
    status.textContent = `已导入：新增 ${counts.created} 条，更新 ${counts.updated} 条。 Imported: ${counts.created} new, ${counts.updated} updated.`;
    await loadCorrections();
  } catch (error) {
    if (error.status === 401 || error.status === 403) return failed(error);
    status.className = "error";
    status.textContent = `文件未导入，请修改后重试。 Nothing imported — please fix the file: ${error.detail || error.message}`;
  } finally {
    $("corrections-import").value = "";
  }
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
  $("correction-form").addEventListener("submit", saveCorrection);
  $("correction-action").addEventListener("change", syncAction);
  $("correction-reset").addEventListener("click", resetCorrection);
  $("corrections-export").addEventListener("click", () => exportCorrections().catch(failed));
  $("corrections-import").addEventListener("change", importCorrections);
  resetCorrection();
  if (token()) signIn(token());
});

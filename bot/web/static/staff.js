// The staff console. The token lives in this tab's sessionStorage; every value is shown with textContent.
"use strict";

const TOKEN_KEY = "staff-token";

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
    error.code = body && body.error ? body.error.code : "";
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
  show(document.querySelector("nav.tabs button[aria-selected=true]").dataset.tab);
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
  dashboard: loadDashboard,
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
const ERROR_ADVICE = {
  invalid_question_file: "问题文件无法读取，请按提示修改后重新上传。 The question file could not be read — fix it as shown and upload it again",
  payload_too_large: "文件太大，请拆分后再上传。 The file is too large — split it and upload the parts",
  rate_limited: "操作过于频繁，请稍后再试。 Too many requests — wait a moment and try again",
};

function advice(error) {
  const detail = error.detail || error.message;
  return ERROR_ADVICE[error.code] ? `${ERROR_ADVICE[error.code]}: ${detail}` : detail;
}

let lastReport = null;

async function runFile(event) {
  event.preventDefault();
  const file = $("run-file").files[0];
  if (!file) return;
  const form = new FormData();
  form.append("file", file);
  $("run-status").className = "muted";
  $("run-status").textContent = `运行中 Running ${file.name}…`;
  $("run-button").disabled = true;
  clearReport();  // the results of another file never stay on screen beside an error
  try {
    const report = await api("run", { method: "POST", body: form });
    showReport(report);
    $("run-status").textContent = `${file.name}：已完成 done`;
  } catch (error) {
    if (error.status === 401 || error.status === 403) return failed(error);
    $("run-status").className = "error";
    $("run-status").textContent = advice(error);
  } finally {
    $("run-button").disabled = false;
  }
}

function clearReport() {
  lastReport = null;
  $("run-summary").replaceChildren();
  $("run-table").replaceChildren();
  $("export").classList.add("hidden");
  $("failures-only-row").classList.add("hidden");
}

function outcomeCell(passed) {
  if (passed === null || passed === undefined) return cell("未检查 Not checked", "na");
  return cell(passed ? "✓ 通过 Passed" : "✗ 未通过 Failed", passed ? "pass" : "fail");
}

function showReport(report) {
  lastReport = report;
  const s = report.summary;
  const parts = [`问题 Questions ${s.questions}`, `通过 Passed ${s.passed}`, `未通过 Failed ${s.failed}`];
  if (s.not_checked) parts.push(`未检查 Not checked ${s.not_checked}（文件没有给出预期 the file gives no expectations）`);
  parts.push(`条款不符 Wrong article ${s.articles_failed}`, `缺少要点 Missing facts ${s.facts_failed}`,
    `转热线不符 Wrong fallback ${s.fallback_failed}`);
  $("run-summary").replaceChildren(...parts.map((text) => Object.assign(document.createElement("span"), { textContent: text })));
  $("failures-only-row").classList.remove("hidden");
  renderResults();
  $("export").classList.remove("hidden");
}

function renderResults() {
  if (!lastReport) return;
  const only = $("failures-only").checked;
  const rows = lastReport.results.filter((r) => !only || r.passed === false);
  const sorted = [...rows].sort((a, b) => Number(a.passed !== false) - Number(b.passed !== false));  // failures first
  fill($("run-table"),
    ["编号 ID", "结果 Result", "问题 Question", "条款 Article", "首个引用条款（预期） Cited first (expected)",
      "要点 Facts", "缺少的要点 Missing facts", "转热线 Fallback", "原因 Reason", "答复 Answer", "用时（毫秒） Time (ms)", ""],
    sorted,
    (r) => {
      const row = tr(cell(r.id), outcomeCell(r.passed), cell(r.question),
        check(r.articles_ok), cell(`${r.top_article ?? "–"}（${r.expected_articles.join("、") || "–"}）`),
        check(r.facts_ok), cell(r.missing_facts),
        check(r.fallback_ok), cell(r.reason), cell(r.answer, "answer"), cell(Math.round(r.latency_ms)),
        r.passed === false ? correctCell(r.question, r.lang) : cell(""));
      if (r.passed === false) row.className = "failed-row";
      return row;
    });
}

function exportCsv() {
  const blob = new Blob(["\ufeff", lastReport ? lastReport.csv : ""], { type: "text/csv;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = "question-run.csv";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// -- logs ------------------------------------------------------------------------------------
function activatable(row, label, action) {
  // the row opens by mouse; its button (the last cell) by keyboard and for screen readers
  row.className = "clickable";
  row.addEventListener("click", action);
  const last = row.lastElementChild;
  last.replaceChildren(button("查看 View ›", action, `查看 View › ${label}`));
  return row;
}

function conversationName(c) {
  return `${beijing(c.started)} · ${c.first_question}`;
}

async function loadConversations() {
  const rows = await api("conversations?limit=200");
  fill($("conversations-table"),
    ["开始 Started", "最近 Last", "渠道 Channel", "轮数 Turns", "转热线 Fallbacks", "首个问题 First question", ""],
    rows, (c) => {
      const row = tr(cell(beijing(c.started)), cell(beijing(c.last)), cell(c.channel), cell(c.turns), cell(c.fallbacks),
        cell(c.first_question), cell(""));
      return activatable(row, conversationName(c),
        () => loadTurns(c.id, conversationName(c)).catch(failed));
    });
}

async function loadTurns(id, name) {
  const conversation = await api(`conversations/${encodeURIComponent(id)}`);
  $("turns-title").textContent = `对话 Conversation: ${name}`;
  $("turns-title").classList.remove("hidden");
  fill($("turns-table"),
    ["时间 Time", "问题 Question", "语言 Lang", "转热线 Fallback", "原因 Reason", "条款 Cited", "回答 Answer", "用时（毫秒） Time (ms)", ""],
    conversation.turns, (t) => tr(cell(beijing(t.time)), cell(t.question), cell(t.lang),
      cell(t.fallback ? "是 Yes" : "否 No"), cell(t.reason), cell(t.cited), cell(t.answer, "answer"),
      cell(Math.round(t.latency_ms)), correctCell(t.question, t.lang)));
  $("turns-title").scrollIntoView({ block: "start" });
}

async function loadFeedback() {
  const rows = await api("feedback?limit=200");
  fill($("feedback-table"), ["时间 Time", "评价 Rating", "问题 Question", "回答 Answer", "原因 Reason", "备注 Comment"], rows,
    (f) => tr(cell(beijing(f.time)), cell(f.rating === "up" ? "好评 Up" : "差评 Down", f.rating === "up" ? "pass" : "fail"),
      cell(f.question), cell(f.answer, "answer"), cell(f.rating === "down" ? REASON_NAMES[f.reason || "not_given"] : ""),
      cell(f.comment)));
}

async function loadFallbacks() {
  const rows = await api("fallbacks?limit=200");
  fill($("fallbacks-table"), ["次数 Count", "问题 Question", "最近 Last seen", ""], rows,
    (f) => tr(cell(f.count), cell(f.question), cell(beijing(f.last_seen)), correctCell(f.question, /[\u4e00-\u9fff]/.test(f.question) ? "zh" : "en")));
}

// -- dashboard -------------------------------------------------------------------------------
const SVG = "http://www.w3.org/2000/svg";
const OUTCOME_COLOURS = { answered: "#15803d", not_stated: "#b45309", out_of_scope: "#64748b" };
const OUTCOME_NAMES = { answered: "已回答 Answered", not_stated: "政策未作规定 Not stated", out_of_scope: "超出范围 Out of scope" };
const REASON_NAMES = {
  wrong: "答复有误 Wrong", not_answered: "没有回答问题 Did not answer", unclear: "看不懂 Unclear", other: "其他 Other",
  not_given: "未说明原因 No reason given",
};

function svgEl(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function chartSvg(width, height, title) {
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart-svg", role: "img", "aria-label": title });
  svg.append(svgEl("title", {}, title));
  return svg;
}

function dayChart(days) {
  const width = 760, height = 220, left = 34, bottom = 34, top = 10;
  const max = Math.max(1, ...days.map((d) => d.total));
  const step = (width - left - 6) / Math.max(1, days.length);
  const summary = days.map((d) => `${d.date} ${d.total}`).join(", ");
  const svg = chartSvg(width, height, `每日提问 Questions per day: ${summary}`);
  const scale = (n) => (n / max) * (height - top - bottom);
  svg.append(svgEl("line", { x1: left, y1: height - bottom, x2: width, y2: height - bottom, stroke: "#94a3b8" }));
  svg.append(svgEl("text", { x: left - 6, y: top + 8, "text-anchor": "end" }, String(max)));
  svg.append(svgEl("text", { x: left - 6, y: height - bottom, "text-anchor": "end" }, "0"));
  days.forEach((d, i) => {
    let y = height - bottom;
    for (const outcome of Object.keys(OUTCOME_NAMES)) {
      const h = scale(d[outcome]);
      if (h <= 0) continue;
      const bar = svgEl("rect", {
        x: left + i * step + 2, y: y - h, width: Math.max(2, step - 4), height: h, fill: OUTCOME_COLOURS[outcome],
      });
      bar.append(svgEl("title", {}, `${d.date} ${OUTCOME_NAMES[outcome]}: ${d[outcome]}`));
      svg.append(bar);
      y -= h;
    }
    if (days.length <= 16 || i % Math.ceil(days.length / 16) === 0) {
      const x = left + i * step + step / 2;
      svg.append(svgEl("text", { x, y: height - bottom + 14, "text-anchor": "middle" }, d.date.slice(5)));
    }
  });
  const legend = document.createElement("div");
  legend.className = "legend";
  for (const outcome of Object.keys(OUTCOME_NAMES)) {
    legend.append(Object.assign(document.createElement("span"), { className: outcome, textContent: OUTCOME_NAMES[outcome] }));
  }
  return [svg, legend];
}

function barList(rows, label, colour, title) {
  const width = 420, row = 26, left = 190;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const svg = chartSvg(width, Math.max(row, rows.length * row), title);
  rows.forEach((r, i) => {
    const name = label(r);
    svg.append(svgEl("text", { x: 0, y: i * row + 17 }, name.length > 26 ? `${name.slice(0, 25)}…` : name));
    const w = ((width - left - 40) * r.count) / max;
    const bar = svgEl("rect", { x: left, y: i * row + 5, width: Math.max(2, w), height: row - 10, fill: colour });
    bar.append(svgEl("title", {}, `${name}: ${r.count}`));
    svg.append(bar, svgEl("text", { x: left + w + 6, y: i * row + 17 }, String(r.count)));
  });
  return svg;
}

function emptyNote() {
  return Object.assign(document.createElement("p"), { className: "muted", textContent: "（暂无 nothing yet）" });
}

async function loadDashboard() {
  const query = new URLSearchParams();
  if ($("dashboard-from").value) query.set("from", $("dashboard-from").value);
  if ($("dashboard-to").value) query.set("to", $("dashboard-to").value);
  let data;
  try {
    data = await api(`dashboard?${query}`);
  } catch (error) {
    if (error.status === 401 || error.status === 403) throw error;
    $("dashboard-status").textContent =
      `无法显示，请检查日期。 Cannot show this — please check the dates: ${error.detail || error.message}`;
    return;
  }
  $("dashboard-from").value = data.from;
  $("dashboard-to").value = data.to;
  $("dashboard-status").textContent =
    `${data.from} – ${data.to}（北京时间 Beijing time）：${data.questions} 个问题 questions`;
  $("dashboard-shares").replaceChildren(...Object.keys(OUTCOME_NAMES).map((o) => Object.assign(
    document.createElement("span"), { textContent: `${OUTCOME_NAMES[o]} ${(100 * data.shares[o]).toFixed(1)}%` })));
  $("chart-days").replaceChildren(...dayChart(data.days));
  const unanswered = "政策未作规定的常见问题 Most frequent questions the policy does not answer";
  $("chart-unanswered").replaceChildren(data.unanswered.length
    ? barList(data.unanswered, (g) => g.question, OUTCOME_COLOURS.not_stated, unanswered) : emptyNote());
  const reasons = data.thumbs_down.by_reason;
  $("chart-reasons").replaceChildren(reasons.length
    ? barList(reasons, (r) => REASON_NAMES[r.reason] || r.reason, "#b91c1c", "差评原因 Thumbs down by reason")
    : emptyNote());
  fill($("thumbs-table"), ["时间 Time", "问题 Question", "原因 Reason", "备注 Comment"], data.thumbs_down.latest,
    (f) => tr(cell(beijing(f.time)), cell(f.question), cell(REASON_NAMES[f.reason] || f.reason), cell(f.comment)));
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
  // the button is disabled in the page until here: a form sent before would put the token in the address
  $("login-button").disabled = false;
  $("logout").addEventListener("click", signOut);
  $("run-form").addEventListener("submit", runFile);
  $("export").addEventListener("click", exportCsv);
  $("failures-only").addEventListener("change", renderResults);
  for (const button of document.querySelectorAll("nav.tabs button")) {
    button.addEventListener("click", () => show(button.dataset.tab));
  }
  for (const button of document.querySelectorAll("[data-refresh]")) {
    button.addEventListener("click", () => loaders[button.dataset.refresh]().catch(failed));
  }
  $("dashboard-form").addEventListener("submit", (event) => { event.preventDefault(); loadDashboard().catch(failed); });
  $("correction-form").addEventListener("submit", saveCorrection);
  $("correction-action").addEventListener("change", syncAction);
  $("correction-reset").addEventListener("click", resetCorrection);
  $("corrections-export").addEventListener("click", () => exportCorrections().catch(failed));
  $("corrections-import").addEventListener("change", importCorrections);
  resetCorrection();
  if (token()) signIn(token());
});

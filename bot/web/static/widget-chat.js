// The widget's compact chat: asks /api/ask with the conversation so far and shows the answer with its clauses.
"use strict";
const LANG = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh";
const WORDS = LANG === "zh"
  ? { title: "连云港高新区政策助手", hotline: "招商热线", send: "发送", label: "您的问题",
      placeholder: "例如：R字签证的有效期是多久？", failed: "暂时无法回答，请稍后再试或拨打招商热线 " }
  : { title: "Lianyungang High-Tech Zones Policy Assistant", hotline: "Investment hotline", send: "Send",
      label: "Your question", placeholder: "e.g. How long is the R visa valid?",
      failed: "Sorry, no answer right now; please try again or call " };
const history = [];
const $ = (id) => document.getElementById(id);

function show(kind, text) {
  const item = Object.assign(document.createElement("div"), { className: `msg ${kind}`, textContent: text });
  $("log").append(item);
  $("log").scrollTop = $("log").scrollHeight;
  return item;
}

async function ask(event) {
  event.preventDefault();
  const question = $("question").value.trim();
  if (!question) return;
  $("question").value = "";
  show("user", question);
  try {
    const response = await fetch("/api/ask", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question, history: history.slice(-6), lang: LANG }),
    });
    const body = await response.json();
    if (!response.ok) { show("bot", body.error ? body.error.message : WORDS.failed + $("hotline-number").textContent); return; }
    history.push(question);
    const reply = show("bot", body.answer.split("\n\n").filter((part) => !part.startsWith(body.lang === "zh" ? "依据条款" : "Based on")).join("\n\n"));
    for (const c of body.citations) {
      const card = document.createElement("details");
      card.append(Object.assign(document.createElement("summary"), { textContent: `${c.title} (${c.article}.${c.clause})` }),
        Object.assign(document.createElement("div"), { textContent: c.text }));
      if (c.text_zh !== c.text) card.append(Object.assign(document.createElement("div"), { className: "zh", textContent: c.text_zh, lang: "zh-CN" }));
      reply.append(card);
    }
  } catch (_) {
    show("bot", WORDS.failed + $("hotline-number").textContent);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.documentElement.lang = LANG === "zh" ? "zh-CN" : "en";
  $("title").textContent = WORDS.title;
  $("hotline-label").textContent = WORDS.hotline;
  $("send").textContent = WORDS.send;
  $("question-label").textContent = WORDS.label;
  $("question").placeholder = WORDS.placeholder;
  $("ask").addEventListener("submit", ask);
  $("question").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); $("ask").requestSubmit(); }
  });
  // The form is disabled in the page until here: a question typed before the handlers exist would be lost.
  $("question").disabled = false;
  $("send").disabled = false;
});

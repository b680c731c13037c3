// The chat page's copy buttons copy what the reader sees: the answer and its clauses as plain text,
// not the HTML the messages are stored as. The HTML is parsed in an inert document (nothing runs or loads).
(() => {
  "use strict";
  const MARKER = /<div class="(?:answer-text|user-text|sources)/;

  function plain(text) {
    if (typeof text !== "string" || !MARKER.test(text)) return text;
    const doc = new DOMParser().parseFromString(`<body>${text}</body>`, "text/html");
    for (const br of doc.querySelectorAll("br")) br.replaceWith("\n");
    for (const tag of doc.querySelectorAll(".clause-tag")) tag.append(": ");
    for (const alt of doc.querySelectorAll(".card-alt")) alt.prepend(" / ");
    for (const paragraph of doc.querySelectorAll("p")) paragraph.append("\n\n");
    for (const block of doc.querySelectorAll("summary, .sources-title, .clause-en, .clause-zh, .answer-text, .user-text")) {
      block.append("\n");
    }
    for (const block of doc.querySelectorAll(".sources, .clause-card")) block.prepend("\n");
    return doc.body.textContent.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
  }

  if (navigator.clipboard && navigator.clipboard.writeText) {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => write(plain(text));
  }
  // Without the Clipboard API (plain http), Gradio copies from a hidden textarea.
  document.addEventListener("copy", (event) => {
    const field = document.activeElement;
    if (!(field instanceof HTMLTextAreaElement) || !MARKER.test(field.value)) return;
    event.clipboardData.setData("text/plain", plain(field.value));
    event.preventDefault();
  });
})();

// The page in its language for screen readers too, the visitor's choice of language remembered (the page's
// load event reads it back), and a new question and its answer scrolled into view even when the visitor had
// scrolled up.
(() => {
  "use strict";
  const LANG_KEY = "lyg-policy-lang";
  // Gradio names its buttons in the browser's language; these follow the language chosen on the page
  const NAMES_ZH = {
    "Copy message": "复制这条消息", "Copy conversation": "复制全部对话", "Clear": "清空对话", "Like": "赞",
    "Dislike": "踩", "Feedback": "反馈原因", "Scroll down": "滚动到底部",
  };
  const NAMES_EN = Object.fromEntries(Object.entries(NAMES_ZH).map(([en, zh]) => [zh, en]));

  function chosen() {
    const input = document.querySelector("#lang-toggle input:checked");
    return input ? input.value : "";
  }

  function relabel() {
    const lang = chosen();
    if (!lang) return;
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    const names = lang === "zh" ? NAMES_ZH : NAMES_EN;
    for (const button of document.querySelectorAll("#chat button[aria-label], #chat button[title]")) {
      for (const attribute of ["aria-label", "title"]) {
        const value = button.getAttribute(attribute);
        if (value && names[value]) button.setAttribute(attribute, names[value]);
      }
    }
  }

  let queued = false;
  function soon() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; relabel(); });
  }

  // after a question is sent: follow the log to its end until the answer has arrived
  let waitingFor = -1;
  function answers() { return document.querySelectorAll("#chat [data-testid='bot']").length; }
  function toBottom() {
    const log = document.querySelector("#chat .bubble-wrap");
    if (log) log.scrollTop = log.scrollHeight;
  }
  function follow() { waitingFor = answers() + 1; setTimeout(toBottom, 50); }

  document.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.closest("#lang-toggle")) {
      localStorage.setItem(LANG_KEY, event.target.value);
      soon();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && event.target instanceof HTMLTextAreaElement &&
        event.target.closest("#question")) follow();
  });
  document.addEventListener("click", (event) => {
    if (!(event.target instanceof Element)) return;
    if (event.target.closest("#question .submit-button, #chat .example")) follow();
    const suggested = event.target.closest("#chat button.follow-up");
    if (suggested) ask(suggested.textContent || "");
  });

  // a suggested question is asked as if typed
  function ask(question) {
    const box = document.querySelector("#question textarea");
    const send = document.querySelector("#question .submit-button");
    if (!box || !send || !question.trim()) return;
    box.value = question;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    setTimeout(() => { send.click(); }, 50);
  }

  new MutationObserver(() => {
    soon();
    if (waitingFor < 0) return;
    toBottom();
    if (answers() >= waitingFor) { waitingFor = -1; setTimeout(toBottom, 200); }
  }).observe(document.documentElement, { childList: true, subtree: true });

})();

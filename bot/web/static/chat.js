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

// The embeddable chat bubble: <script src="https://…/widget.js" data-lang="auto" async></script>.
// Everything lives in a shadow root (no style leaks either way); the chat itself is an iframe of
// /widget/chat, which only the sites in BOT_EMBED_ORIGINS may frame. Nothing loads until the bubble is opened.
(() => {
  "use strict";
  const script = document.currentScript;
  if (!script || window.__lygPolicyWidget) return;
  window.__lygPolicyWidget = true;
  const base = new URL(script.src, location.href).origin;
  const wanted = (script.dataset.lang || "auto").toLowerCase();
  const lang = wanted === "zh" || wanted === "en" ? wanted : (navigator.language || "").toLowerCase().startsWith("zh") ? "zh" : "en";
  const words = lang === "zh"
    ? { open: "打开政策咨询", close: "关闭", title: "连云港高新区政策助手" }
    : { open: "Ask about the high-tech zones policy", close: "Close", title: "Lianyungang High-Tech Zones Policy Assistant" };

  const host = document.createElement("div");
  host.setAttribute("data-lyg-policy-widget", "");
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<style>
    :host { all: initial; }
    .bubble { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 58px; height: 58px;
      border-radius: 50%; border: none; background: #0b3d91; color: #fff; cursor: pointer;
      box-shadow: 0 4px 14px rgba(0,0,0,.25); display: flex; align-items: center; justify-content: center; }
    .bubble:focus-visible { outline: 3px solid #93c5fd; outline-offset: 3px; }
    .panel { position: fixed; right: 20px; bottom: 90px; z-index: 2147483000; width: 380px; height: 600px;
      max-height: calc(100vh - 110px); border-radius: 12px; overflow: hidden; background: #fff;
      box-shadow: 0 8px 30px rgba(0,0,0,.3); display: none; }
    .panel.open { display: block; }
    iframe { width: 100%; height: 100%; border: 0; display: block; }
    @media (max-width: 480px) { .panel { right: 0; bottom: 0; width: 100vw; height: 100vh; max-height: none; border-radius: 0; }
      .bubble.open { bottom: auto; top: 10px; right: 10px; width: 44px; height: 44px; } }
  </style>
  <div class="panel" role="dialog" aria-label="${words.title}"></div>
  <button class="bubble" type="button" aria-expanded="false" aria-label="${words.open}" title="${words.open}">
    <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor"
      d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg></button>`;
  const bubble = root.querySelector(".bubble");
  const panel = root.querySelector(".panel");
  bubble.addEventListener("click", () => {
    if (!panel.firstChild) {
      const frame = document.createElement("iframe");
      frame.src = `${base}/widget/chat?lang=${lang}`;
      frame.title = words.title;
      frame.setAttribute("allow", "clipboard-write");
      panel.append(frame);
    }
    const open = panel.classList.toggle("open");
    bubble.classList.toggle("open", open);
    bubble.setAttribute("aria-expanded", String(open));
    bubble.setAttribute("aria-label", open ? words.close : words.open);
  });
  (document.body || document.documentElement).append(host);
})();

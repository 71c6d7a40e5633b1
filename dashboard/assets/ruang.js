/* The planner map's workspace (dashboard/pages/peta.py): the side panel of layers and
   choices opens and closes with its button (on a wide screen it starts open, on a phone
   it is a drawer that starts closed); the profile panel closes with its button and opens
   again with the next profile; on a phone the legend starts folded. Plain DOM events:
   nothing here asks the server. Leaflet resizes its map on the window's resize event. */
(function () {
  "use strict";
  const WORKSPACE = "peta-ruang";
  const narrow = () => window.matchMedia("(max-width: 900px)").matches;

  function controlsOpen(ws) {
    if (ws.classList.contains("controls-open")) return true;
    if (ws.classList.contains("controls-closed")) return false;
    return !narrow();
  }

  function sync(ws) {
    const button = document.getElementById("peta-kontrol-tombol");
    if (button) button.setAttribute("aria-expanded", String(controlsOpen(ws)));
  }

  function setControls(ws, open) {
    ws.classList.toggle("controls-open", open);
    ws.classList.toggle("controls-closed", !open);
    sync(ws);
    window.dispatchEvent(new Event("resize"));
    if (open && narrow()) {
      const first = document.querySelector("#peta-kontrol .drawer-close");
      if (first) first.focus();
    } else if (!open && narrow() && document.activeElement && document.activeElement.closest("#peta-kontrol")) {
      const toggle = document.getElementById("peta-kontrol-tombol");
      if (toggle) toggle.focus();
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-panel]");
    const ws = document.getElementById(WORKSPACE);
    if (!button || !ws) return;
    if (button.dataset.panel === "controls") {
      setControls(ws, !controlsOpen(ws));
    } else if (button.dataset.panel === "profile") {
      ws.classList.add("profile-closed");
      window.dispatchEvent(new Event("resize"));
      const map = document.querySelector("#peta-ruang .leaflet-container");
      if (map) map.focus();
    }
  });

  document.addEventListener("keydown", (event) => {
    const ws = document.getElementById(WORKSPACE);
    if (event.key !== "Escape" || !ws || !narrow() || !controlsOpen(ws)) return;
    if (!event.target.closest || !event.target.closest("#peta-kontrol")) return;
    if (document.querySelector("#peta-kontrol [aria-expanded=true]")) return;  // an open menu closes first
    setControls(ws, false);
    const toggle = document.getElementById("peta-kontrol-tombol");
    if (toggle) toggle.focus();
  });

  let shown = null;  // the profile shown: a new one opens the panel again
  let prepared = null;
  const observer = new MutationObserver(() => {
    const ws = document.getElementById(WORKSPACE);
    if (!ws) return;
    if (prepared !== ws) {  // the map page was (re)built: its starting state
      prepared = ws;
      sync(ws);
      const legend = document.getElementById("peta-legenda-kotak");
      if (legend && narrow()) legend.removeAttribute("open");
    }
    const name = document.querySelector("#peta-panel h2");
    const now = name ? name.textContent + (document.querySelector("#peta-panel .muted") || {}).textContent : null;
    if (now && now !== shown) {
      ws.classList.remove("profile-closed");
      if (narrow()) setControls(ws, false);
    }
    if (now !== shown) window.dispatchEvent(new Event("resize"));  // the map's size may have changed
    shown = now;
  });
  function start() { observer.observe(document.body, {childList: true, subtree: true}); }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
  window.addEventListener("resize", () => {
    const ws = document.getElementById(WORKSPACE);
    if (ws) sync(ws);
  });
})();

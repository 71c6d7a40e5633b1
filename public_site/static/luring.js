/* Offline: registers the site's service worker (sw.js) and, when a new build has replaced
   the kept files (a new release), says so at the top of the page with a reload button;
   the page on screen still shows what it loaded. Shipped joined to bahasa.js, so every
   page registers it without a request of its own. Browsers without service workers, or
   on plain http to another host, simply go to the network each time. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const t = window.pdarBahasa.t;

  function announce() {
    if (document.getElementById("kabar-rilis")) return;
    const box = document.createElement("div");
    box.id = "kabar-rilis";
    box.className = "kabar";
    box.setAttribute("role", "status");
    const text = document.createElement("span");
    text.dataset.i18n = "new_release";
    text.textContent = t("new_release");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.i18n = "reload";
    button.textContent = t("reload");
    button.addEventListener("click", () => window.location.reload());
    box.append(text, " ", button);
    const main = document.querySelector("main");
    main.insertBefore(box, main.firstChild);
  }

  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.jenis === "rilis-baru") announce();
  });
  // updateViaCache "none": the worker's script is always asked of the server, whatever it caches
  const register = () => navigator.serviceWorker.register("sw.js", { updateViaCache: "none" }).catch(() => {});
  if (document.readyState === "complete") register(); else window.addEventListener("load", register);
})();

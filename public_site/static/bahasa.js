/* Language switch of the public site: Bahasa Indonesia by default, English on request.
   The catalogue travels in the page (#teks), so switching needs no request; the choice
   is kept in localStorage (and ?lang=en works in a shared link). */
(function () {
  "use strict";
  const TEXT = JSON.parse(document.getElementById("teks").textContent);
  const listeners = [];
  const KEY = "pdar-bahasa";

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function initial() {
    const match = /[?&]lang=(id|en)\b/.exec(window.location.search);
    if (match) return match[1];
    return stored() === "en" ? "en" : "id";
  }

  let lang = initial();

  function t(key, params) {
    const entry = TEXT[key];
    if (!entry) return key;
    let text = entry[lang] || entry.id;
    if (params) text = text.replace(/\{(\w+)\}/g, (all, name) => (name in params ? String(params[name]) : all));
    return text;
  }

  function apply() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("[data-i18n-label]").forEach((el) => {
      el.setAttribute("aria-label", t(el.dataset.i18nLabel));
    });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
      el.setAttribute("placeholder", t(el.dataset.i18nPlaceholder));
    });
    document.querySelectorAll("main section[lang]").forEach((el) => { el.hidden = el.lang !== lang; });
    const button = document.getElementById("bahasa");
    if (button) button.setAttribute("lang", lang === "id" ? "en" : "id");
    listeners.forEach((fn) => fn(lang));
  }

  function set(next) {
    lang = next === "en" ? "en" : "id";
    try { window.localStorage.setItem(KEY, lang); } catch (e) { /* private mode: this page only */ }
    apply();
  }

  window.pdarBahasa = {
    t: t,
    lang: () => lang,
    set: set,
    onChange: (fn) => listeners.push(fn),
  };
  const button = document.getElementById("bahasa");
  if (button) button.addEventListener("click", () => set(lang === "id" ? "en" : "id"));
  if (lang !== "id") apply();
})();

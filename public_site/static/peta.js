/* The public map: the published values of a release on the village map (Leaflet).
   Geometry (quantised TopoJSON) and values are fetched once; switching indicator only
   restyles the drawn areas, with no request. Hidden cells are hatched grey and never valued.
   Another period is drawn on its own geometry (rilis.js fetches it when chosen); the
   change view and the panel's trends load the other releases when first asked. */
(function () {
  "use strict";
  const i18n = window.pdarBahasa;
  const t = i18n.t;
  const NO_DATA = "#d9d9d9";
  const HATCH = "url(#pdar-arsir)";
  const state = { data: null, ind: null, layers: {}, byCode: {}, sort: { key: "persen", dir: -1 }, open: null,
                  first: null, rel: null, mode: "nilai", before: null, change: null };
  const R = window.pdarRilis;
  const U = window.pdarUbah;
  const ASKED = new URLSearchParams(window.location.search);
  const EMBED = document.body.classList.contains("halaman-sematan");
  window.pdarPeta = { firstPaint: null, ready: false };

  const { features, outerEdges, groupEdges } = window.pdarTopo;
  const { escapeHtml } = window.pdarTabel;

  function area(code) { return state.data.wilayah[code] || [code, ""]; }

  /* ---- styling ---- */
  function fill(ind, code) {
    if (state.change) {
      const c = state.change.areas[code];
      if (c === undefined) return { fillColor: NO_DATA, fillOpacity: 0.9 };
      return c === "hidden" ? { fillColor: HATCH, fillOpacity: 1 } : { fillColor: U.COLOURS[c.cls], fillOpacity: 0.9 };
    }
    if (!(code in ind.nilai)) return { fillColor: NO_DATA, fillOpacity: 0.9 };
    const v = ind.nilai[code];
    if (v === null) return { fillColor: HATCH, fillOpacity: 1 };
    return { fillColor: ind.warna[v[3]], fillOpacity: 0.9 };
  }

  function desaStyle(code) {
    const ind = state.ind;
    // per kecamatan: each village in its kecamatan's colour (they tile it), thin grey village lines
    if (ind.tingkat === "kecamatan") return { color: "#737373", weight: 0.5, ...fill(ind, code.slice(0, 8)) };
    return { color: "#ffffff", weight: 0.8, ...fill(ind, code) };
  }

  function restyle() {
    state.layers.desa.eachLayer((l) => window.pdarGambar.paint(l, desaStyle(l.feature.id)));
  }

  /* ---- legend, title, table, panel ---- */
  function renderLegend() { window.pdarPanel.legend(state); }
  function renderTable() { if (document.getElementById("tabel")) window.pdarTabel.render(state); }

  /* Opens (or redraws) the panel of ``code``; ``reveal`` scrolls it into view with its top
     and close button showing (on a phone it sits under the map). */
  function openArea(code, focus, reveal = focus) {
    const panel = document.getElementById("panel");
    state.open = code;
    panel.innerHTML = window.pdarPanel.html(state, code);
    panel.hidden = false;
    if (reveal) panel.scrollTop = 0;
    panel.setAttribute("aria-labelledby", "nama-wilayah");
    document.getElementById("tutup-panel").addEventListener("click", closePanel);
    window.pdarTren.fill(state, code);
    const layer = state.byCode[code];
    if (layer && state.selected !== layer) {
      if (state.selected) state.selected.getElement().classList.remove("terpilih");
      state.selected = layer;
      layer.getElement().classList.add("terpilih");
      layer.bringToFront();
    }
    if (focus) panel.focus({ preventScroll: true });
    if (reveal) panel.scrollIntoView({ block: window.matchMedia("(min-width: 900px)").matches ? "nearest" : "start" });
  }

  function closePanel() {
    const panel = document.getElementById("panel");
    panel.hidden = true;
    if (state.selected) state.selected.getElement().classList.remove("terpilih");
    const back = state.byCode[state.open];
    state.open = null;
    state.selected = null;
    if (back && back.getElement()) back.getElement().focus();
  }

  /* ---- switching, searching, table view ---- */
  function choose(id) {
    state.ind = state.data.indikator.find((i) => i.id === id) || state.data.indikator[0];
    setControl("indikator", state.ind.id);
    compare();
    restyle();
    renderLegend();
    renderTable();
    if (state.open) openArea(state.open, false);
    rememberInUrl(state.ind.id);
  }

  /* The indicator in the URL (#stunting) for links and reloads; replaceState costs Chromium
     5-25 ms, so it waits until the repainted map is on screen. */
  function rememberInUrl(id) {
    const full = document.getElementById("ke-peta");  // the embed page's link to the whole map
    if (full) full.href = `index.html#${id}`;
    if (!window.history.replaceState || EMBED) return;  // the embed's address is the host page's choice
    const later = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));
    later(() => { if (state.ind.id === id) window.history.replaceState(null, "", `#${id}`); });
  }
  function normal(text) { return text.toLocaleLowerCase("id").normalize("NFKD").replace(/[^a-z0-9]/g, ""); }

  function search(query) {
    const q = normal(query);
    if (!q) return;
    const codes = Object.keys(state.data.wilayah).filter((c) => area(c)[1] !== "kabupaten");
    const byLevel = (cs) => cs.sort((a, b) => (area(a)[1] === "desa" ? 0 : 1) - (area(b)[1] === "desa" ? 0 : 1));
    const exact = byLevel(codes.filter((c) => normal(area(c)[0]) === q));
    const code = exact[0] || byLevel(codes.filter((c) => normal(area(c)[0]).includes(q)))[0];
    if (!code) { say("search_none", { q: query }); return; }
    say(null);
    show(code);
  }

  /* The search line; kept as key and parameters, so a language switch translates it. */
  function say(key, params) {
    state.message = key ? { key, params } : null;
    const line = document.getElementById("pesan-cari");
    if (line) line.textContent = key ? t(key, params) : "";
  }

  function show(code) {
    if (document.getElementById("bagian-peta").hidden) toggleView(false);
    const parts = state.byCode[code] ? [state.byCode[code]]
      : Object.keys(state.byCode).filter((c) => c.startsWith(`${code}.`)).map((c) => state.byCode[c]);
    if (parts.length) state.map.fitBounds(L.featureGroup(parts).getBounds(), { maxZoom: 11, padding: [20, 20] });
    if (state.byCode[code]) state.keys.reach(code, false);  // the map's tab stop moves there too
    openArea(code, true);
    setTimeout(state.relabel, 400);  // the names again once the flight has ended (zoomend came mid-way)
  }

  function toggleView(toTable) {
    const mapPart = document.getElementById("bagian-peta");
    const tablePart = document.getElementById("bagian-tabel");
    const button = document.getElementById("tampilan");
    mapPart.hidden = toTable;
    tablePart.hidden = !toTable;
    button.setAttribute("aria-pressed", String(toTable));
    button.dataset.i18n = toTable ? "view_map" : "view_table";
    button.textContent = t(button.dataset.i18n);
    if (toTable) renderTable(); else state.map.invalidateSize();
  }

  /* ---- periods and the change view ---- */
  function compare() {
    const before = state.mode === "ubah" && state.before;
    const old = before && before.indikator.find((i) => i.id === state.ind.id);
    state.change = before ? U.compute(state.ind, old, state.rel.berubah) : null;
  }

  async function loadBefore() {
    const before = state.mode === "ubah" ? R.previous(state.rel) : null;
    state.before = before ? await R.values(before) : null;
    say(state.mode === "ubah" && !before ? "change_first" : null);
  }

  async function chooseMode(mode) {
    state.mode = mode === "ubah" ? "ubah" : "nilai";
    await loadBefore();
    compare();
    restyle();
    renderLegend();
    if (state.open) openArea(state.open, false);
  }

  /* Another period: its values and its own geometry (the boundaries it was made with). */
  async function choosePeriod(id) {
    const rel = R.byId(id);
    const [data, desa] = await Promise.all([R.values(rel), R.geometry(rel)]);
    state.rel = rel;
    state.data = data;
    state.ind = data.indikator.find((i) => i.id === state.ind.id) || data.indikator[0];
    setControl("indikator", state.ind.id);
    setControl("periode", rel.id);
    const open = state.open && data.wilayah[state.open] ? state.open : null;
    if (state.open && !open) closePanel();
    state.map.remove();
    state.byCode = {};
    state.selected = null;
    draw(desa);
    await loadBefore();
    compare();
    restyle();
    renderLegend();
    renderTable();
    if (open) openArea(open, false);
    window.pdarPeta.period = rel.periode;
  }

  /* ---- the map ---- */
  function draw(desaTopo) {
    const data = state.data;
    const el = document.getElementById("peta");
    el.innerHTML = "";
    // keyboard: false: the villages are the map's one tab stop (papan.js), not the container.
    const map = L.map(el, { zoomSnap: 0.25, keyboard: false, attributionControl: Boolean(data.ubin),
                            renderer: L.svg({ padding: 0.3 }) });
    state.map = map;
    if (data.ubin) L.tileLayer(data.ubin.url, { attribution: data.ubin.atribusi, maxZoom: 18 }).addTo(map);
    state.layers.desa = L.geoJSON(features(desaTopo, "desa"), {
      style: (f) => desaStyle(f.id),
      onEachFeature: (f, layer) => {
        state.byCode[f.id] = layer;
        layer.bindTooltip(() => escapeHtml(area(f.id)[0]), { sticky: true, direction: "top" });
        layer.on("click", () => openArea(f.id, false, true));
      },
    });
    // The view first: Leaflet adds vector layers (and their SVG) only to a map that has one.
    map.fitBounds(state.layers.desa.getBounds(), { padding: [8, 8] });
    state.layers.desa.addTo(map);
    window.pdarGambar.addHatch(map);
    const labelPoint = (code) => (area(code).length >= 4 ? L.latLng(area(code)[3], area(code)[2]) : null);
    state.keys = window.pdarPapan.attach(map, state.layers.desa, labelPoint, (code) => area(code)[0],
                                         (code) => openArea(code, true));
    // kecamatan lines and the kabupaten outline from the village topology: no second geometry file
    const lines = (geo, color, weight) => L.geoJSON(geo, { interactive: false, style: { color, weight, fill: false } }).addTo(map);
    lines(groupEdges(desaTopo, "desa", (id) => id.slice(0, 8)), "#252525", 1.6);
    lines(outerEdges(desaTopo, "desa"), "#000000", 3);
    state.relabel = window.pdarLabels.draw(map, state.data.wilayah, escapeHtml);
    restyle();
    requestAnimationFrame(() => { window.pdarPeta.firstPaint = performance.now(); });
  }

  /* The map page has every control; the embed page (embed.html) none but the map itself. */
  const setControl = (id, value) => { const el = document.getElementById(id); if (el) el.value = value; };
  const on = (id, event, fn) => { const el = document.getElementById(id); if (el) el.addEventListener(event, fn); };

  function wire() {
    on("indikator", "change", (e) => choose(e.target.value));
    on("periode", "change", (e) => choosePeriod(e.target.value));
    on("mode", "change", (e) => chooseMode(e.target.value));
    on("cari", "submit", (e) => { e.preventDefault(); search(document.getElementById("cari-input").value); });
    on("tampilan", "click", () => toggleView(!document.getElementById("bagian-peta").hidden));
    on("tabel", "click", (e) => {
      const sortBy = e.target.closest("[data-sort]");
      if (sortBy) {
        const key = sortBy.dataset.sort;
        state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : (key === "nama" || key === "kecamatan" ? 1 : -1) };
        renderTable();
        document.querySelector(`#tabel [data-sort="${key}"]`).focus();
        return;
      }
      const row = e.target.closest("[data-kode]");
      if (row) { toggleView(false); show(row.dataset.kode); }
    });
    document.addEventListener("keydown", (e) => { if (e.key === "Escape" && state.open) closePanel(); });
    i18n.onChange(() => {
      renderLegend();
      renderTable();
      if (state.open) openArea(state.open, false);
      if (state.message) say(state.message.key, state.message.params);
    });
  }

  /* ?periode=2024-S2 (a period, or a release number) draws that period, as the embed page's
     address asks; one the site does not have is said, and the newest is shown. */
  async function askedPeriod() {
    const asked = ASKED.get("periode");
    if (!asked) return;
    const rel = R.list().find((r) => r.periode === asked || String(r.id) === asked);
    if (!rel) { say("unknown_period", { q: asked }); return; }
    if (rel !== state.rel) await choosePeriod(rel.id);
  }

  async function start() {
    const get = (path) => fetch(path).then((r) => { if (!r.ok) throw new Error(path); return r; });
    try {
      const [data, desa] = await Promise.all([
        get("data/nilai.json").then((r) => r.json()),
        get("data/desa.topojson").then((r) => r.json()),
      ]);
      state.data = data;
      state.first = data;
      R.init(data);
      state.rel = R.byId(data.rilis.id);
      const wanted = ASKED.get("indikator") || window.location.hash.slice(1);
      state.ind = data.indikator.find((i) => i.id === wanted) || data.indikator[0];
      setControl("indikator", state.ind.id);
      draw(desa);
      window.pdarTabel.names(data.wilayah);
      wire();
      renderLegend();
      rememberInUrl(state.ind.id);
      await askedPeriod();
      if (wanted && wanted !== state.ind.id) say("unknown_indicator", { q: wanted });
      window.pdarPeta.ready = true;
    } catch (err) {
      document.getElementById("peta").innerHTML = `<p class="memuat" data-i18n="load_failed">${t("load_failed")}</p>`;
      throw err;
    }
  }

  start();
})();

/* The panel's trends: for the open area, each indicator over the releases of the shown
   period's series, as a small chart (grafik.js) and a list a screen reader can read.
   The other releases' values are fetched the first time a panel opens. */
(function () {
  "use strict";
  const i18n = window.pdarBahasa;
  const t = i18n.t;

  function valueOf(ind, code) {
    if (!ind || !(code in ind.nilai)) return null;
    return ind.nilai[code] === null ? "hidden" : ind.nilai[code][2];
  }

  function html(state, id, code, docs) {
    const lang = i18n.lang();
    const esc = window.pdarTabel.escapeHtml;
    const kab = code.slice(0, 5);
    const points = docs.map(({ rel, data }, i) => {
      const ind = data.indikator.find((x) => x.id === id);
      return { label: rel.label[lang], own: valueOf(ind, code), kab: code === kab ? null : valueOf(ind, kab),
               breakBefore: i > 0 && rel.berubah.includes(code), present: code in data.wilayah };
    });
    const meta = state.first.indikator.find((x) => x.id === id) || state.ind;
    const name = (state.data.wilayah[code] || [code])[0];
    const target = (state.first.target || {})[id];
    const texts = { title: t("trend_label", { title: meta.judul[lang], area: name }), hidden: t("hidden_short"),
                    target: t("trend_target") };
    const chart = window.pdarGrafik.svg(points, typeof target === "number" ? target : null, texts);
    const items = points.map((p) => {
      let v = t("no_data");
      if (typeof p.own === "number") v = `${p.own} %`;
      else if (p.own === "hidden") v = t("hidden");
      else if (!p.present) v = t("trend_absent");
      return `<li>${esc(p.label)}: ${esc(v)}</li>`;
    }).join("");
    const breaks = points.filter((p) => p.breakBefore)
      .map((p) => `<p class="catatan">${esc(t("trend_break", { period: p.label }))}</p>`).join("");
    const key = `<p class="kunci-grafik"><span class="k-wilayah">${t("trend_this")}</span>`
      + (code === kab ? "" : ` <span class="k-kabupaten">${t("trend_kabupaten")}</span>`)
      + (typeof target === "number" ? ` <span class="k-target">${t("trend_target")}</span>` : "") + "</p>";
    return `${chart}${key}<ol class="deret">${items}</ol>${breaks}`;
  }

  function fill(state, code) {
    const boxes = document.querySelectorAll("#panel .tren");
    if (!boxes.length || window.pdarRilis.series(state.rel).length < 2) return;
    boxes.forEach((el) => { el.textContent = t("trend_loading"); });
    window.pdarRilis.seriesValues(state.rel).then((docs) => {
      if (state.open !== code) return;
      document.querySelectorAll("#panel .tren").forEach((el) => { el.innerHTML = html(state, el.dataset.ind, code, docs); });
    });
  }

  window.pdarTren = { fill };
})();

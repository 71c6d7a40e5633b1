/* The legend (values or change classes) and the area panel's figures, worded in the
   chosen language; the panel's trends are filled in by tren.js. */
(function () {
  "use strict";
  const i18n = window.pdarBahasa;
  const t = i18n.t;
  const NO_DATA = "#d9d9d9";
  const U = window.pdarUbah;
  const R = window.pdarRilis;
  const { escapeHtml, valueParts, num } = window.pdarTabel;

  function legend(state) {
    const ind = state.ind;
    const lang = i18n.lang();
    const before = state.change && R.previous(state.rel);
    document.getElementById("judul-indikator").textContent = before
      ? `${ind.judul[lang]} · ${t("change_title", { from: before.label[lang], to: state.rel.label[lang] })}` : ind.judul[lang];
    const line = document.querySelector(".info-rilis");  // the period shown, its release and date
    line.querySelector("strong").textContent = state.rel.label[lang];
    line.querySelector(".nomor-rilis").textContent = String(state.rel.id);
    line.querySelector("time").textContent = state.rel.tanggal;
    line.querySelector("time").setAttribute("datetime", state.rel.tanggal);
    document.querySelectorAll("#indikator option").forEach((o) => {
      const meta = state.data.indikator.find((i) => i.id === o.value);
      if (meta) o.textContent = meta.judul[lang];
    });
    const items = state.change ? U.legendItems(t, state.change, num) : ind.legenda[lang].map((e, i) =>
      `<li><span class="kotak" style="background:${ind.warna[i]}"></span>${e.label} <small>(${e.jumlah})</small></li>`);
    items.push(`<li><span class="kotak arsir"></span>${t("hidden")}</li>`);
    items.push(`<li><span class="kotak" style="background:${NO_DATA}"></span>${t(state.change ? "change_none" : "no_data")}</li>`);
    const note = (ind.tingkat === "kecamatan" ? `<li class="catatan">${t("per_kecamatan")}</li>` : "")
      + (state.change ? `<li class="catatan">${t("change_classes")}</li>` : "");
    document.getElementById("isi-legenda").innerHTML =
      `<li class="satuan">${escapeHtml(state.change ? t("change_unit") : ind.satuan[lang])}</li>${items.join("")}${note}`;
  }

  function html(state, code) {
    const area = (c) => state.data.wilayah[c] || [c, ""];
    const [nama, tingkat] = area(code);
    const kec = tingkat === "desa" ? code.slice(0, 8) : null;
    const kab = code.slice(0, 5);
    const lang = i18n.lang();
    const where = [kec ? `${t("panel_kecamatan")} ${escapeHtml(area(kec)[0])}` : "", escapeHtml(area(kab)[0]),
      `${t("period")} ${escapeHtml(state.rel.label[lang])}`].filter(Boolean).join(" · ");
    const ordered = [state.ind].concat(state.data.indikator.filter((i) => i !== state.ind));
    const blocks = ordered.map((ind) => {
      const own = tingkat === "desa" && ind.tingkat === "kecamatan" ? [t("per_kecamatan"), ""] : valueParts(ind, code);
      const rows = [[t("panel_this"), own]];
      if (state.change && ind === state.ind) rows.push([t("view_change"), U.text(t, state.change.areas[code], num), "lebar"]);
      if (kec) rows.push([`${t("panel_kecamatan")} ${escapeHtml(area(kec)[0])}`, valueParts(ind, kec)]);
      if (tingkat !== "kabupaten") rows.push([escapeHtml(area(kab)[0]), valueParts(ind, kab)]);
      // value, count and change each on a line of their own: at 360 px nothing shares a line with a long name
      const dl = rows.map(([k, [value, more], wide = ""]) => `<dt class="${wide}">${k}</dt><dd class="${wide}"><span class="utama">${escapeHtml(value)}</span>`
        + (more ? `<span class="rinci">${escapeHtml(more)}</span>` : "") + "</dd>").join("");
      const trend = tingkat === "desa" && ind.tingkat === "kecamatan" ? "" : `<div class="tren" data-ind="${ind.id}"></div>`;
      return `<section class="${ind === state.ind ? "aktif" : ""}"><h3>${escapeHtml(ind.judul[lang])}</h3><dl>${dl}</dl>${trend}</section>`;
    }).join("");
    return `<button type="button" class="tutup" id="tutup-panel" aria-label="${t("close")}">×</button>`
      + `<h2 id="nama-wilayah">${escapeHtml(nama)}</h2><p class="letak">${where}</p>${blocks}`;
  }

  window.pdarPanel = { legend, html };
})();

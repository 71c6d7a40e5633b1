/* The table view of the public map (the alternative to the map: every area of the shown
   indicator, sortable by any column) and the number and value wording it shares with
   the village panel. Sort arrows are drawn beside the column name and hidden from screen
   readers, which hear the order from aria-sort instead. */
(function () {
  "use strict";
  const i18n = window.pdarBahasa;
  const t = i18n.t;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  function num(value) {
    return new Intl.NumberFormat(i18n.lang() === "id" ? "id-ID" : "en-GB").format(value);
  }

  /* [the value, the count it rests on] ("19 %", "215 dari 1.113"); the count is "" for a
     hidden cell or no data. The panel shows the two on their own lines. */
  function valueParts(ind, code) {
    if (!(code in ind.nilai)) return [t("no_data"), ""];
    const v = ind.nilai[code];
    if (v === null) return [t("hidden"), ""];
    return [`${num(v[2])} %`, `${num(v[0])} ${t("of")} ${num(v[1])}`];
  }

  function rows(state) {
    const ind = state.ind, wilayah = state.data.wilayah;
    const area = (code) => wilayah[code] || [code, ""];
    return Object.keys(wilayah).filter((c) => area(c)[1] === ind.tingkat).map((code) => {
      const v = code in ind.nilai ? ind.nilai[code] : undefined;
      return { code, nama: area(code)[0], kecamatan: ind.tingkat === "desa" ? area(code.slice(0, 8))[0] : "",
               persen: v ? v[2] : null, pembilang: v ? v[0] : null, penyebut: v ? v[1] : null, hidden: v === null };
    });
  }

  function render(state) {
    const table = document.getElementById("tabel");
    if (document.getElementById("bagian-tabel").hidden) return;
    const ind = state.ind;
    const lang = i18n.lang();
    const { key, dir } = state.sort;
    const sorted = rows(state).sort((a, b) => {
      const x = a[key], y = b[key];
      if (x === null || y === null) return (x === null) - (y === null);
      return (typeof x === "string" ? x.localeCompare(y, lang) : x - y) * dir;
    });
    const cols = [["nama", ind.tingkat === "desa" ? "col_desa" : "col_kecamatan"]];
    if (ind.tingkat === "desa") cols.push(["kecamatan", "col_kecamatan"]);
    cols.push(["persen", "col_rate"], ["pembilang", "col_numerator"], ["penyebut", "col_denominator"]);
    const head = cols.map(([k, label]) => {
      const sort = k === key ? (dir > 0 ? "ascending" : "descending") : "none";
      const arrow = k === key ? `<span class="panah" aria-hidden="true">${dir > 0 ? "▲" : "▼"}</span>` : "";
      const numeric = ["persen", "pembilang", "penyebut"].includes(k) ? ' class="angka"' : "";
      return `<th scope="col" aria-sort="${sort}"${numeric}><button type="button" data-sort="${k}">${escapeHtml(t(label)).replace("/", "/<wbr>")}${arrow}</button></th>`;
    }).join("");
    const body = sorted.map((r) => {
      const cells = [`<th scope="row"><button type="button" class="tautan" data-kode="${r.code}">${escapeHtml(r.nama)}</button></th>`];
      if (ind.tingkat === "desa") cells.push(`<td>${escapeHtml(r.kecamatan)}</td>`);
      if (r.hidden) cells.push(`<td colspan="3" class="disembunyikan">${t("hidden")}</td>`);
      else if (r.persen === null) cells.push(`<td colspan="3">${t("no_data")}</td>`);
      else cells.push(`<td class="angka persen">${num(r.persen)} %</td><td class="angka">${num(r.pembilang)}</td><td class="angka">${num(r.penyebut)}</td>`);
      return `<tr>${cells.join("")}</tr>`;
    }).join("");
    const caption = t("table_caption", { title: ind.judul[lang], period: state.rel ? state.rel.label[lang] : state.data.rilis.periode });
    table.innerHTML = `<caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody>`;
  }

  /* The search field's suggestions: every village and kecamatan name, sorted. */
  function names(wilayah) {
    const list = document.getElementById("daftar-wilayah");
    if (!list) return;
    const shown = Object.values(wilayah).filter((a) => a[1] === "desa" || a[1] === "kecamatan").map((a) => a[0]);
    list.replaceChildren(...[...new Set(shown)].sort().map((name) => Object.assign(document.createElement("option"), { value: name })));
  }

  window.pdarTabel = { render, escapeHtml, num, valueParts, names };
})();

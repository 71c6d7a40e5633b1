/* The site's releases: the first view carries the newest release's values and the list
   of releases (rilis_semua); every other release's values and geometry are fetched only
   when a reader asks (a trend, the change view, an older period), once, then kept. */
(function () {
  "use strict";
  const cache = {};
  let list = [];

  function get(path) {
    if (!(path in cache)) {
      cache[path] = fetch(path).then((r) => { if (!r.ok) throw new Error(path); return r.json(); });
    }
    return cache[path];
  }

  function init(first) {
    list = first.rilis_semua || [{ id: first.rilis.id, periode: first.rilis.periode, seri: "", berkas: "data/nilai.json",
                                   geometri: "data", berubah: [], label: { id: first.rilis.periode, en: first.rilis.periode } }];
    cache["data/nilai.json"] = Promise.resolve(first);
  }

  function byId(id) { return list.find((r) => String(r.id) === String(id)) || list[list.length - 1]; }
  function series(rel) { return list.filter((r) => r.seri === rel.seri); }
  function previous(rel) {
    const mine = series(rel);
    const i = mine.indexOf(rel);
    return i > 0 ? mine[i - 1] : null;
  }
  function values(rel) { return get(rel.berkas); }
  function geometry(rel) {
    return get(`${rel.geometri}/desa.topojson`);
  }
  /* Every release of the series of ``rel`` with its values, oldest first. */
  function seriesValues(rel) {
    const mine = series(rel);
    return Promise.all(mine.map(values)).then((docs) => mine.map((r, i) => ({ rel: r, data: docs[i] })));
  }

  window.pdarRilis = { init, list: () => list, byId, series, previous, values, geometry, seriesValues };
})();

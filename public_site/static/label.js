/* Names on the public map, so it reads without a base map: kecamatan from zoom 9, villages
   from zoom 11. Names must not overlap ("Sungai Betung" over "Bengkayang" at the default
   zoom): after each zoom every shown name is measured once, then placed in order of
   importance (kecamatan by their number of villages, then villages) at its point or
   moved by a line up or down, or half its width sideways; a name with no free place is
   left out at that zoom. */
(function () {
  "use strict";
  // [sideways in label widths, up/down in line heights], tried in this order
  const SHIFTS = [[0, 0], [0, -1], [0, 1], [-0.5, 0], [0.5, 0], [-0.5, -1], [0.5, -1], [-0.5, 1], [0.5, 1],
    [0, -2], [0, 2], [-0.5, -2], [0.5, -2], [-0.5, 2], [0.5, 2], [-1, 0], [1, 0]];

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  function declutter(labels) {
    labels.forEach((el) => { el.style.transform = ""; el.style.visibility = ""; });
    const rects = labels.map((el) => el.getBoundingClientRect());  // one layout for all
    const placed = [];
    labels.forEach((el, i) => {
      const r = rects[i];
      // a gap of 2 px around each name: two names that touch read as one ("Tujuh Belas" over "Pisak")
      const at = ([dx, dy]) => ({ left: r.left + dx - 1, right: r.right + dx + 1, top: r.top + dy - 1,
        bottom: r.bottom + dy + 1 });
      const shift = SHIFTS.map(([x, y]) => [x * r.width, y * (r.height + 2)]).find((d) => !placed.some((p) => overlaps(p, at(d))));
      if (shift === undefined) { el.style.visibility = "hidden"; return; }
      if (shift[0] || shift[1]) el.style.transform = `translate(calc(-50% + ${shift[0]}px), calc(-50% + ${shift[1]}px))`;
      placed.push(at(shift));
    });
  }

  function draw(map, wilayah, escapeHtml) {
    const villages = {};
    Object.keys(wilayah).forEach((code) => {
      if (wilayah[code][1] === "desa") villages[code.slice(0, 8)] = (villages[code.slice(0, 8)] || 0) + 1;
    });
    const codes = Object.keys(wilayah).filter((c) => ["kecamatan", "desa"].includes(wilayah[c][1]) && wilayah[c].length >= 4);
    codes.sort((a, b) => (villages[b] || 0) - (villages[a] || 0));
    const groups = { kecamatan: [L.layerGroup(), 9, []], desa: [L.layerGroup(), 11, []] };
    codes.forEach((code) => {
      const a = wilayah[code];
      const marker = L.marker([a[3], a[2]], { interactive: false, keyboard: false,
        icon: L.divIcon({ className: `label-${a[1] === "desa" ? "desa" : "kec"}`, html: `<span>${escapeHtml(a[0])}</span>`, iconSize: null }) });
      marker.addTo(groups[a[1]][0]);
      groups[a[1]][2].push(marker);
    });
    const update = () => {
      const shown = [];
      Object.values(groups).forEach(([group, from, markers]) => {
        if (map.getZoom() < from) { group.remove(); return; }
        group.addTo(map);
        markers.forEach((m) => { const el = m.getElement(); if (el && el.firstChild) shown.push(el.firstChild); });
      });
      declutter(shown);
    };
    // a frame after the view settles (after a zoom, and after the pan that may follow it, as a
    // search's fitBounds does): measured earlier, names added by the zoom could still move
    let pending = false;
    map.on("zoomend moveend", () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; update(); });
    });
    update();
    return update;
  }

  window.pdarLabels = { draw };
})();

/* The map by keyboard (papan ketik): the villages are one tab stop, whichever village was
   last reached holds it (a roving tabindex), so Tab passes the map in one press instead of
   one per village. Arrow keys move to the nearest village in that direction, Enter or
   Space opens its figures, + and - zoom. The village reached comes to the front (its
   outline over the kecamatan lines) and into view. */
(function () {
  "use strict";
  const DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

  /* The nearest village ahead in direction [dx, dy]: distance along it, sideways counted twice. */
  function nearest(from, points, [dx, dy]) {
    let best = null, score = Infinity;
    points.forEach((p, code) => {
      const x = (p.lng - from.lng) * Math.cos(from.lat * Math.PI / 180), y = p.lat - from.lat;
      const ahead = x * dx + y * dy, aside = Math.abs(x * dy - y * dx);
      if (ahead <= 1e-9) return;
      const s = ahead + 2 * aside;
      if (s < score) { score = s; best = code; }
    });
    return best;
  }

  function attach(map, group, labelPoint, name, open) {
    const layers = new Map(), points = new Map();
    group.eachLayer((layer) => {
      layers.set(layer.feature.id, layer);
      points.set(layer.feature.id, labelPoint(layer.feature.id) || layer.getBounds().getCenter());
    });
    let current = null;
    let pointing = false;  // a press of mouse or finger: moving the element now would swallow its click
    map.getContainer().addEventListener("pointerdown", () => { pointing = true; }, true);
    document.addEventListener("pointerup", () => setTimeout(() => { pointing = false; }), true);

    function reach(code, focus) {
      const layer = layers.get(code);
      if (!layer) return;
      if (current !== null && current !== code) layers.get(current).getElement().setAttribute("tabindex", "-1");
      current = code;
      const el = layer.getElement();
      el.setAttribute("tabindex", "0");
      if (!pointing && el.parentNode.lastChild !== el) layer.bringToFront();  // moving it drops its focus
      if (!focus) return;
      if (!map.getBounds().pad(-0.05).contains(points.get(code))) map.panTo(points.get(code));
      if (document.activeElement !== el) el.focus({ preventScroll: true });
    }

    function onKey(code, event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(code); return; }
      if (event.key === "+" || event.key === "=") { event.preventDefault(); map.zoomIn(); return; }
      if (event.key === "-") { event.preventDefault(); map.zoomOut(); return; }
      const direction = DIRECTIONS[event.key];
      if (!direction) return;
      event.preventDefault();
      const next = nearest(points.get(code), points, direction);
      if (next) reach(next, true);
    }

    layers.forEach((layer, code) => {
      const el = layer.getElement();
      el.setAttribute("tabindex", "-1");
      el.setAttribute("role", "button");
      el.setAttribute("aria-label", name(code));
      el.addEventListener("keydown", (e) => onKey(code, e));
      el.addEventListener("focus", () => reach(code, true));
    });
    const middle = map.getCenter();
    let start = null;
    points.forEach((p, code) => { if (start === null || middle.distanceTo(p) < middle.distanceTo(points.get(start))) start = code; });
    reach(start, false);  // the tab stop starts at the village in the middle of the map
    return { reach, layers };
  }

  window.pdarPapan = { attach, nearest };
})();

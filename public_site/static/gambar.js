/* Painting the drawn areas: only the SVG attributes that change, and the hatch pattern
   of hidden cells (defined once in the map's SVG). */
(function () {
  "use strict";
  /* Only the attributes that change: Leaflet's setStyle rewrites every SVG attribute of
     every path, which doubles the cost of a switch on a slow phone. */
  const ATTRIBUTES = { color: "stroke", weight: "stroke-width", fillColor: "fill", fillOpacity: "fill-opacity" };

  function paint(layer, style) {
    Object.assign(layer.options, style);
    const el = layer.getElement();
    if (!el) return;
    if (style.stroke === false) el.setAttribute("stroke", "none");
    for (const key in ATTRIBUTES) {
      if (key in style && el.getAttribute(ATTRIBUTES[key]) !== String(style[key])) {
        el.setAttribute(ATTRIBUTES[key], style[key]);
      }
    }
  }

  function addHatch(map) {
    const svg = map.getPanes().overlayPane.querySelector("svg");
    if (!svg || svg.querySelector("#pdar-arsir")) return;
    const ns = "http://www.w3.org/2000/svg";
    const defs = document.createElementNS(ns, "defs");
    defs.innerHTML = '<pattern id="pdar-arsir" patternUnits="userSpaceOnUse" width="7" height="7" '
      + 'patternTransform="rotate(45)"><rect width="7" height="7" fill="#bdbdbd"/>'
      + '<line x1="0" y1="0" x2="0" y2="7" stroke="#525252" stroke-width="2"/></pattern>';
    svg.insertBefore(defs, svg.firstChild);
  }

  window.pdarGambar = { paint, addHatch };
})();

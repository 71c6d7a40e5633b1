/* One map's areas, restyled in place; shared by the planner map (peta.js) and the
   compare view (banding.js, two of them). The style states it reads are described once,
   as BrowserState in dashboard/planner/map_state.py (keys in English, snake_case).

   Switching an indicator must not rebuild the layer: a new `hideout` makes
   dash-leaflet clear and re-add every feature (about 150 ms for 124 villages,
   400-700 ms for a province). Instead every feature's Leaflet layer is kept in a
   registry as it is added (`register`, the GeoJSON's onEachFeature), and a switch
   calls setStyle on each of them with the new state; the style function reads the
   same state, so hover resets and a level switch (new geometry) stay consistent.

   The number of children is drawn as proportional circles (state.circles: code ->
   [lat, lon, radius], computed by layers/circles.py) in a pane of their own above the
   areas; they take no clicks, which reach the area beneath. */
(function () {
  "use strict";
  const CIRCLE_PANE = "pdar-lingkaran";

  function areas(onMap) {
    const registry = new Map();  // feature id -> Leaflet layer
    const self = {
      state: {},                 // {classes, colours, no_data_colour, circles?} of the shown layer
      selected: null,            // id of the clicked or searched area
      marked: new Set(),         // villages outlined as kantong kerentanan
      map: null,                 // the Leaflet map, known once a feature is on it
    };
    let circles = null;          // the Leaflet group of the circles drawn
    let waiting = false;

    self.style = function (feature) {
      const s = self.state;
      const k = (s.classes || {})[feature.id];
      const fill = (k === undefined || k === null) ? (s.no_data_colour || "#d9d9d9") : s.colours[k];
      if (self.selected !== null && self.selected === feature.id) {
        return {fillColor: fill, fillOpacity: 0.85, color: "#000", weight: 3.5, dashArray: null};
      }
      if (self.marked.has(feature.id)) {
        return {fillColor: fill, fillOpacity: 0.85, color: "#1a1a1a", weight: 2.6, dashArray: "6 4"};
      }
      return {fillColor: fill, fillOpacity: 0.85, color: "#6b6b6b", weight: 0.6, dashArray: null};
    };

    /* Once the features of a batch are on the map: learn the map, draw the circles. */
    function settle() {
      waiting = false;
      for (const layer of registry.values()) {
        if (layer._map) {
          if (self.map !== layer._map) {
            self.map = layer._map;
            if (onMap) onMap(self.map);
          }
          break;
        }
      }
      drawCircles();
    }

    self.register = function (feature, layer) {
      registry.set(feature.id, layer);
      if (!waiting) {
        waiting = true;
        setTimeout(settle, 0);
      }
    };

    function drawCircles() {
      if (circles) circles.remove();
      circles = null;
      const drawn = self.state.circles;
      if (!self.map || !drawn) return;
      if (!self.map.getPane(CIRCLE_PANE)) {
        const pane = self.map.createPane(CIRCLE_PANE);
        pane.style.zIndex = 450;  // above the areas (400), below tooltips and markers
        pane.style.pointerEvents = "none";
      }
      circles = L.layerGroup();
      Object.entries(drawn).sort((x, y) => y[1][2] - x[1][2])  // small circles on top of large ones
        .forEach(([code, [lat, lon, radius]]) => {
          const circle = L.circleMarker([lat, lon], {
            radius, pane: CIRCLE_PANE, interactive: false, color: "#ffffff", weight: 1,
            fillColor: "#7a0177", fillOpacity: 0.72});
          circle.on("add", () => { const el = circle.getElement(); if (el) el.setAttribute("data-kode", code); });
          circles.addLayer(circle);
        });
      circles.addTo(self.map);
    }

    self.restyle = function () {
      registry.forEach((layer, id) => {
        if (layer._map) {
          layer.setStyle(self.style(layer.feature));
        } else {
          registry.delete(id);  // geometry of the other level, no longer on the map
        }
      });
      const picked = registry.get(self.selected);
      if (picked && picked._map) picked.bringToFront();
    };

    /* The Leaflet GeoJSON group of the areas on the map (the benchmark's baseline). */
    self.group = function () {
      for (const layer of registry.values()) {
        if (layer._map) return Object.values(layer._eventParents || {})[0];
      }
      return null;
    };

    /* A new style state: restyle the areas and draw its circles (or none). */
    self.show = function (state) {
      self.state = state || {};
      self.restyle();
      drawCircles();
    };
    return self;
  }

  const h = (type, props, children) => ({
    type, namespace: "dash_html_components", props: Object.assign({}, props, {children}),
  });

  function swatch(colour) {
    return h("Span", {className: "swatch", style: {background: colour}});
  }

  /* Legend items of a state: its classes (with `count(entry, i)` after each label), the
     circle sizes when it draws circles, and the no-data entry. */
  function items(s, count) {
    const out = s.legend.map((e, i) => h("Li", {}, [swatch(e.colour), `${e.label} (${count(e, i)})`]));
    (s.circle_legend || []).forEach(e => out.push(h("Li", {className: "circle-size"}, [
      h("Span", {className: "circle-key", style: {width: `${2 * e.radius}px`, height: `${2 * e.radius}px`}}),
      e.label])));
    out.push(h("Li", {}, [h("Span", {className: "swatch nodata"}), s.no_data_label]));
    return out;
  }

  /* The legend of one state (`extra`: more items, e.g. the pocket overlay). */
  function legend(s, extra) {
    if (!s) return null;
    if (!s.shown) return h("P", {}, s.hidden_note);
    const parts = [
      h("Figcaption", {}, [h("Strong", {}, s.title), h("Br"), s.caption, h("Br"), s.legend_note]),
      h("Ul", {className: "legend"}, items(s, e => e.count).concat(extra || [])),
    ];
    if (s.print_note) parts.push(h("P", {className: "small muted legend-note"}, s.print_note));
    return h("Figure", {}, parts);
  }

  window.pdarLayers = {areas, h, swatch, items, legend};
})();

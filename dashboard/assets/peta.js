/* The planner map in the browser. dash-leaflet reads the style functions through
   Namespace; the clientside callback `dash_clientside.peta.show` switches indicators.
   The style states it reads are described once, as BrowserState in
   dashboard/pages/peta.py (keys in English, snake_case).

   Switching an indicator must not rebuild the layer: a new `hideout` makes
   dash-leaflet clear and re-add every feature (about 150 ms for 124 villages,
   400-700 ms for a province). Instead every feature's Leaflet layer is kept in a
   registry as it is added (`register`, the GeoJSON's onEachFeature), and a switch
   calls setStyle on each of them with the new state; the style function reads the
   same state, so hover resets and a level switch (new geometry) stay consistent. */
(function () {
  const registry = new Map();  // feature id -> Leaflet layer
  let state = {};              // {classes, colours, no_data_colour} of the shown indicator
  let selected = null;         // id of the clicked or searched area
  let marked = new Set();      // villages outlined as kantong kerentanan (overlay on any layer)

  function styleOf(feature) {
    const k = (state.classes || {})[feature.id];
    const fill = (k === undefined || k === null) ? (state.no_data_colour || "#d9d9d9") : state.colours[k];
    const chosen = selected !== null && selected === feature.id;
    if (chosen) return {fillColor: fill, fillOpacity: 0.85, color: "#000", weight: 3.5, dashArray: null};
    if (marked.has(feature.id)) {
      return {fillColor: fill, fillOpacity: 0.85, color: "#1a1a1a", weight: 2.6, dashArray: "6 4"};
    }
    return {fillColor: fill, fillOpacity: 0.85, color: "#6b6b6b", weight: 0.6, dashArray: null};
  }

  function restyle() {
    registry.forEach((layer, id) => {
      if (layer._map) {
        layer.setStyle(styleOf(layer.feature));
      } else {
        registry.delete(id);  // geometry of the other level, no longer on the map
      }
    });
    const picked = registry.get(selected);
    if (picked && picked._map) picked.bringToFront();
  }

  const h = (type, props, children) => ({
    type, namespace: "dash_html_components", props: Object.assign({}, props, {children}),
  });

  function legend(s, pockets) {
    if (!s) return null;
    if (!s.shown) return h("P", {}, s.hidden_note);
    const items = s.legend.map(e => h("Li", {}, [
      h("Span", {className: "swatch", style: {background: e.colour}}), `${e.label} (${e.count})`]));
    items.push(h("Li", {}, [h("Span", {className: "swatch nodata"}), s.no_data_label]));
    if (pockets) items.push(h("Li", {}, [h("Span", {className: "swatch pocket"}), pockets.marked_label]));
    return h("Figure", {}, [
      h("Figcaption", {}, [h("Strong", {}, s.title), h("Br"), s.caption, h("Br"), s.legend_note]),
      h("Ul", {className: "legend"}, items),
    ]);
  }

  window.dashExtensions = Object.assign({}, window.dashExtensions, {
    peta: {
      style: feature => styleOf(feature),
      register: (feature, layer) => { registry.set(feature.id, layer); },
      point: function (feature, latlng) {
        const p = feature.properties;
        if (p.kategori === "sanitasi") {  /* colours as layers/facilities.py SANITATION */
          const colour = {layak: "#0072b2", tidak_layak: "#d55e00"}[p.sanitasi];
          return L.circleMarker(latlng, colour
            ? {radius: p.sanitasi === "tidak_layak" ? 6 : 4, weight: 1.2, color: "#fff", fillColor: colour, fillOpacity: 0.95}
            : {radius: 4, weight: 2, color: "#969696", fill: false});
        }
        const health = p.kategori === "faskes";
        return L.circleMarker(latlng, {radius: health ? 5 : 4, weight: 1.2, color: "#fff",
                                       fillColor: health ? "#1b7837" : "#2166ac", fillOpacity: 0.95});
      },
      outline: () => ({fill: false, color: "#1f2933", weight: 1.8, interactive: false}),
      /* The Leaflet GeoJSON group of the areas on the map (for the benchmark's baseline). */
      areas: () => {
        for (const layer of registry.values()) {
          if (layer._map) return Object.values(layer._eventParents || {})[0];
        }
        return null;
      },
    },
  });

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    peta: {
      /* Indicator, style store, clicked feature, searched code, pocket overlay -> legend
         (and the map restyled in place). */
      show: function (indicator, styles, clicked, searched, mark) {
        const trigger = ((window.dash_clientside.callback_context || {}).triggered || [])
          .map(t => t.prop_id).join();
        if (trigger.includes("clickData") && clicked) selected = clicked.id;
        else if (trigger.includes("peta-cari") && searched) selected = searched;
        const s = styles && styles[indicator];
        if (!s) return window.dash_clientside.no_update;
        const pockets = (mark || []).length && styles.kantong ? styles.kantong : null;
        marked = new Set(pockets ? pockets.marked : []);
        state = s;
        restyle();
        return legend(s, pockets);
      },
    },
  });
})();

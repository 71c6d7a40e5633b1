/* The planner map in the browser. dash-leaflet reads the style functions through
   Namespace; the clientside callback `dash_clientside.peta.show` switches indicators
   (restyling in place: assets/lapisan.js, which the compare view shares). */
(function () {
  let shown = null;  // the map's areas (assets/lapisan.js), made on first use
  const areas = () => shown || (shown = window.pdarLayers.areas());

  window.dashExtensions = Object.assign({}, window.dashExtensions, {
    peta: {
      style: feature => areas().style(feature),
      register: (feature, layer) => areas().register(feature, layer),
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
      areas: () => areas().group(),
    },
  });

  let profiled = null;  // the area whose profile is shown
  const triggered = () => ((window.dash_clientside.callback_context || {}).triggered || []);

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    peta: {
      /* Clicked feature, searched code, indicator -> what the profile panel asks the server
         for (dashboard/planner/map_profile.py): a new area ("fresh": said in the live region),
         or the shown area's detail of another indicator; nothing while no area is chosen. */
      ask: function (clicked, searched, indicator) {
        const trigger = triggered().map(t => t.prop_id).join();
        let fresh = false;
        if (trigger.includes("clickData") && clicked) { profiled = clicked.id; fresh = true; }
        else if (trigger.includes("peta-cari") && searched) { profiled = searched; fresh = true; }
        else if (!trigger.includes("peta-indikator")) return window.dash_clientside.no_update;
        if (!profiled) return window.dash_clientside.no_update;
        return {code: profiled, indicator: indicator, fresh: fresh};
      },
      /* Point layers chosen -> the sanitation legend is hidden unless its layer is on. */
      pointLegend: chosen => !(chosen || []).includes("sanitasi"),
      /* The map's indicator -> the summary line shown in detail is marked pressed. */
      marked: function (indicator, buttons) {
        return buttons.map(b => (b.index === indicator ? "true" : "false"));
      },
      /* A summary line's button -> the map's indicator (the detail follows it). */
      pick: function () {
        const hit = triggered().find(t => t.value);
        return hit ? JSON.parse(hit.prop_id.slice(0, hit.prop_id.lastIndexOf("."))).index
          : window.dash_clientside.no_update;
      },
      /* Indicator, style store, clicked feature, searched code, pocket overlay -> legend
         (and the map restyled in place). */
      show: function (indicator, styles, clicked, searched, mark) {
        const trigger = ((window.dash_clientside.callback_context || {}).triggered || [])
          .map(t => t.prop_id).join();
        const map = areas();
        if (trigger.includes("clickData") && clicked) map.selected = clicked.id;
        else if (trigger.includes("peta-cari") && searched) map.selected = searched;
        const s = styles && styles[indicator];
        if (!s) return window.dash_clientside.no_update;
        const pockets = (mark || []).length && styles.kantong ? styles.kantong : null;
        map.marked = new Set(pockets ? pockets.marked : []);
        map.show(s);
        const h = window.pdarLayers.h;
        return window.pdarLayers.legend(s, pockets ? [h("Li", {}, [h("Span", {className: "swatch pocket"}),
                                                                   pockets.marked_label])] : []);
      },
    },
  });
})();

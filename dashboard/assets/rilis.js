/* The Rilis page's review map: a release's published classes, hidden cells grey with a
   dashed outline (the same "hidden" entry as the legend). dash-leaflet passes the
   style state as `hideout`; the map is redrawn per release and indicator only. */
(function () {
  function style(feature, context) {
    const h = (context && context.hideout) || {};
    const hidden = (h.hidden || []).indexOf(feature.id) >= 0;
    if (hidden) {
      return {fillColor: h.hidden_colour || "#bdbdbd", fillOpacity: 0.9, color: "#333", weight: 1.4, dashArray: "4 3"};
    }
    const k = (h.classes || {})[feature.id];
    const fill = (k === undefined || k === null) ? (h.no_data_colour || "#d9d9d9") : h.colours[k];
    return {fillColor: fill, fillOpacity: 0.85, color: "#6b6b6b", weight: 0.6, dashArray: null};
  }

  window.dashExtensions = Object.assign({}, window.dashExtensions, {rilis: {style: style}});
})();

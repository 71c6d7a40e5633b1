/* Style functions of the planner map (dash-leaflet reads them through Namespace).
   All state comes in `hideout`: restyling never touches the geometry. */
window.dashExtensions = Object.assign({}, window.dashExtensions, {
  peta: {
    style: function (feature, context) {
      const h = context.hideout || {};
      const k = (h.classes || {})[feature.id];
      const fill = (k === undefined || k === null) ? (h.noData || "#d9d9d9") : h.colours[k];
      const selected = h.selected === feature.id;
      return {fillColor: fill, fillOpacity: 0.85, color: selected ? "#000" : "#6b6b6b",
              weight: selected ? 3 : 0.6};
    },
    point: function (feature, latlng) {
      const health = feature.properties.kategori === "faskes";
      return L.circleMarker(latlng, {radius: health ? 5 : 4, weight: 1.2, color: "#fff",
                                     fillColor: health ? "#1b7837" : "#2166ac", fillOpacity: 0.95});
    },
    outline: function () {
      return {fill: false, color: "#1f2933", weight: 1.8, interactive: false};
    }
  }
});

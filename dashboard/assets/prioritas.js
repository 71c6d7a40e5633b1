/* The priorities page in the browser: the map beside the list (villages of the page of
   the list shown are coloured by rank, the others grey) and the two tabs (list, budget
   what-if) with the keyboard behaviour of the ARIA tabs pattern. */
(function () {
  "use strict";
  const RANKS = ["#7f0000", "#b30000", "#d7301f", "#ef6548", "#fc8d59", "#fdbb84"];
  let ranks = {};  // village code -> rank, of the villages listed (the newest the server sent)
  const drawn = new Map();  // village code -> Leaflet layer

  /* The geometry and the ranking arrive in either order: whichever comes last paints. */
  function paint(hideout) {
    ranks = (hideout || {}).rank || {};
    drawn.forEach((layer) => { if (layer._map) layer.setStyle(style(layer.feature)); });
  }

  function colour(rank, ordered) {
    const place = ordered.indexOf(rank) / Math.max(ordered.length, 1);
    return RANKS[Math.min(RANKS.length - 1, Math.floor(place * RANKS.length))];
  }

  function style(feature) {
    const rank = ranks[feature.id];
    if (rank === undefined) {
      return {fillColor: "#e4e7eb", fillOpacity: 0.7, color: "#9aa5b1", weight: 0.5};
    }
    const ordered = Object.values(ranks).sort((a, b) => a - b);
    return {fillColor: colour(rank, ordered), fillOpacity: 0.9, color: "#1f2933", weight: 1.2};
  }

  function label(feature, layer) {
    drawn.set(feature.id, layer);
    layer.bindTooltip(() => {
      const rank = ranks[feature.id];
      const name = (feature.properties || {}).nama || feature.id;
      return rank === undefined ? name : `${rank}. ${name}`;
    }, {sticky: true});
  }

  window.dashExtensions = Object.assign({}, window.dashExtensions, {prioritas: {style, label}});

  /* Tabs: the list and the budget what-if. */
  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    prioritas: {
      paint: function (hideout) { paint(hideout); },
      tab: function () {
        const ctx = window.dash_clientside.callback_context || {};
        const budget = String(((ctx.triggered || [])[0] || {}).prop_id || "").startsWith("prioritas-tab-anggaran");
        return [budget, !budget, budget ? "false" : "true", budget ? "true" : "false"];
      },
    },
  });

  /* Arrow keys, Home and End move between tabs and open the one reached. */
  document.addEventListener("keydown", (event) => {
    const tab = event.target.closest && event.target.closest("[role=tab]");
    if (!tab || !["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    const tabs = Array.from(tab.parentElement.querySelectorAll("[role=tab]"));
    const at = tabs.indexOf(tab);
    const next = {ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: tabs.length - 1}[event.key];
    const target = tabs[(next + tabs.length) % tabs.length];
    event.preventDefault();
    target.focus();
    target.click();
  });
})();

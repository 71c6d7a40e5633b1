/* The ranking under the planner map (dashboard/map_ranking.py) asks the server only when
   it has something to show: switching the indicator restyles the map in the browser
   alone (assets/peta.js), and sends a request only while a ranking is on screen (level
   kecamatan, or a kecamatan chosen for the village ranking). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  peringkat: {
    choice: function (indicator, level, kecamatan) {
      if (level === "desa" && !kecamatan) return [null, level, null];
      return [indicator, level, kecamatan];
    },
  },
});

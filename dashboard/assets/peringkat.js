/* The ranking under the planner map (dashboard/planner/map_ranking.py) asks the server only when
   it has something to show: switching the indicator restyles the map in the browser
   alone (assets/peta.js), and sends a request only while a ranking is on screen (level
   kecamatan, or a kecamatan chosen for the village ranking). */
(function () {
  let last = null;  // the choice sent last: the same one again is not sent
  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    peringkat: {
      choice: function (indicator, level, kecamatan) {
        const next = level === "desa" && !kecamatan ? [null, level, null] : [indicator, level, kecamatan];
        const key = JSON.stringify(next);
        if (key === last) return window.dash_clientside.no_update;
        last = key;
        return next;
      },
    },
  });
})();

/* The compare view in the browser: two maps (A and B) of assets/lapisan.js, restyled
   in place from one style store; each map follows the other's pan and zoom; the
   chosen state goes into the address bar (and the share link) as a query string that
   dashboard/pages/banding.py reads back. */
(function () {
  "use strict";
  const maps = {};       // "a" / "b" -> Leaflet map, once its areas are on it
  let sides = null;      // "a" / "b" -> the map's areas (made on first use: lapisan.js loads after this file)
  let following = false;

  /* Move map `to` where map `from` is (no animation: it follows every step of a drag). */
  function follow(from, to) {
    const source = maps[from], target = maps[to];
    if (following || !source || !target) return;
    following = true;
    try {
      target.setView(source.getCenter(), source.getZoom(), {animate: false});
    } finally {
      following = false;
    }
  }

  function side(key) {
    if (!sides) {
      const found = (me, other) => map => {
        maps[me] = map;
        map.on("move zoomend", () => follow(me, other));
        follow("a", "b");  // both known: B starts where A is
      };
      sides = {a: window.pdarLayers.areas(found("a", "b")), b: window.pdarLayers.areas(found("b", "a"))};
    }
    return sides[key];
  }

  /* One legend for both maps (same indicator, common breaks): each class with its count on A and on B. */
  function sharedLegend(styles) {
    const {h, items} = window.pdarLayers;
    const a = styles.a, b = styles.b;
    const [labelA, labelB] = styles.labels;
    return h("Figure", {}, [
      h("Figcaption", {}, [h("Strong", {}, a.title), h("Br"), a.caption, h("Br"), styles.shared_note]),
      h("Ul", {className: "legend"}, items(a, (e, i) => `${labelA}: ${e.count}, ${labelB}: ${b.legend[i].count}`)),
    ]);
  }

  window.dashExtensions = Object.assign({}, window.dashExtensions, {
    banding: {
      style_a: feature => side("a").style(feature),
      style_b: feature => side("b").style(feature),
      register_a: (feature, layer) => side("a").register(feature, layer),
      register_b: (feature, layer) => side("b").register(feature, layer),
    },
  });

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    banding: {
      /* Style store, area clicked on A or B, area found -> legend of A, of B, shared legend. */
      show: function (styles, clickedA, clickedB, searched) {
        const trigger = ((window.dash_clientside.callback_context || {}).triggered || [])
          .map(t => t.prop_id).join();
        let selected;
        if (trigger.includes("banding-wilayah-a") && clickedA) selected = clickedA.id;
        else if (trigger.includes("banding-wilayah-b") && clickedB) selected = clickedB.id;
        else if (trigger.includes("banding-cari") && searched) selected = searched;
        const a = side("a"), b = side("b");
        if (selected !== undefined) a.selected = b.selected = selected;
        if (!styles || !styles.a || !styles.b) return window.dash_clientside.no_update;
        a.show(styles.a);
        b.show(styles.b);
        const {legend} = window.pdarLayers;
        const shared = styles.shared && styles.a.shown && styles.a.legend;
        return shared ? [null, null, sharedLegend(styles)] : [legend(styles.a), legend(styles.b), null];
      },
      /* The choices -> the share link; the address bar too, without a reload or a new history entry. */
      link: function (indicatorA, periodA, indicatorB, periodB, level, scheme) {
        const query = new URLSearchParams();
        const put = (key, value) => { if (value) query.set(key, value); };
        put("a", indicatorA); put("periode_a", periodA); put("b", indicatorB); put("periode_b", periodB);
        put("tingkat", level); put("kelas", scheme);
        const lang = new URLSearchParams(window.location.search).get("lang");
        put("lang", lang);
        const href = `${window.location.pathname}?${query.toString()}`;
        if (window.location.pathname.endsWith("/banding")) window.history.replaceState(window.history.state, "", href);
        return href;
      },
    },
  });
})();

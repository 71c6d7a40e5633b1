/* The change view: each area's rate now minus its rate in the previous release of the
   series, in percentage points, for areas shown in both. An area hidden in either is
   hatched; one that is not in both, or whose boundary changed (a split), is "not
   comparable" and never joined to a different area's figure. Lower rates are better
   (every indicator counts children with a problem), so a fall is blue ("membaik"), a
   rise red ("memburuk").

   The classes come from the data, symmetric around zero: no change is its own class, and
   the sizes of the other changes (a fall and a rise alike) are split at their thirds, so
   that a release in which most villages moved by 1 to 3 points still shows which moved
   most (fixed 5-point steps painted nearly every village the same blue). */
(function () {
  "use strict";
  // much better, better, a little better, no change, a little worse, worse, much worse (ColorBrewer RdBu 7)
  const COLOURS = ["#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b"];

  /* The two breaks of the sizes of the non-zero changes: [a, b, unit] with a < b, or null
     when nothing changed. A size up to a is "a little", up to b "some", beyond b "much";
     unit is the step of the published rates (1 point when they are whole percents). */
  function breaks(sizes) {
    if (!sizes.length) return null;
    const s = sizes.slice().sort((x, y) => x - y);
    const at = (q) => s[Math.max(0, Math.ceil(q * s.length) - 1)];
    const unit = s.every(Number.isInteger) ? 1 : 0.1;
    const a = at(1 / 3);
    return [a, Math.max(at(2 / 3), Math.round((a + unit) * 10) / 10), unit];
  }

  function classOf(diff, br) {
    if (diff === 0 || !br) return 3;
    const size = Math.abs(diff);
    const step = size <= br[0] ? 0 : size <= br[1] ? 1 : 2;
    return diff < 0 ? 2 - step : 4 + step;
  }

  /* { areas: code -> { diff, from, to, cls } | "hidden", breaks, counts }; areas not
     comparable are absent. */
  function compute(now, before, changed) {
    const areas = {};
    const counts = COLOURS.map(() => 0);
    if (!now || !before) return { areas, breaks: null, counts };
    const moved = new Set(changed || []);
    Object.keys(now.nilai).forEach((code) => {
      if (moved.has(code) || !(code in before.nilai)) return;
      const a = before.nilai[code], b = now.nilai[code];
      if (a === null || b === null) { areas[code] = "hidden"; return; }
      const diff = Math.round((b[2] - a[2]) * 10) / 10;
      areas[code] = { diff, from: a[2], to: b[2], cls: 3 };
    });
    // the breaks from the level the map paints (villages, or kecamatan for a per-kecamatan indicator)
    const level = Object.keys(areas).filter((c) => c.split(".").length === (now.tingkat === "desa" ? 4 : 3));
    const br = breaks(level.map((c) => areas[c]).filter((c) => c !== "hidden" && c.diff !== 0).map((c) => Math.abs(c.diff)));
    Object.keys(areas).forEach((code) => {
      const c = areas[code];
      if (c === "hidden") return;
      c.cls = classOf(c.diff, br);
      if (level.includes(code)) counts[c.cls] += 1;
    });
    return { areas, breaks: br, counts };
  }

  function legendItems(t, change, num) {
    const br = change.breaks;
    const next = br && Math.round((br[0] + br[2]) * 10) / 10;  // the middle class starts one step above a
    const labels = br ? [
      t("change_much_better", { n: num(br[1]) }), (next === br[1] ? t("change_better_one", { n: num(next) }) : t("change_better_range", { a: num(next), b: num(br[1]) })),
      t("change_bit_better", { n: num(br[0]) }), t("change_same"), t("change_bit_worse", { n: num(br[0]) }),
      (next === br[1] ? t("change_worse_one", { n: num(next) }) : t("change_worse_range", { a: num(next), b: num(br[1]) })), t("change_much_worse", { n: num(br[1]) }),
    ] : [null, null, null, t("change_same"), null, null, null];
    return labels.map((label, i) => (label === null ? "" : `<li><span class="kotak" style="background:${COLOURS[i]}">`
      + `</span>${label} <small>(${change.counts[i]})</small></li>`)).filter(Boolean);
  }

  /* ["+3 poin, memburuk", "25 % ke 28 %"]: the direction in words, not in colour alone,
     and the two rates it comes from on a line of their own. */
  function text(t, c, num) {
    if (c === undefined) return [t("change_none"), ""];
    if (c === "hidden") return [t("hidden"), ""];
    const way = c.diff < 0 ? "change_way_better" : c.diff > 0 ? "change_way_worse" : "change_same";
    return [t("change_value", { sign: c.diff > 0 ? "+" : "", n: num(c.diff), way: t(way) }),
            t("change_from_to", { from: `${num(c.from)} %`, to: `${num(c.to)} %` })];
  }

  window.pdarUbah = { compute, legendItems, text, breaks, COLOURS };
})();

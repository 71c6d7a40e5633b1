/* The change view: each area's rate now minus its rate in the previous release of the
   series, in percentage points, for areas shown in both. An area hidden in either is
   hatched; one that is not in both, or whose boundary changed (a split), is "not
   comparable" and never joined to a different area's figure. Lower rates are better
   (every indicator counts children with a problem), so a fall is blue, a rise red. */
(function () {
  "use strict";
  const STEP = 5;  // percentage points between "a little" and "much"
  const COLOURS = ["#2166ac", "#92c5de", "#f7f7f7", "#f4a582", "#b2182b"];
  const KEYS = ["change_better", "change_bit_better", "change_same", "change_bit_worse", "change_worse"];

  function classOf(diff) {
    if (diff <= -STEP) return 0;
    if (diff < 0) return 1;
    if (diff === 0) return 2;
    return diff < STEP ? 3 : 4;
  }

  /* code -> { diff, from, to, cls } | "hidden"; areas not comparable are absent. */
  function compute(now, before, changed) {
    const out = {};
    if (!now || !before) return out;
    const moved = new Set(changed || []);
    Object.keys(now.nilai).forEach((code) => {
      if (moved.has(code) || !(code in before.nilai)) return;
      const a = before.nilai[code], b = now.nilai[code];
      if (a === null || b === null) { out[code] = "hidden"; return; }
      const diff = b[2] - a[2];
      out[code] = { diff, from: a[2], to: b[2], cls: classOf(diff) };
    });
    return out;
  }

  function legendItems(t) {
    return KEYS.map((key, i) => `<li><span class="kotak" style="background:${COLOURS[i]}"></span>${t(key, { n: STEP })}</li>`);
  }

  function text(t, c) {
    if (c === undefined) return t("change_none");
    if (c === "hidden") return t("hidden");
    return t("change_value", { sign: c.diff > 0 ? "+" : "", n: c.diff, from: `${c.from} %`, to: `${c.to} %` });
  }

  window.pdarUbah = { compute, legendItems, text, COLOURS };
})();

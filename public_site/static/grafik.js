/* Small inline SVG charts of one indicator over the releases, drawn by the site itself
   (no chart library: the page stays light). The area's line, the kabupaten's (dashed)
   and the KLA target (dotted) where there is one. A hidden value is a gap marked with
   the hidden wording, never bridged; a boundary change breaks the line too. */
(function () {
  "use strict";
  const W = 300, H = 120, L = 30, R = 10, T = 10, B = 26;

  function esc(text) { return window.pdarTabel.escapeHtml(text); }

  /* ``series``: [{ label, own, kab, breakBefore }] where own/kab are a percent, "hidden" or
     null (no value, not an area then); ``target``: a percent or null; ``texts``: wording. */
  function svg(series, target, texts) {
    const numbers = series.flatMap((p) => [p.own, p.kab]).filter((v) => typeof v === "number");
    if (typeof target === "number") numbers.push(target);
    const top = Math.max(10, Math.ceil(Math.max(0, ...numbers) / 10) * 10);
    const n = series.length;
    const x = (i) => (n === 1 ? (L + W - R) / 2 : L + i * (W - L - R) / (n - 1));
    const y = (v) => T + (1 - v / top) * (H - T - B);
    const r1 = (v) => Math.round(v * 10) / 10;
    const out = [`<line class="sumbu" x1="${L}" x2="${W - R}" y1="${y(0)}" y2="${y(0)}"/>`,
      `<text class="skala" x="${L - 4}" y="${y(top) + 4}" text-anchor="end">${top}</text>`,
      `<text class="skala" x="${L - 4}" y="${y(0) + 4}" text-anchor="end">0</text>`];
    if (typeof target === "number") {
      out.push(`<line class="garis-target" x1="${L}" x2="${W - R}" y1="${r1(y(target))}" y2="${r1(y(target))}"><title>${esc(texts.target)} ${target} %</title></line>`);
    }
    const line = (key, cls) => {
      let run = [];
      const flush = () => { if (run.length > 1) out.push(`<polyline class="${cls}" points="${run.join(" ")}"/>`); run = []; };
      series.forEach((p, i) => {
        if (p.breakBefore) flush();
        const v = p[key];
        if (typeof v !== "number") { flush(); return; }
        run.push(`${r1(x(i))},${r1(y(v))}`);
        if (key === "own") out.push(`<circle class="titik" cx="${r1(x(i))}" cy="${r1(y(v))}" r="3.5"><title>${esc(p.label)}: ${v} %</title></circle>`);
      });
      flush();
    };
    line("kab", "garis-kabupaten");
    line("own", "garis-wilayah");
    series.forEach((p, i) => {
      const anchor = n === 1 ? "middle" : i === 0 ? "start" : i === n - 1 ? "end" : "middle";  // inside the box
      if (p.own === "hidden") {  // at the ends written inwards, never cut by the box's edge
        const hx = anchor === "start" ? x(i) - 4 : anchor === "end" ? x(i) + 4 : x(i);
        out.push(`<text class="tersembunyi" x="${r1(hx)}" y="${r1(y(0) - 6)}" text-anchor="${anchor}">${esc(texts.hidden)}</text>`);
      }
      if (p.breakBefore && i > 0) {
        const mid = r1((x(i - 1) + x(i)) / 2);
        out.push(`<line class="putus" x1="${mid}" x2="${mid}" y1="${T}" y2="${y(0)}"/>`);
      }
      const lx = anchor === "start" ? L - 4 : anchor === "end" ? W - 2 : x(i);
      out.push(`<text class="skala" x="${r1(lx)}" y="${H - 8}" text-anchor="${anchor}">${esc(p.label)}</text>`);
    });
    return `<svg class="grafik" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(texts.title)}">${out.join("")}</svg>`;
  }

  window.pdarGrafik = { svg };
})();

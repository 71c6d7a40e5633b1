/* Quantised TopoJSON (delta-encoded arcs) to GeoJSON features for Leaflet, and edges of a
   layer: the outer ones (arcs used by one polygon only: the kabupaten outline) and those
   between groups of polygons (the kecamatan lines from the village file), so the map
   fetches one geometry file. */
(function () {
  "use strict";

  function decodeArcs(topo) {
    const [sx, sy] = topo.transform.scale;
    const [tx, ty] = topo.transform.translate;
    return topo.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map((p) => { x += p[0]; y += p[1]; return [x * sx + tx, y * sy + ty]; });
    });
  }

  function ring(arcs, indices) {
    const out = [];
    indices.forEach((i, k) => {
      const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      for (let j = k ? 1 : 0; j < arc.length; j++) out.push(arc[j]);
    });
    return out;
  }

  function features(topo, name) {
    const arcs = decodeArcs(topo);
    return topo.objects[name].geometries.map((g) => ({
      type: "Feature",
      id: g.id,
      properties: { kode: g.id },
      geometry: g.type === "Polygon"
        ? { type: "Polygon", coordinates: g.arcs.map((r) => ring(arcs, r)) }
        : { type: "MultiPolygon", coordinates: g.arcs.map((p) => p.map((r) => ring(arcs, r))) },
    }));
  }

  /* Arcs used once (``group`` null), or by polygons of different groups (``group``: id -> group). */
  function edges(topo, name, group) {
    const arcs = decodeArcs(topo);
    const uses = new Map();
    topo.objects[name].geometries.forEach((g) => {
      const count = (i) => { const a = i >= 0 ? i : ~i; uses.set(a, (uses.get(a) || []).concat([g.id])); };
      (g.type === "Polygon" ? [g.arcs] : g.arcs).forEach((poly) => poly.forEach((r) => r.forEach(count)));
    });
    const lines = [];
    uses.forEach((ids, a) => {
      if (ids.length === 1 ? !group : group && group(ids[0]) !== group(ids[1])) lines.push(arcs[a]);
    });
    return { type: "Feature", properties: {}, geometry: { type: "MultiLineString", coordinates: lines } };
  }

  const outerEdges = (topo, name) => edges(topo, name, null);
  const groupEdges = (topo, name, group) => edges(topo, name, group);

  window.pdarTopo = { features, outerEdges, groupEdges };
})();

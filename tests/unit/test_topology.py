import numpy as np
import shapely

from geodata import topology, webgeom


def _grid_coverage():
    """Three squares in a row and an enclave inside the middle one, integer coordinates."""
    a = shapely.box(0, 0, 10, 10)
    b = shapely.Polygon(shapely.box(10, 0, 20, 10).exterior, [shapely.box(13, 3, 17, 7).exterior.coords[::-1]])
    c = shapely.box(20, 0, 30, 10)
    enclave = shapely.box(13, 3, 17, 7)
    return [("a", a), ("b", b), ("c", c), ("e", enclave)]


def test_round_trip_is_exact_and_shared_edges_are_written_once():
    items = [(k, {"nama": k.upper()}, g) for k, g in _grid_coverage()]
    topo = topology.encode({"desa": items}, (100.0, 1.0), (0.5, 0.25))
    decoded = topology.decode(topo, "desa")
    for (k, props, geom), (k2, props2, back) in zip(items, decoded, strict=True):
        assert (k, props) == (k2, props2)
        expected = shapely.affinity.affine_transform(geom, [0.5, 0, 0, 0.25, 100.0, 1.0])
        assert back.normalize().equals_exact(expected.normalize(), 1e-12)
    # shared once: a|b, b|c, the enclave's ring (= b's hole); not shared: a's, c's outer
    # edge and b's top and bottom edges
    assert len(topo["arcs"]) == 7
    used = [i if i >= 0 else ~i for g in topo["objects"]["desa"]["geometries"] for r in g["arcs"] for i in r]
    assert sorted(set(used)) == list(range(7)) and len(used) == 10
    assert shapely.coverage_is_valid(np.array([g for _, _, g in decoded]))


def test_arcs_are_delta_encoded_integers():
    topo = topology.encode({"desa": [("a", {}, shapely.box(0, 0, 3, 2))]}, (0.0, 0.0), (1.0, 1.0))
    arc = topo["arcs"][0]
    assert all(isinstance(v, int) for point in arc for v in point)
    assert np.array_equal(np.cumsum(arc, axis=0)[-1], arc[0])  # closed ring


def test_snap_rounding_keeps_a_valid_coverage_where_plain_rounding_breaks_it():
    # Two neighbours sharing a zig-zag edge whose vertices are 0.3 grid steps apart.
    edge = [(10, 0), (10.2, 3.1), (9.9, 3.4), (10.3, 6.6), (10, 10)]
    left = shapely.Polygon([(0, 0), *edge, (0, 10)])
    right = shapely.Polygon([(20, 0), (20, 10), *edge[::-1]])
    snapped = webgeom.snap_round(np.array([left, right]), ["l", "r"])
    coords = shapely.get_coordinates(snapped)
    assert np.array_equal(coords, np.round(coords))
    assert shapely.is_valid(snapped).all() and shapely.coverage_is_valid(snapped)
    assert abs(shapely.area(snapped).sum() - 200) < 1e-9

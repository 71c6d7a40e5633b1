"""Boundaries: reading, checking and storing village, kecamatan and kabupaten polygons,
and the browser geometry built from them. The lowest domain layer: it imports no
other domain package."""

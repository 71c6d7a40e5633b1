"""The public release: suppression that survives a differencing attack, audited.

Pure functions over a :class:`~aggregations.release.table.Table` of cells:
:mod:`.rules` (named constants, primary rule), :mod:`.suppress` (the pattern),
:mod:`.audit` (linear-programming bounds of every hidden cell).
"""

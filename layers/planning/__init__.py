"""The planner tools, used by the restricted planner app only (never by the public site):
the kantong kerentanan index and its map layer (``kantong``), the Musrenbang priority
list (``priorities``), budget what-if scenarios (``budget``), the KLA targets
(``targets``) and the workbook/CSV files of the list and scenarios (``workbook``).
They read exact values through ``layers.values``.
"""

"""Indicator catalogue, classification, legends, map payloads and static map rendering,
built on ``geodata`` and ``aggregations``."""

"""Record-level source data, indicator aggregates and public releases.

The only package that reads or writes record-level tables (see DESIGN.md).
"""

from aggregations.zscore import height_for_age_z

__all__ = ["height_for_age_z"]

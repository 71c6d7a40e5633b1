"""Record-level source data, indicator aggregates and public releases.

The only package that reads or writes record-level tables (see DESIGN.md)."""

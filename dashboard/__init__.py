"""The restricted planner application (Dash behind a login), built on ``layers``."""

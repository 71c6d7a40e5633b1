"""The public transparency map: a static folder built from one release only."""

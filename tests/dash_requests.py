"""Bodies of the planner app's callback requests as the browser sends them, for the tests
and the load benchmark (``benchmarks/planner_load.py``)."""


def profile_request(code: str = "61.07.01.2001", indicator: str = "tanpa_akta", period: str = "2025",
                    fresh: bool = True) -> dict:
    """A click on an area as assets/peta.js asks for its profile: the area, the map's
    indicator (the detail shown), and whether the area is new (the summary is sent)."""
    outputs = [{"id": i, "property": "children"} for i in ("peta-panel", "peta-rincian", "peta-profil-status")]
    return {"output": "..peta-panel.children...peta-rincian.children...peta-profil-status.children..",
            "outputs": outputs, "changedPropIds": ["peta-profil-minta.data"],
            "inputs": [{"id": "peta-profil-minta", "property": "data",
                        "value": {"code": code, "indicator": indicator, "fresh": fresh}}],
            "state": [{"id": "peta-periode", "property": "value", "value": period}]}

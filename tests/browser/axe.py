"""axe-core in a Playwright page: the suite's accessibility check.

axe-core comes from the npm registry at the version of ``package-lock.json``
(``make test`` runs ``npm ci`` when it is missing). Its text is evaluated in the
page with ``page.evaluate`` (a script the page itself runs, which a
Content-Security-Policy on the page does not block, unlike an injected
``<script>`` tag). A page passes when axe finds no critical or serious violation.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
FAILING = ("critical", "serious")


@cache
def _source() -> str:
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing: `make test` installs it (npm ci)")
        pytest.skip("axe-core not installed (run `npm ci`)")
    return AXE.read_text(encoding="utf-8")


def violations(page, impacts: tuple[str, ...] = FAILING) -> list[dict]:
    """Violations of the WCAG 2.x A/AA rules and axe's best practices at ``impacts``."""
    if not page.evaluate("() => Boolean(window.axe)"):
        page.evaluate(_source() + "\n;undefined")
    result = page.evaluate("""async () => {
        const r = await window.axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                      summary: n.failureSummary}))}));
    }""")
    return [v for v in result if v["impact"] in impacts]


def describe(found: list[dict]) -> str:
    """One line per rule and element, for a failing assertion."""
    lines = []
    for v in found:
        for node in v["nodes"][:6]:
            lines.append(f"{v['impact']} {v['id']} ({v['help']}): {node['target']}  {node['html']}")
        if len(v["nodes"]) > 6:
            lines.append(f"  ... and {len(v['nodes']) - 6} more")
    return "\n".join(lines)


def assert_clean(page, where: str) -> None:
    found = violations(page)
    assert not found, f"axe-core on {where}:\n{describe(found)}"

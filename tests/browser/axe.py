"""Running axe-core (installed from the npm registry by `npm ci`, see package.json) in a page.

The script is evaluated through the browser's debugging protocol rather than added as a
<script> element, so the site's Content-Security-Policy (no inline scripts) stays in force
for everything the page itself does.
"""

import json
import os
import textwrap
from functools import cache
from pathlib import Path

import pytest

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("serious", "critical")


@cache
def axe_source():
    if not AXE_PATH.exists():
        message = f"axe-core not found at {AXE_PATH}: run `make axe-deps` (npm ci)"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE_PATH.read_text(encoding="utf-8")


def run_axe(page):
    """The violations axe finds in the page as it is now, limited to WCAG 2.1 A and AA."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = page.evaluate(
        "options => axe.run(document, options)",
        options,
    )
    return results["violations"]


def blocking(violations):
    return [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]


def describe(label, url, violations):
    """A readable account of the violations: rule, impact, help, and each offending node."""
    lines = [f"{label} ({url}): {len(violations)} serious or critical violation(s)"]
    for violation in violations:
        lines.append(
            f"  - [{violation['impact']}] {violation['id']}: {violation['help']}"
            f" ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:8]:
            target = json.dumps(node["target"], ensure_ascii=False)
            lines.append(f"      at {target}")
            lines.append(textwrap.indent(node["html"][:300], " " * 8))
            summary = (node.get("failureSummary") or "").strip()
            if summary:
                lines.append(textwrap.indent(summary, " " * 8))
        if len(violation["nodes"]) > 8:
            lines.append(f"      … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)

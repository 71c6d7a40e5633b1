"""The chart of ``kla.html``: the kabupaten's coverage over the releases against the KLA
target, read without a table beside it: a value axis with its percentages and grid, the
values written at both ends of the line, the target line labelled with its percent, and
a key naming each line. The axis starts below the lowest value (a multiple of 10) and ends
at 100 %, so 80 % -> 86 % against a 95 % target shows the distance still to go instead of
three lines squeezed at the top of a 0-100 box. A hidden value is a gap, never bridged.
"""

from __future__ import annotations

import html
import math
from fractions import Fraction

from peta_anak.core import rates
from public_site.messages import TEXT

#: The chart box (SVG user units) and the room for the axis labels and the period names.
WIDTH, HEIGHT = 360, 180
LEFT, RIGHT, TOP, BOTTOM = 40, 14, 10, 24


def _t(key: str, lang: str, **params: object) -> str:
    return html.escape(TEXT[key][lang].format(**params))


def _shown(value: Fraction) -> str:
    return f"{rates.rounded(value, rates.PUBLISHED_DIGITS)} %"


def axis_range(values: list, target: float) -> tuple[int, int, int]:
    """(lowest, highest, step) of the value axis: from a multiple of 10 at least 5 points
    below the lowest value or the target, to 100; ticks every 10 points (20 on a long axis)."""
    shown = [float(v) for v in values if isinstance(v, Fraction)] + [float(target)]
    low = max(0, math.floor((min(shown) - 5) / 10) * 10)
    return low, 100, 10 if 100 - low <= 50 else 20


def chart(values: list, labels: list[str], target: float, lang: str, area: str) -> str:
    """The SVG and its key; ``values``: a Fraction per release, "hidden" or None."""
    low, high, step = axis_range(values, target)
    n = len(values)
    x = [(LEFT + WIDTH - RIGHT) / 2] if n == 1 else [LEFT + i * (WIDTH - LEFT - RIGHT - 30) / (n - 1) + 15
                                                      for i in range(n)]

    def y(v: float) -> float:
        return round(TOP + (high - float(v)) / (high - low) * (HEIGHT - TOP - BOTTOM), 1)

    out = []
    for tick in range(low, high + 1, step):
        out.append(f'<line class="kisi" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick)}" y2="{y(tick)}"/>'
                   f'<text class="skala" x="{LEFT - 4}" y="{y(tick) + 3.5}" text-anchor="end">{tick} %</text>')
    out.append(f'<line class="sumbu" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{y(low)}"/>'
               f'<line class="sumbu" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(low)}" y2="{y(low)}"/>')
    out.append(f'<line class="garis-target" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(target)}" y2="{y(target)}"/>'
               f'<text class="label-target" x="{WIDTH - RIGHT}" y="{y(target) - 4}" text-anchor="end">'
               f'{_t("kla_target_line", lang, percent=f"{target:g}")}</text>')
    out.extend(_line(x, values, y, target))
    for i, (xi, label) in enumerate(zip(x, labels, strict=True)):
        anchor = "middle" if n == 1 else "start" if i == 0 else "end" if i == n - 1 else "middle"
        at = xi - 15 if anchor == "start" else xi + 15 if anchor == "end" else xi
        out.append(f'<text class="skala" x="{round(at, 1)}" y="{HEIGHT - 6}" text-anchor="{anchor}">'
                   f'{html.escape(label)}</text>')
    said = ", ".join(f"{label} {_shown(v) if isinstance(v, Fraction) else TEXT['hidden_short'][lang]}"
                     for label, v in zip(labels, values, strict=True) if v is not None)
    name = html.escape(area)
    key = (f'<p class="kunci-grafik"><span class="k-wilayah">{name}</span> '
           f'<span class="k-target">{_t("kla_target_line", lang, percent=f"{target:g}")}</span></p>')
    return (f'<svg class="grafik grafik-kla" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="'
            f'{_t("kla_chart_label", lang, area=area, values=said, percent=f"{target:g}")}">{"".join(out)}</svg>{key}')


def _line(x: list[float], values: list, y, target: float) -> list[str]:  # noqa: ANN001 (y: the scale)
    """The polylines (broken at a hidden or missing value), the points, and the values at
    both ends, above a point or under it when the target line runs close above."""
    parts, run = [], []
    for xi, v in zip([*x, None], [*values, None], strict=True):
        if isinstance(v, Fraction):
            run.append(f"{round(xi, 1)},{y(v)}")
            continue
        if len(run) > 1:
            parts.append(f'<polyline class="garis-wilayah" points="{" ".join(run)}"/>')
        run = []
    shown = [(xi, v) for xi, v in zip(x, values, strict=True) if isinstance(v, Fraction)]
    parts += [f'<circle class="titik" cx="{round(xi, 1)}" cy="{y(v)}" r="3"/>' for xi, v in shown]
    ends = shown[:1] + shown[1:][-1:]
    for i, (xi, v) in enumerate(ends):
        below = 0 <= y(v) - y(target) < 16  # the target's line and label just above: write under the point
        anchor = "middle" if len(ends) == 1 else ("start", "end")[i]
        at = xi - 6 if anchor == "start" else xi + 6 if anchor == "end" else xi
        parts.append(f'<text class="nilai-ujung" x="{round(at, 1)}" y="{round(y(v) + (15 if below else -7), 1)}" '
                     f'text-anchor="{anchor}">{_shown(v)}</text>')
    return parts

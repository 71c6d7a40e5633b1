"""What ``peta-anak aggregate`` prints: kabupaten totals and data-quality lines, in the
chosen language (message catalogue :data:`aggregations.messages.REPORT`)."""

from __future__ import annotations

from aggregations.messages import REPORT
from peta_anak.core import rates
from peta_anak.core.i18n import translate


def number(value: int, lang: str) -> str:
    """Thousands grouped as each language writes them (12.345 / 12,345)."""
    return f"{value:,}".replace(",", "." if lang == "id" else ",")


def _percent(part: int, whole: int, lang: str) -> str:
    text = f"{rates.percent(part, whole):.{rates.EXACT_DIGITS}f}" if whole else "-"
    return text.replace(".", ",") if lang == "id" else text


def describe_totals(totals: dict[str, dict], lang: str = "id") -> list[str]:
    """One line per kabupaten total of :func:`aggregations.indicators.compute`."""
    lines = []
    for key, value in totals.items():
        area, _, indicator = key.partition(" ")
        lines.append(translate(REPORT, "total", lang, area=area, indicator=indicator,
                               n=number(value["pembilang"], lang), d=number(value["penyebut"], lang),
                               pct=_percent(value["pembilang"], value["penyebut"], lang)))
    return lines


def describe_quality(report: dict[str, dict], lang: str = "id") -> list[str]:
    """Per source: rows read, accepted, rejected, not counted; linkage; reference months."""
    t = lambda key, **kw: translate(REPORT, key, lang, **kw)  # noqa: E731
    lines = []
    for source, q in report.items():
        lines.append(t("quality", source=source, read=number(q["rows_read"], lang),
                       accepted=number(q["accepted"], lang), rejected=number(q["rejected"], lang)))
        for status, n in q.get("not_counted", {}).items():
            lines.append(t("not_counted", status=t(f"status_{status}"), n=number(n, lang)))
        link = q.get("linkage")
        if link and link["distinct_nik"]:
            lines.append(t("linkage", found=number(link["found_among_residents"], lang),
                           total=number(link["distinct_nik"], lang),
                           pct=_percent(link["found_among_residents"], link["distinct_nik"], lang)))
        weighing = q.get("reference_months")
        if weighing:
            children = weighing["children"]
            months = ", ".join(t(f"month_{m}", n=number(n, lang), pct=_percent(n, children, lang))
                               for m, n in weighing["measured"].items())
            lines.append(t("reference_months", children=number(children, lang), months=months))
        for note in q.get("notes", []):
            lines.append(t(note))
    return lines

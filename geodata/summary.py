"""The human-readable summary of a boundary import or check, in either language."""

from __future__ import annotations

from geodata.messages import SUMMARY as TEXT
from peta_anak.core.i18n import translate

PAIRS_LISTED = 5


def format_report(report: dict, lang: str = "id", stored: bool = True) -> str:
    t = lambda key, **kw: translate(TEXT, key, lang, **kw)  # noqa: E731
    lines = [t("title_import" if stored else "title_check", file=report["file"])]
    note = t("reprojected") if report["reprojected"] else ""
    lines.append(t("crs", crs=report["source_crs"], note=note))
    lines.append(t("fields", code=report["code_field"], name=report["name_field"]))
    lines += [t("kabupaten", **kab) for kab in report["kabupaten"]]
    lines.append(t("counts", **report["counts"]))
    if report["kecamatan_unnamed"]:
        lines.append(t("unnamed", codes=", ".join(report["kecamatan_unnamed"])))
    lines.append(t("repairs", n=len(report["repairs"])))
    lines += [t("repair", **r) for r in report["repairs"]]
    cov = report["coverage"]
    lines.append(t("coverage", n_pairs=len(cov["pairs"]), **cov))
    lines += [t("pair", **p) for p in cov["pairs"][:PAIRS_LISTED]]
    if len(cov["pairs"]) > PAIRS_LISTED:
        lines.append(t("more_pairs", n=len(cov["pairs"]) - PAIRS_LISTED))
    lines.append(t("cleaning", **cov["cleaning"]))
    for level, web in report.get("web_geometry", {}).items():
        lines.append(t("web", level=level, features=web["features"], kb=round(web["bytes"] / 1024, 1),
                       gz=round(web["gzip_bytes"] / 1024, 1), shift=web.get("max_shift_m", "-")))
    return "\n".join(lines)

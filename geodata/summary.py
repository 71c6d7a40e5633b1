"""The human-readable summary of a boundary or dusun register import or check, in either language."""

from __future__ import annotations

from geodata.dusun_messages import TEXT as DUSUN
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


def format_dusun_report(report: dict, lang: str = "id", stored: bool = True) -> str:
    """The summary of a dusun register import or check (:func:`geodata.dusun.prepare`)."""
    t = lambda key, **kw: translate(DUSUN, key, lang, **kw)  # noqa: E731
    lines = [t("title_import" if stored else "title_check", file=report["file"]),
             t("format", kind=t(f"kind_{report['format']}"), code=report["code_field"], name=report["name_field"],
               crs=report["source_crs"]),
             t("counts", **report["counts"])]
    villages = report["villages"]
    lines += [t("village", kode=v["kode"], nama=v["nama"], n=len(v["dusun"])) for v in villages[:PAIRS_LISTED]]
    if len(report["villages"]) > PAIRS_LISTED:
        lines.append(t("more", n=len(report["villages"]) - PAIRS_LISTED))
    if report["repairs"]:
        lines.append(t("repairs", n=len(report["repairs"])))
    for key, item, entries in (("outside", "outside_item", report["outside"]),
                               ("overlaps", "overlap_item", report["overlaps"]),
                               ("waiting", "waiting_item", report["aliases_waiting"])):
        if entries:
            lines.append(t(key, n=len(entries)))
            lines += [t(item, **e) for e in entries[:PAIRS_LISTED]]
            if len(entries) > PAIRS_LISTED:
                lines.append(t("more", n=len(entries) - PAIRS_LISTED))
    return "\n".join(lines)

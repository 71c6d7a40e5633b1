"""``peta-anak data`` and ``peta-anak aggregate``: parse arguments, call
:mod:`aggregations`, print."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from aggregations import indicators, ingest, periods, quality, sources
from aggregations.messages import ERRORS, FLAGS, SUMMARY
from aggregations.report import describe_quality, describe_totals, number
from aggregations.sources import SOURCES
from peta_anak.core import rates
from peta_anak.core.i18n import translate
from peta_anak.core.progress import Progress


def format_summary(summary: dict, lang: str) -> str:
    t = lambda key, **kw: translate(SUMMARY, key, lang, **kw)  # noqa: E731
    n = lambda value: number(value, lang)  # noqa: E731
    read = summary["rows_read"]
    lines = [t("title", source=summary["source"], period=summary["period"], file=summary["file"]),
             t("counts", read=n(read), accepted=n(summary["accepted"]), rejected=n(summary["rejected"]),
               share=rates.percent(summary["rejected"], read) if read else 0)]
    for key, count in summary["by_reason"].items():
        lines.append(t("reason", reason=ingest.reason_text(key, lang), n=n(count)))
    if summary["not_counted"]:
        lines.append(t("not_counted", items=", ".join(
            f"{translate(SUMMARY, 'status_' + k, lang)} {n(v)}" for k, v in summary["not_counted"].items())))
    if summary["flags"]:
        lines.append(t("flags", flags=", ".join(f"{translate(FLAGS, k, lang)} {n(v)}"
                                                for k, v in summary["flags"].items())))
    if summary["dropped_columns"]:
        lines.append(t("dropped", columns=", ".join(summary["dropped_columns"])))
    if summary["replaced_earlier_import"]:
        lines.append(t("replaced"))
    if summary["smaller_reimport"]:
        smaller = summary["smaller_reimport"]
        lines.append(t("smaller_allowed", accepted=n(smaller["accepted"]), earlier=n(smaller["earlier_accepted"]),
                       villages=len(smaller["villages_gone"])))
    return "\n".join(lines)


@click.group("data")
def data_group() -> None:
    """Import source exports (SIAK, e-PPGBM, Dapodik, marriages, facilities)."""


@data_group.command("import")
@click.argument("source", type=click.Choice(sorted(SOURCES)))
@click.argument("file", type=click.Path(path_type=Path))
@periods.period_option()
@click.option("--map", "mapping", multiple=True, metavar="COLUMN=field",
              help="Map a column of the file to a field of the source (repeatable).")
@click.option("--threshold", type=float, default=ingest.REJECT_THRESHOLD, show_default=True,
              help="Refuse the whole file when more than this share of rows is rejected.")
@click.option("--allow-smaller", is_flag=True,
              help="Accept a re-import with much fewer rows than the active import, or villages left empty "
                   "(recorded in the import log).")
@click.option("--json", "as_json", is_flag=True, help="Print the import summary as JSON.")
@click.pass_obj
def import_command(app, source: str, file: Path, period: str, mapping, threshold: float, allow_smaller: bool,
                   as_json: bool) -> None:
    """Import FILE as SOURCE for --period, replacing an earlier import of both."""
    engine = app.engine()
    settings = app.settings
    try:
        with Progress(translate(SUMMARY, "progress", app.lang, source=source, period=period), quiet=as_json) as bar:
            summary = ingest.import_file(engine, source, file, period, key=app.nik_key(), mapping=mapping,
                                         threshold=threshold, progress=bar, max_sheet_mb=settings.import_max_sheet_mb,
                                         min_share=settings.reimport_min_share, allow_smaller=allow_smaller)
    except ingest.ImportRefused as exc:
        if as_json:
            click.echo(json.dumps({"ok": False, "error": exc.kind, "message": exc.message(app.lang)},
                                  ensure_ascii=False, indent=2))
        else:
            click.echo(exc.message(app.lang), err=True)
        sys.exit(1)
    click.echo(json.dumps(summary, ensure_ascii=False, indent=2, default=str) if as_json
               else format_summary(summary, app.lang))


@data_group.command("sources")
@click.option("--markdown", is_flag=True, help="Print the field tables that end docs/sources.md.")
def sources_command(markdown: bool) -> None:
    """List the sources with their fields and the header names recognised."""
    if markdown:
        click.echo(sources.markdown(), nl=False)
        return
    for source in SOURCES.values():
        click.echo(f"{source.name}: {source.title}")
        for f in source.fields:
            flag = "" if f.required else " (optional)"
            click.echo(f"  {f.name}{flag}: {f.help}; headers: {', '.join(f.aliases)}")


@click.group("aggregate", invoke_without_command=True)
@periods.period_option(required=False, help="Period to compute: 2025, 2025-S1 or 2025-08.")
@click.option("--json", "as_json", is_flag=True, help="Print totals and data quality as JSON.")
@click.pass_context
def aggregate_group(ctx: click.Context, period: str | None, as_json: bool) -> None:
    """Compute the indicators of --period in the database (SQL GROUP BY)."""
    if ctx.invoked_subcommand is not None:
        return
    if not period:
        raise click.UsageError("--period is required")
    app = ctx.obj
    engine = app.engine()
    if not indicators.available(engine, period):
        click.echo(translate(ERRORS, "no_data_for_period", app.lang, period=period), err=True)
        sys.exit(1)
    with Progress(translate(SUMMARY, "progress_aggregate", app.lang, period=period), quiet=as_json) as progress:
        totals = indicators.compute(engine, period, progress)
    report = quality.compute(engine, period)
    if as_json:
        click.echo(json.dumps({"totals": totals, "quality": report}, ensure_ascii=False, indent=2))
        return
    for line in describe_totals(totals, app.lang) + describe_quality(report, app.lang):
        click.echo(line)


@aggregate_group.command("export")
@periods.period_option()
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_obj
def export_command(app, period: str, file: Path) -> None:
    """Write the exact indicator table of --period to FILE.csv (restricted use)."""
    count = indicators.export_csv(app.engine(), period, file)
    if count == 0:
        click.echo(translate(ERRORS, "no_data_for_period", app.lang, period=period), err=True)
        sys.exit(1)
    click.echo(translate(SUMMARY, "exported", app.lang, file=str(file), n=number(count, app.lang)))

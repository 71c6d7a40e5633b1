"""What an admin reviews before approving a draft release: which cells are hidden and
why, the attack audit, the share hidden per indicator, and how it differs from the
release the public sees now. Built from the release tables only (its published
values, public summary and restricted audit report): never an exact aggregate, so
an admin, who sees no children's counts, reviews what the public would see."""

from __future__ import annotations

from sqlalchemy import Engine

from aggregations.release import steps, store
from layers import catalogue

LEVELS = ("kabupaten", "kecamatan", "desa")


def releases(engine: Engine) -> list[dict]:
    """Every release, newest first, with its status and the person of each step."""
    history = {}
    for release in store.list_releases(engine):
        history[release["id"]] = release
    out = []
    for release_id in sorted(history, reverse=True):
        release = history[release_id]
        taken = {s["status"]: s for s in steps.history(engine, release_id)}
        decided = taken.get(steps.APPROVED) or taken.get(steps.REJECTED)
        out.append({"id": release_id, "period": release["periode"], "status": release["status"],
                    "created": release["dibuat"], "creator": release["pengguna"],
                    "decided_by": decided["pengguna"] if decided else None,
                    "reason": decided["alasan"] if decided else None,
                    "published_by": taken[steps.PUBLISHED]["pengguna"] if steps.PUBLISHED in taken else None})
    return out


def review(engine: Engine, release_id: int) -> dict | None:
    """The review of one release; None when it does not exist."""
    loaded = store.load(engine, release_id)
    if loaded is None:
        return None
    head, values, report = loaded
    names = {(v["indikator"], v["kode_wilayah"]): v for v in values}
    hidden = [{"indicator": h["indikator"], "code": h["kode_wilayah"], "reason": h["reason"],
               "name": names.get((h["indikator"], h["kode_wilayah"]), {}).get("nama_wilayah", h["kode_wilayah"]),
               "level": names.get((h["indikator"], h["kode_wilayah"]), {}).get("tingkat", "")}
              for h in report.get("hidden", [])]
    hidden.sort(key=lambda h: (h["indicator"], LEVELS.index(h["level"]) if h["level"] in LEVELS else 9, h["code"]))
    previous = _previous(engine, release_id)
    return {
        "id": release_id, "period": head["periode"], "status": head["status"], "creator": head["pengguna"],
        "created": head["dibuat"], "rules": head["aturan"], "kecamatan_only": list(head["indikator_kecamatan"]),
        "audit": {k: report.get(k) for k in ("passed", "rounds", "primary_cells", "complementary_cells",
                                             "failures")},
        "hidden": hidden, "hidden_recorded": "hidden" in report,
        "share": head["ringkasan"].get("hidden_share", []),
        "previous": previous["id"] if previous else None,
        "previous_live": bool(previous) and previous["id"] == _newest_published(engine),
        "difference": difference(values, previous["values"]) if previous else [],
        "steps": steps.history(engine, release_id),
    }


def _newest_published(engine: Engine) -> int | None:
    """The release the public sees now (the newest published one)."""
    published = [r["id"] for r in store.list_releases(engine) if r["status"] == steps.PUBLISHED]
    return max(published) if published else None


def _previous(engine: Engine, release_id: int) -> dict | None:
    """The newest published release before this one: what the public sees now."""
    earlier = [r for r in store.list_releases(engine) if r["id"] < release_id and r["status"] == steps.PUBLISHED]
    if not earlier:
        return None
    _, values, _ = store.load(engine, earlier[-1]["id"])
    return {"id": earlier[-1]["id"], "values": values}


def difference(current: list[dict], previous: list[dict]) -> list[dict]:
    """Per indicator: cells newly hidden, newly shown, shown in both with other values,
    and the kabupaten's published rate before and after."""
    before = {(v["indikator"], v["kode_wilayah"]): v for v in previous}
    out = []
    for indicator in [i.id for i in catalogue.INDICATORS]:
        mine = [v for v in current if v["indikator"] == indicator]
        if not mine and not any(k[0] == indicator for k in before):
            continue
        newly_hidden = newly_shown = changed = 0
        for v in mine:
            old = before.get((indicator, v["kode_wilayah"]))
            if old is None:
                continue
            was, now = old["status"] == store.SHOWN, v["status"] == store.SHOWN
            newly_hidden += was and not now
            newly_shown += now and not was
            changed += was and now and (old["pembilang"], old["penyebut"]) != (v["pembilang"], v["penyebut"])
        out.append({"indicator": indicator, "newly_hidden": newly_hidden, "newly_shown": newly_shown,
                    "changed": changed, "before": _regency_rate(before.values(), indicator),
                    "after": _regency_rate(mine, indicator)})
    return out


def _regency_rate(values, indicator: str) -> float | None:
    """The kabupaten's published rate from its counts (the stored ``persen`` may be rounded
    for the public files; the page shows one decimal, as every other page does)."""
    rows = [v for v in values if v["indikator"] == indicator and v["tingkat"] == "kabupaten"]
    if len(rows) != 1:
        return None
    row = rows[0]
    if row.get("pembilang") is not None and row.get("penyebut"):
        return 100 * row["pembilang"] / row["penyebut"]
    return row["persen"]

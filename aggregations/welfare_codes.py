"""The answers of the social-welfare register (``keluarga``) and what each one means for
the indicators: welfare decile, programme receipt, safe drinking water and improved
sanitation, and SIAK's disability code.

Safe drinking water follows BPS's *air minum layak* (the Susenas proxy Indonesia reports
for SDG 6.1.1): piped water, a bored well or pump, a protected well or spring, and
rainwater are improved; an unprotected well or spring, surface water and "other" are
not. Bottled and refill water count as improved: BPS counts them only when the water
for bathing and washing comes from an improved source, and the register does not ask
that question, so the share may be slightly overstated.

Improved sanitation follows BPS's *sanitasi layak* (SDG 6.2.1): a facility used by the
household alone, shared with certain households or a communal MCK; a gooseneck
(*leher angsa*) pan; and the excreta going to a septic tank, a treatment plant (IPAL) or,
as BPS allows in rural areas, a pit (*lubang tanah*). 122 of Bengkayang's 124 villages
are desa, so the pit is counted as improved everywhere. A public toilet, a household
that does not use its facility, or no facility is not improved.

Each table maps the answer as the export writes it (normalised: lower case, runs of
other characters as ``_``) to its value; an answer not listed refuses the file
(:data:`aggregations.sources.Field.strict`), naming the row and the field, never the cell.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from aggregations.parse import _key

#: Regsosek 2022 / DTSEN ``kd_sumber_air_minum`` (and the P3KE labels): answer -> improved.
WATER = {
    "1": True, "air_kemasan_bermerk": True, "air_kemasan": True, "2": True, "air_isi_ulang": True,
    "3": True, "leding": True, "ledeng": True, "ledeng_pam": True, "leding_meteran": True, "leding_eceran": True,
    "pam": True, "4": True, "sumur_bor_pompa": True, "sumur_bor": True, "5": True, "sumur_terlindung": True,
    "sumur_terlindungi": True, "6": False, "sumur_tak_terlindung": False, "sumur_tidak_terlindung": False,
    "7": True, "mata_air_terlindung": True, "mata_air_terlindungi": True, "8": False,
    "mata_air_tak_terlindung": False, "mata_air_tidak_terlindung": False, "9": False, "air_permukaan": False,
    "air_permukaan_sungai_danau_waduk_kolam_irigasi": False, "air_sungai_danau_waduk": False, "sungai": False,
    "10": True, "air_hujan": True, "11": False, "lainnya": False,
    # P3KE also asks it as a yes/no question: is the main drinking-water source improved?
    "ya": True, "layak": True, "tidak": False, "tidak_layak": False,
}
WATER_LABELS = {"1": "air kemasan bermerk", "2": "air isi ulang", "3": "leding", "4": "sumur bor/pompa",
                "5": "sumur terlindung", "6": "sumur tak terlindung", "7": "mata air terlindung",
                "8": "mata air tak terlindung", "9": "air permukaan (sungai/danau/waduk/kolam/irigasi)",
                "10": "air hujan", "11": "lainnya"}

#: ``kd_fasilitas_tempat_bab``: whose facility it is.
FACILITY = {"1": "sendiri", "ada_digunakan_hanya_art_sendiri": "sendiri", "sendiri": "sendiri",
            "2": "bersama", "ada_digunakan_bersama_art_rumah_tangga_tertentu": "bersama", "bersama": "bersama",
            "3": "komunal", "ada_di_mck_komunal": "komunal", "mck_komunal": "komunal",
            "4": "umum", "ada_di_mck_umum_siapapun_menggunakan": "umum", "mck_umum": "umum", "umum": "umum",
            "5": "tidak_dipakai", "ada_art_tidak_menggunakan": "tidak_dipakai",
            "6": "tidak_ada", "tidak_ada_fasilitas": "tidak_ada", "tidak_ada": "tidak_ada"}
FACILITY_LABELS = {"1": "ada, digunakan hanya ART sendiri", "2": "ada, digunakan bersama ART rumah tangga tertentu",
                   "3": "ada, di MCK komunal", "4": "ada, di MCK umum/siapapun menggunakan",
                   "5": "ada, ART tidak menggunakan", "6": "tidak ada fasilitas"}
FACILITY_IMPROVED = ("sendiri", "bersama", "komunal")

#: ``kd_jenis_kloset``.
CLOSET = {"1": "leher_angsa", "leher_angsa": "leher_angsa", "2": "plengsengan", "plengsengan_dengan_tutup":
          "plengsengan", "3": "plengsengan", "plengsengan_tanpa_tutup": "plengsengan", "4": "cemplung",
          "cemplung_cubluk": "cemplung", "cemplung": "cemplung", "cubluk": "cemplung"}
CLOSET_LABELS = {"1": "leher angsa", "2": "plengsengan dengan tutup", "3": "plengsengan tanpa tutup",
                 "4": "cemplung/cubluk"}

#: ``kd_pembuangan_akhir_tinja``.
DISPOSAL = {"1": "septik", "tangki_septik": "septik", "septic_tank": "septik", "2": "ipal", "ipal": "ipal",
            "spal": "ipal", "3": "badan_air", "kolam_sawah_sungai_danau_laut": "badan_air", "4": "lubang",
            "lubang_tanah": "lubang", "5": "terbuka", "pantai_tanah_lapang_kebun": "terbuka", "6": "lainnya",
            "lainnya": "lainnya"}
DISPOSAL_LABELS = {"1": "tangki septik", "2": "IPAL", "3": "kolam/sawah/sungai/danau/laut", "4": "lubang tanah",
                   "5": "pantai/tanah lapang/kebun", "6": "lainnya"}
DISPOSAL_IMPROVED = ("septik", "ipal", "lubang")

#: P3KE ``memiliki_fasilitas_buang_air_besar``: answer -> improved sanitation.
P3KE_TOILET = {"ya_dengan_septic_tank": True, "ya_dengan_tangki_septik": True, "jamban_sehat": True,
               "ya": True, "1": True, "ya_tanpa_septic_tank": False, "ya_tanpa_tangki_septik": False,
               "tidak_jamban_umum_bersama": False, "jamban_umum": False, "tidak": False, "tidak_ada": False,
               "2": False, "0": False, "lainnya": False}

#: Programme receipt (PKH, sembako/BPNT): 1 / Ya / Penerima receives; 0, 2, Tidak, Bukan does
#: not; an empty cell is "not listed as receiving".
PROGRAMME = {"1": True, "ya": True, "y": True, "penerima": True, "true": True, "ada": True,
             "0": False, "2": False, "tidak": False, "t": False, "n": False, "bukan": False, "bukan_penerima": False,
             "false": False, "tidak_ada": False}

#: SIAK ``PNYDNG_CCT``: 1 physical, 2 blind, 3 deaf or mute, 4 mental, 5 physical and mental,
#: 6 other; 0, "-" or an empty cell is no disability.
DISABILITY = {"1": 1, "cacat_fisik": 1, "fisik": 1, "disabilitas_fisik": 1, "2": 2, "cacat_netra_buta": 2,
              "netra": 2, "buta": 2, "cacat_netra": 2, "disabilitas_netra": 2, "3": 3, "cacat_rungu_wicara": 3,
              "rungu_wicara": 3, "rungu": 3, "wicara": 3, "disabilitas_rungu_wicara": 3, "4": 4,
              "cacat_mental_jiwa": 4, "mental_jiwa": 4, "mental": 4, "jiwa": 4, "disabilitas_mental": 4, "5": 5,
              "cacat_fisik_dan_mental": 5, "fisik_dan_mental": 5, "ganda": 5, "6": 6, "cacat_lainnya": 6,
              "lainnya": 6, "0": 0, "tidak_ada": 0, "tidak": 0, "bukan_penyandang_cacat": 0, "normal": 0}
DISABILITY_LABELS = {1: "cacat fisik", 2: "cacat netra/buta", 3: "cacat rungu/wicara", 4: "cacat mental/jiwa",
                     5: "cacat fisik dan mental", 6: "cacat lainnya"}

#: P3KE's ``Padan Dukcapil``: the NIK matched the civil registry.
MATCHED = {"padan": True, "ya": True, "1": True, "sudah_padan": True, "tidak_padan": False, "belum_padan": False,
           "tidak": False, "0": False, "2": False}

DESIL = re.compile(r"^(?:desil[ _]*)?(\d{1,2})$")


def desil(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The national welfare decile, written ``1`` or ``Desil 1``; outside 1-10 is unreadable."""
    found = _key(values).str.extract(DESIL, expand=False)
    number = pd.to_numeric(found, errors="coerce")
    ok = number.between(1, 10)
    return number.where(ok).astype("Int64"), ~ok & (values.str.strip() != "")


def answers(values: pd.Series, table: dict) -> tuple[pd.Series, pd.Series]:
    """Answers looked up in ``table``; an empty cell or a lone ``-`` (how many exports leave
    an answer blank) is no answer, anything else not in the table is unreadable."""
    key = _key(values)
    parsed = key.map(table)
    return parsed, parsed.isna() & (key != "")


def sanitation(facility: pd.Series | None, closet: pd.Series | None, disposal: pd.Series | None,
               toilet: pd.Series | None, index: pd.Index) -> pd.Series:
    """Improved sanitation per row (True, False, or None where the answers do not say):
    P3KE's single answer where given, else the three Regsosek answers together."""
    out = pd.Series(None, index=index, dtype=object)
    if facility is not None:
        fac = facility.to_numpy(dtype=object)
        clo = (closet if closet is not None else pd.Series(None, index=index)).to_numpy(dtype=object)
        dis = (disposal if disposal is not None else pd.Series(None, index=index)).to_numpy(dtype=object)
        known = pd.notna(fac)
        own = known & np.isin(fac, FACILITY_IMPROVED)
        bad_part = (pd.notna(clo) & (clo != "leher_angsa")) | (pd.notna(dis) & ~np.isin(dis, DISPOSAL_IMPROVED))
        complete = pd.notna(clo) & pd.notna(dis)
        value = np.select([known & ~own, own & bad_part, own & complete], [False, False, True], None)
        out[:] = value
    if toilet is not None:
        out = toilet.astype(object).where(toilet.notna(), out)
    return out.astype(object).where(out.notna(), None)


def markdown() -> list[str]:
    """The answer tables of ``docs/sources.md`` (how each answer counts)."""
    yes = lambda v: "improved" if v else "not improved"  # noqa: E731
    lines = ["### How the register's answers count", "",
             "Safe drinking water (BPS *air minum layak*, SDG 6.1.1), `kd_sumber_air_minum` / `sumber_air_minum`"
             " (code or label):", "", "| code | answer | counts as |", "|---|---|---|"]
    lines += [f"| {code} | {label} | {yes(WATER[code])} |" for code, label in WATER_LABELS.items()]
    lines += ["", "Bottled and refill water count as improved (BPS requires improved water for bathing and "
              "washing too, which the register does not ask). P3KE's yes/no form (`Ya`/`Layak`, `Tidak`) is read "
              "as improved / not improved.", "",
              "Improved sanitation (BPS *sanitasi layak*, SDG 6.2.1) needs all three Regsosek answers to be "
              "improved:", "", "| field | code | answer | improved |", "|---|---|---|---|"]
    lines += [f"| `tempat_bab` | {c} | {label} | {'yes' if FACILITY[c] in FACILITY_IMPROVED else 'no'} |"
              for c, label in FACILITY_LABELS.items()]
    lines += [f"| `jenis_kloset` | {c} | {label} | {'yes' if CLOSET[c] == 'leher_angsa' else 'no'} |"
              for c, label in CLOSET_LABELS.items()]
    lines += [f"| `pembuangan_tinja` | {c} | {label} | {'yes' if DISPOSAL[c] in DISPOSAL_IMPROVED else 'no'} |"
              for c, label in DISPOSAL_LABELS.items()]
    lines += ["", "A household without a facility, using a public one or not using its own is not improved "
              "whatever the other two answers; a pit (`lubang tanah`) counts as improved, as BPS counts it in "
              "rural areas (122 of Bengkayang's 124 villages are desa). Where the facility is the household's "
              "own but the pan or the disposal is not recorded, sanitation is unknown (not counted).", "",
              "P3KE's `memiliki_fasilitas_buang_air_besar`: `Ya, dengan septic tank` (or `Ya`, `Jamban sehat`) "
              "is improved; `Ya, tanpa septic tank`, `Tidak, jamban umum/bersama`, `Tidak` and `Lainnya` are "
              "not. A bare `Ya` may overstate: the question behind it (BKKBN's family survey) asks for a healthy "
              "latrine.", "",
              "Programme flags (`pkh`, `bpnt`): `1`, `Ya`, `Penerima` receive; `0`, `2`, `Tidak`, `Bukan` and an "
              "empty cell do not. Desil: `1`..`10`, also written `Desil 1`. Another answer in any of these "
              "fields refuses the whole file, naming the row and the field.", "",
              "SIAK's disability code (`disabilitas`): "
              + ", ".join(f"{code} {label}" for code, label in DISABILITY_LABELS.items())
              + "; `0`, `-` or empty: none.", ""]
    return lines

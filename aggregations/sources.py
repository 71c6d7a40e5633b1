"""The seven source exports: canonical fields and the header names real exports use.

Only the fields declared here are read; every other column of an export (names,
addresses, phone numbers, parents' names, NISN...) is dropped as the file is
read and never reaches memory beyond the reader. Headers are matched after
normalisation (lower case, runs of non-alphanumerics as one ``_``), so
``ZS TB/U``, ``zs_tb_u`` and ``ZS TB-U`` are the same header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from aggregations import welfare_codes


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # how the value is parsed, see aggregations.parse
    aliases: tuple[str, ...]
    required: bool = True
    help: str = ""
    #: A cell that cannot be read refuses the whole file (naming the row and the field)
    #: instead of rejecting the row: an unknown answer code means the file is not what the
    #: code tables describe, so no row of it can be trusted.
    strict: bool = False


@dataclass(frozen=True)
class Source:
    name: str
    title: str
    fields: tuple[Field, ...]
    #: The village is given by one of these groups of fields, tried in order.
    village: tuple[tuple[str, ...], ...] = ()
    #: Each group names fields of which the file must have at least one column (the family
    #: is a KK number or P3KE's family id; the register is DTSEN/P3KE with a desil, or DTKS).
    one_of: tuple[tuple[str, ...], ...] = ()

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def normalise_header(header: object) -> str:
    text = str(header).replace("\ufeff", "").strip().lower()
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


_VILLAGE_FIELDS = (
    Field("kode_desa", "village_code", ("kode_desa", "kode_wilayah", "kd_desa", "kode_kel", "kode_kelurahan"),
          required=False, help="Kemendagri village code, dotted or 10 digits"),
    Field("no_prop", "int", ("no_prop", "no_prov"), required=False, help="SIAK province number"),
    Field("no_kab", "int", ("no_kab",), required=False, help="SIAK kabupaten number"),
    Field("no_kec", "int", ("no_kec",), required=False, help="SIAK kecamatan number"),
    Field("no_kel", "int", ("no_kel", "no_desa"), required=False, help="SIAK village number"),
    Field("nama_kecamatan", "text", ("kec", "kecamatan", "nama_kecamatan", "nama_kec"), required=False,
          help="kecamatan name (with the village name, when no code is given)"),
    Field("nama_desa", "text", ("desa_kel", "desa", "kelurahan", "nama_desa", "desa_kelurahan", "nama_kel"),
          required=False, help="village name"),
)
_VILLAGE_GROUPS = (("kode_desa",), ("no_prop", "no_kab", "no_kec", "no_kel"), ("nama_kecamatan", "nama_desa"))

NIK = Field("nik", "nik", ("nik", "no_nik", "nik_anak", "nik_siswa", "nik_balita"), help="16-digit NIK")
SEX = Field("jenis_kelamin", "sex", ("jenis_klmin", "jk", "jenis_kelamin", "kelamin", "sex"), help="L or P")
BIRTH = Field("tanggal_lahir", "date", ("tgl_lhr", "tgl_lahir", "tanggal_lahir", "tgllahir"), help="date of birth")

PENDUDUK = Source("penduduk", "Disdukcapil population extract (SIAK)", (
    NIK,
    Field("no_kk", "kk", ("no_kk", "nkk", "nomor_kk", "kk"), help="16-digit family card number"),
    SEX, BIRTH,
    Field("status_kawin", "marital", ("stat_kwn", "status_kawin", "status_perkawinan", "stat_kawin"),
          help="BELUM KAWIN / KAWIN / CERAI HIDUP / CERAI MATI, or SIAK codes 1-4"),
    Field("punya_akta", "flag", ("akta_lhr", "akta_lahir", "akta_kelahiran", "punya_akta", "status_akta"),
          help="has a birth certificate: ADA/TIDAK ADA, YA/TIDAK, or SIAK codes 2 = ada, 1 = tidak ada"),
    Field("punya_kia", "flag", ("kia", "punya_kia", "status_kia", "kepemilikan_kia"),
          help="has a KIA: ADA/TIDAK ADA, SUDAH/BELUM, YA/TIDAK"),
    Field("status_penduduk", "resident", ("status_penduduk", "stat_penduduk", "status_kependudukan",
                                          "status_hidup", "ket_status", "keterangan_status"), required=False,
          help="AKTIF/HIDUP; MENINGGAL; PINDAH (KELUAR); TIDAK AKTIF: only active residents are counted"),
    Field("disabilitas", "disability", ("pnydng_cct", "penyandang_cacat", "disabilitas", "jenis_disabilitas",
                                        "jenis_cacat"), required=False,
          help="SIAK disability code 1-6 (or its label); 0, - or empty: none"),
    Field("dusun", "text", ("dusun", "nama_dusun", "dsn"), required=False, help="dusun (kept as written)"),
    Field("no_rt", "text", ("no_rt", "rt"), required=False, help="RT number (kept as written)"),
    Field("no_rw", "text", ("no_rw", "rw"), required=False, help="RW number (kept as written)"),
    *_VILLAGE_FIELDS,
), _VILLAGE_GROUPS[:2])

PENGUKURAN = Source("pengukuran", "Posyandu growth measurements (e-PPGBM export)", (
    NIK, SEX, BIRTH,
    Field("tanggal_ukur", "date", ("tanggal_pengukuran", "tgl_pengukuran", "tanggal_ukur", "tgl_ukur"),
          help="measurement date"),
    Field("tinggi_cm", "decimal", ("tinggi", "tb", "tinggi_badan", "tinggi_cm", "panjang_badan"),
          help="length or height in cm, decimal point or comma"),
    Field("cara_ukur", "position", ("cara_ukur", "posisi_ukur", "cara_pengukuran"),
          help="terlentang (lying) or berdiri (standing)"),
    Field("zs_tbu", "decimal", ("zs_tb_u", "z_tb_u", "zs_tbu"), required=False,
          help="the export's own height-for-age z-score, compared with ours"),
    *_VILLAGE_FIELDS,
), (_VILLAGE_GROUPS[0], _VILLAGE_GROUPS[2]))

def _enrolment(name: str, title: str, code_aliases: tuple[str, ...]) -> Source:
    """Dapodik and EMIS student rows have the same shape: NIK, date of birth, sex,
    institution, level, status (and, in some exports, the date of that status)."""
    return Source(name, title, (
        Field("nik", "nik", ("nik", "nik_siswa", "no_nik", "nik_peserta_didik"), help="student's NIK"),
        replace(SEX, aliases=(*SEX.aliases, "jenis_kelamin_siswa"), required=False,
                help="L or P; when given, the NIK must encode it (day + 40 for girls)"),
        replace(BIRTH, aliases=(*BIRTH.aliases, "tanggal_lahir_siswa"), required=False,
                help="date of birth; when given, the NIK must encode it"),
        Field("npsn", "text", code_aliases, help="the school's or madrasah's code"),
        Field("jenjang", "level", ("jenjang", "tingkat_pendidikan", "bentuk_pendidikan", "jenjang_pendidikan",
                                   "jenjang_lembaga", "tingkat"),
              help="SD/MI, SMP/MTs, SMA/SMK/MA, SLB, Ula/Wustha/Ulya; non-formal Paket A/B/C, PKBM, SKB"),
        Field("status", "status", ("status", "status_siswa", "status_keaktifan", "aktif", "status_aktif",
                                   "status_peserta_didik", "keterangan"),
              help="Aktif; Lulus (finished a level); Keluar, Putus sekolah, Mengundurkan diri (dropped out); "
                   "Mutasi (moved school); anything else is not active"),
        Field("tanggal_status", "date", ("tanggal_status", "tgl_status", "tanggal_keluar", "tgl_keluar",
                                         "tanggal_lulus", "tgl_lulus", "tanggal_mutasi"), required=False,
              help="date of the status (latest record first when a child has several)"),
    ))


SISWA = _enrolment("siswa", "School enrolment (Dapodik)", ("npsn", "npsn_sekolah", "kode_sekolah"))
EMIS = _enrolment("emis", "Madrasah enrolment (Kemenag EMIS)",
                  ("nsm", "npsn", "nsm_madrasah", "npsn_madrasah", "kode_lembaga", "nsm_npsn"))

PERKAWINAN = Source("perkawinan", "Marriage registrations (KUA / civil registry)", (
    Field("nik_suami", "nik", ("nik_suami", "nik_pria", "nik_calon_suami"), help="husband's NIK"),
    Field("tanggal_lahir_suami", "date", ("tgl_lahir_suami", "tanggal_lahir_suami", "tgl_lhr_suami",
                                          "tgl_lahir_pria"), help="husband's date of birth"),
    Field("nik_istri", "nik", ("nik_istri", "nik_wanita", "nik_calon_istri"), help="wife's NIK"),
    Field("tanggal_lahir_istri", "date", ("tgl_lahir_istri", "tanggal_lahir_istri", "tgl_lhr_istri",
                                          "tgl_lahir_wanita"), help="wife's date of birth"),
    Field("tanggal_nikah", "date", ("tanggal_nikah", "tgl_nikah", "tanggal_akad", "tgl_akad",
                                    "tanggal_perkawinan", "tgl_kawin"), help="marriage date"),
    *_VILLAGE_FIELDS,
), (_VILLAGE_GROUPS[0], _VILLAGE_GROUPS[2]))

FASILITAS = Source("fasilitas", "Facility registry: health facilities and schools", (
    Field("jenis", "facility", ("jenis", "jenis_fasilitas", "tipe", "bentuk_pendidikan", "jenis_faskes"),
          help="puskesmas, pustu, posyandu, klinik, rumah sakit; SD, MI, SMP, MTs, SMA, SMK, MA, SLB"),
    Field("nama", "text", ("nama", "nama_fasilitas", "nama_sekolah", "nama_faskes"), help="facility name"),
    Field("kode", "text", ("kode", "kode_fasilitas", "npsn", "kode_faskes"), help="NPSN or facility code"),
    Field("lintang", "decimal", ("lintang", "latitude", "lat"), help="latitude, WGS84 degrees"),
    Field("bujur", "decimal", ("bujur", "longitude", "lon", "lng"), help="longitude, WGS84 degrees"),
    Field("mou_3in1", "flag", ("mou_3in1", "mou_3_in_1", "kerja_sama_3in1", "pks_3in1"), required=False,
          help="health facility with an active 3-in-1 agreement (birth certificate at birth)"),
    Field("sanitasi_layak", "flag", ("sanitasi_layak", "sanitasi", "jamban_layak"), required=False,
          help="school with adequate sanitation"),
    *_VILLAGE_FIELDS,
), (_VILLAGE_GROUPS[0],))

KELUARGA = Source("keluarga", "Social-welfare register of Dinsos P3A (DTSEN, P3KE or DTKS)", (
    Field("nik", "nik", ("nomor_induk_kependudukan", "nik", "nomor_nik", "no_nik", "nik_art"), help="member's NIK"),
    Field("no_kk", "kk", ("nomor_kartu_keluarga", "nomor_kk", "no_kk", "nkk", "kk"), required=False,
          help="family card number (DTSEN, DTKS); P3KE has none: its families are found through the members' "
               "NIKs in SIAK"),
    Field("id_keluarga", "text", ("id_keluarga_p3ke", "id_keluarga"), required=False,
          help="P3KE's family id (pseudonymised like a KK number)"),
    Field("desil", "desil", ("desil_nasional", "desil_kesejahteraan", "desil"), required=False, strict=True,
          help="national welfare decile 1-10, written 1 or Desil 1 (P3KE lists desil 1-4 only)"),
    Field("iddtks", "text", ("iddtks", "id_dtks"), required=False,
          help="DTKS id: marks a DTKS export (no desil: membership marks the family); not stored"),
    Field("pkh", "programme", ("kd_pkh", "penerima_pkh", "bansos_pkh", "pkh"), required=False, strict=True,
          help="receives PKH: 1/Ya/Penerima; 0/2/Tidak/empty: does not"),
    Field("bpnt", "programme", ("kd_bss_bnpt", "kd_bss_bpnt", "kd_bpnt", "penerima_bpnt", "bansos_bpnt", "bpnt",
                                "penerima_sembako"), required=False, strict=True,
          help="receives sembako/BPNT: 1/Ya/Penerima; 0/2/Tidak/empty: does not"),
    Field("sumber_air_minum", "water", ("kd_sumber_air_minum", "sumber_air_minum"), required=False, strict=True,
          help="main drinking-water source, Regsosek code 1-11 or label (see the table below)"),
    Field("tempat_bab", "toilet_facility", ("kd_fasilitas_tempat_bab", "fasilitas_tempat_bab"), required=False,
          strict=True, help="Regsosek: whose toilet facility, code 1-6"),
    Field("jenis_kloset", "closet", ("kd_jenis_kloset", "jenis_kloset"), required=False, strict=True,
          help="Regsosek: type of pan, code 1-4"),
    Field("pembuangan_tinja", "disposal", ("kd_pembuangan_akhir_tinja", "pembuangan_akhir_tinja"), required=False,
          strict=True, help="Regsosek: where excreta go, code 1-6"),
    Field("fasilitas_bab", "p3ke_toilet", ("memiliki_fasilitas_buang_air_besar", "fasilitas_buang_air_besar"),
          required=False, strict=True, help="P3KE: has an (improved) toilet, see the table below"),
    Field("padan_dukcapil", "matched", ("padan_dukcapil", "keterangan_padan", "status_padan"), required=False,
          help="P3KE/DTKS: the NIK matched Dukcapil (counted in the report; every NIK is checked here anyway)"),
    replace(SEX, aliases=(*SEX.aliases, "kd_jenis_kelamin"), required=False,
            help="L or P; when given, the NIK must encode it; not stored"),
    replace(BIRTH, aliases=(*BIRTH.aliases, "tgl_lahir_art"), required=False,
            help="date of birth; when given, the NIK must encode it; not stored"),
), one_of=(("no_kk", "id_keluarga"), ("desil", "iddtks"), ("pkh",), ("bpnt",)))

SOURCES = {s.name: s for s in (PENDUDUK, PENGUKURAN, SISWA, EMIS, PERKAWINAN, FASILITAS, KELUARGA)}


def match_headers(source: Source, headers: list[str], mapping: dict[str, str]) -> dict[str, str]:
    """Canonical field name -> header in the file. ``mapping`` (from ``--map``) wins."""
    by_norm = {normalise_header(h): h for h in headers}
    out: dict[str, str] = dict(mapping)
    for f in source.fields:
        if f.name in out:
            continue
        header = next((by_norm[a] for a in f.aliases if a in by_norm), None)
        if header is not None and header not in out.values():
            out[f.name] = header
    return out


#: A cell made of digits and the punctuation of numbers, dates and times only: a NIK or KK
#: number, a date, a measurement, a code, a phone number. No header label looks like that.
_VALUE = re.compile(r"[+-]?[0-9.,:/-]*[0-9][0-9.,:/-]*")


def looks_like_value(cell: str) -> bool:
    """The cell reads as a value of a data row (a number, a date, a NIK), not a header label."""
    return bool(_VALUE.fullmatch(re.sub(r"\s+", "", str(cell))))


def first_row_is_data(headers: list[str]) -> bool:
    """The header row of a file is really its first data row (the export was saved without
    its header): a cell looks like a value, or no cell is a header any source knows. Its
    cells are then never named in a message, only counted."""
    known = {a for source in SOURCES.values() for f in source.fields for a in f.aliases}
    return any(looks_like_value(h) for h in headers) or not any(normalise_header(h) in known for h in headers)


def likeliest_source(headers: list[str]) -> str | None:
    """The source whose required headers this file matches best (for wrong-source errors)."""
    scores = {}
    for name, source in SOURCES.items():
        matched = match_headers(source, headers, {})
        required = [f for f in source.fields if f.required]
        scores[name] = sum(f.name in matched for f in required) / len(required)
    best = max(scores, key=scores.get)
    return best if scores[best] >= 0.6 else None


def markdown() -> str:
    """The canonical schemas as Markdown: ``docs/sources.md`` ends with this text (a test checks)."""
    lines = ["## Fields and recognised headers", "",
             "This section is generated by `peta-anak data sources --markdown`; do not edit it by hand.", "",
             "Headers are matched case-insensitively with runs of other characters as `_`",
             "(`ZS TB/U` = `zs_tb_u`). Columns not listed are dropped as the file is read;",
             "`--map COLUMN=field` names a header that is not recognised. CSV with `,`, `;`, tab",
             "or `|`, UTF-8 (BOM or not), UTF-16 with BOM or Windows-1252 (sniffed from the first 4 MB); XLSX",
             "(first sheet, read as a stream; at most `PDAR_IMPORT_MAX_SHEET_MB` of sheet XML). Dates",
             "`dd-mm-yyyy`, `dd/mm/yyyy`, `dd.mm.yyyy`, `yyyy-mm-dd`, `yyyy/mm/dd`, `yyyymmdd` or Excel dates.",
             "The first row is the header row: a file whose first row looks like data (a cell of digits, a date",
             "or a NIK, or no header any source knows) is refused as exported without its header row, naming",
             "the columns expected and how many the row has, never a cell of it. No refusal, report or log",
             "line quotes a cell of a data row: rejects name the row and the field.", ""]
    for source in SOURCES.values():
        lines += [f"### `{source.name}`: {source.title}", "", "| field | required | recognised headers | meaning |",
                  "|---|---|---|---|"]
        for f in source.fields:
            required = "yes" if f.required else "no"
            lines.append(f"| `{f.name}` | {required} | {', '.join(f'`{a}`' for a in f.aliases)} | {f.help} |")
        if source.village:
            groups = " or ".join("(" + ", ".join(f"`{n}`" for n in g) + ")" for g in source.village)
            lines += ["", f"The village is given by {groups}."]
        if source.one_of:
            groups = "; ".join(" or ".join(f"`{n}`" for n in g) for g in source.one_of)
            lines += ["", f"The file has a column for each of: {groups}."]
        lines.append("")
        if source is KELUARGA:
            lines += KELUARGA_NOTES + welfare_codes.markdown()
    return "\n".join(lines)


KELUARGA_NOTES = [
    "The three layouts Dinsos P3A exports, one row per person: **DTSEN** (CSV: `nomor_kartu_keluarga`, "
    "`nomor_induk_kependudukan`, `desil_nasional`, region, `dusun`/`rt`/`rw`, programme flags `kd_pkh`, "
    "`kd_bss_bnpt`, `kd_blt_dana_desa`, PBI-JKN and the Regsosek household answers), **P3KE** (Excel: "
    "`ID Keluarga P3KE`, `Kode Kemendagri`, `Desil Kesejahteraan`, `NIK`, `Padan Dukcapil`, `sumber_air_minum`, "
    "`memiliki_fasilitas_buang_air_besar`, `penerima_pkh`, `penerima_bpnt`, names, addresses, sex and dates of "
    "birth) and **DTKS** from SIKS-NG (pipe-delimited `iddtks|provinsi|...|nomor_kk|nomor_nik|nama|...`, no desil: "
    "being in DTKS marks the family as poor). Names, addresses, region, dusun/RT/RW, BLT Dana Desa and PBI-JKN are "
    "dropped as the file is read (no indicator uses them); NIK, KK number and P3KE's family id become keyed hashes.",
    "",
    "A child is linked to a register family through its own NIK when the register lists it (where the register's "
    "KK differs from SIAK's, the NIK wins), else through its SIAK KK: the register's KK, or the SIAK KK of any "
    "member the register lists (P3KE has no KK column). A register family whose members and KK match no resident of "
    "the period is counted in the import report (`families_unmatched`), not refused.",
    "",
]

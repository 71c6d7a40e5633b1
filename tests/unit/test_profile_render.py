"""The profile PDF's pages from plain data (``layers.printed.profile``): four indicator
blocks a page, a chart each, the area's name literally on every page."""

import pypdfium2 as pdfium

from layers import catalogue
from layers.printed.profile import ProfileSheet, SheetLine, paginate, render_profile

NAME = '<i>Desa</i> =1+2 $\\x^$'


def _row(k: int, d: int, code: str) -> dict:
    return {"kode_wilayah": code, "nama_wilayah": "Kabupaten Contoh", "pembilang": k, "penyebut": d,
            "persen": round(100 * k / d, 1)}


def _sheet(count: int) -> ProfileSheet:
    ids = [i.id for i in catalogue.INDICATORS]
    lines = [SheetLine(ids[n % len(ids)], _row(10 + n, 100, "61.07.01.2001"), None,
                       {"kabupaten": _row(500, 4000, "61.07")}, {},
                       {"own": [10.0, None, 12.0 + n, 11.0], "kabupaten": [12.0, 12.5, 12.0, 11.8]}, None)
             for n in range(count)]
    return ProfileSheet("61.07.01.2001", NAME, "desa", "Satu", "Kabupaten Contoh", "2025-S2", "2025-S1",
                        "2026-01-15", ["2024-S1", "2024-S2", "2025-S1", "2025-S2"], lines, "en", "rina")


def test_ten_indicators_take_three_pages_of_four_four_and_two_charts():
    assert [len(p) for p in paginate(10)] == [4, 4, 2] and paginate(0) == [[]]
    document = pdfium.PdfDocument(render_profile(_sheet(10)))
    texts = [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    assert [t.count("Trend of ") for t in texts] == [4, 4, 2]
    assert all(NAME in t and "CONFIDENTIAL - FOR PLANNING" in t for t in texts)
    assert "Page 3 of 3" in texts[2] and "Period Semester 2 2025" in texts[0]
    assert "Change: no value in the previous period" in texts[0]
    document.close()


def test_a_role_without_indicators_gets_one_page_saying_so():
    document = pdfium.PdfDocument(render_profile(_sheet(0)))
    assert len(document) == 1
    assert "No indicator may be shown for this role." in document[0].get_textpage().get_text_range()
    document.close()

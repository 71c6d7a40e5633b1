"""No refusal, report, log line, audit entry or API answer echoes a cell of a data row, on
SQLite and PostgreSQL: every refusal of every source, sent through the command line, the
Data page's upload and the API, with files whose cells carry a marker NIK, KK number,
names and an address (``tests/marker_files.py``); then the markers are looked for in every
text and JSON column of every table, the logs, the command line's output, the API's
answers and the Data page (the report view, the jobs and history, the reject list). The
boundary import likewise, on the command line (its only path)."""

import json
import logging
import zipfile
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, select

from aggregations.sources import SOURCES
from dashboard.app import create_app
from dashboard.shell import users
from dashboard.shell.schema import log_audit
from dashboard.staff import imports
from peta_anak.schema import all_tables
from tests import marker_files as mk
from tests.boundary_files import villages_frame, write
from tests.integration.test_api import call
from tests.integration.test_dashboard_access import PASSWORD, dash_post, logged_in
from tests.multipart import multipart

PACKAGES = ("aggregations", "dashboard", "geodata", "layers", "public_site", "peta_anak")


def file_text(path) -> str:
    """What a file holds, as text (an XLSX's parts unzipped)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as book:
            return "".join(book.read(n).decode("utf-8", "replace") for n in book.namelist())
    return path.read_bytes().decode("latin-1")


def database_text(engine) -> str:
    """Every value of every row of every table, as text."""
    out = []
    with engine.connect() as conn:
        for table in all_tables().sorted_tables:
            for row in conn.execute(select(table)):
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        out.append(bytes(value).decode("latin-1"))
                    elif isinstance(value, dict | list):
                        out.append(json.dumps(value, ensure_ascii=False))
                    elif value is not None:
                        out.append(str(value))
    return "\n".join(out)


def found(text: str) -> list[str]:
    return [m for m in mk.MARKERS if m.lower() in text.lower()]


def no_leak(text: str, where: str) -> None:
    """Fail naming the lines that carry a marker."""
    lines = [line[:300] for line in text.splitlines() if found(line)]
    assert not lines, f"a marker reached {where}:\n" + "\n".join(lines)


@pytest.fixture
def logs(caplog):
    for package in PACKAGES:
        caplog.set_level(logging.DEBUG, logger=package)
    return caplog


@pytest.fixture
def staff(run, engine, settings, tmp_path):
    """The four test villages, an admin with a token, the app, and a logged-in browser."""
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
    users.add(engine, "ani", "admin", PASSWORD)
    token = run("users", "token", "ani").output.strip().splitlines()[-1]
    app = create_app(replace(settings, api_rate_limit="10000 per minute"), engine)  # many calls in a minute
    app.server.config["TESTING"] = True
    return app, token, logged_in(app, "ani")


def _data_page(browser, job_id: int) -> str:
    """The Data page's report of one job, its job list and history, as the browser gets them."""
    said = []
    for body in (
        {"output": "data-laporan.children", "outputs": {"id": "data-laporan", "property": "children"},
         "inputs": [{"id": "data-laporan-pilih", "property": "value", "value": job_id},
                    {"id": "data-keadaan-tugas", "property": "data", "value": [[job_id, "refused"]]}],
         "changedPropIds": ["data-laporan-pilih.value"], "state": []},
        {"output": "data-riwayat.children", "outputs": {"id": "data-riwayat", "property": "children"},
         "inputs": [{"id": "data-riwayat-sumber", "property": "value", "value": None},
                    {"id": "data-riwayat-periode", "property": "value", "value": None},
                    {"id": "data-keadaan-tugas", "property": "data", "value": None}],
         "changedPropIds": ["data-riwayat-sumber.value"], "state": []},
    ):
        response = dash_post(browser, body)
        assert response.status_code == 200, response.get_data(as_text=True)
        said.append(response.get_data(as_text=True))
    rejects = browser.get(f"/unggah/{job_id}/penolakan.csv")
    assert rejects.status_code == 200
    return "\n".join([*said, rejects.get_data(as_text=True)])


def _sent(staff, source: str, path, via: str) -> tuple[str, str]:
    """Upload ``path`` as ``source`` through the Data page or the API; (refusal kind, all that is shown)."""
    app, token, browser = staff
    body = multipart({"source": source, "period": "2025"}, {"file": (path.read_bytes(), path.name)})
    if via == "web":
        response = browser.post("/unggah", headers={"X-CSRFToken": browser.get_cookie("_csrf_token").value}, **body)
    else:
        response = call(app, "post", "/api/v1/imports", token, **body)
    assert response.status_code == 202, response.get_data(as_text=True)
    job_id = response.get_json()["id"]
    imports.runner_for(app.server).wait()
    answers = [call(app, "get", f"/api/v1/imports/{job_id}", token, lang).get_data(as_text=True)
               for lang in ("id", "en")]
    kind = json.loads(answers[0])["refusal"]
    return kind, "\n".join([response.get_data(as_text=True), *answers, _data_page(browser, job_id)])


def _cli(run, source: str, path, *extra: str) -> tuple[str, str]:
    """Import ``path`` on the command line in both languages, as text and JSON; (kind, output)."""
    outputs = []
    for args in ((), ("--lang", "en"), ("--json",)):
        lang, json_flag = [a for a in args if a != "--json"], [a for a in args if a == "--json"]
        result = run(*lang, "data", "import", source, path, "--period", "2025", *extra, *json_flag)
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        outputs.append(result.output)
    return json.loads(outputs[-1])["error"], "\n".join(outputs)


@pytest.mark.parametrize("source", mk.SOURCES)
def test_no_refusal_of_a_source_echoes_a_cell_anywhere(source, staff, run, engine, tmp_path, logs):
    good = mk.good(source, tmp_path / "baik")
    good.to_csv(tmp_path / "baik.csv", index=False)
    assert run("data", "import", source, tmp_path / "baik.csv", "--period", "2025").exit_code == 0
    shown, kinds = [], {}
    for case in mk.cases_for(source):
        path, expected = case(source, tmp_path / case.__name__)
        assert found(file_text(path)), f"{case.__name__}: the file carries no marker"  # a positive control
        got = [_cli(run, source, path), _sent(staff, source, path, "web"), _sent(staff, source, path, "api")]
        shown += [text for _, text in got]
        kinds[case.__name__] = ({kind for kind, _ in got}, expected)
    wrong = mk.other_source(source)
    got = [_cli(run, wrong, tmp_path / "baik.csv"), _sent(staff, wrong, tmp_path / "baik.csv", "web")]
    shown += [text for _, text in got]
    kinds["wrong_source"] = ({kind for kind, _ in got}, "missing_columns")
    headerless, _ = mk.headerless_csv(source, tmp_path / "peta")
    field = SOURCES[source].fields[0].name
    for column in (mk.SHAPES[source].nik[0], mk.MARKER_NIK):  # --map names a header, but the first row is a child's
        kind, text = _cli(run, source, headerless, "--map", f"{column}={field}")
        shown.append(text)
        kinds[f"--map {column[:3]}"] = ({kind}, "header_is_data")
    app, token, _ = staff
    shown.append(call(app, "get", "/api/v1/imports", token).get_data(as_text=True))

    no_leak("\n".join(shown), "the command line, an API answer or a page")
    no_leak(logs.text, "the log")
    no_leak(database_text(engine), "the database")
    assert {name: k for name, (k, expected) in kinds.items() if k != {expected}} == {}
    with engine.begin() as conn:  # a positive control: the database scan reads JSON cells
        conn.execute(insert(log_audit).values(waktu=datetime.now(UTC), pengguna="x", aksi="uji",
                                              detail={"catatan": mk.MARKER_NAME}))
    assert found(database_text(engine)) == [mk.MARKER_NAME]


def test_no_boundary_refusal_echoes_a_cell(run, engine, tmp_path, logs):
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
    shown = []
    for name, (path, options) in mk.boundary_cases(tmp_path / "batas").items():
        assert found(file_text(path)), f"{name}: the file carries no marker"
        for command in (["boundaries", "import"], ["boundaries", "check"], ["--lang", "en", "boundaries", "import"],
                        ["boundaries", "import", "--json"]):
            result = run(*command, path, *options)
            assert result.exit_code == 1 and "Traceback" not in result.output, (name, result.output)
            shown.append(result.output)
    no_leak("\n".join(shown), "the command line")
    no_leak(logs.text, "the log")
    no_leak(database_text(engine), "the database")


@pytest.mark.parametrize("settings", ["sqlite"], indirect=True)
def test_an_unexpected_failure_is_logged_by_its_place_not_its_words(staff, engine, tmp_path, logs, monkeypatch):
    """A parser's or the database's error may quote a cell; the log keeps the failure's type
    and where it happened, the report says the import failed."""
    from aggregations import records

    def quoting(ctx, typed, index):
        raise ValueError(f"invalid literal for int(): {typed['nik'].iloc[0]!r}")

    monkeypatch.setitem(records.BUILDERS, "penduduk", quoting)
    path = mk.good("penduduk", tmp_path / "baik")
    path.loc[path.index[0], "NIK"] = mk.MARKER_NIK
    kind, text = _sent(staff, "penduduk", mk._csv(path, tmp_path / "gagal.csv"), "api")
    assert kind == "internal" and '"status":"failed"' in text.replace(" ", "")
    no_leak(text, "an API answer or a page")
    no_leak(logs.text, "the log")
    no_leak(database_text(engine), "the database")
    failure = [r.getMessage() for r in logs.records if "failed" in r.getMessage()]
    assert failure and "ValueError" in failure[0] and "in quoting" in failure[0]  # a positive control

"""Progress of long commands: a bar on a terminal, plain lines in a log, nothing with --json."""

import io

from peta_anak.core.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_off_a_terminal_a_plain_line_per_tenth_of_the_work():
    log = io.StringIO()
    with Progress("impor penduduk 2025-S2", stream=log) as progress:
        for _ in range(40):
            progress(1, 40)
    lines = log.getvalue().splitlines()
    assert lines[0] == "impor penduduk 2025-S2: 1/40 (0 %)"  # the step has begun
    assert lines[1] == "impor penduduk 2025-S2: 4/40 (10 %)"
    assert lines[-1] == "impor penduduk 2025-S2: 40/40 (100 %)"
    assert len(lines) == 11 and "\r" not in log.getvalue()


def test_an_estimate_that_grows_never_goes_past_its_total():
    log = io.StringIO()
    progress = Progress("baca", stream=log)
    progress(50, 10)  # more rows than estimated
    assert log.getvalue().splitlines() == ["baca: 50/50 (100 %)"]


def test_on_a_terminal_a_bar_that_ends_its_line():
    screen = Terminal()
    with Progress("hitung indikator 2025", stream=screen) as progress:
        for _ in range(3):
            progress(1, 3)
    shown = screen.getvalue()
    assert "hitung indikator 2025" in shown and "100%" in shown and shown.endswith("\n")


def test_quiet_writes_nothing():
    for stream in (io.StringIO(), Terminal()):
        with Progress("impor", quiet=True, stream=stream) as progress:
            progress(5, 10)
        assert stream.getvalue() == ""

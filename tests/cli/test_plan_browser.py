"""The HTML plan in a real browser: headless Chromium renders it, the screenshot is not blank, it prints.

Needs Debian's `chromium` (installed by `.ci/run`); skipped where there is none.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.plan import FALL, RIVERSIDE_FALL, RIVERSIDE_SPRING, SPRING, at_root, decode_png, plan  # noqa: F401

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.usefixtures("at_root"),
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)"),
]
WIDTH, HEIGHT = 1200, 2000


def _chromium(tmp_path: Path, page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # the browser's own background calls stay offline too
        f"--user-data-dir={tmp_path / 'profile'}",
        *extra,
        page.resolve().as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _html(tmp_path: Path, *args: str | Path) -> Path:
    if not Path(args[0]).is_file():
        pytest.skip(f"{args[0]} is not there yet")
    out = tmp_path / "plan.html"
    result = plan(*args, "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize(
    "args",
    [(SPRING, "--since", FALL), (RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL)],
    ids=["fixture", "examples"],
)
def test_the_plan_renders_and_the_screenshot_is_not_blank(tmp_path: Path, args: tuple[Path, ...]) -> None:
    page = _html(tmp_path, *args)
    png = tmp_path / "plan.png"
    result = _chromium(tmp_path, page, f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}")
    assert result.returncode == 0, result.stderr[-2000:]
    assert png.is_file(), result.stderr[-2000:]
    width, height, channels, rows = decode_png(png.read_bytes())
    assert (width, height) == (WIDTH, HEIGHT)
    colours = {row[x : x + 3] for row in rows[::4] for x in range(0, width * channels, channels * 4)}
    assert len(colours) > 40, f"only {len(colours)} colours: the page looks blank"
    white = bytes((255, 255, 255))
    inked = sum(
        row[x : x + 3] != white for row in rows[::8] for x in range(0, width * channels, channels * 8)
    )
    assert inked > 0.05 * (height // 8) * (width // 8), "almost nothing was drawn"


def test_the_plan_prints_to_a_multi_page_pdf(tmp_path: Path) -> None:
    page = _html(tmp_path, SPRING, "--since", FALL)
    pdf = tmp_path / "plan.pdf"
    result = _chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert result.returncode == 0, result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert pages >= 8, f"{pages} pages: each domain starts a new page in print"

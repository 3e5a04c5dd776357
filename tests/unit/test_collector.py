"""The garbage collector's policy: paused while a command starts, on for long work, spared at exit."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core import collector
from coalition_cli.core.files.batch import map_files
from tests.support import paths
from tests.support.processes import LAUNCH, environment

RIVERSIDE = paths.ROOT / "examples" / "riverside"


@pytest.fixture
def paused() -> Iterator[None]:
    """The collector as the launcher leaves it; as pytest had it again afterwards."""
    collector.pause()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_running_collector_is_left_as_it_is() -> None:
    frozen = gc.get_freeze_count()
    collector.resume()
    with collector.collecting():
        assert gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_resuming_sets_what_is_loaded_aside_and_collects_again(paused: None) -> None:
    assert not gc.isenabled()
    collector.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_a_batch_collects_and_the_launchers_process_goes_on_collecting(paused: None) -> None:
    """What follows a batch (a report over thousands of files) makes garbage too."""
    with collector.collecting():
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    assert gc.isenabled()


def test_a_batch_gives_a_collecting_process_its_objects_back() -> None:
    frozen = gc.get_freeze_count()
    with collector.collecting():
        assert gc.get_freeze_count() > frozen
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_many_files_are_checked_with_collections_on(paused: None) -> None:
    seen = map_files(lambda item: (item, gc.isenabled()), list(range(6)), jobs=1)
    assert [enabled for _, enabled in seen] == [False, True, True, True, True, True]
    assert gc.isenabled()


def test_an_assess_session_collects_its_garbage(paused: None, tmp_path: Path) -> None:
    """An hour-long session in the room must not hold every cycle it made until it ends."""
    result = CliRunner().invoke(
        app,
        ["assess", str(tmp_path / "new.yaml"), "--plain", "--coalition", "Riverside", "--date", "2026-03-14"],
        input="q\n",
    )
    assert result.exit_code == 0, result.output
    assert gc.isenabled()


def test_the_room_collects_its_garbage(paused: None, tmp_path: Path) -> None:
    """The room's server runs for the whole meeting: collections are on before it starts."""
    path = tmp_path / "team.yaml"
    path.write_text(
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-02-30\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["room", str(path), "--port", "0"])
    assert result.exit_code == 1  # not served: the date is wrong
    assert gc.isenabled()


def test_the_launcher_pauses_the_collector_and_spares_it_the_exit() -> None:
    """What the process looks like as it leaves: collections off, everything loaded set aside."""
    report = (
        "import atexit, gc, sys; "
        "atexit.register(lambda: sys.stderr.write(f'collector {gc.isenabled()} {gc.get_freeze_count()}')); "
    )
    done = subprocess.run(
        [sys.executable, "-c", report + LAUNCH, "score", "2026-03-spring.yaml"],
        cwd=RIVERSIDE,
        capture_output=True,
        text=True,
        env=environment(),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Overall score: 1.68 Emerging" in done.stdout
    enabled, frozen = done.stderr.split()[-2:]
    assert enabled == "False"
    assert int(frozen) > 10_000  # about 60,000 for a score

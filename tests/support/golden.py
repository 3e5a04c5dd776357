"""Golden files: a whole output compared byte for byte with the file under tests/golden/.

`pytest --update-golden` rewrites the golden files of the tests that run (and only those: name the
tests to narrow it), instead of comparing. Nothing else in the project is written by it; the
fast-check index that ships in framework_data/ has its own script (see the README's Architecture).
"""

from __future__ import annotations

from tests.support.paths import GOLDEN

UPDATE_OPTION = "--update-golden"

_update = False


def set_update(value: bool) -> None:
    """Called once by conftest.py with the value of --update-golden."""
    global _update
    _update = value


def assert_golden(name: str, text: str) -> None:
    """`text` must equal tests/golden/NAME (e.g. "plan/riverside-spring-brief.md")."""
    path = GOLDEN / name
    if _update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.is_file(), f"no golden file {path}: run these tests once with pytest {UPDATE_OPTION}"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, (
        f"output differs from {path}; if the change is intended, rerun with {UPDATE_OPTION}"
    )

"""The pre-commit hook, run by the real pre-commit (from PyPI, in the test extras) on a team's
repository: assessments are checked, foreign YAML (a Helm chart, a workflow) never blocks a commit;
and the README's snippet pins a `rev:` that exists."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.files import VALID_HEADER, full_ratings
from tests.support.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _snippet() -> str:
    section = README.split("### pre-commit", 1)[1]
    return re.findall(r"```yaml\n(.*?)```", section, flags=re.S)[0]


def test_the_readme_pins_the_release_tag_of_this_version() -> None:
    from ruamel.yaml import YAML

    (repo,) = YAML(typ="safe").load(_snippet())["repos"]
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M)
    assert version is not None
    assert repo["rev"] == f"v{version.group(1)}"
    assert [hook["id"] for hook in repo["hooks"]] == ["coalition-validate"]
    tags = subprocess.run(
        ["git", "-C", str(ROOT), "tag", "--list", repo["rev"]], capture_output=True, text=True
    )
    if repo["rev"] not in tags.stdout.split():
        pytest.skip(
            f"this clone has no tags (the tag {repo['rev']} lives in the repository it was cloned from)"
        )
    hooks = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{repo['rev']}:.pre-commit-hooks.yaml"],
        capture_output=True,
        text=True,
    )
    assert "id: coalition-validate" in hooks.stdout


@pytest.mark.parametrize(
    ("path", "checked"),
    [
        ("assessments/spring.yaml", True),
        ("coalition.yaml", True),
        (".coalition.yaml", True),  # the repository's settings: a mistake would block every later commit
        ("team/.coalition.yml", True),
        (".prettierrc.yaml", False),
        (".github/workflows/ci.yaml", False),
        ("charts/web/values.yaml", False),
        ("docker-compose.yml", False),
    ],
)
def test_the_hook_checks_assessments_profiles_and_settings_only(path: str, checked: bool) -> None:
    from ruamel.yaml import YAML

    (hook,) = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    passed = re.search(hook["files"], path) is not None and re.search(hook["exclude"], path) is None
    assert passed is checked


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
def test_pre_commit_try_repo_checks_assessments_and_passes_foreign_yaml(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
        "pre-commit"
    )
    if pre_commit is None or shutil.which("git") is None:
        pytest.skip("pre-commit (pip install '.[test]') and git are needed")
    project = tmp_path / "team"
    (project / "assessments").mkdir(parents=True)
    (project / "charts" / "web").mkdir(parents=True)
    (project / "assessments" / "spring.yaml").write_text(VALID_HEADER + full_ratings())
    (project / "charts" / "web" / "values.yaml").write_text("framework: nextjs\nreplicaCount: 2\n")
    (project / "values.yaml").write_text("framework: nextjs\nimage: {tag: latest}\n")
    (project / "deploy.yaml").write_text(
        "framework: nextjs\nport: 8080\n"
    )  # not excluded by name: the content check
    _git("init", "-q", cwd=project)
    _git("add", ".", cwd=project)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_ACTIONS")}
    env |= {"PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "try-repo", str(ROOT), "coalition-validate", "--all-files", "--verbose"],
            cwd=project, capture_output=True, text=True, env=env, timeout=900,
        )  # fmt: skip

    passed = try_repo()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "coalition validate" in passed.stdout and "Passed" in passed.stdout
    assert "1 file checked, 1 valid, 1 skipped (not assessments)" in passed.stdout

    (project / "assessments" / "fall.yaml").write_text(VALID_HEADER + "ratings:\n  C1.1:\n    stage: 9\n")
    _git("add", ".", cwd=project)
    failed = try_repo()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "assessments/fall.yaml:6:12: error C1.1 stage: stage 9 is out of range" in failed.stdout

    # a profile that is not valid YAML, and then broken settings, are stopped too (review s15 #1, #2)
    (project / "assessments" / "fall.yaml").unlink()
    (project / "assessments" / "coalition.yaml").write_text("name: Riverside\ncommittees: [Data\n")
    _git("add", "-A", ".", cwd=project)
    broken = try_repo()
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "assessments/coalition.yaml:3:1: error not valid YAML" in broken.stdout
    (project / "assessments" / "coalition.yaml").unlink()
    (project / ".coalition.yaml").write_text("strict: tru\n")
    _git("add", "-A", ".", cwd=project)
    settings = try_repo()
    assert settings.returncode == 1, settings.stdout + settings.stderr  # pre-commit's: the hook failed
    assert "exit code: 2" in settings.stdout  # the hook's: the settings, not a file
    assert ".coalition.yaml:1:9: error strict: must be true or false" in settings.stdout

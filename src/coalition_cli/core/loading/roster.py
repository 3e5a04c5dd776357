"""Reading a roster from files: an assessment with its coalition profile, or a coalition.yaml on its own."""

from __future__ import annotations

from pathlib import Path

from coalition_cli.core.errors import InvalidFileError, UsageError
from coalition_cli.core.loading.assessments import load_assessment
from coalition_cli.core.loading.frameworks import load_guide
from coalition_cli.core.loading.profiles import check_profile_file, looks_like_profile
from coalition_cli.core.reports.roster.build import build_roster, roster_report
from coalition_cli.core.reports.roster.report import RosterReport
from coalition_cli.core.wording import fix_them, plural
from coalition_cli.core.yaml import source as yamlsource


def load_roster(path: Path) -> RosterReport:
    """The roster of an assessment file (with its profile) or of a coalition.yaml on its own.

    Raises ReadError (unreadable, a folder), UsageError (an assessment without a profile), FrameworkError, or
    InvalidFileError with the located problems of the file and of the profile it references.
    """
    guide = load_guide()
    text = _profile_text(path)
    if text is not None:
        checked = check_profile_file(path, guide, text=text)
        if checked.value is None or checked.has_errors:
            count = sum(problem.is_error for problem in checked.problems)
            raise InvalidFileError(
                f"{path} has {plural(count, 'problem')}",
                problems=list(checked.problems),
                hint=f"{fix_them(count)}, then run `coalition roster {path}` again",
            )
        return build_roster(checked.value, guide, profile_file=str(path))
    loaded = load_assessment(path)
    report = roster_report(loaded, guide)
    if report is None:
        raise UsageError(
            f"{path} has no coalition profile, so there is no roster to show",
            hint=f"add `profile: coalition.yaml` to {path.name} and write coalition.yaml beside it: the "
            "members, meetings and structure, shared by every term (the README's section “The coalition "
            "itself” shows one to copy), or write the profile out under `profile:`",
        )
    return report


def _profile_text(path: Path) -> str | None:
    """The text of a coalition.yaml, or None for anything else (loading it as an assessment says what)."""
    try:
        text = yamlsource.read_text(path)
        return text if looks_like_profile(yamlsource.parse_fast(text)) else None
    except (OSError, yamlsource.TextProblem):
        return None

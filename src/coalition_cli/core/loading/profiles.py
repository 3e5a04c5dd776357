"""Reading a coalition profile: a coalition.yaml on its own, or the one an assessment's `profile:` names.

The profile's own rules are checks (core/checks/profile.py); here is what needs the file system: where
a `profile:` path points, whether that file can be read, and whether it describes this coalition.
The file itself is checked by whoever follows the path (the models, or validate's fast path), so
Pydantic is imported only by `check_profile_file`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from coalition_cli.core import codes
from coalition_cli.core.codes import DEFAULT_POLICY, Policy
from coalition_cli.core.files.discovery import meant_file
from coalition_cli.core.files.references import ReferenceRefused, resolve_reference
from coalition_cli.core.loading.outcome import FileOutcome, Record
from coalition_cli.core.problems import Finding, Located
from coalition_cli.core.wording import quoted

if TYPE_CHECKING:
    from coalition_cli.core.model.guide import Guide
    from coalition_cli.core.model.profile import CoalitionProfile


class Named(Protocol):
    """What following a profile reads of the profile it finds: the coalition's name, if written."""

    @property
    def name(self) -> str | None: ...


P = TypeVar("P", bound=Named)

ProfileCheck = Callable[[Path, str, Policy], FileOutcome[P] | None]
"""How the file a `profile:` path names is checked: its path, its label and the policy to the
outcome (None when the checker cannot tell, and the models must check the assessment)."""

CODES = (
    codes.PROFILE_NOT_FOUND,
    codes.PROFILE_UNREADABLE,
    codes.PROFILE_OTHER_COALITION,
    codes.OUTSIDE_REPOSITORY,
)
"""What the profile stage of an assessment may report about its `profile:` entry."""


def profile_path(reference: str, relative_to: Path) -> Path:
    """Where a `profile:` path points: relative to the assessment file that names it, inside its
    repository (core/files/references.py). Raises ReferenceRefused."""
    return resolve_reference(reference, relative_to)


def profile_label(path: Path) -> str:
    """How problems in a profile name it: `prof/co.yaml`, not `prof/sub/../co.yaml`, so that a CI
    annotation attaches to the file (the path itself is read as written, symbolic links and all)."""
    import os

    return os.path.normpath(path)


def looks_like_profile(data: Any) -> bool:
    """A coalition.yaml rather than an assessment: `members:` and none of an assessment's own keys."""
    return (
        isinstance(data, dict)
        and "members" in data
        and not {"framework", "ratings", "assessed_on"} & set(data)
    )


def check_profile_file(
    path: Path,
    guide: Guide,
    *,
    label: str | None = None,
    text: str | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> FileOutcome[CoalitionProfile]:
    """Check a coalition.yaml on its own (its `text` when already read)."""
    from coalition_cli.core.checks.base import Kind
    from coalition_cli.core.loading.documents import check_document
    from coalition_cli.core.model.profile import CoalitionProfile

    return check_document(
        path, CoalitionProfile, Kind.PROFILE, label=label, text=text, guide=guide, policy=policy
    )


class ProfileReference(Record, Generic[P]):
    """The profile stage of an assessment: what its `profile:` path led to.

    `findings` concern the entry itself (located in the assessment); `located` are the problems of
    the referenced file, under that file's name. `profile` is the referenced file's profile when usable.
    """

    __slots__ = ("findings", "located", "profile")

    def __init__(
        self, findings: tuple[Finding, ...] = (), located: Located = Located(), profile: P | None = None
    ) -> None:
        self.findings = findings
        self.located = located
        self.profile = profile


def follow_profile(
    data: dict[str, Any], relative_to: Path, check: ProfileCheck[P], policy: Policy = DEFAULT_POLICY
) -> ProfileReference[P] | None:
    """Read and check the coalition.yaml an assessment's `profile:` names, with `check` (a profile
    written out in the assessment is checked with it, by the profile checks). None when `check`
    cannot tell."""
    entry = data.get("profile")
    if not isinstance(entry, str) or not entry.strip():
        return ProfileReference()
    try:
        path = profile_path(entry, relative_to)
    except ReferenceRefused as refused:
        code = codes.OUTSIDE_REPOSITORY if refused.outside else codes.PROFILE_NOT_FOUND
        message = f"the coalition profile path {quoted(entry)} is not followed: {refused.reason}"
        return ProfileReference((Finding(("profile",), code, message),))
    if not os.path.isfile(path):  # noqa: PTH113 (Path.is_file raises on a name too long, before Python 3.14)
        what = "is a folder" if os.path.isdir(path) else "was not found"  # noqa: PTH112 (likewise)
        meant = meant_file(Path(path)) if what == "was not found" else None
        message = (
            f"the coalition profile {quoted(entry)} {what} (looked at {path}{'; ' + meant if meant else ''}); "
            "give the path of a coalition.yaml relative to this file, or write the profile out here"
        )
        return ProfileReference((Finding(("profile",), codes.PROFILE_NOT_FOUND, message),))
    checked = check(path, profile_label(path), policy)
    if checked is None:
        return None
    if checked.unreadable is not None:
        message = f"cannot read the coalition profile {quoted(entry)}: {checked.unreadable}"
        return ProfileReference((Finding(("profile",), codes.PROFILE_UNREADABLE, message),))
    profile = checked.value if not checked.has_errors else None
    coalition = data.get("coalition")
    if profile is not None and profile.name and isinstance(coalition, str) and profile.name != coalition:
        message = f"{entry} describes {profile.name!r}, but this assessment is for {coalition!r}"
        other = Finding(("profile",), codes.PROFILE_OTHER_COALITION, message)
        return ProfileReference((other,), checked.located, profile)
    return ProfileReference((), checked.located, profile)

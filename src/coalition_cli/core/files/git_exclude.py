"""Keeping a file that must never be committed out of git, in the clone where it is made.

A room session's secrets (its links and the key that signs phones) are written beside the
assessment, and the assessment lives in git: a `git add -A` would commit them, and anyone who can
read the repository could then open the presenter page. The repository's own `.git/info/exclude`
(local to this clone, never committed, read by git as a `.gitignore` is) gets the file's pattern,
once; the team's `.gitignore` and tracked files are never touched.
"""

from __future__ import annotations

from pathlib import Path

MARK = "# coalition room: each session's links and the key that signs phones (never commit them)"


def exclude_file(folder: Path) -> Path | None:
    """The `info/exclude` of the git repository holding `folder`, also from a linked worktree
    (whose `.git` is a file naming its git folder); None outside a repository."""
    for candidate in (folder, *folder.parents):
        dot_git = candidate / ".git"
        if dot_git.is_dir():
            return dot_git / "info" / "exclude"
        if dot_git.is_file():
            return _linked(dot_git)
    return None


def _linked(dot_git: Path) -> Path | None:
    text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
    if not text.startswith("gitdir:"):
        return None
    git_dir = (dot_git.parent / text.removeprefix("gitdir:").strip()).resolve()
    common = git_dir / "commondir"  # a worktree's exclude is the main repository's
    if common.is_file():
        git_dir = (git_dir / common.read_text(encoding="utf-8").strip()).resolve()
    return git_dir / "info" / "exclude"


def keep_out_of_git(path: Path, pattern: str) -> Path | None:
    """Add `pattern` (a file name pattern, such as `*.room-secrets.json`) to the exclude file of the
    repository holding `path`, unless it is there already; the exclude file when it was added now,
    None otherwise (outside git, already there, or the file cannot be written: then nothing is
    changed, and git may see the file as any other)."""
    exclude = exclude_file(path.resolve().parent)
    if exclude is None:
        return None
    try:
        before = exclude.read_text(encoding="utf-8") if exclude.exists() else ""
        if pattern in before.splitlines():
            return None
        exclude.parent.mkdir(exist_ok=True)
        gap = "" if not before or before.endswith("\n") else "\n"
        with exclude.open("a", encoding="utf-8") as appended:
            appended.write(f"{gap}{MARK}\n{pattern}\n")
    except (OSError, UnicodeError):
        return None
    return exclude

"""Every problem code the tool reports, in one registry: its default severity, family and meaning.

A check never writes a code as a string or chooses a severity: it makes a `Finding` with one of the
`Code`s below, and the severity is decided when the finding is located, by the run's `Policy`:
`--strict` (every warning an error), a severity per code and `--select`/`--ignore` (from the
command line or the repository's settings, core/settings.py). None of that needs a change to any check.

The README's table of codes is tested against this registry, both ways (tests/unit/test_codes.py).
Adding a code: one line here, and the check that raises it (see core/checks/registry.py).

No imports beyond the standard library: validate's fast path reads this module too.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Family(str, Enum):
    """Where in reading a file a code arises, in the order a file is read (the README's table follows it)."""

    FILE = "file"
    """The file as a whole: reading its bytes as text, and how many of its problems are listed."""
    YAML = "yaml"
    """The text as YAML: syntax, duplicate keys, merge markers, aliases, nesting."""
    STRUCTURE = "structure"
    """The document against its model: keys, types, values, dates."""
    FRAMEWORK = "framework"
    """The rubric: the one an assessment names, and a rubric file's own consistency."""
    RUBRIC = "rubric"
    """An assessment's ratings against its rubric: indicator ids, stages, targets, what is not rated."""
    COALITION = "coalition"
    """Who is at the table: stakeholder groups and partner kinds from the Guide, the coalition profile."""
    SUPPRESSION = "suppression"
    """The team's own `# coalition: ignore[code]` comments."""


class Code(NamedTuple):
    """A stable problem code, as users see it in `[code]`, JSON and GitHub annotations.

    A NamedTuple rather than a frozen dataclass, here and in `Policy`: validate's fast path imports
    this module, and creating a NamedTuple class costs a fifth of what a frozen dataclass does.
    """

    name: str
    family: Family
    summary: str
    """One line: what the code means, for the README's table."""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return self.name

    @property
    def adjustable(self) -> bool:
        """Whether a team may turn it off or give it another severity (settings, `--ignore`, `--select`,
        `# coalition: ignore[code]`).

        Only warnings are: an error means the file cannot be used by score, plan and the rest, so
        hiding one would be a silent pass. Any code can be made an error (`--strict`, settings).
        The count of problems not listed is not a problem of its own, so it stays too.
        """
        return self.severity is Severity.WARNING and self.name != "too-many-problems"


CODES: dict[str, Code] = {}
"""Every code by name, in the order of the README's table."""


def _code(
    name: str,
    family: Family,
    summary: str,
    severity: Severity = Severity.ERROR,
) -> Code:
    code = Code(name, family, summary, severity)
    if name in CODES:
        raise ValueError(f"problem code {name!r} registered twice")
    CODES[name] = code
    return code


# --- the file ------------------------------------------------------------------------------------------
UNREADABLE = _code("unreadable", Family.FILE, "the file cannot be read: missing, a folder, or no permission")
TOO_LARGE = _code("too-large", Family.FILE, "the file is over 2 MB; an assessment is a few kilobytes")
BINARY_FILE = _code("binary-file", Family.FILE, "the file holds binary data, not text")
ENCODING = _code(
    "encoding", Family.FILE, "the file is not UTF-8 text (saved as UTF-16, or in a Windows code page)"
)
TOO_MANY_PROBLEMS = _code(
    "too-many-problems",
    Family.FILE,
    "over 100 problems in one file: the rest are counted, not listed (an error if any of them is one)",
    Severity.WARNING,
)

# --- YAML ----------------------------------------------------------------------------------------------
MERGE_CONFLICT = _code(
    "merge-conflict",
    Family.YAML,
    "a git merge conflict left in the file (reported once), or a stray marker line",
)
SYNTAX = _code(
    "syntax",
    Family.YAML,
    "not valid YAML: indentation, a tab, an unclosed quote or bracket, a second document",
)
DUPLICATE_KEY = _code("duplicate-key", Family.YAML, "the same key twice in one mapping")
ALIAS = _code(
    "alias",
    Family.YAML,
    "a YAML alias repeats a mapping or a list, or repeats text past 2 MB in all (a short value is fine)",
)
TOO_DEEP = _code("too-deep", Family.YAML, "the document nests more than 64 levels deep")
TOO_MANY_VALUES = _code(
    "too-many-values", Family.YAML, "the document holds more than 250,000 keys, values and list items"
)
TEXT_CUT_BY_COMMENT = _code(
    "text-cut-by-comment",
    Family.YAML,
    "unquoted text cut at ' #' (`owner: Local #42`): YAML reads the rest of the line as a comment; quote the text",
    Severity.WARNING,
)

# --- structure -----------------------------------------------------------------------------------------
EMPTY_FILE = _code("empty-file", Family.STRUCTURE, "the file holds no YAML document")
NOT_A_MAPPING = _code(
    "not-a-mapping", Family.STRUCTURE, "the document is a list or a single value, not 'key: value' lines"
)
UNKNOWN_KEY = _code("unknown-key", Family.STRUCTURE, "a key the format does not have (with a did-you-mean)")
MISSING_KEY = _code("missing-key", Family.STRUCTURE, "a required key is missing")
WRONG_TYPE = _code(
    "wrong-type", Family.STRUCTURE, "a value of the wrong kind: text, number, list, mapping, true/false"
)
EMPTY_VALUE = _code("empty-value", Family.STRUCTURE, "a value that must not be empty is empty")
WRONG_VALUE = _code("wrong-value", Family.STRUCTURE, "a value that is not one of the allowed choices")
INVALID_DATE = _code(
    "invalid-date", Family.STRUCTURE, "not a real date written year-month-day, like 2026-03-14"
)
TYPOGRAPHIC_QUOTES = _code(
    "typographic-quotes",
    Family.STRUCTURE,
    "a name in typographic quotes (“…”, from Word or Outlook), which are kept as part of it",
    Severity.WARNING,
)

# --- the framework -------------------------------------------------------------------------------------
UNKNOWN_FRAMEWORK = _code(
    "unknown-framework", Family.FRAMEWORK, "the framework an assessment names cannot be found"
)
INVALID_FRAMEWORK = _code(
    "invalid-framework", Family.FRAMEWORK, "the framework an assessment names has problems of its own"
)
OUTSIDE_REPOSITORY = _code(
    "outside-repository",
    Family.FRAMEWORK,
    "a `framework:` or `profile:` path leads outside the file's repository (see --allow-outside)",
)
STAGE_NUMBERING = _code(
    "stage-numbering", Family.FRAMEWORK, "a rubric's stages are not numbered 1, 2, 3, … in order"
)
TOO_FEW_STAGES = _code(
    "too-few-stages",
    Family.FRAMEWORK,
    "a rubric has one stage: no progress can be shown on it (it needs two or more)",
)
MISSING_DESCRIPTOR = _code(
    "missing-descriptor", Family.FRAMEWORK, "a rubric's indicator has no descriptor for a stage"
)
INVALID_ID = _code(
    "invalid-id",
    Family.FRAMEWORK,
    "a rubric's id is not ASCII letters, digits, '.', '-' and '_' (look-alikes and invisible characters)",
)
DUPLICATE_ID = _code(
    "duplicate-id", Family.FRAMEWORK, "a rubric uses an id or stage name twice, or links an indicator twice"
)

# --- ratings against the rubric ------------------------------------------------------------------------
UNKNOWN_INDICATOR = _code("unknown-indicator", Family.RUBRIC, "an indicator id the rubric does not have")
STAGE_OUT_OF_RANGE = _code("stage-out-of-range", Family.RUBRIC, "a stage number the rubric does not have")
UNKNOWN_STAGE = _code("unknown-stage", Family.RUBRIC, "a stage name the rubric does not have")
TARGET_NOT_ABOVE_STAGE = _code(
    "target-not-above-stage",
    Family.RUBRIC,
    "a target stage that is not above the current stage",
    Severity.WARNING,
)
NOT_RATED = _code("not-rated", Family.RUBRIC, "an indicator not rated yet", Severity.WARNING)
LINKED_INDICATORS_DIFFER = _code(
    "linked-indicators-differ",
    Family.RUBRIC,
    "indicators the rubric links (one practice seen twice, like C1.3 and C6.1) rated at different stages",
    Severity.WARNING,
)

# --- the coalition -------------------------------------------------------------------------------------
UNKNOWN_STAKEHOLDER_GROUP = _code(
    "unknown-stakeholder-group", Family.COALITION, "a stakeholder group that is not one of the Guide's ten"
)
UNKNOWN_PARTNER_KIND = _code(
    "unknown-partner-kind", Family.COALITION, "a partner kind the Guide's Step 5 does not have"
)
PARTNER_KIND_MISMATCH = _code(
    "partner-kind-mismatch", Family.COALITION, "a partner kind of another stakeholder group", Severity.WARNING
)
DUPLICATE_MEMBER = _code("duplicate-member", Family.COALITION, "a profile lists an organization twice")
DUPLICATE_COMMITTEE = _code("duplicate-committee", Family.COALITION, "a profile lists a committee twice")
UNKNOWN_COMMITTEE = _code(
    "unknown-committee", Family.COALITION, "a member sits on a committee the profile does not list"
)
NO_MEMBERS = _code("no-members", Family.COALITION, "a profile lists no members")
PROFILE_NOT_FOUND = _code(
    "profile-not-found", Family.COALITION, "the profile file an assessment names is not there"
)
PROFILE_UNREADABLE = _code(
    "profile-unreadable", Family.COALITION, "the profile file an assessment names cannot be read"
)
PROFILE_OTHER_COALITION = _code(
    "profile-other-coalition",
    Family.COALITION,
    "the profile names another coalition than the assessment",
    Severity.WARNING,
)


# --- suppression comments ------------------------------------------------------------------------------
UNUSED_SUPPRESSION = _code(
    "unused-suppression",
    Family.SUPPRESSION,
    "a `# coalition: ignore[code]` comment that suppresses nothing on its line (or names a code that cannot be)",
    Severity.WARNING,
)


class Level(str, Enum):
    """What a team may set a code to (settings' `severity`): a severity, or off."""

    ERROR = "error"
    WARNING = "warning"
    IGNORE = "ignore"


class Setting(NamedTuple):
    """The level a run gives one code, and what gave it, as a message names it: the settings file
    (`pyproject.toml`, `.coalition.yaml`) or the option (`--ignore`)."""

    code: str
    level: Level
    by: str = ""


class Policy(NamedTuple):
    """How findings become problems, for one run: whether each code is reported, and at what severity.

    Made from the command line and the repository's settings (`cli/validation/files.py`), which
    refuse to turn off or relax a code that is not `adjustable`; here that rule holds again, so a
    policy made any other way cannot hide an error either.
    """

    strict: bool = False
    """`--strict`: every warning is an error (as in yamllint)."""
    levels: tuple[Setting, ...] = ()
    """A level per code name (settings' `severity` and `ignore`, `--ignore`); the last one given wins."""
    select: frozenset[str] | None = None
    """`--select`: only these adjustable codes are reported (None: all). Errors always are."""
    selected_by: str = ""
    """What gave `select`, as a message names it: the settings file, or `--select`."""

    def severity(self, code: Code) -> Severity:
        level = self._level(code)
        if self.strict or level is Level.ERROR:
            return Severity.ERROR
        return Severity.WARNING if level is Level.WARNING and code.adjustable else code.severity

    def reports(self, code: Code) -> bool:
        """False when the run turns the code off (only an adjustable code can be)."""
        if not code.adjustable:
            return True
        if self.select is not None and code.name not in self.select:
            return False
        return self._level(code) is not Level.IGNORE

    def turned_off(self, code: Code) -> str | None:
        """Why the run does not report the code, naming what turned it off (`not-rated is ignored
        by pyproject.toml`); None when it is reported."""
        if self.reports(code):
            return None
        if self.select is not None and code.name not in self.select:
            return f"{code} is not among the codes selected {_by(self.selected_by)}"
        setting = self._setting(code)
        return f"{code} is ignored {_by(setting.by if setting is not None else '')}"

    def _level(self, code: Code) -> Level | None:
        setting = self._setting(code)
        return setting.level if setting is not None else None

    def _setting(self, code: Code) -> Setting | None:
        found = None
        for setting in self.levels:
            if setting.code == code.name:
                found = setting
        return found


def _by(origin: str) -> str:
    return f"by {origin}" if origin else "in this run"


DEFAULT_POLICY = Policy()

ERRORS_ONLY = Policy(select=frozenset())
"""Only the errors: for commands that use the valid files and list the others (`summary`, `actions`),
which never show warnings; a file with warnings alone then needs none of them placed."""

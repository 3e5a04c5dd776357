"""What a coalition's own plan templates (`plan --templates DIR`) may cost and read.

Jinja's sandbox stops a template from running code or reaching Python's internals, but not from
spending: nested `range()` loops, `(10**10000)**10000`, `lipsum(10**9)`, `indent(width=10**9)` or a
string doubled in a loop hang the machine or take gigabytes. So a user's template

- renders in a **child process with resource limits** (`render_limited`): at most CPU_SECONDS of CPU
  time (then SIGXCPU, and SIGKILL a second later) and MEMORY_BYTES of memory beyond what the
  process already holds (RLIMIT_AS, on Linux), WALL_SECONDS in all; its text comes back through a
  pipe, at most MAX_OUTPUT characters. Where there is no fork or no resource limits (Windows), it
  renders in the process, with the caps below only;
- meets **caps** in the sandbox itself (`BudgetSandbox`), so that the usual ways to grow a string
  fail at once with a message: widths (`indent`, `center`, `ljust`, format specs like `{:>9999999}`
  or `%9999999d`) up to MAX_WIDTH, `*` and `+` building at most MAX_TEXT characters or items,
  `join` and `replace` too, exponents up to MAX_EXPONENT and results up to MAX_BITS bits,
  `lipsum` up to 20 paragraphs; lists, dicts and sets cannot be changed (`append`, `update`…);
- reads **only ordinary files inside DIR**, symlinks resolved (`ConfinedLoader`): a symlink to
  /etc/passwd in the folder is a template not found, not a file embedded in a plan.

The bundled templates are ours and render in the process, without a child.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
import re
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from coalition_cli.core.errors import CoalitionError, UsageError
from coalition_cli.core.files.regular import read_regular
from coalition_cli.core.markdown import MarkdownText
from coalition_cli.core.wording import plural

if TYPE_CHECKING:
    from jinja2.runtime import Context

CPU_SECONDS = 5
"""CPU time a user's template may use (the bundled plan takes about 0.1 s)."""
WALL_SECONDS = 60
"""Time in all, for a child that is stopped but not spending CPU."""
MEMORY_BYTES = 512 * 1024 * 1024
"""Memory a user's template may take beyond what the process holds already."""
MAX_OUTPUT = 10_000_000
"""Characters a plan may have (the bundled plan of the example coalition has about 60,000)."""
MAX_TEXT = 100_000
"""The longest string or list one expression may build."""
MAX_WIDTH = 1_000
"""The widest field a filter or a format may pad to."""
MAX_EXPONENT = 10_000
"""The largest exponent a template may use with `**`."""
MAX_BITS = 100_000
"""The largest number `**` may make (about 30,000 digits)."""
MAX_TEMPLATE_BYTES = 1_000_000
"""The largest template file read."""

_WIDE_FORMAT = re.compile(r"\{[^{}]*:[^{}]*?\d{4,}|%[-+ #0]*(\d{4,}|\*)|%[-+ #0]*\d*\.(\d{4,}|\*)")
"""A `str.format` field or a `%` conversion padded (or made precise) to 1,000 or more characters."""


class BudgetExceeded(Exception):
    """A user's template went past one of its limits (raised in the child, or by the sandbox)."""


class BudgetSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with what grows strings and numbers capped (see the module's docstring)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}
        self.filters.update(
            indent=_capped_filter(self.filters["indent"], "width"),
            center=_capped_filter(self.filters["center"], "width"),
            join=_capped_join(self.filters["join"]),
            replace=_capped_replace(self.filters["replace"]),
            format=_capped_format(self.filters["format"]),
        )
        lipsum: Callable[..., Any] = self.globals["lipsum"]  # type: ignore[assignment]

        def short_lipsum(n: int = 5, *args: Any, **kwargs: Any) -> Any:
            return lipsum(_at_most(n, 20, "lipsum paragraphs"), *args, **kwargs)

        self.globals["lipsum"] = short_lipsum

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and _number(right):
            if abs(right) > MAX_EXPONENT:
                raise SecurityError(f"an exponent above {MAX_EXPONENT:,} is too large for a template")
            if (
                isinstance(left, int)
                and not isinstance(left, bool)
                and left.bit_length() * abs(right) > MAX_BITS
            ):
                raise SecurityError(f"a number of more than {MAX_BITS:,} bits is too large for a template")
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                sized = isinstance(sequence, (str, list, tuple)) and isinstance(count, int)
                if sized and len(sequence) * count > MAX_TEXT:
                    raise SecurityError(f"a template may not build a sequence longer than {MAX_TEXT:,}")
        sequences = isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple))
        if operator == "+" and sequences and len(left) + len(right) > MAX_TEXT:
            raise SecurityError(f"a template may not build a sequence longer than {MAX_TEXT:,}")
        if operator == "%" and isinstance(left, str) and _WIDE_FORMAT.search(left):
            raise SecurityError(f"a format may not pad a field to {MAX_WIDTH:,} characters or more")
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """`obj.attribute` in a template, as Jinja's sandbox answers it, sooner for plain data.

        A plan reads a few thousand attributes, and Jinja checks each (is the name private, the
        object a function or a frame, the method one that changes a list, the value `str.format`),
        which is most of a plan's rendering time. Its verdict on a name depends only on the name and
        the object's type, so it is asked once per type and name (`_verdicts`); and a value that is plain
        data (text, a number, a tuple, a record of the plan's context) is no `str.format` to wrap. So
        such a value is returned at once, exactly as Jinja would return it; anything else (a method,
        a name Jinja refuses, a missing attribute) goes through Jinja's own path."""
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            missing = _missing_field(obj, attribute)
            if missing is not None:  # said in the template author's words, when it is used
                return self.undefined(hint=missing, obj=obj, name=attribute)
            return super().getattr(obj, attribute)
        kind = type(value)
        if kind in _PLAIN_TYPES or _plain_data(kind):  # (the set first: most values are text)
            asked = (type(obj), attribute)
            verdict = self._verdicts.get(asked)
            if verdict is None:
                verdict = self._verdicts[asked] = self.is_safe_attribute(obj, attribute, None)
            if verdict:
                return value
        return super().getattr(obj, attribute)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """`"{:>9}".format(…)` and `format_map`: Jinja wraps them when they are looked up."""
        owner = getattr(value, "__self__", None)
        if isinstance(owner, str) and _WIDE_FORMAT.search(owner):
            raise SecurityError(f"a format may not pad a field to {MAX_WIDTH:,} characters or more")
        return super().wrap_str_format(value)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        method = getattr(__obj, "__wrapped__", __obj)
        owner = getattr(method, "__self__", None)
        name = getattr(method, "__name__", "")
        if isinstance(owner, str) and name in ("ljust", "rjust", "center", "zfill", "expandtabs"):
            for width in (*args, *kwargs.values()):
                if isinstance(width, int) and width > MAX_WIDTH:
                    raise SecurityError(f"a template may not pad text to more than {MAX_WIDTH:,} characters")
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(owner, str) and isinstance(result, str) and len(result) > MAX_TEXT:
            raise SecurityError(f"a template may not build a string longer than {MAX_TEXT:,}")
        return result


_PLAIN_TYPES = frozenset({str, int, float, bool, type(None), tuple, Markup, MarkdownText})


def _plain_data(kind: type) -> bool:
    """Values of this type are data a template reads, never a method Jinja would wrap or refuse:
    text, numbers, tuples and the records of the plan's context and the roster's (dataclasses)."""
    return kind in _PLAIN_TYPES or issubclass(kind, tuple) or dataclasses.is_dataclass(kind)


def _missing_field(obj: object, attribute: str) -> str | None:
    """Why a record (or an empty value) has no `attribute`, for a template's author: Jinja says
    "'coalition_cli.core.plan.context.Priority object' has no attribute 'abbreviations'"."""
    if obj is None:
        return (
            f"this value is empty here (None), so it has no {attribute!r}: test it first, "
            "{% if … %} (`standing.since` is empty without --since)"
        )
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return None
    from coalition_cli.core.suggest import closest

    fields = [field.name for field in dataclasses.fields(obj)]
    meant = closest(attribute, fields)
    suggestion = f" (did you mean {meant!r}?)" if meant else ""
    return f"a {type(obj).__name__} has no field {attribute!r}{suggestion}; its fields: {', '.join(fields)}"


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _at_most(value: Any, limit: int, what: str) -> Any:
    if isinstance(value, int) and value > limit:
        raise SecurityError(f"a template may ask for at most {limit:,} {what}")
    return value


def _capped_filter(original: Callable[..., Any], keyword: str) -> Callable[..., Any]:
    """A filter whose first argument (or `keyword`) is a width, refused past MAX_WIDTH."""

    def capped(value: Any, *args: Any, **kwargs: Any) -> Any:
        width = kwargs.get(keyword, args[0] if args else 0)
        _at_most(width, MAX_WIDTH, "characters of padding")
        return original(value, *args, **kwargs)

    return capped


def _capped_join(original: Callable[..., Any]) -> Callable[..., Any]:
    def capped(context: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
        items = list(value)
        separator = kwargs.get("d", args[0] if args else "")
        if len(str(separator)) * max(len(items) - 1, 0) > MAX_TEXT:
            raise SecurityError(f"a template may not build a string longer than {MAX_TEXT:,}")
        result = original(context, items, *args, **kwargs)
        if len(result) > MAX_TEXT:
            raise SecurityError(f"a template may not build a string longer than {MAX_TEXT:,}")
        return result

    capped.jinja_pass_arg = original.jinja_pass_arg  # type: ignore[attr-defined]
    return capped


def _capped_replace(original: Callable[..., Any]) -> Callable[..., Any]:
    def capped(context: Any, value: Any, old: Any, new: Any, count: Any = None) -> Any:
        grows = len(str(new)) - len(str(old))
        if grows > 0 and str(old) and len(str(value)) + grows * str(value).count(str(old)) > MAX_TEXT:
            raise SecurityError(f"a template may not build a string longer than {MAX_TEXT:,}")
        if grows > 0 and not str(old) and len(str(value)) * (1 + len(str(new))) > MAX_TEXT:
            raise SecurityError(f"a template may not build a string longer than {MAX_TEXT:,}")
        return original(context, value, old, new, count)

    capped.jinja_pass_arg = original.jinja_pass_arg  # type: ignore[attr-defined]
    return capped


def _capped_format(original: Callable[..., Any]) -> Callable[..., Any]:
    def capped(value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, str) and _WIDE_FORMAT.search(value):
            raise SecurityError(f"a format may not pad a field to {MAX_WIDTH:,} characters or more")
        return original(value, *args, **kwargs)

    return capped


class ConfinedLoader(jinja2.BaseLoader):
    """Templates from one folder: ordinary files inside it, symlinks resolved, at most
    MAX_TEMPLATE_BYTES each; anything else is a template not found."""

    def __init__(self, folder: Path) -> None:
        self.folder = os.path.realpath(folder)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        from jinja2.loaders import split_template_path

        filename = posixpath.join(self.folder, *split_template_path(template))
        real = Path(os.path.realpath(filename))
        if not str(real).startswith(self.folder + os.sep) or not real.is_file():
            raise jinja2.TemplateNotFound(template)
        try:
            data = read_regular(real, MAX_TEMPLATE_BYTES + 1)
        except OSError:
            raise jinja2.TemplateNotFound(template) from None
        if len(data) > MAX_TEMPLATE_BYTES:
            raise SecurityError(f"{template} is larger than {MAX_TEMPLATE_BYTES:,} bytes")
        mtime = real.stat().st_mtime
        try:  # a byte-order mark (Notepad's) is not text: it would put the page in quirks mode
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            from coalition_cli.core.plan.template_folder import shown

            raise UsageError(
                f"{shown(str(real))}: not UTF-8 text (byte {data[error.start]:#04x} at position {error.start}); "
                "save it as UTF-8"
            ) from None
        return text, os.path.normpath(filename), lambda: real.stat().st_mtime == mtime


# ----------------------------------------------------------------------------------------------
# The child process
# ----------------------------------------------------------------------------------------------


def can_limit() -> bool:
    """True where a template can render in a child process with resource limits."""
    return sys.platform != "win32" and hasattr(os, "fork")


def render_limited(render: Callable[[], str]) -> str:
    """`render()` in a forked child under the limits of this module; its CoalitionErrors come back as
    UsageErrors with the same message and hint. Raises UsageError when a limit is reached."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(render, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(WALL_SECONDS):
            child.kill()
            raise UsageError(f"the template ran for more than {WALL_SECONDS} seconds and was stopped")
        try:
            kind, message, hint = receiver.recv()
        except EOFError:
            kind, message, hint = "died", "", None
    finally:
        receiver.close()
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()
    if kind == "text":
        return str(message)
    if kind == "error":
        raise UsageError(message, hint=hint)
    raise UsageError(_death(child.exitcode), hint=limits())


def limits() -> str:
    """The hint that says what a template may spend."""
    return (
        f"a plan template may use {CPU_SECONDS} s of CPU time and {MEMORY_BYTES // 2**20} MB of memory, "
        f"and write {MAX_OUTPUT:,} characters; look for a loop over a large range, or text built in a loop"
    )


def _death(exitcode: int | None) -> str:
    if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return f"the template used more than {plural(CPU_SECONDS, 'second')} of CPU time and was stopped"
    if exitcode is not None and exitcode < 0:
        return f"the template's process stopped on signal {signal.Signals(-exitcode).name}"
    return "the template's process stopped without a result (out of memory?)"


def _child(render: Callable[[], str], sender: Any) -> None:
    """In the child: set the limits, render, send back ("text", text, None) or ("error", message, hint)."""
    try:
        _limit()
        text = render()
        if len(text) > MAX_OUTPUT:
            raise UsageError(f"the template wrote more than {MAX_OUTPUT:,} characters", hint=limits())
        sender.send(("text", text, None))
    except CoalitionError as error:
        sender.send(("error", error.message, error.hint))
    except BaseException as error:
        sender.send(("error", f"the template failed: {type(error).__name__}: {error}", limits()))
    finally:
        sender.close()
        os._exit(0)


def _limit() -> None:
    import resource

    def out_of_time(_signum: int, _frame: object) -> None:
        raise BudgetExceeded(f"the template used more than {plural(CPU_SECONDS, 'second')} of CPU time")

    signal.signal(signal.SIGXCPU, out_of_time)
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 1))
    held = _address_space()
    if held is not None and hasattr(resource, "RLIMIT_AS"):
        resource.setrlimit(resource.RLIMIT_AS, (held + MEMORY_BYTES, held + MEMORY_BYTES))


def _address_space() -> int | None:
    """The process's virtual memory now, in bytes (Linux); None where it cannot be read."""
    try:
        pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")

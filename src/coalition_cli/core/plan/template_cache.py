"""Compiled plan templates kept between runs: a plan compiles its templates once, not every time.

Compiling the bundled templates takes 50–60 ms of every `coalition plan`; rendering them 5–10 ms.
Jinja can keep what it compiled (a bytecode cache), and this is ours: each template's code is kept
under a key made of its name, its file and everything that changes how it compiles (the output
format's escaping and finalizing, the sandbox's intercepted operators, the whitespace options,
filters and tests and what they are passed, Jinja's and Python's versions), and Jinja uses it only while a digest of the
template's text matches. So an edited template, bundled or in a `--templates` folder, is compiled
again, and an entry made by another environment is never picked up.

The entries live in the user's private cache folder, and are read and written under its rules
(`core/files/cache.py`: only a file of the user's own that no one else may write is read). The cache
is a convenience only: an entry that cannot be read is compiled again; one that cannot be written (a
read-only or full disk) is skipped.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Mapping
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from coalition_cli.core.files import digest
from coalition_cli.core.files.cache import private_folder, read_private, write_private

FOLDER = "templates"
"""The cache's folder inside the tool's own."""


class TemplateCache(BytecodeCache):
    """Jinja bytecode for one way of compiling, one file per template, in `folder`."""

    def __init__(self, folder: Path, compiling: str) -> None:
        self.folder = folder
        self.compiling = compiling

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        key = f"{self.compiling}\0{name}\0{filename or ''}"
        return digest.new(key.encode("utf-8", "surrogateescape")).hexdigest()

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"

    def load_bytecode(self, bucket: Bucket) -> None:
        content = read_private(self._path(bucket))
        if content is None:  # missing, or not a file of ours alone: compile the template
            return
        try:
            bucket.load_bytecode(io.BytesIO(content))
        except Exception:  # cut short or damaged: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        stream = io.BytesIO()
        bucket.write_bytecode(stream)
        write_private(self._path(bucket), stream.getvalue())  # or not: the next run compiles again


def attach(environment: jinja2.Environment) -> None:
    """Give `environment` the cache of its way of compiling, if the user's cache folder can be used."""
    folder = private_folder(FOLDER)
    if folder is not None:
        environment.bytecode_cache = TemplateCache(folder, compiling(environment))


def compiling(environment: jinja2.Environment) -> str:
    """What makes two environments compile the same text to different code, as text."""
    env = environment
    finalize = getattr(env.finalize, "__qualname__", repr(env.finalize))
    return repr(
        (
            f"{type(env).__module__}.{type(env).__qualname__}",
            jinja2.__version__,
            sys.implementation.cache_tag,
            sys.version_info[:3],
            (env.block_start_string, env.block_end_string, env.variable_start_string),
            (env.variable_end_string, env.comment_start_string, env.comment_end_string),
            (env.line_statement_prefix, env.line_comment_prefix, env.newline_sequence),
            (env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.optimized, env.is_async),
            env.autoescape if isinstance(env.autoescape, bool) else repr(env.autoescape),
            finalize,
            sorted(getattr(env, "intercepted_binops", ())),
            sorted(getattr(env, "intercepted_unops", ())),
            sorted(env.extensions),
            _passing(env.filters),
            _passing(env.tests),
        )
    )


def _passing(functions: Mapping[str, object]) -> list[tuple[str, str]]:
    """Each filter's or test's name and what it is passed (`@pass_context`…): calls compile to match."""
    return sorted(
        (name, repr(getattr(function, "jinja_pass_arg", None))) for name, function in functions.items()
    )

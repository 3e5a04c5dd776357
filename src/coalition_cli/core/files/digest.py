"""The digest that names what the tool keeps between runs: checked rubrics, compiled templates.

Importing `hashlib` loads OpenSSL, about 3 ms of a command that needs a digest only to name a cache
entry. CPython's own BLAKE2 (`_blake2`, which hashlib offers as `blake2b`) is there without it; an
interpreter that lacks it gets hashlib's. A 256-bit BLAKE2b is as hard to collide as SHA-256.
"""

from __future__ import annotations

from typing import Protocol

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - not CPython: hashlib has it
    from hashlib import blake2b


class Digest(Protocol):
    """What a hash object of hashlib's offers, as far as the tool uses it."""

    def update(self, data: bytes, /) -> None: ...

    def digest(self) -> bytes: ...

    def hexdigest(self) -> str: ...


def new(data: bytes = b"") -> Digest:
    """A 256-bit BLAKE2b, fed `data`; `update` it with more, read it with `hexdigest`."""
    made: Digest = blake2b(data, digest_size=32)
    return made

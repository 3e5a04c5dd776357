"""The base of every model of a file the tool reads: an unknown key is an error, and nothing changes once read."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """`extra="forbid"` so a typo in a key is reported (with a did-you-mean), never silently ignored;
    `frozen` because a file, once read and checked, is only ever read; `defer_build` because a
    command reads only some of the models it imports: each is built the first time it checks a
    file, as a whole (its nested models inside it), not one by one at import.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

"""A document's structure: a mapping at the top, then the model's own checks (keys, types, values, dates).

Pydantic's validation errors are retold here as findings a facilitator understands, with stable codes.
Pydantic itself is imported only once a model has refused a document: validate's fast path asks
`document_finding` too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coalition_cli.core import codes
from coalition_cli.core.problems import LOCATED_AT_MOST, DocumentOrder, Finding
from coalition_cli.core.suggest import did_you_mean
from coalition_cli.core.wording import printable, quoted, value_shown
from coalition_cli.core.yaml.source import shared_or_too_deep

if TYPE_CHECKING:
    from pydantic import ValidationError

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "tuple_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping (lines of 'key: value')",
    "model_type": "a mapping (lines of 'key: value')",
    "dataclass_type": "a mapping (lines of 'key: value')",
    "model_attributes_type": "a mapping (lines of 'key: value')",
}


_RAISED_BY_MODELS = {code.name: code for code in (codes.INVALID_DATE, codes.WRONG_TYPE, codes.WRONG_VALUE)}
"""The codes the models' own validators raise (as the `PydanticCustomError`'s type), worded there."""

CODES = (
    codes.EMPTY_FILE,
    codes.NOT_A_MAPPING,
    codes.ALIAS,
    codes.TOO_DEEP,
    codes.UNKNOWN_KEY,
    codes.MISSING_KEY,
    codes.EMPTY_VALUE,
    codes.WRONG_VALUE,
    *_RAISED_BY_MODELS.values(),
)
"""What this stage may report (it is the pipeline's "model" stage, not a registered check)."""


def document_finding(data: Any) -> Finding | None:
    """Why a parsed document cannot be checked key by key, if it cannot: nothing in it, not a mapping,
    a mapping or list repeated through aliases, or nesting too deep."""
    if data is None:
        return Finding((), codes.EMPTY_FILE, "the file is empty: it needs at least the required keys")
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return Finding(
            (), codes.NOT_A_MAPPING, f"the file holds {kind}; it must be a mapping of 'key: value' lines"
        )
    return shared_or_too_deep(data)


def findings_from(error: ValidationError, model: type, data: Any = None) -> list[Finding]:
    """Each of the model's complaints as a finding, in words for the person who wrote the file.

    Only the findings that can be shown (those first in the document, see `documents.locate`) are
    worded with a did-you-mean; the others, which are only counted, are worded plainly.
    """
    details = error.errors(include_url=False)
    paths = [tuple(detail["loc"]) for detail in details]
    parents = {path[:end] for path in paths for end in range(len(path))}
    # A list whose every item failed is "too short after validation" too: that is no news, and
    # saying "must not be empty" of a list that has items would send people looking for the wrong thing.
    kept = [
        (detail, path)
        for detail, path in zip(details, paths, strict=True)
        if not (detail["type"] == "too_short" and path in parents)
    ]
    if len(kept) > LOCATED_AT_MOST:
        order = DocumentOrder(data)
        kept.sort(key=lambda pair: order(pair[1]))
    return [
        _finding(detail, path, model, data, suggest=number < LOCATED_AT_MOST)
        for number, (detail, path) in enumerate(kept)
    ]


_KEY = "[key]"
"""Pydantic's tag at the end of a path when a mapping's key, not its value, is wrong."""


def place_of(path: tuple[str | int, ...], data: Any) -> str:
    """Where a path points, in words a facilitator can follow: `C6.2, action 1, due`, `C1.1 stage`,
    `member 8 (Cal State Riverside)`; list items counted from 1 and named when they have a name or an
    organization. The path is walked through the document as the locator walks it
    (core/yaml/source.py), so a number is an item's place only in a list (a mapping's key `1` is a
    key), and what is not in the document, Pydantic's tags (`[key]`, a union member's type), is left out.
    An indicator's id stands for `ratings`, and a key of its own follows it as `C1.1 stage`, as the
    rubric's checks word their messages. Names and keys are the file's own text: control characters
    are shown escaped, as in every format's message."""
    parts: list[tuple[str, str]] = []  # each part of the place, with what joins it to the one before
    node, key, indicator = data, None, False
    for element in path:
        if isinstance(node, dict):
            found: object = element if element in node else str(element)
            if found not in node:
                continue  # a tag
            name = _clip(_key_text(found))
            if parts == [(", ", "ratings")] and key == "ratings":
                parts, indicator = [(", ", name)], True  # the indicator's id says it is one of the ratings
            else:
                parts.append((" " if indicator and len(parts) == 1 else ", ", name))
            key, node = found, node[found]
        elif isinstance(node, list) and isinstance(element, int) and 0 <= element < len(node):
            item = node[element]
            if parts and key is not None:
                parts[-1] = (", ", _item_words(key, element, item))  # `actions` and 1: `action 1`
            else:
                parts.append((", ", _item_words(None, element, item)))
            key, node = None, item
        elif node is None and element != _KEY:  # past the document: as the path says
            parts.append((", ", f"item {element + 1}" if isinstance(element, int) else _clip(str(element))))
            key = None
        # else a tag after a value of another kind
    if not parts:
        return "the file"
    return printable(parts[0][1] + "".join(joint + part for joint, part in parts[1:]))


def _item_words(key: object, index: int, item: Any) -> str:
    """A list's item as a person counts it: `action 1`, `member 8 (Cal State Riverside)`, `exclude,
    item 2` for a key that is not a plural."""
    key_text = _clip(_key_text(key)) if key is not None else ""
    if len(key_text) > 3 and key_text.endswith("s") and not key_text.endswith("ss"):
        words = f"{key_text[:-1]} {index + 1}"
    else:
        words = f"{key_text}, item {index + 1}" if key_text else f"item {index + 1}"
    if isinstance(item, dict):
        name = next(
            (value for field in ("name", "organization") if isinstance(value := item.get(field), str)),
            "",
        )
        name = " ".join(name.split())
        if name:
            words += f" ({_clip(name)})"
    return words


def _clip(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _said(where: str, complaint: str) -> str:
    """A complaint about a place: `C6.2, action 1, due: must be …`; of the whole file, `the file must be …`."""
    return f"{where} {complaint}" if where == "the file" else f"{where}: {complaint}"


def _key_text(key: object) -> str:
    """A key as YAML writes it: `true`, not Python's `True`."""
    return str(key).lower() if isinstance(key, bool) else str(key)


def _finding(
    detail: Any, path: tuple[str | int, ...], model: type, data: Any, *, suggest: bool = True
) -> Finding:
    kind = detail["type"]
    where = place_of(path, data)
    if path[-1:] == (_KEY,):
        message = f"the key {_key_text(detail['input'])} must be {_EXPECTED.get(kind, 'text')}"
        if path[:-2]:
            message = _said(place_of(path[:-2], data), message)
        return Finding(path, codes.WRONG_TYPE, message, at="key")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):  # a model's key, a dataclass's
        key = str(path[-1])
        if not suggest:
            return Finding(path, codes.UNKNOWN_KEY, f"unknown key {quoted(key)}", at="key")
        allowed = _fields_at(model, path[:-1])
        hint = did_you_mean(key, allowed) if allowed else ""
        listing = f"; allowed keys here: {', '.join(allowed)}" if allowed and not hint else ""
        return Finding(path, codes.UNKNOWN_KEY, f"unknown key {quoted(key)}{hint}{listing}", at="key")
    if kind == "missing":
        message = f"missing required key {path[-1]!r}"
        if path[:-1]:
            message = _said(place_of(path[:-1], data), message)
        return Finding(path[:-1], codes.MISSING_KEY, message, at="key")
    custom = _RAISED_BY_MODELS.get(kind)
    if custom is not None:
        return Finding(path, custom, _said(where, detail["msg"]))
    if kind in ("string_too_short", "too_short"):
        return Finding(path, codes.EMPTY_VALUE, _said(where, "must not be empty"))
    if kind in ("literal_error", "enum"):
        got = value_shown(detail["input"])
        return Finding(
            path, codes.WRONG_VALUE, _said(where, f"must be one of {detail['ctx']['expected']} (got {got})")
        )
    expected = _EXPECTED.get(kind)
    if kind.startswith("bool") and isinstance(detail["input"], str):
        text = detail["input"]
        if text.strip().lower() in _OLD_BOOLEANS:  # YAML 1.1's booleans: people write them unquoted
            how = f" (got {text.strip()}, which YAML 1.2 reads as text, not as true or false)"
        else:
            how = f", without quotes (got the text {text!r})"
        return Finding(path, codes.WRONG_TYPE, _said(where, f"must be true or false{how}"))
    if expected is not None:
        got = detail["input"]
        quote = f'; put it in quotes: "{got}"' if kind == "string_type" and _scalar(got) else ""
        return Finding(
            path, codes.WRONG_TYPE, _said(where, f"must be {expected} (got {value_shown(got)}){quote}")
        )
    return Finding(path, codes.WRONG_TYPE, _said(where, detail["msg"]))


def _scalar(value: object) -> bool:
    """A number or a date where text was meant (`term: 2027`, `evidence: 2026-03-14`): YAML read it
    as one because it was not quoted; written as YAML wrote it back, in quotes, it is the text."""
    import datetime as dt

    return isinstance(value, int | float | dt.date) and not isinstance(value, bool)


_OLD_BOOLEANS = frozenset({"yes", "no", "on", "off", "y", "n"})
"""What YAML 1.1 read as true or false; YAML 1.2, which the files are read as, reads them as text."""


def _fields_at(model: type, path: tuple[str | int, ...]) -> list[str]:
    """The keys the model allows at a path, for listing alternatives to an unknown key."""
    from typing import get_type_hints

    from coalition_cli.core.model.base import field_names, is_model

    current: Any = model
    for element in path:
        if isinstance(element, int):
            continue
        if not is_model(current):
            current = _inner_model(current)
            if current is None:
                return []
        annotation = get_type_hints(current).get(str(element))
        if annotation is None:
            # a dict keyed by ids (ratings): stay on the value type
            continue
        current = _inner_model(annotation)
        if current is None:
            return []
    return field_names(current) if is_model(current) else []


def _inner_model(annotation: Any) -> Any:
    """The model inside `X | None`, `tuple[X, ...]` or `dict[str, X | None]`."""
    from coalition_cli.core.model.base import (
        is_model,  # not at import: validate's fast path imports this module
    )

    if is_model(annotation):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _inner_model(argument)
        if found is not None:
            return found
    return None

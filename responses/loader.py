"""Load the built-in guidance, then validate and merge organisation overrides.

Override directory (``GUIDANCE_DIR``), every file optional:

``org.toml``
    ``name``, ``policy_label``, ``policy_url``, ``contact_name``, ``contact_email``,
    ``contact_url``, ``contact_note``: the organisation's policy and its compliance or
    ethics contact, shown under every answer.
``<category>.toml`` or ``general.toml``
    ``policy_label`` / ``policy_url``: a policy link for this topic only.
    ``[replace]``: any field of the entry (except ``category``), replacing ours.
    ``[extend]``: text fields gain an extra paragraph, list fields (``steps``, ``nuance``,
    ``aliases``, ``references``, ``get_help``, ``principles``) gain extra items.

Every problem is reported with the file and the field (``replace.nudge``,
``extend.steps[2]``, ...); the merged entry is validated again, so an override cannot
produce a nudge over 200 characters or an entry without references.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from classifiers.models import CATEGORIES
from responses.content import GENERAL, GeneralGuidance, GuidanceEntry, GuidanceLibrary, OrgInfo
from responses.errors import GuidanceFileError, OverrideError, Problem

#: The directory holding the built-in guidance files.
BUILTIN_DIR = Path(__file__).with_name("guidance")

_TOPICS: tuple[str, ...] = (*CATEGORIES, GENERAL)
_OVERRIDE_KEYS = ("policy_label", "policy_url", "replace", "extend")
#: Text fields that ``[extend]`` may append a paragraph to (short fields can only be replaced).
EXTENDABLE_TEXT = frozenset(
    {"why", "script", "consult", "document", "acceptable", "what_boundaries_are"}
)


def _model_for(topic: str) -> type[BaseModel]:
    return GeneralGuidance if topic == GENERAL else GuidanceEntry


def _loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def _problems_from(file: str, exc: ValidationError, prefix: str = "") -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        field = _loc(tuple(err["loc"]))
        if prefix:
            field = f"{prefix}.{field}" if field != "(file)" else prefix
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown field; check the spelling against docs/GUIDANCE.md"
        elif err["type"] == "missing":
            msg = "required field is missing"
        problems.append(Problem(file, field, msg))
    return problems


def _read_toml(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh), []
    except tomllib.TOMLDecodeError as exc:
        return None, [Problem(path.name, "(syntax)", f"expected valid TOML; {exc}")]
    except OSError as exc:
        return None, [Problem(path.name, "(file)", f"could not be read: {exc.strerror}")]


def _read_builtin(directory: Path) -> tuple[dict[str, BaseModel], list[Problem]]:
    entries: dict[str, BaseModel] = {}
    problems: list[Problem] = []
    for topic in _TOPICS:
        path = directory / f"{topic}.toml"
        if not path.is_file():
            problems.append(Problem(path.name, "(file)", "expected this file; it is missing"))
            continue
        data, errs = _read_toml(path)
        problems.extend(errs)
        if data is None:
            continue
        if data.get("category") != topic:
            problems.append(
                Problem(path.name, "category", f"expected {topic!r}; got {data.get('category')!r}")
            )
            continue
        try:
            entries[topic] = _model_for(topic).model_validate(data)
        except ValidationError as exc:
            problems.extend(_problems_from(path.name, exc))
    return entries, problems


def check_guidance_dir(directory: Path | str = BUILTIN_DIR) -> list[Problem]:
    """Validate a full guidance directory (one file per category and ``general``)."""
    return _read_builtin(Path(directory))[1]


def load_builtin(directory: Path | str = BUILTIN_DIR) -> GuidanceLibrary:
    """Load and validate the built-in guidance; raises :class:`GuidanceFileError`."""
    entries, problems = _read_builtin(Path(directory))
    if problems:
        raise GuidanceFileError(problems)
    general = entries.pop(GENERAL)
    assert isinstance(general, GeneralGuidance)
    return GuidanceLibrary.model_validate({"entries": entries, "general": general})


def _merge(base: BaseModel, override: Mapping[str, Any], file: str) -> tuple[Any, list[Problem]]:
    """Apply one override table to ``base``; returns the merged entry or problems."""
    problems: list[Problem] = []
    fields: dict[str, Any] = base.model_dump()
    known = set(type(base).model_fields) - {"category"}
    for key in override:
        if key not in _OVERRIDE_KEYS:
            problems.append(
                Problem(file, key, f"unknown field; expected one of {', '.join(_OVERRIDE_KEYS)}")
            )
    origin: dict[str, str] = {}
    for key in ("policy_label", "policy_url"):
        if key in override:
            fields[key] = override[key]
            origin[key] = key
    for table in ("replace", "extend"):
        values = override.get(table, {})
        if not isinstance(values, dict):
            problems.append(Problem(file, table, f"expected a table; got {type(values).__name__}"))
            continue
        for key, value in values.items():
            where = f"{table}.{key}"
            if key not in known:
                problems.append(
                    Problem(
                        file, where, f"unknown field; expected one of {', '.join(sorted(known))}"
                    )
                )
                continue
            origin[key] = where
            if table == "replace":
                fields[key] = value
                continue
            current = fields.get(key)
            if isinstance(current, list | tuple):
                if not isinstance(value, list):
                    problems.append(Problem(file, where, "expected a list of items to add"))
                    continue
                fields[key] = [*current, *value]
            elif isinstance(current, str) and key in EXTENDABLE_TEXT:
                if not isinstance(value, str):
                    problems.append(Problem(file, where, "expected text to append"))
                    continue
                fields[key] = f"{current}\n\n{value.strip()}"
            else:
                problems.append(
                    Problem(file, where, "this field cannot be extended; use [replace]")
                )
    if problems:
        return None, problems
    try:
        return type(base).model_validate(fields), []
    except ValidationError as exc:
        out = []
        for p in _problems_from(file, exc):
            head = p.field.split(".")[0].split("[")[0]
            src = origin.get(head)
            field = p.field if src is None else src + p.field[len(head) :]
            out.append(Problem(file, field, p.message))
        return None, out


def _apply_overrides(
    library: GuidanceLibrary, directory: Path
) -> tuple[GuidanceLibrary | None, list[Problem]]:
    if not directory.is_dir():
        return None, [Problem(str(directory), "(directory)", "expected a directory; not found")]
    problems: list[Problem] = []
    entries: dict[str, Any] = {str(k): v for k, v in library.entries.items()}
    general: Any = library.general
    org = library.org
    for path in sorted(directory.glob("*.toml")):
        name = path.stem
        if name not in (*_TOPICS, "org"):
            allowed = ", ".join((*_TOPICS, "org"))
            problems.append(
                Problem(path.name, "(file name)", f"expected <topic>.toml for one of {allowed}")
            )
            continue
        data, errs = _read_toml(path)
        problems.extend(errs)
        if data is None:
            continue
        if name == "org":
            try:
                org = OrgInfo.model_validate(data)
            except ValidationError as exc:
                problems.extend(_problems_from(path.name, exc))
            continue
        base = general if name == GENERAL else entries[name]
        merged, errs = _merge(base, data, path.name)
        problems.extend(errs)
        if merged is None:
            continue
        if name == GENERAL:
            general = merged
        else:
            entries[name] = merged
    if problems:
        return None, problems
    return GuidanceLibrary(entries=entries, general=general, org=org), []


def check_overrides(directory: Path | str, base: GuidanceLibrary | None = None) -> list[Problem]:
    """Every problem in an override directory, by file and field (empty when valid)."""
    return _apply_overrides(base or load_builtin(), Path(directory))[1]


def load_guidance(override_dir: Path | str | None = None) -> GuidanceLibrary:
    """Load the built-in guidance and merge the overrides in ``override_dir``, if given.

    Raises :class:`OverrideError` listing every problem when the overrides are invalid.
    """
    library = load_builtin()
    if override_dir is None or str(override_dir) == "":
        return library
    merged, problems = _apply_overrides(library, Path(override_dir))
    if merged is None:
        raise OverrideError(problems)
    return merged

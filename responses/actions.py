"""The value carried by nudge buttons: enough to re-render, never any message text."""

from __future__ import annotations

import json
import re

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from classifiers.models import Category
from responses.errors import ActionValueError

_ID_RE = r"^[A-Za-z0-9_.:\-]+$"


class NudgeRef(BaseModel):
    """Which nudge a button belongs to: the app's nudge id, the category and the rule id."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nudge_id: str = Field(min_length=1, max_length=100, pattern=_ID_RE)
    category: Category
    rule_id: str = Field(min_length=1, max_length=200, pattern=_ID_RE)

    def encode(self) -> str:
        """Compact JSON for a button ``value`` (well under Slack's 2,000 characters)."""
        return json.dumps(
            {"n": self.nudge_id, "c": self.category, "r": self.rule_id}, separators=(",", ":")
        )


def parse_action_value(value: str) -> NudgeRef:
    """Decode a button ``value`` made by :meth:`NudgeRef.encode`.

    Raises :class:`ActionValueError` (saying what was expected, not echoing the value)
    when it is not one of ours.
    """
    if len(value) > 2000:
        raise ActionValueError(f"expected a nudge reference; got {len(value)} characters")
    try:
        data = json.loads(value)
    except json.JSONDecodeError:
        raise ActionValueError("expected a JSON nudge reference; got something else") from None
    if not isinstance(data, dict) or set(data) != {"n", "c", "r"}:
        raise ActionValueError("expected an object with keys n, c, r")
    try:
        return NudgeRef(nudge_id=data["n"], category=data["c"], rule_id=data["r"])
    except ValidationError as exc:
        fields = ", ".join(str(e["loc"][0]) for e in exc.errors())
        raise ActionValueError(f"expected a valid nudge reference; invalid: {fields}") from None


def safe_rule_id(rule_id: str) -> str:
    """``rule_id`` reduced to the characters a NudgeRef accepts."""
    return re.sub(r"[^A-Za-z0-9_.:\-]", "_", rule_id)[:200] or "unknown"

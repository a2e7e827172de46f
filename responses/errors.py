"""Exception hierarchy of the ``responses`` package.

Every message says what was expected and what was received. Messages name files and
fields, never message text written by a user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


class GuidanceError(Exception):
    """Base class of every error raised by ``responses``."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a guidance or override file."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class GuidanceFileError(GuidanceError):
    """A guidance or override file is missing, unreadable or invalid.

    ``problems`` lists every problem found, each naming the file and the field.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in guidance files:\n{lines}")


class OverrideError(GuidanceFileError):
    """An organisation override directory is invalid."""


class UnknownTopicError(GuidanceError, KeyError):
    """A category or topic name that the guidance library does not have."""

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        self.name = name
        self.known = known
        # Echo the name only when it looks like an identifier: free text could be a message.
        shown = repr(name) if re.fullmatch(r"[a-z_]{1,40}", name) else f"<{len(name)} characters>"
        super().__init__(f"expected one of {', '.join(known)}; received {shown}")

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return str(self.args[0])


class ActionValueError(GuidanceError, ValueError):
    """A button value that is not one this package produced."""


class SlackLimitError(GuidanceError):
    """A rendered payload breaks one of Slack's Block Kit limits."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("Block Kit payload exceeds Slack limits: " + "; ".join(self.problems))


class NothingToRenderError(GuidanceError, ValueError):
    """A builder was asked to render an assessment that has nothing for it (e.g. no finding)."""

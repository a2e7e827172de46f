"""Exception hierarchy of the classifier package.

Messages say what was expected and what was received. They never contain message text
(only rule files, line numbers, rule ids and the offending rule values).
"""

from __future__ import annotations


class ClassifierError(Exception):
    """Base class of every error raised by ``classifiers``."""


class RuleError(ClassifierError):
    """A rule file, or one rule in it, is invalid.

    Attributes name where the problem is so an organisation can fix its own rule files.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str,
        line: int | None = None,
        rule_id: str | None = None,
        value: object = None,
    ) -> None:
        self.problem = problem
        self.file = file
        self.line = line
        self.rule_id = rule_id
        self.value = value
        where = file if line is None else f"{file}:{line}"
        parts = [where]
        if rule_id:
            parts.append(f"rule {rule_id!r}")
        message = f"{', '.join(parts)}: {problem}"
        if value is not None:
            shown = repr(value)
            if len(shown) > 200:
                shown = shown[:197] + "..."
            message += f" (received {shown})"
        super().__init__(message)


class RuleDirectoryError(ClassifierError):
    """A rule directory is missing, unreadable, or holds no rule files."""


class InputError(ClassifierError):
    """The text handed to the classifier is not a string."""

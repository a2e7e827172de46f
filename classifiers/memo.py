"""A bounded memo for answers computed per label set (plans, candidate rules, relevant labels).

Messages repeat a few cue-label combinations, but real traffic also brings thousands of rare
ones, and each answer can be large (a plan holds some 200 token groups, a set of relevant
labels a hundred strings) while the distinct answers are few (29 plans for 16,000 label
sets over the labelled corpus). An unbounded memo grew a long-running process by over
200 MB on the 28,000 corpus messages; this one keeps at most ``limit`` keys, forgets them all
when full (cheap, and the common combinations come back at once), and shares one copy of
each distinct answer among its keys.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

#: keys kept per memo before it starts over
DEFAULT_LIMIT = 4096


class Memo(Generic[K, V]):
    """Answers per key, at most ``limit`` keys; equal answers (by ``identity``) are shared."""

    __slots__ = ("_answers", "_identity", "_shared", "limit")

    def __init__(self, identity: Callable[[V], Hashable], limit: int = DEFAULT_LIMIT) -> None:
        if limit < 1:
            raise ValueError(f"expected a memo limit of at least 1, got {limit}")
        self.limit = limit
        self._identity = identity
        self._answers: dict[K, V] = {}
        self._shared: dict[Hashable, V] = {}

    def get(self, key: K) -> V | None:
        """The remembered answer for ``key``, or None."""
        return self._answers.get(key)

    def put(self, key: K, answer: V) -> V:
        """Remember ``answer`` for ``key``; returns the shared copy to use."""
        if len(self._answers) >= self.limit:
            self.clear()
        answer = self._shared.setdefault(self._identity(answer), answer)
        self._answers[key] = answer
        return answer

    def clear(self) -> None:
        """Forget every answer."""
        self._answers.clear()
        self._shared.clear()

    def __len__(self) -> int:
        return len(self._answers)

    def distinct(self) -> int:
        """How many distinct answers are held."""
        return len(self._shared)

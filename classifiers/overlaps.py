"""Overlap resolution of cue matches (used by the ``boundary_cues`` component)."""

from __future__ import annotations

from collections.abc import Callable

from .rules import IGNORE_LABEL


def resolve_cues(
    matches: list[tuple[int, int, int]],
    labels: list[str],
    unhidden: frozenset[int] = frozenset(),
) -> list[tuple[int, int, int]]:
    """Resolve overlapping cue matches.

    Within one label the longest match wins (ties: the earlier one). Across labels overlaps
    are allowed ("told my sister" is both SHARE_TO and RECIPIENT). ``IGNORE`` matches hide
    every cue lying inside them ("client portal" hides "client") and are then dropped, except
    the rules in ``unhidden`` (the writer's "I"/"me": "sent me" is still the writer).
    """
    ignores = [(s, e) for i, s, e in matches if labels[i] == IGNORE_LABEL]
    by_label: dict[str, list[tuple[int, int, int]]] = {}
    for m in matches:
        label = labels[m[0]]
        if label == IGNORE_LABEL:
            continue
        if (
            ignores
            and m[0] not in unhidden
            and any(s <= m[1] and m[2] <= e and e - s > m[2] - m[1] for s, e in ignores)
        ):
            continue
        by_label.setdefault(label, []).append(m)
    kept: list[tuple[int, int, int]] = []
    for group in by_label.values():
        kept.extend(longest_first(group))
    kept.sort(key=lambda m: (m[1], m[2]))
    return kept


def resolve_context(
    matches: list[tuple[int, int, int]], apart: Callable[[int], bool]
) -> list[tuple[int, int, int]]:
    """Resolve overlapping context matches, longest first.

    The matches of rules for which ``apart(rule index)`` is true (the writer's stance, "I'd
    never": ``situations``) are resolved among themselves and kept beside the others, so they
    take nothing away: "I'd never post ..." keeps both the stance and the reminder "never
    post", with the reminder's reach over the whole message.
    """
    if not any(apart(m[0]) for m in matches):
        return longest_first(matches)
    kept = longest_first([m for m in matches if not apart(m[0])])
    kept += longest_first([m for m in matches if apart(m[0])])
    kept.sort(key=lambda m: (m[1], m[2]))
    return kept


def longest_first(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Greedy longest-first selection of non-overlapping (rule, start, end) matches."""
    if len(matches) < 2:
        return matches
    end = -1
    for m in matches:
        if m[1] < end:
            break
        end = m[2]
    else:
        return matches  # already sorted and disjoint (the usual case)
    kept: list[tuple[int, int, int]] = []
    for m in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if all(m[2] <= k[1] or m[1] >= k[2] for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m[1])
    return kept

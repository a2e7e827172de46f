"""Slack-text normaliser with an offset map back to the original text.

The classifier matches on the normalised text and reports offsets into the ORIGINAL text:
for every normalised character we keep the original ``[start, end)`` it came from.
Replacements (a mention, an entity, a link with a label) map every produced character to
the whole original construct, so mapped spans always lie inside the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

# Slack markup handled in one pass. Order matters: block-quote markers only at line start.
_MARKUP = re.compile(
    r"(?P<quote>^[ \t]*(?:&gt;|>)[ \t]?)"
    r"|(?P<angle><(?P<inner>[^<>\n]{1,2000})>)"
    r"|(?P<entity>&(?:amp|lt|gt|quot|#39);)"
    r"|(?P<emoji>:[a-z0-9_+\-']{1,60}:)"
    r"|(?P<fence>```|`)",
    re.MULTILINE,
)
#: The same constructs without block quotes, for texts that cannot hold one (no ">"): a
#: leading character-class lookahead lets the regex engine skip ahead (3x faster scans).
_MARKUP_NO_QUOTE = re.compile(
    r"(?=[<&:`])(?:(?P<angle><(?P<inner>[^<>\n]{1,2000})>)"
    r"|(?P<entity>&(?:amp|lt|gt|quot|#39);)"
    r"|(?P<emoji>:[a-z0-9_+\-']{1,60}:)"
    r"|(?P<fence>```|`))",
)
_NEEDS_MARKUP = re.compile(r"[<&`>]|:[a-z0-9_+\-']+:")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'"}

#: Characters removed outright: zero-width, joiners, directional marks, soft hyphen, BOM,
#: variation selectors. ``face\u200bbook`` becomes ``facebook``.
_INVISIBLE = frozenset(
    [
        *(0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0),
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2070),
        *range(0xFE00, 0xFE10),
        *range(0xE0000, 0xE0080),
    ]
)

#: Common Cyrillic and Greek letters that look like Latin ones.
_HOMOGLYPHS = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip


@dataclass(slots=True)
class Normalized:
    """Normalised text plus the map back to the original.

    ``segments`` is None when the text was unchanged (identity map); otherwise it lists
    ``(norm_start, norm_end, orig_start, orig_end, exact)`` pieces covering the normalised text
    in order. ``exact`` pieces map character by character (copied text); the others (a mention,
    an entity, a folded character) map every character to the whole original piece.
    ``quoted`` holds ``[start, end)`` ranges of the ORIGINAL text that are block-quote lines.
    """

    original: str
    text: str
    segments: list[tuple[int, int, int, int, bool]] | None = None
    quoted: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def _segment(self, pos: int) -> tuple[int, int, int, int, bool]:
        assert self.segments is not None
        if not self._starts:
            self._starts = [seg[0] for seg in self.segments]
        return self.segments[max(bisect_right(self._starts, pos) - 1, 0)]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` span to the original text."""
        if self.segments is None:
            return start, end
        if not self.segments or end <= start:
            pos = self._segment(start)[2] if self.segments else 0
            return pos, pos
        ns, _, os_, oe, exact = self._segment(start)
        o_start = os_ + (start - ns) if exact else os_
        ns, _, os_, oe, exact = self._segment(end - 1)
        o_end = os_ + (end - ns) if exact else oe
        return o_start, max(o_end, o_start)

    def is_quoted(self, start: int) -> bool:
        """Whether ORIGINAL offset ``start`` lies inside a block-quote line."""
        if not self.quoted:
            return False
        i = bisect_right(self.quoted, (start, len(self.original) + 1)) - 1
        return i >= 0 and self.quoted[i][0] <= start < self.quoted[i][1]


_CONTROL = {i: " " for i in [*range(0, 9), 11, 12, *range(14, 32), 127]}
_CONTROL_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


class _Builder:
    __slots__ = ("out", "segments", "size")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.segments: list[tuple[int, int, int, int, bool]] = []
        self.size = 0

    def emit(self, chars: str, start: int, end: int, exact: bool = False) -> None:
        if not chars:
            return
        n = len(chars)
        self.out.append(chars)
        self.segments.append((self.size, self.size + n, start, end, exact))
        self.size += n

    def literal(self, text: str, offset: int) -> None:
        """Copy original text, cleaning characters that are not plain printable ASCII."""
        if not text:
            return
        if text.isascii():
            clean = text.translate(_CONTROL) if _CONTROL_CHAR.search(text) else text
            self.emit(clean, offset, offset + len(text), exact=True)
            return
        pos = 0
        for m in _NON_ASCII.finditer(text):
            if m.start() > pos:
                chunk = text[pos : m.start()]
                self.emit(chunk.translate(_CONTROL), offset + pos, offset + m.start(), True)
            i, j_end = m.start(), m.end()
            while i < j_end:
                j = i + 1
                while j < len(text) and unicodedata.combining(text[j]):
                    j += 1
                self.emit(_clean_cluster(text[i:j]), offset + i, offset + j)
                i = j
            pos = max(i, m.end())
        if pos < len(text):
            self.emit(text[pos:].translate(_CONTROL), offset + pos, offset + len(text), True)


def _clean_cluster(cluster: str) -> str:
    """Clean one base character with its combining marks."""
    cp = ord(cluster[0])
    if cp in _INVISIBLE:
        return ""
    if 0xD800 <= cp <= 0xDFFF:  # lone surrogate
        return " "
    cat = unicodedata.category(cluster[0])
    if cat in ("Cc", "Cs", "Co", "Cn") and cluster[0] not in "\n\t":
        return " "
    if cat == "Cf":
        return ""
    folded = unicodedata.normalize("NFKC", cluster)
    if not folded.isascii():
        folded = "".join(_HOMOGLYPHS.get(c, c) for c in folded)
        # drop accents so "clíent" still reads as "client"
        stripped = "".join(
            c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c)
        )
        folded = unicodedata.normalize("NFC", stripped)
    if folded == "\u2028" or folded == "\u2029":
        return "\n"
    if len(folded) == 1 and unicodedata.category(folded) == "Zs":
        return " "
    return folded


def normalize(text: str) -> Normalized:
    """Normalise Slack text; the result maps every character back into ``text``."""
    if text.isascii() and text.isprintable() and not _NEEDS_MARKUP.search(text):
        if _PATHOLOGICAL.search(text) is None:
            return Normalized(text, text)
        return _defuse(Normalized(text, text))
    return _defuse(_normalize(text))


def _normalize(text: str) -> Normalized:
    b = _Builder()
    quoted: list[tuple[int, int]] = []
    pos = 0
    in_fence = False
    markup = _MARKUP if ">" in text or "&gt;" in text else _MARKUP_NO_QUOTE
    for m in markup.finditer(text):
        kind = m.lastgroup
        if kind == "inner":
            kind = "angle"
        if in_fence and kind != "fence":
            continue  # inside code: keep the content literally, markup included
        b.literal(text[pos : m.start()], pos)
        s, e = m.start(), m.end()
        if kind == "quote":
            newline = text.find("\n", e)
            quoted.append((s, len(text) if newline == -1 else newline))
        elif kind == "angle":
            _angle(b, m.group("inner"), s, e)
        elif kind == "entity":
            b.emit(_ENTITIES[m.group()], s, e)
        elif kind == "emoji":
            b.emit(" ", s, e)
        elif kind == "fence":
            b.emit(" " if m.group() == "`" else "\n", s, e)
            if m.group() == "```":
                in_fence = not in_fence
        pos = e
    b.literal(text[pos:], pos)
    return Normalized(text, "".join(b.out), b.segments, _merge(quoted))


#: Runs spaCy's tokenizer is super-linear on: it strips prefix/suffix punctuation one token at
#: a time, re-scanning the rest of the whitespace-free chunk each time (39,000 "(" took
#: ~140 s). A run of one repeated non-word character longer than ``_MAX_RUN`` is collapsed
#: to ``_MAX_RUN`` characters, and a whitespace-free chunk longer than ``_MAX_CHUNK`` gets a
#: space every ``_MAX_CHUNK`` characters, which bounds the tokenizer's work per chunk.
_MAX_RUN = 3
_MAX_CHUNK = 48
_PATHOLOGICAL = re.compile(rf"([^\w\s]|_)\1{{{_MAX_RUN}}}|\S{{{_MAX_CHUNK + 1}}}")
_RUN = re.compile(rf"([^\w\s]|_)\1{{{_MAX_RUN},}}")
_CHUNK = re.compile(rf"\S{{{_MAX_CHUNK + 1},}}")


def _defuse(norm: Normalized) -> Normalized:
    """Collapse pathological runs in ``norm.text``, keeping the map into the original."""
    text = norm.text
    if _PATHOLOGICAL.search(text) is None:
        return norm
    # edits in normalised coordinates: (start, end, replacement); replacements map to the
    # whole original span of what they replace (an insertion maps to an empty span)
    edits: list[tuple[int, int, str]] = [
        (m.start(), m.end(), m.group(1) * _MAX_RUN) for m in _RUN.finditer(text)
    ]
    collapsed = _apply(norm, edits)
    text = collapsed.text
    inserts = [
        (i, i, " ")
        for m in _CHUNK.finditer(text)
        for i in range(m.start() + _MAX_CHUNK, m.end(), _MAX_CHUNK)
    ]
    return _apply(collapsed, inserts)


def _apply(norm: Normalized, edits: list[tuple[int, int, str]]) -> Normalized:
    """``norm`` with sorted, non-overlapping ``edits`` applied; offsets still map back."""
    if not edits:
        return norm
    segments = norm.segments
    if segments is None:
        segments = [(0, len(norm.text), 0, len(norm.original), True)] if norm.text else []
    starts = [seg[0] for seg in segments]
    b = _Builder()
    pos = 0
    for start, end, replacement in edits:
        _copy(b, segments, starts, pos, start, norm.text)
        if start < end:
            o_start, o_end = norm.to_original(start, end)
        else:  # an insertion maps to an empty span where the character before it starts
            o_start = o_end = norm.to_original(start - 1, start)[0] if start else 0
        b.emit(replacement, o_start, o_end)
        pos = end
    _copy(b, segments, starts, pos, len(norm.text), norm.text)
    return Normalized(norm.original, "".join(b.out), b.segments, norm.quoted)


def _copy(
    b: _Builder,
    segments: list[tuple[int, int, int, int, bool]],
    starts: list[int],
    start: int,
    end: int,
    text: str,
) -> None:
    """Copy normalised ``text[start:end]`` into ``b`` with its original mapping."""
    if start >= end:
        return
    i = max(bisect_right(starts, start) - 1, 0)
    while i < len(segments) and segments[i][0] < end:
        ns, ne, os_, oe, exact = segments[i]
        s, e = max(ns, start), min(ne, end)
        if s < e:
            if exact:
                b.emit(text[s:e], os_ + (s - ns), os_ + (e - ns), True)
            else:
                b.emit(text[s:e], os_, oe)
        i += 1


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for s, e in ranges:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _angle(b: _Builder, inner: str, s: int, e: int) -> None:
    """Slack's ``<...>`` constructs: mentions, channels, special mentions and links."""
    target, _, label = inner.partition("|")
    if target.startswith("@"):
        b.emit("@user", s, e)
    elif target.startswith("#"):
        b.emit("#" + (label or "channel"), s, e)
    elif target.startswith("!"):
        b.emit("@" + (label.lstrip("@") or target[1:].split("^")[0]), s, e)
    elif label:
        # keep the label's own characters mapped to where they are in the original
        b.literal(label, e - 1 - len(label))
    elif target.startswith(("http", "mailto:", "tel:")):
        b.literal(target, s + 1)
    else:
        b.literal(target, s + 1)

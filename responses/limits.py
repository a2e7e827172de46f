"""Slack Block Kit limits, checked on every payload the builders return.

Limits (Slack's documented maxima): 50 blocks in a message, 100 in a Home tab or modal;
section text 3,000 characters; section fields 10 of 2,000 each; header text 150; button
text 75, value 2,000, url 3,000; context elements 10; actions elements 25; block_id and
action_id 255 characters, action ids unique within one message or view; plain-text
fallback ``text`` present on every message (notifications and screen readers use it).
"""

from __future__ import annotations

from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block

from responses.errors import SlackLimitError

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_FIELD_TEXT = 2000
MAX_FIELDS = 10
MAX_HEADER_TEXT = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_CONTEXT_ELEMENTS = 10
MAX_ACTION_ELEMENTS = 25
MAX_ID = 255
MAX_FALLBACK_TEXT = 4000


def _text_of(obj: Any) -> str:
    return obj.get("text", "") if isinstance(obj, dict) else ""


def _check_element(el: dict[str, Any], where: str, problems: list[str], ids: list[str]) -> None:
    if "action_id" in el:
        ids.append(el["action_id"])
        if len(el["action_id"]) > MAX_ID:
            problems.append(f"{where}: action_id longer than {MAX_ID}")
    if el.get("type") == "button":
        text = _text_of(el.get("text"))
        if not text:
            problems.append(f"{where}: button without text")
        if len(text) > MAX_BUTTON_TEXT:
            problems.append(f"{where}: button text {len(text)} > {MAX_BUTTON_TEXT} chars")
        if len(el.get("value", "")) > MAX_BUTTON_VALUE:
            problems.append(f"{where}: button value > {MAX_BUTTON_VALUE} chars")


def find_problems(payload: dict[str, Any], *, surface: str = "message") -> list[str]:
    """Every Slack limit ``payload`` breaks; ``surface`` is ``message``, ``home`` or ``modal``."""
    problems: list[str] = []
    blocks = payload.get("blocks", [])
    max_blocks = MAX_MESSAGE_BLOCKS if surface == "message" else MAX_VIEW_BLOCKS
    if len(blocks) > max_blocks:
        problems.append(f"{len(blocks)} blocks > {max_blocks} allowed in a {surface}")
    if surface == "message":
        fallback = payload.get("text")
        if not isinstance(fallback, str) or not fallback.strip():
            problems.append("fallback text is missing")
        elif len(fallback) > MAX_FALLBACK_TEXT:
            problems.append(f"fallback text {len(fallback)} > {MAX_FALLBACK_TEXT} chars")
    elif payload.get("type") not in ("home", "modal"):
        problems.append(f"view type must be 'home' or 'modal', got {payload.get('type')!r}")
    action_ids: list[str] = []
    block_ids: list[str] = []
    for i, block in enumerate(blocks):
        where = f"block {i} ({block.get('type')})"
        if "block_id" in block:
            block_ids.append(block["block_id"])
            if len(block["block_id"]) > MAX_ID:
                problems.append(f"{where}: block_id longer than {MAX_ID}")
        kind = block.get("type")
        if kind == "section":
            text = _text_of(block.get("text"))
            if len(text) > MAX_SECTION_TEXT:
                problems.append(f"{where}: text {len(text)} > {MAX_SECTION_TEXT} chars")
            fields = block.get("fields", [])
            if not text and not fields:
                problems.append(f"{where}: section needs text or fields")
            if len(fields) > MAX_FIELDS:
                problems.append(f"{where}: {len(fields)} fields > {MAX_FIELDS}")
            problems.extend(
                f"{where}: field text > {MAX_FIELD_TEXT} chars"
                for f in fields
                if len(_text_of(f)) > MAX_FIELD_TEXT
            )
            if "accessory" in block:
                _check_element(block["accessory"], where, problems, action_ids)
        elif kind == "header":
            text = _text_of(block.get("text"))
            if not text or len(text) > MAX_HEADER_TEXT:
                problems.append(f"{where}: header text must be 1-{MAX_HEADER_TEXT} chars")
        elif kind == "context":
            elements = block.get("elements", [])
            if not 1 <= len(elements) <= MAX_CONTEXT_ELEMENTS:
                problems.append(f"{where}: context needs 1-{MAX_CONTEXT_ELEMENTS} elements")
            problems.extend(
                f"{where}: context text > {MAX_SECTION_TEXT} chars"
                for e in elements
                if len(_text_of(e)) > MAX_SECTION_TEXT
            )
        elif kind == "actions":
            elements = block.get("elements", [])
            if not 1 <= len(elements) <= MAX_ACTION_ELEMENTS:
                problems.append(f"{where}: actions need 1-{MAX_ACTION_ELEMENTS} elements")
            for el in elements:
                _check_element(el, where, problems, action_ids)
        try:
            Block.parse(block).validate_json()  # type: ignore[union-attr]
        except (SlackObjectFormationError, AttributeError) as exc:
            problems.append(f"{where}: slack_sdk rejected it: {exc}")
    for label, ids in (("action_id", action_ids), ("block_id", block_ids)):
        dupes = sorted({x for x in ids if ids.count(x) > 1})
        if dupes:
            problems.append(f"duplicate {label}: {', '.join(dupes)}")
    return problems


def ensure_within_limits(payload: dict[str, Any], *, surface: str = "message") -> dict[str, Any]:
    """Return ``payload`` unchanged, or raise :class:`SlackLimitError` listing every problem."""
    problems = find_problems(payload, surface=surface)
    if problems:
        raise SlackLimitError(problems)
    return payload

"""Turn the app's recorded Web API calls into what a Slack user would see, as terminal text.

Each call that shows something to the user (an ephemeral message, a ``response_url`` reply, a
posted or updated message, App Home, a modal) becomes a :class:`Shown`: a heading, the Block
Kit rendered by ``responses.render_text`` and the clickable buttons, numbered for the
console's ``:click`` command. Calls that show nothing (``users.info``, failed calls ...) become
None.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox.fake_slack import RESPONSE_URL, RecordedCall

#: Width of the rendered text inside the frame.
WIDTH = 96


@dataclass
class Surface:
    """Where a button lives, which decides the shape of its ``block_actions`` payload."""

    kind: str  # "message", "home" or "modal"
    channel: str | None = None
    message_ts: str | None = None
    is_ephemeral: bool = False
    view: dict[str, Any] | None = None


@dataclass
class Button:
    """A clickable button the console listed."""

    number: int
    label: str
    action_id: str
    block_id: str | None
    value: str | None
    url: str | None
    surface: Surface


@dataclass
class Shown:
    """One thing the user sees: heading, rendered body, buttons."""

    heading: str
    body: str
    buttons: list[Button] = field(default_factory=list)
    surface: Surface | None = None


def render_payload(payload: dict[str, Any]) -> str:
    """Render a message payload or view with ``responses.render_text``."""
    from responses import render_text

    return str(render_text(payload)).rstrip()


def _plain(text: Any) -> str:
    if isinstance(text, dict):
        return str(text.get("text", ""))
    return str(text or "")


def find_buttons(blocks: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Every button element in ``blocks`` (actions blocks and section accessories), in order.

    Each comes back with its ``block_id`` and a ``label``: the button text, followed for a
    section accessory by the first line of its section ("Read: Gifts from and to clients"),
    so that rows of identical buttons can be told apart.
    """
    found: list[dict[str, Any]] = []
    for block in blocks or []:
        elements: list[dict[str, Any]] = []
        context = ""
        if block.get("type") == "actions":
            elements = list(block.get("elements") or [])
        elif isinstance(block.get("accessory"), dict):
            elements = [block["accessory"]]
            first_lines = _plain(block.get("text")).strip().splitlines()
            context = first_lines[0].strip("*_ ") if first_lines else ""
        for element in elements:
            if element.get("type") == "button" and element.get("action_id"):
                label = _plain(element.get("text")) or str(element["action_id"])
                if context:
                    label = f"{label}: {context}"
                found.append({**element, "block_id": block.get("block_id"), "label": label})
    return found


def _channel_label(channel: str | None, names: dict[str, str]) -> str:
    if not channel:
        return "?"
    if channel in names:
        return f"#{names[channel]}"
    if channel.startswith(("D", "U")):
        return "a direct message"
    return channel


def describe(call: RecordedCall, user: str, names: dict[str, str]) -> Shown | None:
    """What the user sees because of ``call``; None when it shows nothing."""
    ok = call.status == 200 and isinstance(call.response, dict) and call.response.get("ok")
    if not ok:
        return None
    p = call.params
    where = _channel_label(p.get("channel"), names)
    thread = ", in the thread" if p.get("thread_ts") else ""
    if call.method == "chat.postEphemeral":
        if p.get("user") != user:
            return None
        ts = call.response.get("message_ts") if isinstance(call.response, dict) else None
        surface = Surface("message", p.get("channel"), ts, is_ephemeral=True)
        return Shown(f"Boundary Bot, only visible to you in {where}{thread}", "", [], surface)
    if call.method == "chat.postMessage":
        ts = call.response.get("ts") if isinstance(call.response, dict) else None
        surface = Surface("message", call.response.get("channel"), ts)
        return Shown(f"Boundary Bot, message in {where}{thread}", "", [], surface)
    if call.method == "chat.update":
        surface = Surface("message", p.get("channel"), p.get("ts"))
        return Shown(f"Boundary Bot, updated its message in {where}", "", [], surface)
    if call.method == RESPONSE_URL:
        if p.get("delete_original"):
            return Shown("Boundary Bot removed the message you clicked", "")
        replaced = " (replaces the message you clicked)" if p.get("replace_original") else ""
        public = p.get("response_type") == "in_channel"
        heading = "Boundary Bot, in the channel" if public else "Boundary Bot, only visible to you"
        return Shown(heading + replaced, "", [], Surface("message", is_ephemeral=not public))
    if call.method in ("views.publish", "views.open", "views.update", "views.push"):
        view = call.response.get("view") if isinstance(call.response, dict) else None
        if not isinstance(view, dict):
            return None
        if view.get("type") == "home":
            if p.get("user_id") != user:
                return None
            return Shown("Boundary Bot, App Home", "", [], Surface("home", view=view))
        title = _plain(view.get("title")) or "modal"
        return Shown(f"Boundary Bot, modal: {title}", "", [], Surface("modal", view=view))
    return None


def payload_of(call: RecordedCall) -> dict[str, Any]:
    """The message payload or view a displaying call carries."""
    if call.method.startswith("views."):
        view = call.params.get("view")
        return view if isinstance(view, dict) else {}
    return {k: call.params[k] for k in ("text", "blocks", "attachments") if k in call.params}


def _wrap(line: str, width: int) -> list[str]:
    """Wrap one rendered line, keeping its indent and bullet hanging."""
    stripped = line.lstrip(" ")
    indent = line[: len(line) - len(stripped)]
    hang = indent + ("  " if stripped.startswith(("• ", "- ", "| ")) else "")
    return textwrap.wrap(line, width=width, subsequent_indent=hang, break_on_hyphens=False) or [
        line
    ]


def format_shown(shown: Shown, width: int = WIDTH) -> str:
    """The terminal text of one shown item, indented under its heading."""
    lines = [f"  ┌ {shown.heading}"]
    for line in shown.body.splitlines() or []:
        if not line.strip():
            lines.append("  │")
            continue
        lines.extend(f"  │ {part}" for part in _wrap(line, width))
    if shown.buttons:
        rows: list[str] = []
        for b in shown.buttons:
            label = f"[{b.number}] {b.label}" + (" (link)" if b.url else "")
            if rows and len(rows[-1]) + len(label) < width - 12:
                rows[-1] += "   " + label
            else:
                rows.append(label)
        lines.append(f"  │ buttons: {rows[0]}")
        lines.extend(f"  │          {row}" for row in rows[1:])
    lines.append("  └")
    return "\n".join(lines)

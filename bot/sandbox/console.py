"""The local sandbox: the real app, a fake Slack and a console to talk to it.

:class:`SandboxSession` starts :class:`~bot.sandbox.fake_slack.FakeSlack` on loopback and the
real app in HTTP mode (``bot.server.start_http``) with a Web API client pointed at the fake
and a random signing secret. Each console line becomes a correctly signed HTTP request to the
app, exactly as Slack would send it; what the app then sends back through the Web API (an
ephemeral message, a ``response_url`` reply, App Home ...) is printed as text, with its
buttons numbered so they can be clicked.

Console syntax (one command per line; ``#`` starts a comment line in scripts)::

    any text              post it as a message in the current channel
    /boundary [text]      run the slash command in the current channel
    :click N | :click L   click button number N, or the latest button whose label contains L
    :thread TEXT          reply in the thread of your last message
    :edit TEXT            edit your last message (a message_changed event)
    :home                 open the App Home tab (app_home_opened)
    :channel NAME         switch to channel #NAME (created on first use)
    :user ID [admin]      act as another user (admin: a workspace admin)
    :calls                list the Web API calls the app made so far
    :help                 this help
    :quit                 leave (end of input and Ctrl-C work too)
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from dataclasses import dataclass, field
from typing import Any, TextIO

from slack_sdk.web.async_client import AsyncWebClient

from bot.sandbox.display import (
    Button,
    Shown,
    Surface,
    describe,
    find_buttons,
    format_shown,
    payload_of,
    render_payload,
)
from bot.sandbox.fake_slack import FakeSlack
from bot.sandbox.settle import Settler
from bot.sandbox.signed_requests import (
    AppResponse,
    SlackRequester,
    Workspace,
    app_home_opened_event,
    button_click,
    message_event,
    new_ts,
    slash_command,
)

HELP = (__doc__ or "").split("Console syntax", 1)[1].split("::", 1)[1].strip("\n")

TEAM_ID = "T0SANDBOX"
BOT_USER_ID = "UBOTSANDBOX"
BOT_ID = "BSANDBOX"
YOU = "U0YOU"
HOME_CHANNEL = ("C0SANDBOX", "sandbox")
SETTLE_TIMEOUT = 10.0


@dataclass
class _Said:
    channel: str
    ts: str
    text: str


@dataclass
class _State:
    user: str = YOU
    channel: str = HOME_CHANNEL[0]
    names: dict[str, str] = field(default_factory=lambda: {HOME_CHANNEL[0]: HOME_CHANNEL[1]})
    last_top_level: dict[tuple[str, str], str] = field(default_factory=dict)
    last_said: dict[str, _Said] = field(default_factory=dict)
    buttons: list[Button] = field(default_factory=list)


class SandboxSession:
    """A running sandbox: fake Slack, the real app, and a line-based console over them."""

    def __init__(
        self,
        out: TextIO,
        *,
        database_url: str | None = None,
        verbose: bool = False,
    ) -> None:
        self.out = out
        self.verbose = verbose
        self.database_url = database_url
        self.fake = FakeSlack(team_id=TEAM_ID, bot_user_id=BOT_USER_ID, bot_id=BOT_ID)
        self.workspace = Workspace(team_id=TEAM_ID, bot_user_id=BOT_USER_ID)
        self.state = _State()
        self.server: Any = None
        self.requester: SlackRequester | None = None
        self._seen = 0
        self._settler = Settler(
            lambda: len(self.fake.calls), timeout=SETTLE_TIMEOUT, on_abandoned=self._abandoned
        )

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        """Start the fake Slack, then the real app in HTTP mode pointed at it."""
        from bot.server import start_http
        from bot.settings import load_settings

        await self.fake.start()
        self.fake.set_user(YOU, name="you", is_admin=True)
        self.fake.set_channel(HOME_CHANNEL[0], name=HOME_CHANNEL[1], creator=YOU)
        signing_secret = secrets.token_hex(16)
        bot_token = f"xoxb-sandbox-{secrets.token_hex(8)}"
        overrides: dict[str, Any] = {
            "slack_bot_token": bot_token,
            "slack_signing_secret": signing_secret,
            "slack_app_token": None,
            "slack_client_id": None,
            "slack_client_secret": None,
            "slack_api_url": self.fake.api_url,
            "pseudonym_key": secrets.token_hex(32),
            "host": "127.0.0.1",
            "port": 0,
        }
        if self.database_url:
            overrides["database_url"] = self.database_url
        settings = load_settings(**overrides)
        client = AsyncWebClient(token=bot_token, base_url=self.fake.api_url)
        try:
            self.server = await start_http(settings, "127.0.0.1", 0, client=client)
        except BaseException:
            await self.fake.stop()
            raise
        self.requester = SlackRequester(self.server.events_url, signing_secret)
        self._seen = len(self.fake.calls)

    async def stop(self) -> None:
        """Stop the app (draining its background work), then the fake Slack."""
        if self.requester is not None:
            await self.requester.close()
        if self.server is not None:
            await self.server.stop()
            self.server = None
        await self.fake.stop()

    def banner(self) -> str:
        """The greeting printed when the console starts."""
        return (
            "Boundary Bot sandbox: the real app, talking to a local stand-in for Slack.\n"
            f"You are @you (a workspace admin) in #{HOME_CHANNEL[1]}. Type a message as a "
            "clinician, or /boundary help.\n"
            "Type :help for console commands, :quit (or Ctrl-D) to leave. Nothing leaves "
            "this machine."
        )

    def prompt(self) -> str:
        """The interactive prompt, naming the current channel."""
        return f"{self._user_label()} in #{self.state.names[self.state.channel]}> "

    def _user_label(self) -> str:
        return "you" if self.state.user == YOU else self.state.user

    # ------------------------------------------------------------------ commands
    async def handle(self, line: str) -> bool:
        """Run one console line; returns False when the session should end."""
        line = line.strip()
        if not line or line.startswith("#"):
            return True
        if line.startswith(":"):
            name, _, arg = line[1:].partition(" ")
            return await self._console_command(name.lower(), arg.strip())
        if line.startswith("/"):
            await self._slash(line)
        else:
            await self._message(line)
        return True

    async def _console_command(self, name: str, arg: str) -> bool:
        if name in ("quit", "q", "exit"):
            return False
        if name == "help":
            self._print(HELP)
        elif name == "click":
            await self._click(arg)
        elif name == "thread":
            await self._message(arg, in_thread=True)
        elif name == "edit":
            await self._edit(arg)
        elif name == "home":
            await self._deliver(app_home_opened_event(self.workspace, user=self.state.user))
        elif name == "channel":
            self._switch_channel(arg)
        elif name == "user":
            self._switch_user(arg)
        elif name == "calls":
            for call in self.fake.calls:
                self._print(f"  · {call.method} -> HTTP {call.status}")
        else:
            self._print(f"  ! unknown console command ':{name}'; type :help")
        return True

    def _switch_channel(self, arg: str) -> None:
        name = arg.lstrip("#").strip().lower()
        if not name:
            self._print("  ! expected a channel name, e.g. :channel team-a")
            return
        channel = next((c for c, n in self.state.names.items() if n == name), None)
        if channel is None:
            channel = "C" + hashlib.sha256(name.encode()).hexdigest()[:9].upper()
            self.state.names[channel] = name
            self.fake.set_channel(channel, name=name, creator=self.state.user)
        self.state.channel = channel
        self._print(f"  (now in #{name})")

    def _switch_user(self, arg: str) -> None:
        parts = arg.split()
        if not parts or not parts[0].upper().startswith(("U", "W")):
            self._print("  ! expected a user id starting with U, e.g. :user U0COLLEAGUE")
            return
        user = parts[0].upper()
        admin = len(parts) > 1 and parts[1].lower() == "admin"
        self.fake.set_user(user, name=user.lower(), is_admin=admin or user == YOU)
        self.state.user = user
        self._print(f"  (now acting as {user}{', a workspace admin' if admin else ''})")

    async def _message(self, text: str, *, in_thread: bool = False) -> None:
        if not text:
            self._print("  ! expected some text to post")
            return
        key = (self.state.channel, self.state.user)
        thread_ts = self.state.last_top_level.get(key) if in_thread else None
        if in_thread and thread_ts is None:
            self._print("  ! no message of yours to reply to in this channel yet")
            return
        ts = new_ts()
        if thread_ts is None:
            self.state.last_top_level[key] = ts
        self.state.last_said[self.state.user] = _Said(self.state.channel, ts, text)
        body = message_event(
            self.workspace,
            user=self.state.user,
            channel=self.state.channel,
            text=text,
            ts=ts,
            thread_ts=thread_ts,
            channel_type="group" if self.state.channel.startswith("G") else "channel",
        )
        await self._deliver(body)

    async def _edit(self, text: str) -> None:
        said = self.state.last_said.get(self.state.user)
        if said is None or not text:
            self._print("  ! expected ':edit NEW TEXT' after a message of yours")
            return
        user = self.state.user
        extra = {
            "subtype": "message_changed",
            "hidden": True,
            "message": {"type": "message", "user": user, "text": text, "ts": said.ts},
            "previous_message": {"type": "message", "user": user, "text": said.text, "ts": said.ts},
        }
        body = message_event(self.workspace, user=user, channel=said.channel, text="", extra=extra)
        body["event"].pop("user")
        body["event"].pop("text")
        self.state.last_said[user] = _Said(said.channel, said.ts, text)
        await self._deliver(body)

    async def _slash(self, line: str) -> None:
        command, _, text = line.partition(" ")
        if command != "/boundary":
            self._print(f"  ! {command} is not installed here; try /boundary help")
            return
        fields = slash_command(
            self.workspace,
            user=self.state.user,
            channel=self.state.channel,
            channel_name=self.state.names.get(self.state.channel, "sandbox"),
            text=text.strip(),
            response_url=self.fake.new_response_url(),
        )
        assert self.requester is not None
        before = Settler.snapshot()
        response = await self.requester.send_command(fields)
        await self._show(response, before, quiet="(no visible answer)")

    async def _deliver(self, body: dict[str, Any]) -> None:
        assert self.requester is not None
        before = Settler.snapshot()
        response = await self.requester.send_event(body)
        shown = await self._show(response, before, quiet=None)
        if not shown and body["event"]["type"] == "message":
            self._print("  (Boundary Bot stays quiet)")

    async def _click(self, arg: str) -> None:
        button = self._find_button(arg)
        if button is None:
            return
        if button.url:
            self._print(f"  (your browser would open {button.url})")
        payload = button_click(
            self.workspace,
            user=self.state.user,
            button=button,
            channel=self.state.channel,
            names=self.state.names,
            # only a message answers through a response_url; App Home and modals do not
            response_url=(
                self.fake.new_response_url() if button.surface.kind == "message" else None
            ),
        )
        self._print(f"  (clicked [{button.number}] {button.label})")
        assert self.requester is not None
        before = Settler.snapshot()
        response = await self.requester.send_interaction(payload)
        await self._show(response, before, quiet="(no visible change)", origin=button.surface)

    def _find_button(self, arg: str) -> Button | None:
        if not self.state.buttons:
            self._print("  ! there is nothing to click yet")
            return None
        if arg.isdigit():
            wanted = int(arg)
            found = next((b for b in self.state.buttons if b.number == wanted), None)
        else:
            needle = arg.lower()
            found = next(
                (b for b in reversed(self.state.buttons) if needle and needle in b.label.lower()),
                None,
            )
        if found is None:
            self._print(f"  ! no button {arg!r}; expected a number shown in [brackets] or a label")
        return found

    # ------------------------------------------------------------------ output
    async def _show(
        self,
        response: AppResponse,
        before: set[asyncio.Task[Any]],
        *,
        quiet: str | None,
        origin: Surface | None = None,
    ) -> bool:
        await self._settler.settle(before)
        shown_any = False
        if response.status != 200:
            self._print(f"  ! the app answered HTTP {response.status}")
        elif isinstance(response.body, dict) and (
            response.body.get("text") or response.body.get("blocks")
        ):
            self._emit(Shown("Boundary Bot, only visible to you", ""), response.body, origin)
            shown_any = True
        new_calls = self.fake.calls[self._seen :]
        self._seen = len(self.fake.calls)
        for call in new_calls:
            if self.verbose:
                self._print(f"  · app called {call.method} (HTTP {call.status})")
            shown = describe(call, self.state.user, self.state.names)
            if shown is not None:
                self._emit(shown, payload_of(call), origin)
                shown_any = True
        if not shown_any and quiet:
            self._print(f"  {quiet}")
        return shown_any

    def _emit(self, shown: Shown, payload: dict[str, Any], origin: Surface | None) -> None:
        shown.body = render_payload(payload)
        surface = shown.surface or Surface("message", is_ephemeral=True)
        if surface.kind == "message" and surface.channel is None:
            # a response_url reply lands where the clicked message (or the command) was
            from_origin = origin is not None and origin.kind == "message"
            surface.channel = origin.channel if from_origin and origin else self.state.channel
            surface.message_ts = origin.message_ts if from_origin and origin else new_ts()
        for element in find_buttons(payload.get("blocks")):
            button = Button(
                number=len(self.state.buttons) + 1,
                label=str(element["label"]),
                action_id=str(element["action_id"]),
                block_id=element.get("block_id"),
                value=element.get("value"),
                url=element.get("url"),
                surface=surface,
            )
            self.state.buttons.append(button)
            shown.buttons.append(button)
        self._print(format_shown(shown))

    def _abandoned(self, tasks: list[str]) -> None:
        if self.verbose:
            self._print(f"  · still running, no longer awaited: {tasks}")

    def _print(self, text: str) -> None:
        print(text, file=self.out, flush=True)

"""Socket Mode: the app connects out to Slack over a websocket (``SLACK_APP_TOKEN``).

slack_sdk's client reconnects on its own after Slack's ``disconnect`` message, but its
reconnect logic has had bugs (python-slack-sdk #1701, #1446, #1462). :class:`SocketModeRunner`
adds a watchdog that checks the connection every :data:`DROP_CHECK_SECONDS` (or more often):

* a dropped connection (TCP reset, no close frame, no ``disconnect`` message) is replaced at
  once. slack_sdk's own monitor notices it only at its next ping, about 10 s later, and its
  receive loop does not react to an aborted socket at all;
* after every (re)connect it expects Slack's ``hello`` within ``SOCKET_HELLO_TIMEOUT_SECONDS``;
  when none arrives, or the socket closed and no ``hello`` followed, it forces a fresh
  connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.app import services_of
from bot.errors import ConfigurationError

logger = logging.getLogger(__name__)

#: Longest pause between two checks of the connection by the watchdog.
DROP_CHECK_SECONDS = 1.0


class SocketModeRunner:
    """Runs Bolt's ``AsyncSocketModeHandler`` with a hello watchdog."""

    def __init__(
        self,
        app: AsyncApp,
        app_token: str,
        *,
        hello_timeout: float = 30.0,
        web_client: AsyncWebClient | None = None,
    ) -> None:
        if not app_token.startswith("xapp-"):
            raise ConfigurationError("SLACK_APP_TOKEN: expected an app-level token ('xapp-')")
        self.app = app
        self.hello_timeout = hello_timeout
        self.handler = AsyncSocketModeHandler(
            app,
            app_token,
            logger=logging.getLogger("slack_sdk.socket_mode"),
            web_client=web_client or app.client,
        )
        self.hellos = 0
        self.restarts = 0
        #: Connections replaced because the socket had dropped.
        self.reconnects = 0
        self._waiting_since: float | None = None
        self._watchdog: asyncio.Task[None] | None = None
        client: Any = self.handler.client
        client.message_listeners.append(self._on_message)
        client.on_message_listeners.append(self._on_raw_message)
        client.on_close_listeners.append(self._on_close)

    async def _on_message(self, client: Any, message: dict[str, Any], raw: str | None) -> None:
        if message.get("type") == "hello":
            self.hellos += 1
            self._waiting_since = None

    async def _on_raw_message(self, message: Any) -> None:
        # Slack's "disconnect" never reaches message listeners: the client reconnects first.
        data = getattr(message, "data", None)
        if isinstance(data, str) and '"disconnect"' in data[:200]:
            self._expect_hello()

    async def _on_close(self, message: Any) -> None:
        self._expect_hello()

    def _expect_hello(self) -> None:
        if self._waiting_since is None:
            self._waiting_since = asyncio.get_running_loop().time()

    async def start(self) -> None:
        """Connect and start the watchdog (returns once the first connection is made)."""
        self._expect_hello()
        await self.handler.connect_async()
        self._watchdog = asyncio.get_running_loop().create_task(
            self._watch(), name="socket-mode-watchdog"
        )

    async def _watch(self) -> None:
        loop = asyncio.get_running_loop()
        interval = min(DROP_CHECK_SECONDS, max(0.05, self.hello_timeout / 4))
        while True:
            await asyncio.sleep(interval)
            client: Any = self.handler.client
            if not client.closed and not await client.is_connected():
                await self._replace_dropped_connection(client)
                continue
            since = self._waiting_since
            if since is None or loop.time() - since < self.hello_timeout:
                continue
            self.restarts += 1
            logger.warning("no Socket Mode hello within %.0fs; reconnecting", self.hello_timeout)
            self._waiting_since = loop.time()
            try:
                await self.handler.client.connect_to_new_endpoint(force=True)
            except Exception as exc:  # keep watching; the next round retries
                logger.warning("Socket Mode reconnect failed: %s", type(exc).__name__)

    async def _replace_dropped_connection(self, client: Any) -> None:
        """Open a new connection in place of a dropped one (then expect its ``hello``)."""
        self.reconnects += 1
        logger.warning("Socket Mode connection dropped; reconnecting")
        self._expect_hello()
        try:
            # force=False: under slack_sdk's connect lock, and only if nobody (its own
            # monitor) reconnected meanwhile, so one drop never opens two connections.
            await client.connect_to_new_endpoint(force=False)
        except Exception as exc:  # keep watching; the next round retries
            logger.warning("Socket Mode reconnect failed: %s", type(exc).__name__)

    async def stop(self) -> None:
        """Stop the watchdog and close the connection."""
        if self._watchdog is not None:
            self._watchdog.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watchdog
            self._watchdog = None
        await self.handler.close_async()


async def start_socket_mode(app: AsyncApp) -> SocketModeRunner:
    """Start the app's services and a watched Socket Mode connection."""
    svc = services_of(app)
    token = svc.settings.secret("slack_app_token")
    if not token:
        raise ConfigurationError("SLACK_APP_TOKEN: required for Socket Mode")
    await svc.start()
    runner = SocketModeRunner(app, token, hello_timeout=svc.settings.socket_hello_timeout_seconds)
    try:
        await runner.start()
    except BaseException:
        await svc.stop()
        raise
    return runner

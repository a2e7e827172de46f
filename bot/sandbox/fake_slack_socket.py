"""Socket Mode for :class:`bot.sandbox.fake_slack.FakeSlack`: a WebSocket endpoint like Slack's.

``apps.connections.open`` hands out ``ws://127.0.0.1:PORT/socket-mode``. On connect the fake
sends ``hello`` (unless ``withhold_hello``), records every message the client sends (acks
carry ``envelope_id``), and lets tests push envelopes and drop connections.
"""

from __future__ import annotations

import asyncio
import contextlib
import json as jsonlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import WSMsgType, web

from bot.sandbox.fake_slack_methods import FakeState


@dataclass
class _Socket:
    ws: web.WebSocketResponse
    transport: asyncio.Transport | None


class SocketModeMixin:
    """The Socket Mode half of the fake; mixed into ``FakeSlack``."""

    state: FakeState
    socket_acks: list[dict[str, Any]]
    withhold_hello: bool
    _sockets: list[_Socket]
    _socket_count: int

    async def _notify(self) -> None:
        raise NotImplementedError

    async def _wait(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:
        raise NotImplementedError

    async def _handle_socket(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        entry = _Socket(ws, request.transport)
        self._sockets.append(entry)
        self._socket_count += 1
        await self._notify()
        if not self.withhold_hello:
            await ws.send_json(
                {
                    "type": "hello",
                    "num_connections": len(self._sockets),
                    "debug_info": {"host": "fake-slack", "approximate_connection_time": 3600},
                    "connection_info": {"app_id": self.state.app_id},
                }
            )
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    with contextlib.suppress(ValueError):
                        data = jsonlib.loads(msg.data)
                        if isinstance(data, dict):
                            self.socket_acks.append(data)
                            await self._notify()
        finally:
            self._sockets.remove(entry)
            await self._notify()
        return ws

    @property
    def socket_connections(self) -> int:
        """How many Socket Mode connections are open now."""
        return len(self._sockets)

    @property
    def socket_connections_total(self) -> int:
        """How many Socket Mode connections were ever accepted."""
        return self._socket_count

    async def wait_for_socket(self, count: int = 1, timeout: float = 5.0) -> None:
        """Wait until ``count`` connections were accepted in total (reconnects included)."""
        await self._wait(lambda: self._socket_count >= count, timeout, f"{count} socket(s)")

    async def socket_send(self, envelope: dict[str, Any]) -> str:
        """Push ``envelope`` to the newest Socket Mode connection; returns its ``envelope_id``."""
        if not self._sockets:
            raise RuntimeError("expected an open Socket Mode connection; received none")
        envelope = {"envelope_id": uuid.uuid4().hex, **envelope}
        await self._sockets[-1].ws.send_json(envelope)
        return str(envelope["envelope_id"])

    async def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any]:
        """Wait for the client's ack of ``envelope_id``; returns the ack message."""

        def acked() -> bool:
            return any(a.get("envelope_id") == envelope_id for a in self.socket_acks)

        await self._wait(acked, timeout, f"ack of {envelope_id}")
        return next(a for a in self.socket_acks if a.get("envelope_id") == envelope_id)

    async def socket_disconnect(self, reason: str | None = None) -> None:
        """Drop every Socket Mode connection, after Slack's ``disconnect`` message if ``reason``."""
        for entry in list(self._sockets):
            if reason is not None:
                with contextlib.suppress(ConnectionError):
                    await entry.ws.send_json({"type": "disconnect", "reason": reason})
                await entry.ws.close()
            else:
                if entry.transport is not None:
                    entry.transport.abort()
                await entry.ws.close()


def socket_envelope(
    payload: dict[str, Any], *, type: str = "events_api", retry_attempt: int = 0
) -> dict[str, Any]:
    """A Socket Mode envelope as Slack sends it (``events_api``, ``slash_commands``,
    ``interactive``)."""
    return {
        "envelope_id": uuid.uuid4().hex,
        "type": type,
        "payload": payload,
        "accepts_response_payload": type != "events_api",
        "retry_attempt": retry_attempt,
        "retry_reason": "timeout" if retry_attempt else "",
    }

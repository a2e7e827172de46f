"""Database faults for real: PostgreSQL reached through a TCP proxy that the test cuts and
restores (no mock of our code), and SQLite's WAL mode and busy timeout read back."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.sandbox.fake_slack import FakeSlack
from bot.storage import Store
from tests.bot.scenarios.conftest import running_bot
from tests.bot.scenarios.harness import PSEUDONYM_KEY
from tests.bot.storage.helpers import count_rows

RISKY = "I added my client Dana on Facebook last night"


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a server; ``cut()`` drops every connection and stops
    listening (the database is unreachable), ``restore()`` listens again on the same port."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.CancelledError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))

    async def restore(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()
        await asyncio.sleep(0.05)


@pytest.mark.postgres
async def test_database_outage_and_recovery_nothing_processed_twice(
    request: pytest.FixtureRequest, fake_slack: FakeSlack, classifier: Any, guidance: Any
) -> None:
    url = make_url(request.getfixturevalue("pg_session_database"))
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.restore()
    store = Store(url.set(port=proxy.port).render_as_string(False), PSEUDONYM_KEY)
    await store.start(migrate=True)
    try:
        async with running_bot(fake_slack, store, classifier, guidance) as bot:
            assert (await bot.send_message(RISKY)).status == 200  # works before the outage
            await bot.settle()
            await proxy.cut()
            event = bot.message_event(RISKY, user="U0BOB")
            assert (await bot.send_event(event, event_id="EvOUTAGE1")).status == 503
            reply, _ = await bot.send_command("mute 24h", user="U0BOB")
            assert reply.status == 200 and "temporarily unavailable" in reply.text
            async with bot.session.get(bot.server.url + "/healthz") as health:
                assert health.status == 503
            await proxy.restore()  # the database is back
            async with bot.session.get(bot.server.url + "/healthz") as health:
                assert health.status == 200
            for retry in (1, 2):  # Slack's retries of the event that got 503
                reply = await bot.send_event(event, event_id="EvOUTAGE1", retry_num=retry)
                assert reply.status == 200
            await bot.settle()
            users = [c.params["user"] for c in fake_slack.calls_to("chat.postEphemeral")]
            assert users == ["U0ALICE", "U0BOB"]  # the retried event acted exactly once
            assert await count_rows(store, "flag_events") == 2
    finally:
        await store.close()
        await proxy.cut()
        from tests.bot.conftest import _truncate

        await _truncate(request.getfixturevalue("pg_session_database"))


async def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(
    make_store: Callable[..., Any], database_url: str
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite only")
    store = await make_store()
    async with store.engine.connect() as connection:
        mode = (await connection.execute(text("PRAGMA journal_mode"))).scalar_one()
        timeout = (await connection.execute(text("PRAGMA busy_timeout"))).scalar_one()
    assert str(mode).lower() == "wal"
    assert int(timeout) >= 5000

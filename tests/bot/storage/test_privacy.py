"""Privacy: no message text or user id at rest, keyed pseudonyms, encrypted Slack tokens."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from slack_sdk.oauth.installation_store.models.installation import Installation
from sqlalchemy import select

from bot.errors import ConfigurationError, TokenDecryptionError
from bot.storage import FindingRecord, Store
from bot.storage.pseudonym import pseudonymise
from bot.storage.tables import slack_bots, slack_installations

from .helpers import T0, finding

MESSAGE = "Zebulon-7731 asked me out for dinner after our session, should I go?"


def _database_bytes(path: Path) -> bytes:
    return b"".join(
        candidate.read_bytes()
        for candidate in (
            path,
            path.with_name(path.name + "-wal"),
            path.with_name(path.name + "-shm"),
        )
        if candidate.exists()
    )


async def test_no_message_text_ts_or_user_id_in_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "privacy.db"
    store = Store(f"sqlite+aiosqlite:///{path}", "k" * 32)
    await store.start()
    try:
        # What a listener derives from MESSAGE: categories, rule ids, flags. Never the text.
        findings = [
            FindingRecord("romantic", ("romantic.date_invite",), "high", is_question=True),
            FindingRecord("socializing", ("socializing.dinner",), "caution"),
        ]
        result = await store.record_message_flags(
            "Ev0MSG", "T0PRIV", "U0WRITER1", "C0CHAN", findings, thread_ts="1732600000.123456"
        )
        assert result.nudge_id
        await store.record_command_question("T0PRIV", "U0WRITER1", "C0CHAN", ["romantic"])
        await store.set_mute("T0PRIV", "U0WRITER1", T0 + timedelta(days=999))
        assert await store.mark_delivered(result.nudge_id)
        await store.record_feedback("T0PRIV", result.nudge_id, "romantic")
    finally:
        await store.close()
    raw = _database_bytes(path)
    assert len(raw) > 0
    for secret in (MESSAGE, "Zebulon-7731", "dinner after", "U0WRITER1", "1732600000", "Ev0MSG"):
        assert secret.encode() not in raw, secret
        assert secret.encode("utf-16-le") not in raw, secret
    # sanity: the check can fail; recorded identifiers ARE in the file
    assert b"romantic.date_invite" in raw and b"T0PRIV" in raw


async def test_outbox_holds_user_and_thread_only_until_delivery(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    store = Store(f"sqlite+aiosqlite:///{path}", "k" * 32)
    await store.start()
    try:
        result = await store.record_message_flags(
            "Ev1", "T1", "U0WRITER1", "C1", [finding()], thread_ts="1732600000.123456"
        )
        assert result.nudge_id
        with sqlite3.connect(path) as raw_connection:
            rows = raw_connection.execute("SELECT user_id, thread_ts FROM outbox").fetchall()
        assert rows == [("U0WRITER1", "1732600000.123456")]
        await store.mark_delivered(result.nudge_id)
        with sqlite3.connect(path) as raw_connection:
            assert raw_connection.execute("SELECT count(*) FROM outbox").fetchone() == (0,)
    finally:
        await store.close()


def test_pseudonym_is_keyed_and_stable() -> None:
    a = Store("sqlite+aiosqlite:///unused.db", b"a" * 32)
    b = Store("sqlite+aiosqlite:///unused.db", "b" * 32)
    assert a.pseudonym("T1", "U1") == a.pseudonym("T1", "U1")
    assert a.pseudonym("T1", "U1") != b.pseudonym("T1", "U1")
    assert a.pseudonym("T1", "U1") != a.pseudonym("T2", "U1")
    assert len(a.pseudonym("T1", "U1")) == 64 and "U1" not in a.pseudonym("T1", "U1")
    # str and bytes keys are the same key
    assert a.pseudonym("T1", "U1") == Store("sqlite+aiosqlite:///x.db", "a" * 32).pseudonym(
        "T1", "U1"
    )


def test_pseudonym_survives_lone_surrogates() -> None:
    key = b"k" * 32
    value = pseudonymise(key, "T1", "U\ud800X")
    assert len(value) == 64
    assert value != pseudonymise(key, "T1", "U\ud801X")


@pytest.mark.parametrize("key", ["", "short", b"123456789012345"])
def test_short_pseudonym_key_refused(key: str | bytes) -> None:
    with pytest.raises(ConfigurationError, match="PSEUDONYM_KEY must be at least 16 bytes"):
        Store("sqlite+aiosqlite:///unused.db", key)


def _installation(team: str = "T1") -> Installation:
    return Installation(
        app_id="A1",
        enterprise_id=None,
        team_id=team,
        user_id="UADMIN",
        bot_token="xoxb-plain-bot-token-123",
        bot_refresh_token="xoxe-1-plain-refresh-456",
        bot_id="B1",
        bot_user_id="UBOT",
        user_token="xoxp-plain-user-token-789",
        user_refresh_token="xoxe-1-plain-user-refresh-000",
        incoming_webhook_url="https://hooks.slack.com/services/T1/B1/plainhook",
        installed_at=T0.timestamp(),
    )


_PLAINTEXTS = ("xoxb-plain", "xoxe-1-plain", "xoxp-plain", "plainhook")


async def _raw_secret_values(store: Store) -> list[str]:
    values: list[str] = []
    async with store.engine.connect() as connection:
        for table, names in (
            (slack_installations, ("bot_token", "bot_refresh_token", "user_token")),
            (slack_bots, ("bot_token", "bot_refresh_token")),
        ):
            for row in (await connection.execute(select(*(table.c[n] for n in names)))).all():
                values += [v for v in row if v is not None]
    return values


async def test_tokens_encrypted_at_rest_and_round_trip(store: Store) -> None:
    installations = store.installation_store("CLIENT")
    await installations.async_save(_installation())
    raw = await _raw_secret_values(store)
    assert len(raw) == 5
    assert not any(plain in value for value in raw for plain in _PLAINTEXTS)
    found = await installations.async_find_installation(enterprise_id=None, team_id="T1")
    assert found is not None
    assert found.bot_token == "xoxb-plain-bot-token-123"
    assert found.user_refresh_token == "xoxe-1-plain-user-refresh-000"
    assert found.incoming_webhook_url == "https://hooks.slack.com/services/T1/B1/plainhook"
    bot = await installations.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_refresh_token == "xoxe-1-plain-refresh-456"
    assert await store.is_installation_active("T1")


async def test_sqlite_file_has_no_token_plaintext(tmp_path: Path) -> None:
    path = tmp_path / "tokens.db"
    store = Store(f"sqlite+aiosqlite:///{path}", "k" * 32, [Fernet.generate_key().decode()])
    await store.start()
    try:
        await store.installation_store("CLIENT").async_save(_installation())
    finally:
        await store.close()
    raw = _database_bytes(path)
    assert b"UADMIN" in raw  # the row is there
    for plain in _PLAINTEXTS:
        assert plain.encode() not in raw


async def test_key_rotation(store: Store, make_store: Callable[..., Awaitable[Store]]) -> None:
    old_key = Fernet.generate_key().decode()
    new_key = Fernet.generate_key().decode()
    old = await make_store(token_encryption_keys=[old_key])
    await old.installation_store("CLIENT").async_save(_installation())
    before = await _raw_secret_values(old)

    new_only = await make_store(token_encryption_keys=[new_key])
    with pytest.raises(TokenDecryptionError):
        await new_only.installation_store("CLIENT").async_find_installation(
            enterprise_id=None, team_id="T1"
        )

    rotating = await make_store(token_encryption_keys=[new_key, old_key])
    assert await rotating.rotate_token_key() == 2  # one installation row, one bot row
    after = await _raw_secret_values(rotating)
    assert set(before).isdisjoint(after)
    found = await new_only.installation_store("CLIENT").async_find_installation(
        enterprise_id=None, team_id="T1"
    )
    assert found is not None and found.bot_token == "xoxb-plain-bot-token-123"


async def test_rotation_encrypts_legacy_plaintext(store: Store) -> None:
    async with store.engine.begin() as connection:
        await connection.execute(
            slack_bots.insert().values(
                client_id="CLIENT",
                app_id="A1",
                team_id="T9",
                bot_token="xoxb-legacy-plain",
                bot_id="B9",
                bot_user_id="UB9",
                is_enterprise_install=False,
                installed_at=T0.replace(tzinfo=None),
            )
        )
    assert await store.rotate_token_key() == 1
    assert not any("legacy" in value for value in await _raw_secret_values(store))
    bot = await store.installation_store("CLIENT").async_find_bot(enterprise_id=None, team_id="T9")
    assert bot is not None and bot.bot_token == "xoxb-legacy-plain"


async def test_installation_store_requires_a_key(
    make_store: Callable[..., Awaitable[Store]],
) -> None:
    store = await make_store(token_encryption_keys=None)
    with pytest.raises(ConfigurationError, match="TOKEN_ENCRYPTION_KEY"):
        store.installation_store("CLIENT")


def test_invalid_fernet_key_is_named() -> None:
    with pytest.raises(ConfigurationError, match="entry 2 is not a valid Fernet key"):
        Store("sqlite+aiosqlite:///x.db", "k" * 32, [Fernet.generate_key().decode(), "nope"])

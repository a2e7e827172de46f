"""OAuth install through /slack/install and /slack/oauth_redirect against the fake's
``oauth.v2.access``: the tokens are stored encrypted (raw database bytes hold no token),
``boundary-bot db rotate-token-key`` re-encrypts them under a new key, and uninstall
deletes the installation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from bot.sandbox.fake_slack import FakeSlack
from bot.server import start_http
from bot.settings import Settings
from bot.storage import Store
from bot.storage.tables import metadata

ROOT = Path(__file__).resolve().parents[3]
TEAM = "T0OAUTH"
PSEUDONYM_KEY = "oauth-pseudonym-key-0123456789"


async def _raw_rows(store: Store) -> str:
    dump = []
    async with store.engine.connect() as connection:
        for table in metadata.sorted_tables:
            rows = (await connection.execute(select(table))).all()
            dump.extend(repr(tuple(row)) for row in rows)
    return "\n".join(dump)


# slack_sdk's async client still builds aiohttp.BasicAuth for oauth.v2.access (deprecated in
# aiohttp 3.14, removed in 4.0): a third-party warning, not ours.
@pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")
async def test_oauth_install_stores_tokens_encrypted_and_rotation_reencrypts(
    tmp_path: Path, classifier: Any, guidance: Any
) -> None:
    db_file = tmp_path / "oauth.db"
    url = f"sqlite+aiosqlite:///{db_file}"
    old_key = Fernet.generate_key().decode()
    async with FakeSlack(team_id=TEAM, bot_user_id="UBOTOAUTH", bot_id="BOAUTH") as fake:
        settings = Settings(
            slack_client_id="111.222",
            slack_client_secret="oauth-client-secret-99",
            slack_signing_secret="oauth-signing-secret",
            token_encryption_key=old_key,
            pseudonym_key=PSEUDONYM_KEY,
            slack_api_url=fake.api_url,
            database_url=url,
        )
        assert settings.mode == "oauth"
        store = Store(url, PSEUDONYM_KEY, token_encryption_keys=[old_key])
        await store.start(migrate=True)
        server = await start_http(settings, store=store, classifier=classifier, guidance=guidance)
        try:
            async with aiohttp.ClientSession() as session:
                async with session.get(server.url + "/slack/install") as page:
                    assert page.status == 200
                    state = re.search(r"state=([\w-]+)", await page.text())
                    # The state cookie is Secure (https only): send it back by hand.
                    cookie = page.headers["Set-Cookie"].split(";", 1)[0]
                assert state is not None
                async with session.get(
                    server.url + "/slack/oauth_redirect",
                    params={"code": "fake-code", "state": state.group(1)},
                    headers={"Cookie": cookie},
                ) as done:
                    assert done.status == 200, await done.text()
            [grant] = fake.calls_to("oauth.v2.access")
            bot_token = grant.response["access_token"]
            assert bot_token.startswith("xoxb-")
            installed = await store.installation_store("111.222").async_find_bot(
                enterprise_id=None, team_id=TEAM
            )
            assert installed is not None and installed.bot_token == bot_token
            raw = await _raw_rows(store)
            assert bot_token not in raw
        finally:
            await server.stop()
            await store.close()
    assert bot_token.encode() not in db_file.read_bytes()
    wal = Path(f"{db_file}-wal")
    assert not wal.exists() or bot_token.encode() not in wal.read_bytes()

    # Rotate TOKEN_ENCRYPTION_KEY: "NEW,OLD", run the command, then OLD alone fails.
    new_key = Fernet.generate_key().decode()
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": url,
        "PSEUDONYM_KEY": PSEUDONYM_KEY,
        "TOKEN_ENCRYPTION_KEY": f"{new_key},{old_key}",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "db", "rotate-token-key"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()[-1000:]
    assert bot_token.encode() not in done.stdout + done.stderr
    rotated = Store(url, PSEUDONYM_KEY, token_encryption_keys=[new_key])
    await rotated.start(migrate=False)
    stale = Store(url, PSEUDONYM_KEY, token_encryption_keys=[old_key])
    await stale.start(migrate=False)
    try:
        found = await rotated.installation_store("111.222").async_find_bot(
            enterprise_id=None, team_id=TEAM
        )
        assert found is not None and found.bot_token == bot_token
        with pytest.raises(Exception, match="[Dd]ecrypt"):
            await stale.installation_store("111.222").async_find_bot(
                enterprise_id=None, team_id=TEAM
            )
        assert await rotated.delete_workspace(TEAM) > 0
        assert await rotated.delete_workspace(TEAM) == 0
        assert TEAM not in await _raw_rows(rotated)  # installation and bot rows gone
    finally:
        await rotated.close()
        await stale.close()

"""Storage for ``/boundary``: a command's replay claim and its durable effect in ONE transaction.

A slash command claims its ``trigger_id`` (so a replay acts once) and, for a question or a
mute, writes its one effect before Slack gets the 200. Done as two transactions, the command
waited twice in the write queue behind message events (on SQLite, the one database thread);
these methods do both in a single write transaction: the claim first, the effect only when
the claim succeeded. A replay (claim lost) writes nothing and returns False.

On PostgreSQL the claim (and a question's record) is ONE statement sent through asyncpg
directly, on a connection of the engine's pool: a data-modifying CTE is atomic on its own,
so there is one round trip and no ``BEGIN``/``COMMIT``. Elsewhere (SQLite, and
a mute on PostgreSQL) the work is one ``_run_write`` transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import Connection, and_, delete

from bot.storage._base import StoreBase, as_utc, hour_bucket, key_digest, utcnow
from bot.storage._hot import INSERT_FLAGS, claim, question_rows
from bot.storage._hotsql import naive_utc
from bot.storage.pseudonym import pseudonymise
from bot.storage.tables import user_prefs

__all__ = ["CommandMixin"]

#: Claim a key unless a live one exists. Parameters: $1 key hash, $2 now, $3 expiry.
_PG_CLAIM = """
INSERT INTO dedupe_keys AS d (key_hash, created_at, expires_at) VALUES ($1, $2, $3)
ON CONFLICT (key_hash) DO UPDATE
  SET created_at = excluded.created_at, expires_at = excluded.expires_at
  WHERE d.expires_at <= excluded.created_at
RETURNING 1
"""
_PG_CLAIM_ONLY = f"WITH claim AS ({_PG_CLAIM}) SELECT count(*) FROM claim"
#: Claim, then record a question (one row per category) only if claimed. Parameters as
#: :data:`_PG_CLAIM`, then $4 workspace, $5 pseudonym, $6 channel, $7 occurrence id,
#: $8 hour bucket, $9 categories (text[]).
_PG_CLAIM_QUESTION = f"""
WITH claim AS ({_PG_CLAIM}), flags AS (
  INSERT INTO flag_events (workspace_id, user_pseudonym, channel_id, occurrence_id,
    category, rule_id, rule_ids, severity, source, is_question, reported, quoted,
    nudge_sent, feedback, hour_bucket)
  SELECT $4, $5, $6, $7, c.category, NULL, NULL, 'info', 'command', true, false, false,
    false, NULL, $8
  FROM claim, unnest($9::text[]) WITH ORDINALITY AS c(category, ord)
  ORDER BY c.ord
)
SELECT count(*) FROM claim
"""


class CommandMixin(StoreBase):
    """``Store`` methods for the ``/boundary`` ack path (mixed into :class:`Store`)."""

    _pseudonym_key: bytes

    async def claim_command_question(
        self,
        key: str | None,
        ttl: timedelta,
        workspace_id: str,
        user_id: str,
        channel_id: str,
        categories: Sequence[str],
        *,
        now: datetime | None = None,
    ) -> bool:
        """Claim ``key`` (skipped when None) and record that a question was asked (one
        ``flag_events`` row per category, ``general`` when none; never its text), in one
        transaction. False for a replay: nothing is recorded."""
        now = as_utc(now) if now else utcnow()
        pseudonym = pseudonymise(self._pseudonym_key, workspace_id, user_id)
        occurrence_id = uuid.uuid4().hex
        categories = list(dict.fromkeys(categories or ["general"]))
        if key is not None and self.backend == "postgresql":
            return await self._pg_claim(
                _PG_CLAIM_QUESTION,
                key,
                ttl,
                now,
                workspace_id,
                pseudonym,
                channel_id,
                occurrence_id,
                naive_utc(hour_bucket(now)),
                categories,
            )
        rows = question_rows(workspace_id, pseudonym, channel_id, occurrence_id, categories, now)

        def effect(connection: Connection) -> None:
            connection.execute(INSERT_FLAGS, rows)

        return await self._run_write(partial(self._claimed, key, ttl, now, effect))

    async def claim_command_mute(
        self,
        key: str | None,
        ttl: timedelta,
        workspace_id: str,
        user_id: str,
        until: datetime | None,
    ) -> bool:
        """Claim ``key`` (skipped when None) and mute the user's nudges until ``until``
        (None unmutes), in one transaction. False for a replay: nothing changes."""
        until = as_utc(until) if until is not None else None
        pseudonym = pseudonymise(self._pseudonym_key, workspace_id, user_id)
        now = utcnow()
        statement: Any
        if until is None:
            statement = delete(user_prefs).where(
                and_(
                    user_prefs.c.workspace_id == workspace_id,
                    user_prefs.c.user_pseudonym == pseudonym,
                )
            )
        else:
            statement = self._upsert(
                user_prefs,
                {"workspace_id": workspace_id, "user_pseudonym": pseudonym},
                {"mute_until": until, "updated_at": now},
            )

        def effect(connection: Connection) -> None:
            connection.execute(statement)

        return await self._run_write(partial(self._claimed, key, ttl, now, effect))

    async def claim_command(self, key: str, ttl: timedelta) -> bool:
        """Claim a command's replay key (help, topics, a topic, channel settings,
        subcommands: the effect comes later). True for the first caller across all
        workers, False for a replay; the same key space as ``Store.claim_key``."""
        now = utcnow()
        if self.backend == "postgresql":
            return await self._pg_claim(_PG_CLAIM_ONLY, key, ttl, now)
        return await self._run_write(partial(self._claimed, key, ttl, now, _nothing))

    async def _pg_claim(
        self, sql: str, key: str, ttl: timedelta, now: datetime, *rest: Any
    ) -> bool:
        """Run a one-statement claim on a connection of the engine's pool (not the event
        hot path's, so a command never queues behind message events for a connection),
        through asyncpg directly: no ``BEGIN``/``COMMIT``. True when the key was claimed."""
        stamp = naive_utc(now)
        arguments = (key_digest(f"key:{key}"), stamp, stamp + ttl, *rest)
        observers = list(self._sql_observers)
        with self._translating():
            async with self.engine.connect() as connection:
                raw = await connection.get_raw_connection()
                driver: Any = raw.driver_connection
                for observe in observers:
                    observe(sql)
                claimed = await driver.fetchval(sql, *arguments)
        return bool(claimed)

    def _claimed(
        self,
        key: str | None,
        ttl: timedelta,
        now: datetime,
        effect: Callable[[Connection], None],
        connection: Connection,
    ) -> bool:
        """Transaction body: claim ``key`` (the same key space as ``Store.claim_key``), then
        run ``effect`` only if the claim succeeded."""
        if key is not None and not claim(
            connection, backend=self.backend, key=f"key:{key}", ttl=ttl, now=now
        ):
            return False
        effect(connection)
        return True


def _nothing(_connection: Connection) -> None:
    """The effect of a command whose only durable work is its claim."""

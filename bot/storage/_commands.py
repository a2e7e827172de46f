"""Storage for ``/boundary``: a command's replay claim and its durable effect in ONE transaction.

A slash command claims its ``trigger_id`` (so a replay acts once) and, for a question or a
mute, writes its one effect before Slack gets the 200. Done as two transactions, the command
waited twice in the write queue behind message events (on SQLite, the one database thread);
these methods do both in a single write transaction: the claim first, the effect only when
the claim succeeded. A replay (claim lost) writes nothing and returns False.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import Connection, and_, delete

from bot.storage._base import StoreBase, as_utc, utcnow
from bot.storage._hot import INSERT_FLAGS, claim, flag_row
from bot.storage.models import FindingRecord
from bot.storage.pseudonym import pseudonymise
from bot.storage.tables import user_prefs

__all__ = ["CommandMixin"]


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
        rows = [
            flag_row(
                workspace_id,
                pseudonym,
                channel_id,
                occurrence_id,
                FindingRecord(category=category, rule_ids=(), severity="info", is_question=True),
                source="command",
                nudge_sent=False,
                now=now,
            )
            for category in dict.fromkeys(categories or ["general"])
        ]

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

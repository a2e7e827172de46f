"""Alembic migrations for Boundary Bot's database (applied by ``boundary-bot db upgrade``).

The script location is this package, so migrations work from an installed wheel. New
revisions go in ``versions/``; create one with
``alembic -x url=sqlite+aiosqlite:///dev.db -c /dev/null revision -m "..."`` run from a
checkout, or copy the initial revision's layout.
"""

"""Changes that take access away (a disabled user, a revoked device), for the running hub.

The CLI changes the database from another process, where the hub's principal cache and its
streams cannot see it. So every such change also counts up the one `trust_changes` row; the
hub watches it (`server.trust_watch`), forgets its cached principals, re-checks its streams'
tokens and then writes the count to `applied`, which `aufruf user disable` waits for.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from server.db.models import TrustChangesRow


def note_trust_change(session: Session) -> int:
    """Count a change that takes access away; the running hub applies it (`trust_state`)."""
    row = session.get(TrustChangesRow, 1, with_for_update=True)
    if row is None:  # pragma: no cover - the migration makes the row
        row = TrustChangesRow(id=1, changes=0, applied=0)
        session.add(row)
    row.changes += 1
    session.flush()
    return row.changes


def trust_state(session: Session) -> tuple[int, int]:
    """(changes made, changes the running hub has applied)."""
    row = session.get(TrustChangesRow, 1)
    return (0, 0) if row is None else (row.changes, row.applied)


def mark_applied(session: Session, changes: int) -> None:
    """The running hub has applied every trust change up to `changes`."""
    session.execute(
        update(TrustChangesRow)
        .where(TrustChangesRow.id == 1, TrustChangesRow.applied < changes)
        .values(applied=changes)
    )

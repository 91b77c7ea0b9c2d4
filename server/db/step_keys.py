"""A clerk's steps at most once per `Idempotency-Key`: the first answer is kept and replayed.

The lookup and the step run in one write transaction (writers are serialised), so a retry
that comes while the first try is still running waits for it and then finds its answer. A
refused step is kept too (its SAVEPOINT is rolled back, the refusal is stored): a retry gets
the same refusal, not a different outcome from a state that changed meanwhile.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from server.db import desk_refusals
from server.db.models import StepKeyRow


@dataclass(frozen=True, slots=True)
class StepKey:
    """Who sent which key for which request (`request`: `fingerprint` of it)."""

    owner: str
    key: str
    request: str


@dataclass(frozen=True, slots=True)
class StepAnswer:
    """An HTTP answer as sent: status and JSON body (empty for 204)."""

    status: int
    body: bytes


def fingerprint(method: str, path: str, body: bytes) -> str:
    """The SHA-256 of a request: method, path and body bytes."""
    digest = hashlib.sha256(f"{method.upper()} {path}\n".encode())
    digest.update(body)
    return digest.hexdigest()


def find(session: Session, key: StepKey) -> StepAnswer | None:
    """The first answer to this owner's key; KeyReusedError when it was for another request."""
    row = session.scalar(
        select(StepKeyRow).where(StepKeyRow.owner == key.owner, StepKeyRow.key == key.key)
    )
    if row is None:
        return None
    if row.request != key.request:
        raise desk_refusals.key_reused(key.key)
    return StepAnswer(row.status, row.body.encode())


def keep(session: Session, key: StepKey, answer: StepAnswer, now: datetime) -> None:
    """Remember the answer of a step done under a key."""
    session.add(
        StepKeyRow(
            owner=key.owner,
            key=key.key,
            request=key.request,
            status=answer.status,
            body=answer.body.decode(),
            created_at=now,
        )
    )


def prune(session: Session, before: datetime) -> int:
    """Forget keys older than `before` (a retry comes within seconds, not days)."""
    result = session.execute(delete(StepKeyRow).where(StepKeyRow.created_at < before))
    return int(getattr(result, "rowcount", 0) or 0)

"""The tests' real PostgreSQL: where it is, whether it answers, and a fresh schema per test.

Imported as `tests.pg` by the conftests that need PostgreSQL (pytest's importlib mode
resolves the `tests` namespace to this folder).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest

PG_URL = os.environ.get("AUFRUF_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _raw_url() -> str:
    """PG_URL as psycopg itself takes it (without SQLAlchemy's driver suffix)."""
    return PG_URL.replace("+psycopg", "")


def require_postgres() -> None:
    """Return when PostgreSQL answers; skip the test otherwise, or fail it when CI is set."""
    try:
        with psycopg.connect(_raw_url(), connect_timeout=2):
            return
    except psycopg.OperationalError:
        pass
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but PostgreSQL at {PG_URL} is not reachable")
    pytest.skip(f"PostgreSQL at {PG_URL} is not reachable")


@contextmanager
def fresh_schema(prefix: str) -> Iterator[str]:
    """A URL whose search_path is a new schema `<prefix>_<random>`, dropped on exit."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    raw = _raw_url()
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')

"""Ticket numbers: a service letter and a daily sequence (A042), restarting at local midnight."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo


def local_day(now: datetime, timezone: str) -> date:
    """The calendar day at the site for an aware instant (right across DST changes)."""
    if now.tzinfo is None:
        raise ValueError("local_day needs a timezone-aware datetime")
    return now.astimezone(ZoneInfo(timezone)).date()


def format_number(letter: str, seq: int) -> str:
    """The printed number: letter plus at least three digits (A007, A042, A1234)."""
    if seq < 1:
        raise ValueError(f"ticket sequence starts at 1, got {seq}")
    return f"{letter}{seq:03d}"

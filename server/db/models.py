"""SQLAlchemy 2 ORM models of the store; every time is stored in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


ANON_PREFIX = "anon-"
"""An anonymised appointment's number is this and the row's id; the import refuses numbers
that start so, in any case (SQLite's LIKE in `NAMED` ignores case)."""
KEYED = "status_key != ''"
"""A ticket whose status key the housekeeping has not blanked yet (`server.db.personal`)."""
NAMED = f"number NOT LIKE '{ANON_PREFIX}%'"
"""An appointment the housekeeping has not anonymised yet (`server.db.personal`)."""
TICKET_EVENTS = ("ticket.issued", "ticket.called", "ticket.changed")
"""The logged events that carry a `TicketInfo`, and with it the clerks' `note`."""
NOTED = (
    f"type IN ({', '.join(repr(kind) for kind in TICKET_EVENTS)})"
    """ AND payload NOT LIKE '%"note":""%'"""
)
"""A logged ticket event whose note the housekeeping has not blanked yet (`server.db.personal`):
the JSON encoding writes an empty note as `"note":""`, and a quote inside a note is escaped,
so no other payload holds that text."""


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC (naive UTC text on SQLite, timestamptz on PostgreSQL)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Refuse naive times; convert aware ones to UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("refusing to store a naive datetime")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:  # noqa: ARG002
        """Hand back an aware UTC datetime."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base with stable constraint names (the migration uses the same)."""

    metadata = MetaData(naming_convention=NAMING)


class AppointmentRow(Base):
    """A booked visit imported from the booking system."""

    __tablename__ = "appointments"
    __table_args__ = (
        Index(
            "ix_appointments_scheduled_at_named",
            "scheduled_at",
            sqlite_where=text(NAMED),
            postgresql_where=text(NAMED),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    service_id: Mapped[str] = mapped_column(String(64))
    scheduled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    name: Mapped[str] = mapped_column(String(200), default="")
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class TicketRow(Base):
    """A ticket: per issuing service and local day a gap-free sequence (A001, A002, …)."""

    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("day", "issued_service_id", "seq", name="uq_tickets_day_service_seq"),
        Index("ix_tickets_day_status", "day", "status"),
        Index(
            "ix_tickets_day_keyed", "day", sqlite_where=text(KEYED), postgresql_where=text(KEYED)
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    service_id: Mapped[str] = mapped_column(String(64))
    """The service it waits for now (a transfer changes it)."""
    issued_service_id: Mapped[str] = mapped_column(String(64))
    """The service whose daily sequence gave it its number (never changes)."""
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    origin: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(16))
    emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    status_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    queued_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_called_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    counter_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    pinned_counter_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    appointment_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointments.id"), nullable=True, unique=True
    )
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    transfers: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class IdempotencyKeyRow(Base):
    """A kiosk's request key and the ticket it produced, so a retry never makes two."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("issuer_id", "key", name="uq_idempotency_issuer_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issuer_id: Mapped[str] = mapped_column(String(128))
    key: Mapped[str] = mapped_column(String(128))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StepKeyRow(Base):
    """A clerk's step done under an `Idempotency-Key`: the first answer, sent again on a retry.

    `owner` is the caller (a username or device id), `request` the SHA-256 of method, path and
    body: the same key with another request is refused, never answered with the wrong answer.
    """

    __tablename__ = "step_keys"
    __table_args__ = (
        UniqueConstraint("owner", "key", name="uq_step_keys_owner_key"),
        Index("ix_step_keys_created_at", "created_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(128))
    key: Mapped[str] = mapped_column(String(128))
    request: Mapped[str] = mapped_column(String(64))
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CounterRow(Base):
    """A counter's live state: open/paused/closed, who sits there, the ticket in hand."""

    __tablename__ = "counters"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    clerk: Mapped[str | None] = mapped_column(String(64), nullable=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EventRow(Base):
    """One event of the log; its primary key is the gap-free sequence number."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_at", "at"),
        Index("ix_events_at_noted", "at", sqlite_where=text(NOTED), postgresql_where=text(NOTED)),
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    type: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class EventSeqRow(Base):
    """The single row holding the last event seq; updating it serialises writers."""

    __tablename__ = "event_seq"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(Integer)


class DeviceRow(Base):
    """A paired machine; its token is stored as a SHA-256 hash."""

    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class UserRow(Base):
    """A person who logs in; the password is stored as an argon2 hash."""

    __tablename__ = "users"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """A disabled user cannot log in; disabling ended their open sessions."""


class SessionRow(Base):
    """A login session; the token is stored as a SHA-256 hash."""

    __tablename__ = "sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("users.username", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    """Why the session was ended before it expired (``user_disabled``); None while valid."""


class TrustChangesRow(Base):
    """The single row counting changes that take access away (disabled user, revoked device).

    The running hub watches `changes`: on a new value it forgets its cached principals and
    re-checks its streams' tokens, then writes the value to `applied` (`aufruf user disable`
    waits for that, so the change has taken effect when the command returns).
    """

    __tablename__ = "trust_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    changes: Mapped[int] = mapped_column(Integer)
    applied: Mapped[int] = mapped_column(Integer)


class AlarmRow(Base):
    """A staff alarm: who raised it at which counter, who acknowledged it, and when."""

    __tablename__ = "alarms"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    counter_id: Mapped[str] = mapped_column(String(64))
    raised_by: Mapped[str] = mapped_column(String(64))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    acknowledged_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class DeviceStatusRow(Base):
    """A device's last report: its printer's state, since when, and when it last reported."""

    __tablename__ = "device_status"
    device_id: Mapped[str] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True
    )
    printer: Mapped[str] = mapped_column(String(16))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DeviceAlertRow(Base):
    """A device alert raised and not yet cleared (one per device): what the hub knows at start.

    Written in the transaction that logs the `DeviceAlert` event (`seq`), deleted in the one
    that logs its clearing; the running hub keeps the same in memory (`server.device_watch`).
    """

    __tablename__ = "device_alerts"
    device_id: Mapped[str] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    problem: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)
    """The seq of the event that raised it."""
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)

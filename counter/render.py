"""From the folded hub state to the view's fields: pure functions, Qt-free.

Facts, not words: the widgets word reasons, alerts and printer states in the clerk's language
(`counter.qt.texts`, Qt's translations).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter.queue import StaffQueue
from counter.state import Alert, AlertKind, Choice, Current
from counter.waiting import WaitingPicture, picture, to_ticket
from shared.devices import PrinterStatus
from shared.domain import CounterState, DeviceRole, TicketOrigin, TicketStatus
from shared.policy import CounterProfile, PolicySettings, waited_minutes

PRINTER_TROUBLE = frozenset(
    {
        PrinterStatus.PAPER_NEAR_END,
        PrinterStatus.PAPER_OUT,
        PrinterStatus.COVER_OPEN,
        PrinterStatus.OFFLINE,
        PrinterStatus.ERROR,
    }
)
"""Printer states staff should hear about (each once, until the printer is fine again)."""


@dataclass(frozen=True, slots=True)
class Context:
    """What rendering needs besides the queue."""

    counter_id: str | None
    profiles: Mapping[str, CounterProfile]
    names: Mapping[str, str]
    """Service id -> name in the clerk's language."""
    policy: PolicySettings
    now: datetime


def fields(queue: StaffQueue, ctx: Context) -> dict[str, Any]:
    """The counter-dependent fields of the view state."""
    cid = ctx.counter_id
    counter = queue.counters.get(cid) if cid else None
    profile = ctx.profiles.get(cid) if cid else None
    everything = CounterProfile("*office*", dict.fromkeys(ctx.names, 1.0))
    tickets = list(queue.tickets.values())
    return {
        "counter_name": counter.name if counter else "",
        "clerk": (counter.clerk or "") if counter else "",
        "counter_state": counter.state if counter else CounterState.CLOSED,
        "current": _current(queue, ctx) if cid else None,
        "waiting": (
            picture(tickets, profile, ctx.names, ctx.now, ctx.policy)
            if profile
            else WaitingPicture()
        ),
        "parked": tuple(
            Choice(id=str(t.id), name=t.number) for t in queue.with_status(TicketStatus.PARKED)
        ),
        "my_alarm": next((a for a in queue.alarms.values() if a.counter_id == cid), None),
        "board": tuple(sorted(queue.counters.values(), key=lambda c: c.id)),
        "office_queue": picture(tickets, everything, ctx.names, ctx.now, ctx.policy, size=0),
        "printers": {d.id: d.printer for d in queue.devices.values()},
    }


def _current(queue: StaffQueue, ctx: Context) -> Current | None:
    ticket = queue.in_hand(ctx.counter_id or "")
    if ticket is None:
        return None
    since = ticket.called_at or ctx.now
    waited = waited_minutes(to_ticket(ticket), since)
    return Current(
        ticket_id=ticket.id,
        number=ticket.number,
        concern=ctx.names.get(ticket.service_id, ticket.service_id),
        status=ticket.status,
        waited_minutes=int(waited),
        appointment=ticket.origin is TicketOrigin.APPOINTMENT,
        note=ticket.note,
        why=queue.why.get(ticket.id),
        language=ticket.language,
    )


def alerts(queue: StaffQueue, ctx: Context) -> tuple[Alert, ...]:
    """The open office alerts: alarms elsewhere, kiosk printers, devices out of contact
    (kiosks, displays), emergencies."""
    found = []
    for alarm in queue.alarms.values():
        if alarm.counter_id == ctx.counter_id:
            continue
        found.append(
            Alert(
                key=f"alarm:{alarm.id}",
                kind=AlertKind.ALARM,
                subject=alarm.counter_name,
                alarm_id=alarm.id,
            )
        )
    found.extend(
        Alert(
            key=f"printer:{device.id}:{device.printer.value}",
            kind=AlertKind.PRINTER,
            subject=device.name,
            device_id=device.id,
            printer=device.printer,
        )
        for device in queue.devices.values()
        if device.printer in PRINTER_TROUBLE
    )
    found.extend(
        Alert(
            key=f"{gone.role.value}:{gone.device_id}",
            kind=AlertKind.KIOSK if gone.role is DeviceRole.KIOSK else AlertKind.DISPLAY,
            subject=gone.name,
            device_id=gone.device_id,
        )
        for gone in sorted(queue.device_alerts.values(), key=lambda a: a.seq)
    )
    found.extend(
        Alert(
            key=f"emergency:{ticket.id}",
            kind=AlertKind.EMERGENCY,
            subject=ticket.number,
            concern=ctx.names.get(ticket.service_id, ticket.service_id),
        )
        for ticket in queue.with_status(TicketStatus.WAITING)
        if ticket.emergency
    )
    return tuple(found)

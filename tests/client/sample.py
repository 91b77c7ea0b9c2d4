"""Sample events and answers for the client tests."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from pydantic import TypeAdapter

from shared.display_setup import CounterPlace, DisplaySetup, InfoTexts
from shared.domain import CounterState, DeviceRole, TicketOrigin, TicketStatus, UserRole
from shared.protocol import (
    AlarmInfo,
    CallReason,
    CallReasonCode,
    CounterInfo,
    Snapshot,
    TicketInfo,
    TicketIssued,
)
from shared.wire import (
    AlarmAnswer,
    CalledTicket,
    CounterAnswer,
    DayFigures,
    DeviceContact,
    Health,
    ImportAnswer,
    IssuedTicket,
    Overview,
    PolicyAnswer,
    SessionAnswer,
    SiteAnswer,
    SiteCounter,
    SiteService,
    StaffContact,
    SteppedTicket,
    TicketStatusAnswer,
)

AT = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def issued(seq: int) -> TicketIssued:
    """A walk-in ticket A<seq> issued as event <seq>."""
    ticket = TicketInfo(
        id=seq,
        number=f"A{seq:03d}",
        service_id="pass",
        status=TicketStatus.WAITING,
        origin=TicketOrigin.WALK_IN,
        emergency=False,
        language="de",
        created_at=AT,
    )
    return TicketIssued(seq=seq, at=AT, ticket=ticket)


TICKET = issued(5).ticket
COUNTER = CounterInfo(id="c3", name="Schalter 3", location="Raum 1.12", state=CounterState.OPEN)
CALLED = CalledTicket(
    ticket=TICKET,
    reason="walk-in, waiting 3 min",
    why=CallReason(code=CallReasonCode.WALK_IN, waited_minutes=3, weight=1.0, score=1.3),
    seq=10,
)
ISSUED = IssuedTicket(
    ticket=TICKET,
    service_name="Reisepass",
    expected_wait_minutes=12.5,
    position=3,
    status_url="http://hub/api/v1/tickets/5/status?key=k",
)
SITE = SiteAnswer(
    id="amt",
    name="Testamt",
    timezone="Europe/Berlin",
    languages=("de", "en"),
    services=(
        SiteService(
            id="pass",
            letter="A",
            names={"de": "Reisepass"},
            documents={"de": ("Foto",)},
            expected_minutes=10.0,
            emergency=False,
        ),
    ),
    counters=(SiteCounter(id="c3", name="Schalter 3", location="", weights={"pass": 1.0}),),
)
ALARM = AlarmInfo(id=7, counter_id="c3", counter_name="Schalter 3", raised_by="mia", raised_at=AT)


def _fields(record: TicketInfo | CounterInfo | AlarmInfo) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in fields(record)}


STEPPED = SteppedTicket(**_fields(TICKET), seq=11)
COUNTER_ANSWER = CounterAnswer(**_fields(COUNTER), seq=12)
ALARM_ANSWER = AlarmAnswer(**_fields(ALARM), seq=13)
ANSWERS = {
    "health": Health(status="ok", site="amt", api=1),
    "site": SITE,
    "status": TicketStatusAnswer(
        number="A005",
        status=TicketStatus.WAITING,
        position=2,
        counter_name=None,
        service_name="Reisepass",
    ),
    "issued": ISSUED,
    "session": SessionAnswer(token="sess-42", role=UserRole.CLERK, username="mia"),
    "snapshot": Snapshot(seq=9, at=AT, tickets=(TICKET,), counters=(COUNTER,)),
    "called": CALLED,
    "ticket": STEPPED,
    "counter": COUNTER_ANSWER,
    "alarm": ALARM_ANSWER,
    "policy": PolicyAnswer(
        appointment_window_minutes=15.0, ageing_per_minute=0.1, max_wait_minutes=60.0
    ),
    "overview": Overview(
        at=AT,
        figures=DayFigures(
            day=AT.date(),
            tickets=4,
            called=3,
            waiting=1,
            done=2,
            no_shows=1,
            median_wait_minutes=6.5,
            p90_wait_minutes=12.0,
            longest_wait_minutes=14.0,
        ),
        devices=(
            DeviceContact(
                id="d1",
                name="Kiosk 1",
                role=DeviceRole.KIOSK,
                revoked=False,
                last_seen=AT,
                streaming=True,
            ),
        ),
        staff=(
            StaffContact(
                username="mia",
                display_name="Mia",
                role="clerk",
                last_seen=None,
                streaming=False,
            ),
        ),
    ),
    "display": DisplaySetup(
        display_id="hall",
        name="Wartehalle",
        site_name="Testamt",
        timezone="Europe/Berlin",
        counters=(CounterPlace(id="c3", name="Schalter 3", floor="1", room="1.12"),),
        info=(InfoTexts(language="de", texts=("Bitte Nummer merken.",)),),
    ),
    "import": ImportAnswer(imported=2, skipped=1, errors=("line 4: unknown service 'x'",)),
}
"""A typed answer of each kind, as the tests script the hub to send it."""


def as_json(answer: object) -> object:
    """An answer as the hub sends it (JSON-ready)."""
    return TypeAdapter(type(answer)).dump_python(answer, mode="json")

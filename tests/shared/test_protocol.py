"""The event protocol: every event round-trips through JSON; the public form leaks nothing."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta, timezone
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from hardware.printer import PrinterStatus as HardwarePrinterStatus
from shared.devices import PrinterStatus
from shared.domain import CounterState, DeviceRole, TicketOrigin, TicketStatus
from shared.lifecycle import TicketAction
from shared.protocol import (
    AlarmAcknowledged,
    AlarmInfo,
    AlarmRaised,
    CallReason,
    CallReasonCode,
    CounterChanged,
    CounterInfo,
    DeviceAlert,
    DeviceInfo,
    DeviceProblem,
    DeviceStatusChanged,
    DisplayAck,
    Event,
    Heartbeat,
    PublicCall,
    PublicClear,
    PublicSnapshot,
    PublicWaiting,
    Snapshot,
    StaffEvent,
    TicketCalled,
    TicketChanged,
    TicketInfo,
    TicketIssued,
    decode,
    decode_ack,
    encode,
    encode_ack,
    to_public,
)

AT = datetime(2026, 11, 23, 9, 14, tzinfo=UTC)

text = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
ids = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12)
seqs = st.integers(0, 2**53)
moments = st.datetimes(
    min_value=datetime(2000, 1, 1),  # noqa: DTZ001 -- bounds of a strategy, zone given below
    max_value=datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5))]),
)
ticket_infos = st.builds(
    TicketInfo,
    id=st.integers(1, 2**31),
    number=st.from_regex(r"[A-Z][0-9]{3,4}", fullmatch=True),
    service_id=ids,
    status=st.sampled_from(TicketStatus),
    origin=st.sampled_from(TicketOrigin),
    emergency=st.booleans(),
    language=st.sampled_from(["de", "en", "ar", "uk", "tr", "fa"]),
    created_at=moments,
    queued_at=st.none() | moments,
    called_at=st.none() | moments,
    counter_id=st.none() | ids,
    pinned_counter_id=st.none() | ids,
    recalls=st.integers(0, 10),
    note=text,
    due_at=st.none() | moments,
)
call_reasons = st.builds(
    CallReason,
    code=st.sampled_from(CallReasonCode),
    waited_minutes=st.integers(0, 600),
    due_in_minutes=st.none() | st.integers(-600, 600),
    limit_minutes=st.none() | st.integers(1, 600),
    weight=st.none() | st.floats(0, 100, allow_nan=False),
    score=st.none() | st.floats(0, 1e6, allow_nan=False),
)
alarm_infos = st.builds(
    AlarmInfo,
    id=st.integers(1, 2**31),
    counter_id=ids,
    counter_name=text,
    raised_by=ids,
    raised_at=moments,
    acknowledged_by=st.none() | ids,
    acknowledged_at=st.none() | moments,
)
counter_infos = st.builds(
    CounterInfo,
    id=ids,
    name=text,
    location=text,
    state=st.sampled_from(CounterState),
    clerk=st.none() | text,
    ticket_number=st.none() | st.from_regex(r"[A-Z][0-9]{3}", fullmatch=True),
)
ticket_called = st.builds(
    TicketCalled,
    seq=seqs,
    at=moments,
    ticket=ticket_infos,
    counter_id=ids,
    counter_name=text,
    location=text,
    recall=st.booleans(),
    reason=text,
    why=st.none() | call_reasons,
    floor=text,
    room=text,
    direction=text,
)
ticket_changed = st.builds(
    TicketChanged, seq=seqs, at=moments, ticket=ticket_infos, action=st.sampled_from(TicketAction)
)
ticket_issued = st.builds(TicketIssued, seq=seqs, at=moments, ticket=ticket_infos)
counter_changed = st.builds(CounterChanged, seq=seqs, at=moments, counter=counter_infos)
alarm_raised = st.builds(AlarmRaised, seq=seqs, at=moments, alarm=alarm_infos)
alarm_acknowledged = st.builds(AlarmAcknowledged, seq=seqs, at=moments, alarm=alarm_infos)
device_alerts = st.builds(
    DeviceAlert,
    seq=seqs,
    at=moments,
    device_id=ids,
    name=text,
    role=st.sampled_from(DeviceRole),
    raised=st.booleans(),
    problem=st.sampled_from(DeviceProblem),
)
waiting_counts = st.none() | st.integers(0, 500)
device_infos = st.builds(
    DeviceInfo,
    id=ids,
    name=text,
    role=st.sampled_from(DeviceRole),
    printer=st.sampled_from(PrinterStatus),
    changed_at=moments,
    last_contact=moments,
)
device_changed = st.builds(DeviceStatusChanged, seq=seqs, at=moments, device=device_infos)
public_calls = st.builds(
    PublicCall,
    seq=seqs,
    at=moments,
    number=text,
    counter_id=ids,
    counter_name=text,
    location=text,
    recall=st.booleans(),
    floor=text,
    room=text,
    direction=text,
    language=st.none() | st.sampled_from(["de", "ar", "uk"]),
    waiting=waiting_counts,
)
staff_events: st.SearchStrategy[StaffEvent] = st.one_of(
    ticket_issued,
    ticket_called,
    ticket_changed,
    counter_changed,
    alarm_raised,
    alarm_acknowledged,
    device_alerts,
    device_changed,
)
EVENT_STRATEGIES: dict[type, st.SearchStrategy[Event]] = {
    TicketIssued: ticket_issued,
    TicketCalled: ticket_called,
    TicketChanged: ticket_changed,
    CounterChanged: counter_changed,
    AlarmRaised: alarm_raised,
    AlarmAcknowledged: alarm_acknowledged,
    DeviceAlert: device_alerts,
    DeviceStatusChanged: device_changed,
    Snapshot: st.builds(
        Snapshot,
        seq=seqs,
        at=moments,
        tickets=st.lists(ticket_infos, max_size=3).map(tuple),
        counters=st.lists(counter_infos, max_size=3).map(tuple),
        alarms=st.lists(alarm_infos, max_size=2).map(tuple),
        alerts=st.lists(device_alerts, max_size=2).map(tuple),
        devices=st.lists(device_infos, max_size=3).map(tuple),
    ),
    PublicCall: public_calls,
    PublicClear: st.builds(
        PublicClear, seq=seqs, at=moments, number=text, counter_id=ids, waiting=waiting_counts
    ),
    PublicWaiting: st.builds(PublicWaiting, seq=seqs, at=moments, waiting=st.integers(0, 500)),
    PublicSnapshot: st.builds(
        PublicSnapshot,
        seq=seqs,
        at=moments,
        calls=st.lists(public_calls, max_size=3).map(tuple),
        waiting=st.integers(0, 500),
    ),
    Heartbeat: st.builds(Heartbeat, seq=seqs, at=moments),
}
events: st.SearchStrategy[Event] = st.one_of(*EVENT_STRATEGIES.values())
PUBLIC_FIELDS = {
    *("type", "seq", "at", "number", "counter_id", "counter_name", "location", "recall"),
    *("floor", "room", "direction", "language", "waiting"),
}
"""Numbers, counters, places, the kiosk language and a count: nothing about a person."""


@given(events)
def test_every_event_round_trips(event: Event) -> None:
    line = encode(event)
    assert "\n" not in line
    assert decode(line) == event
    assert decode(line.encode()) == event
    assert json.loads(line)["type"] == event.type


def test_every_event_type_has_a_strategy() -> None:
    union = get_args(get_args(Event)[0])
    assert set(union) == set(EVENT_STRATEGIES)


def test_the_wire_form_is_plain_json() -> None:
    info = TicketInfo(
        id=7,
        number="A042",
        service_id="aufenthalt",
        status=TicketStatus.CALLED,
        origin=TicketOrigin.WALK_IN,
        emergency=False,
        language="de",
        created_at=AT,
    )
    event = TicketCalled(
        seq=12, at=AT, ticket=info, counter_id="s3", counter_name="Schalter 3", location="1.12"
    )
    wire = json.loads(encode(event))
    assert wire["type"] == "ticket.called"
    assert wire["seq"] == 12
    assert wire["at"] == "2026-11-23T09:14:00Z"
    assert wire["ticket"]["status"] == "called"
    assert wire["ticket"]["origin"] == "walk_in"


@pytest.mark.parametrize(
    "line",
    [
        "",
        "not json",
        "{}",
        '{"type": "ticket.exploded", "seq": 1, "at": "2026-11-23T09:14:00Z"}',
        '{"type": "heartbeat", "at": "2026-11-23T09:14:00Z"}',
        '{"type": "heartbeat", "seq": "many", "at": "2026-11-23T09:14:00Z"}',
        '{"type": "public.clear", "seq": 1, "at": "yesterday", "number": "A1", "counter_id": "x"}',
    ],
)
def test_malformed_lines_are_refused(line: str) -> None:
    with pytest.raises(ValidationError):
        decode(line)


def test_an_unknown_status_is_refused() -> None:
    good = json.loads(encode(TicketIssued(seq=1, at=AT, ticket=_info())))
    good["ticket"]["status"] = "teleported"
    with pytest.raises(ValidationError):
        decode(json.dumps(good))


def _info(**changes: object) -> TicketInfo:
    info = TicketInfo(
        id=1,
        number="B007",
        service_id="einbuergerung",
        status=TicketStatus.SERVING,
        origin=TicketOrigin.APPOINTMENT,
        emergency=True,
        language="uk",
        created_at=AT,
        counter_id="s1",
        note="Dolmetscher nötig",
    )
    return replace(info, **changes)  # type: ignore[arg-type]


@given(staff_events, st.none() | ids, waiting_counts)
def test_public_form_carries_only_number_and_counter(
    event: StaffEvent, previous: str | None, waiting: int | None
) -> None:
    public = to_public(event, previous, waiting=waiting)
    if public is None:
        return
    assert {f.name for f in fields(public)} <= PUBLIC_FIELDS
    assert set(json.loads(encode(public))) <= PUBLIC_FIELDS
    assert isinstance(event, TicketCalled | TicketChanged | TicketIssued)
    assert (public.seq, public.at) == (event.seq, event.at)
    assert public.waiting == waiting
    if not isinstance(public, PublicWaiting):
        assert public.number == event.ticket.number


@given(ticket_called)
def test_every_call_is_shown(event: TicketCalled) -> None:
    public = to_public(event)
    assert public == PublicCall(
        seq=event.seq,
        at=event.at,
        number=event.ticket.number,
        counter_id=event.counter_id,
        counter_name=event.counter_name,
        location=event.location,
        recall=event.recall,
        floor=event.floor,
        room=event.room,
        direction=event.direction,
        language=event.ticket.language,
    )
    assert to_public(event, with_language=False) == replace(public, language=None)


@pytest.mark.parametrize(
    "action",
    [
        TicketAction.FINISH,
        TicketAction.NO_SHOW,
        TicketAction.PARK,
        TicketAction.TRANSFER,
        TicketAction.CANCEL,
    ],
)
def test_clearing_actions_clear_the_board(action: TicketAction) -> None:
    changed = TicketChanged(seq=5, at=AT, ticket=_info(), action=action)
    assert to_public(changed) == PublicClear(seq=5, at=AT, number="B007", counter_id="s1")
    # a transfer has already forgotten its counter: the caller names the previous one
    moved = replace(changed, ticket=_info(counter_id=None))
    assert to_public(moved, previous_counter_id="s2") == PublicClear(
        seq=5, at=AT, number="B007", counter_id="s2"
    )
    assert to_public(moved) is None


@pytest.mark.parametrize("action", [TicketAction.CALL, TicketAction.RECALL, TicketAction.START])
def test_other_steps_are_not_shown(action: TicketAction) -> None:
    assert to_public(TicketChanged(seq=5, at=AT, ticket=_info(), action=action)) is None


def test_issues_and_counter_changes_are_not_shown() -> None:
    counter = CounterInfo(id="s1", name="Schalter 1", location="", state=CounterState.OPEN)
    assert to_public(TicketIssued(seq=1, at=AT, ticket=_info())) is None
    assert to_public(CounterChanged(seq=2, at=AT, counter=counter)) is None
    device = DeviceInfo(
        id="k1",
        name="Kiosk Eingang",
        role=DeviceRole.KIOSK,
        printer=PrinterStatus.PAPER_OUT,
        changed_at=AT,
        last_contact=AT,
    )
    assert to_public(DeviceStatusChanged(seq=3, at=AT, device=device)) is None


def test_the_printer_states_are_the_hardware_states() -> None:
    assert {s.value for s in PrinterStatus} == {s.value for s in HardwarePrinterStatus}


@given(st.one_of(alarm_raised, alarm_acknowledged))
def test_staff_alarms_never_reach_the_waiting_room(event: StaffEvent) -> None:
    assert to_public(event, waiting=3) is None


def test_the_waiting_count_rides_on_every_ticket_event() -> None:
    issued = TicketIssued(seq=1, at=AT, ticket=_info(status=TicketStatus.WAITING))
    assert to_public(issued, waiting=4) == PublicWaiting(seq=1, at=AT, waiting=4)
    started = TicketChanged(seq=2, at=AT, ticket=_info(), action=TicketAction.START)
    assert to_public(started, waiting=3) == PublicWaiting(seq=2, at=AT, waiting=3)
    finished = replace(started, action=TicketAction.FINISH)
    assert to_public(finished, waiting=3) == PublicClear(
        seq=2, at=AT, number="B007", counter_id="s1", waiting=3
    )
    alert = DeviceAlert(
        seq=3,
        at=AT,
        device_id="d1",
        name="foyer",
        role=DeviceRole.DISPLAY,
        raised=True,
        problem=DeviceProblem.NO_ACK,
    )
    assert to_public(alert, waiting=3) is None


@given(seqs)
def test_a_display_ack_round_trips(seq: int) -> None:
    ack = DisplayAck(seq=seq)
    assert decode_ack(encode_ack(ack)) == ack
    assert json.loads(encode_ack(ack)) == {"type": "ack", "seq": seq}


@pytest.mark.parametrize("line", ["", "{}", '{"type": "ack"}', '{"type": "nack", "seq": 1}'])
def test_a_malformed_ack_is_refused(line: str) -> None:
    with pytest.raises(ValidationError):
        decode_ack(line)

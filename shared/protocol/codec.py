"""Every event on the wire as one tagged union, and its JSON encoding (a display's ack too)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, TypeAdapter

from shared.protocol.control import DisplayAck, Heartbeat
from shared.protocol.public import PublicEvent, PublicSnapshot
from shared.protocol.staff import Snapshot, StaffEvent

Event = Annotated[
    StaffEvent | Snapshot | PublicEvent | PublicSnapshot | Heartbeat,
    Field(discriminator="type"),
]

_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def encode(event: Event) -> str:
    """Encode an event as one line of JSON."""
    return _ADAPTER.dump_json(event).decode()


def decode(text: str | bytes) -> Event:
    """Decode one JSON event; raises pydantic.ValidationError on anything malformed."""
    return _ADAPTER.validate_json(text)


_ACK: TypeAdapter[DisplayAck] = TypeAdapter(DisplayAck)


def encode_ack(ack: DisplayAck) -> str:
    """Encode a display's acknowledgement as JSON."""
    return _ACK.dump_json(ack).decode()


def decode_ack(text: str | bytes) -> DisplayAck:
    """Decode a display's acknowledgement; raises pydantic.ValidationError when malformed."""
    return _ACK.validate_json(text)

"""Messages that keep a stream going rather than tell of the office: heartbeat and ack."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal


@dataclass(frozen=True, slots=True, kw_only=True)
class Heartbeat:
    """Sent on an idle stream so both ends know the line is alive; seq is the latest."""

    type: Literal["heartbeat"] = "heartbeat"
    seq: int
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class DisplayAck:
    """Sent by a display on its event stream: it has shown every call up to `seq`."""

    type: Literal["ack"] = "ack"
    seq: int

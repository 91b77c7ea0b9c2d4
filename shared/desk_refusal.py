"""Why the hub refused a clerk's step, in words a machine reads (hub and counter app share it).

A refused counter or ticket step (call, recall, start, finish, no-show, park, cancel,
transfer, open/pause/close, alarms) answers with a JSON error body ``{"detail": <English
text for logs>, "reason": <StepRefusal>, ...facts}``. The facts are the hub's true state at
the moment of the refusal — the ticket's number and status, the counter that holds it, the
counter's state — so the counter app can say in the clerk's language what is the case
instead of guessing. No Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import TypeAdapter, ValidationError

from shared.domain import CounterState, TicketStatus


class StepRefusal(StrEnum):
    """Why a clerk's step was refused (the HTTP status is `STATUS[reason]`)."""

    UNKNOWN_TICKET = "unknown_ticket"
    """No ticket has this id (`ticket_id`)."""
    UNKNOWN_COUNTER = "unknown_counter"
    """The site has no counter with this id (`counter_id`)."""
    UNKNOWN_SERVICE = "unknown_service"
    """A transfer named a concern the site does not offer (`service_id`)."""
    UNKNOWN_ALARM = "unknown_alarm"
    """No alarm has this id (`alarm_id`)."""
    NO_TARGET = "no_target"
    """A transfer named neither a concern nor a counter."""
    TEXT_TOO_LONG = "text_too_long"
    """A note (or the clerk's name) is longer than the hub keeps (`limit` characters)."""
    COUNTER_CLOSED = "counter_closed"
    """Calling at a closed counter (`counter_id`, `counter_name`, `counter_state`)."""
    COUNTER_PAUSED = "counter_paused"
    """Calling at a paused counter (same facts)."""
    COUNTER_BUSY = "counter_busy"
    """The counter still holds a ticket (calling, closing): `ticket_number`, `ticket_status`."""
    NOT_YOUR_TICKET = "not_your_ticket"
    """Another counter holds the ticket (`holder_id`, `holder_name`)."""
    TICKET_TAKEN = "ticket_taken"
    """Calling or cancelling a ticket that is called or served (at `holder_id`)."""
    TRANSFERRED_ELSEWHERE = "transferred_elsewhere"
    """Calling a ticket transferred to another counter (`holder_id`: that counter)."""
    TICKET_NOT_CALLED = "ticket_not_called"
    """Recall, start, no-show, park, transfer or finish of a waiting or parked ticket."""
    TICKET_NOT_STARTED = "ticket_not_started"
    """Finish of a ticket whose visitor was not marked as arrived."""
    ALREADY_STARTED = "already_started"
    """Start, recall or no-show of a ticket being served."""
    ALREADY_FINISHED = "already_finished"
    """Any step on a ticket that is done, a no-show or cancelled (`ticket_status` says which)."""
    ALARM_ACKNOWLEDGED = "alarm_acknowledged"
    """The alarm was acknowledged already (`alarm_id`)."""
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    """The `Idempotency-Key` was used before for another request (another path or body): a
    409, not the IETF draft's 422, which this API keeps for requests against the schema."""


STATUS: dict[StepRefusal, int] = {
    StepRefusal.UNKNOWN_TICKET: 404,
    StepRefusal.UNKNOWN_COUNTER: 404,
    StepRefusal.UNKNOWN_ALARM: 404,
    StepRefusal.UNKNOWN_SERVICE: 400,
    StepRefusal.NO_TARGET: 400,
    StepRefusal.TEXT_TOO_LONG: 400,
}
"""The HTTP status of each refusal; every one not named here is a 409."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StepRefused:
    """A refused step: its reason, the hub's sentence and the true state it refused in."""

    reason: StepRefusal
    detail: str
    ticket_id: int | None = None
    ticket_number: str | None = None
    ticket_status: TicketStatus | None = None
    holder_id: str | None = None
    """The counter that holds the ticket (called or serving), or it is transferred to."""
    holder_name: str | None = None
    counter_id: str | None = None
    """The counter the step was for (calling, open/pause/close, the clerk's own)."""
    counter_name: str | None = None
    counter_state: CounterState | None = None
    service_id: str | None = None
    alarm_id: int | None = None
    limit: int | None = None

    @property
    def status_code(self) -> int:
        """The HTTP status this refusal is usually answered with (404, 400 or 409)."""
        return STATUS.get(self.reason, 409)

    def to_json(self) -> dict[str, Any]:
        """The JSON error body: `detail`, `reason` and the facts that are set."""
        body: dict[str, Any] = _ADAPTER.dump_python(self, mode="json", exclude_none=True)
        return body

    @classmethod
    def from_json(cls, body: object) -> StepRefused | None:
        """The refusal in an error body, or None when it is not one (no known `reason`)."""
        try:
            return _ADAPTER.validate_python(body)
        except ValidationError:
            return None


_ADAPTER: TypeAdapter[StepRefused] = TypeAdapter(StepRefused)


__all__ = ["STATUS", "StepRefusal", "StepRefused"]

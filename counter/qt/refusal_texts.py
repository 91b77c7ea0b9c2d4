"""A refused step in the clerk's words: the hub's reason code and the facts it sent.

The hub refuses a step with a `shared.desk_refusal.StepRefused`: a `StepRefusal` and the true
state it refused in (the ticket's number and status, the counter that holds it, this
counter's state). Here each reason becomes a sentence in the clerk's language, filled with
those facts — nothing is guessed; the hub's English `detail` is shown only for a reason this
app does not know yet. Translated by Qt (context ``counter``, `counter/i18n/counter_*.ts`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from shared.desk_refusal import StepRefusal, StepRefused
from shared.domain import TicketStatus

__all__ = ["refused", "ticket_status"]

translate = QCoreApplication.translate


def ticket_status(status: TicketStatus | None) -> str:
    """A ticket's status in one or two words."""
    if status is None:
        return "?"
    return {
        TicketStatus.WAITING: translate("counter", "waiting"),
        TicketStatus.CALLED: translate("counter", "called"),
        TicketStatus.SERVING: translate("counter", "being served"),
        TicketStatus.DONE: translate("counter", "finished"),
        TicketStatus.NO_SHOW: translate("counter", "did not come"),
        TicketStatus.CANCELLED: translate("counter", "cancelled"),
        TicketStatus.PARKED: translate("counter", "parked"),
    }[status]


def _sentences() -> dict[StepRefusal, Callable[[], str]]:
    """Each reason's sentence (looked up when shown: the clerk may switch language)."""
    return {
        StepRefusal.COUNTER_CLOSED: lambda: translate(
            "counter", "{counter} is closed. Open it with Resume before calling."
        ),
        StepRefusal.COUNTER_PAUSED: lambda: translate(
            "counter", "{counter} is paused. Resume before calling."
        ),
        StepRefusal.COUNTER_BUSY: lambda: translate(
            "counter",
            "{counter} still has {number} ({status}). Finish, park or mark it as a no-show first.",
        ),
        StepRefusal.NOT_YOUR_TICKET: lambda: translate(
            "counter", "{number} is now at {holder} ({status}), not at this counter."
        ),
        StepRefusal.TICKET_TAKEN: lambda: translate(
            "counter", "{number} is already at {holder} ({status})."
        ),
        StepRefusal.TRANSFERRED_ELSEWHERE: lambda: translate(
            "counter", "{number} was transferred to {holder}; only that counter can call it."
        ),
        StepRefusal.TICKET_NOT_CALLED: lambda: translate(
            "counter", "{number} is not called at the moment ({status})."
        ),
        StepRefusal.TICKET_NOT_STARTED: lambda: translate(
            "counter", "{number} has not been marked as arrived. Press Arrived first."
        ),
        StepRefusal.ALREADY_STARTED: lambda: translate(
            "counter", "{number} is already being served."
        ),
        StepRefusal.ALREADY_FINISHED: lambda: translate(
            "counter", "{number} is already closed ({status})."
        ),
        StepRefusal.UNKNOWN_TICKET: lambda: translate(
            "counter", "This number does not exist (any more)."
        ),
        StepRefusal.UNKNOWN_COUNTER: lambda: translate(
            "counter", "The counter {counter} does not exist."
        ),
        StepRefusal.UNKNOWN_SERVICE: lambda: translate(
            "counter", "The concern {service} does not exist."
        ),
        StepRefusal.UNKNOWN_ALARM: lambda: translate(
            "counter", "This call for help does not exist."
        ),
        StepRefusal.NO_TARGET: lambda: translate(
            "counter", "Choose a concern or a counter to transfer to."
        ),
        StepRefusal.TEXT_TOO_LONG: lambda: translate(
            "counter", "The note is too long (at most {limit} characters)."
        ),
        StepRefusal.ALARM_ACKNOWLEDGED: lambda: translate(
            "counter", "Someone is already on the way."
        ),
        StepRefusal.IDEMPOTENCY_KEY_REUSED: lambda: translate(
            "counter", "The server refused a repeated request. Please try again."
        ),
    }


def refused(step: StepRefused | None, detail: str) -> str:
    """The message line of a refused step: "Not possible: " and the reason with its facts."""
    sentences = _sentences()
    if step is None or step.reason not in sentences:
        why = detail  # a refusal this app cannot word: the hub's own text
    else:
        why = sentences[step.reason]().format(
            number=step.ticket_number or "?",
            status=ticket_status(step.ticket_status),
            holder=step.holder_name or step.holder_id or "?",
            counter=step.counter_name or step.counter_id or "?",
            service=step.service_id or "?",
            limit=step.limit or 0,
        )
    return translate("counter", "Not possible: {detail}").format(detail=why)

"""Why the policy chose a ticket, as data: `CallReason` from a policy `Choice`.

The hub sends it with every call; the counter app words it in the clerk's language.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from shared.policy import (
    DEFAULT_SETTINGS,
    Choice,
    ChoiceReason,
    CounterProfile,
    PolicySettings,
    walk_in_score,
)
from shared.protocol import CallReason, CallReasonCode

_CODE = {
    ChoiceReason.EMERGENCY: CallReasonCode.EMERGENCY,
    ChoiceReason.PINNED: CallReasonCode.PINNED,
    ChoiceReason.APPOINTMENT_DUE: CallReasonCode.APPOINTMENT_DUE,
    ChoiceReason.OVERDUE: CallReasonCode.OVERDUE,
    ChoiceReason.WALK_IN: CallReasonCode.WALK_IN,
}


def _minutes(delta: timedelta) -> int:
    """Whole minutes, rounded towards zero (negative for the past)."""
    return int(delta.total_seconds() / 60)


def call_reason(
    choice: Choice,
    profile: CounterProfile,
    now: datetime,
    settings: PolicySettings = DEFAULT_SETTINGS,
) -> CallReason:
    """The machine-readable reason of a policy choice, with the numbers behind it."""
    ticket = choice.ticket
    waited = max(_minutes(now - ticket.waiting_since), 0)
    code = _CODE[choice.reason]
    if code is CallReasonCode.APPOINTMENT_DUE and ticket.due_at is not None:
        return CallReason(
            code=code, waited_minutes=waited, due_in_minutes=_minutes(ticket.due_at - now)
        )
    if code is CallReasonCode.OVERDUE:
        return CallReason(
            code=code, waited_minutes=waited, limit_minutes=_minutes(settings.max_wait)
        )
    if code is CallReasonCode.WALK_IN:
        return CallReason(
            code=code,
            waited_minutes=waited,
            weight=profile.weight(ticket.service_id),
            score=round(walk_in_score(ticket, profile, now, settings), 2),
        )
    return CallReason(code=code, waited_minutes=waited)


def by_hand(waited_minutes: int) -> CallReason:
    """The reason of a ticket the clerk chose from the list."""
    return CallReason(code=CallReasonCode.BY_HAND, waited_minutes=max(waited_minutes, 0))

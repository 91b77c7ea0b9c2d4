"""The refusal wire form and the check-in window (pure)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from shared.checkin import CheckInWindow
from shared.refusal import Refusal, Refused, Remedy

BOOKED = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_a_refusal_round_trips_through_json() -> None:
    refused = Refused(
        reason=Refusal.TOO_EARLY,
        remedy=Remedy.COME_BACK_LATER,
        detail="check-in opens at 08:00",
        service_id="passport",
        booked_at=BOOKED,
        booked_day=date(2026, 11, 23),
        checkin_from=BOOKED - timedelta(hours=1),
        checkin_until=BOOKED + timedelta(minutes=15),
    )
    body = refused.to_json()
    assert body["reason"] == "too_early"
    assert body["remedy"] == "come_back_later"
    assert body["booked_day"] == "2026-11-23"
    assert "ticket_number" not in body  # unset facts are left out
    assert Refused.from_json(body) == refused


@pytest.mark.parametrize(
    "body",
    [
        {"detail": "plain error"},
        {"detail": "x", "reason": "no-such-reason", "remedy": "go_to_reception"},
        {"detail": "x", "reason": "unknown", "remedy": "go_to_reception", "booked_at": "soon"},
        "not a dict",
        None,
    ],
)
def test_other_error_bodies_are_not_refusals(body: object) -> None:
    assert Refused.from_json(body) is None


def test_extra_fields_are_ignored() -> None:
    body = {"detail": "d", "reason": "unknown", "remedy": "go_to_reception", "later": 1}
    refused = Refused.from_json(body)
    assert refused is not None
    assert refused.reason is Refusal.UNKNOWN


def test_the_window_judges_both_edges_inclusively() -> None:
    window = CheckInWindow(early=timedelta(minutes=60), late=timedelta(minutes=15))
    minute = timedelta(minutes=1)
    assert window.judge(BOOKED, BOOKED - 60 * minute - timedelta(seconds=1)) is Refusal.TOO_EARLY
    assert window.judge(BOOKED, BOOKED - 60 * minute) is None
    assert window.judge(BOOKED, BOOKED + 15 * minute) is None
    assert window.judge(BOOKED, BOOKED + 15 * minute + timedelta(seconds=1)) is Refusal.TOO_LATE
    assert window.opens(BOOKED) == BOOKED - 60 * minute
    assert window.closes(BOOKED) == BOOKED + 15 * minute

"""The entities' own small behaviour: names by language, which services a counter serves, waits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError
from datetime import UTC, datetime, timedelta

import pytest

from shared.domain import Counter, Service, Ticket

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
Make = Callable[..., Ticket]


@pytest.mark.parametrize(
    ("names", "language", "expected"),
    [
        ({"de": "Aufenthalt", "en": "Residence", "ar": "الإقامة"}, "ar", "الإقامة"),
        ({"de": "Aufenthalt", "en": "Residence"}, "uk", "Residence"),
        ({"de": "Aufenthalt"}, "uk", "Aufenthalt"),
        ({"de": "Aufenthalt", "en": ""}, "en", "Aufenthalt"),
    ],
)
def test_service_name_falls_back(names: dict[str, str], language: str, expected: str) -> None:
    service = Service(id="aufenthalt", letter="A", names=names)
    assert service.name(language) == expected


def test_service_name_with_another_fallback() -> None:
    service = Service(id="x", letter="X", names={"en": "Visa", "tr": "Vize", "de": "Visum"})
    assert service.name("fa", fallback="tr") == "Vize"


@pytest.mark.parametrize(
    ("service", "serves"), [("a", True), ("b", False), ("c", False), ("zz", False)]
)
def test_counter_serves_only_positive_weights(service: str, serves: bool) -> None:
    counter = Counter("s1", "Schalter 1", weights={"a": 0.5, "b": 0.0, "c": -1.0})
    assert counter.serves(service) is serves


def test_waiting_since_is_queued_at_else_created_at(ticket: Make) -> None:
    fresh = ticket(1, created_at=NOW)
    assert fresh.waiting_since == NOW
    moved = ticket(1, created_at=NOW, queued_at=NOW + timedelta(minutes=30))
    assert moved.waiting_since == NOW + timedelta(minutes=30)


def test_tickets_are_frozen(ticket: Make) -> None:
    with pytest.raises(FrozenInstanceError):
        ticket(1).note = "changed"  # type: ignore[misc]

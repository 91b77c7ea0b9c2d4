"""The visitor's way in the Qt-free model: screens, keys, retries, timers, printer trouble."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

import pytest

from hardware.printer import PrinterStatus
from hardware.ticket import TicketPrint
from kiosk.model import KioskModel
from kiosk.site import KioskSite, issued_from_answer
from kiosk.way import (
    CheckInRequest,
    Failure,
    Issued,
    IssueRequest,
    Screen,
    Timings,
)
from shared.clock import FakeClock
from shared.refusal import Refusal

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

SITE = KioskSite.from_answer(
    {
        "name": "Testamt",
        "timezone": "Europe/Berlin",
        "languages": ["de", "en", "ar"],
        "services": [
            {
                "id": "general",
                "names": {"de": "Allgemein", "en": "General"},
                "documents": {"de": ["Pass"], "en": ["Passport"]},
            },
            {"id": "family", "names": {"de": "Familie", "en": "Family"}, "quota_used_up": True},
            {"id": "urgent", "names": {"de": "Notfall", "en": "Emergency"}, "emergency": True},
        ],
    }
)


class Recorder:
    """Collects what the model asks the app to do."""

    def __init__(self, model: KioskModel) -> None:
        self.requests: list[Any] = []
        self.prints: list[TicketPrint] = []
        self.languages: list[str] = []
        model.request_ready.connect(self.requests.append)
        model.print_requested.connect(self.prints.append)
        model.language_changed.connect(self.languages.append)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def model(clock: FakeClock) -> KioskModel:
    keys = (f"k{n}" for n in itertools.count(1))
    return KioskModel(SITE, clock, timings=Timings(), new_key=lambda: next(keys))


@pytest.fixture
def seen(model: KioskModel) -> Recorder:
    return Recorder(model)


def issued(number: str = "A001", service_id: str = "general") -> Issued:
    return issued_from_answer(
        {
            "ticket": {
                "id": 1,
                "number": number,
                "service_id": service_id,
                "created_at": "2026-11-23T08:00:00Z",
            },
            "service_name": "Allgemein",
            "expected_wait_minutes": 12.4,
            "status_url": "http://hub/s/1?key=x",
        }
    )


def walk_in(model: KioskModel, lang: str = "en") -> None:
    model.choose_language(lang)
    model.choose_walk_in()
    model.choose_concern("general")
    model.print_ticket()


def test_walk_in_way_issues_once_and_prints(model: KioskModel, seen: Recorder) -> None:
    model.choose_language("en")
    assert model.view_state().screen is Screen.WAY
    model.choose_walk_in()
    state = model.view_state()
    assert [c.id for c in state.concerns] == ["general", "family"]  # no emergency for visitors
    model.choose_concern("general")
    assert model.view_state().concern is not None
    assert model.view_state().concern.documents == ("Passport",)  # type: ignore[union-attr]
    assert seen.requests == []  # nothing is issued by loading a screen
    model.print_ticket()
    model.print_ticket()  # a second touch sends nothing
    assert seen.requests == [IssueRequest("k1", "general", "en")]
    assert model.view_state().screen is Screen.WAIT
    model.answered("k1", issued())
    state = model.view_state()
    assert (state.screen, state.printing) == (Screen.TICKET, True)
    (ticket,) = seen.prints
    assert (ticket.number, ticket.concern, ticket.language) == ("A001", "General", "en")
    assert ticket.expected_wait_minutes == 12
    assert ticket.issued_at.utcoffset() is not None
    assert ticket.issued_at.hour == 9  # Berlin
    model.printed()
    assert model.view_state().deadline is not None
    model.done()
    assert model.view_state().screen is Screen.START
    assert model.view_state().language == "de"
    assert seen.languages == ["en", "de"]


def test_appointment_keypad_and_check_in(model: KioskModel, seen: Recorder) -> None:
    model.choose_language("ar")
    assert model.view_state().rtl
    model.choose_appointment()
    for digit in "12x3":
        model.press_digit(digit)
    model.erase()
    model.press_digit("4")
    assert model.view_state().digits == "124"
    model.submit_number()
    assert seen.requests == [CheckInRequest("k1", "124", "ar")]


def test_language_the_site_lacks_goes_to_the_hub_as_english(
    model: KioskModel, seen: Recorder
) -> None:
    walk_in(model, "ti")
    assert seen.requests == [IssueRequest("k1", "general", "en")]
    model.answered("k1", issued())
    assert seen.prints[0].language == "ti"  # the paper is still in Tigrinya


def test_hub_unreachable_keeps_the_key_and_retries(
    model: KioskModel, seen: Recorder, clock: FakeClock
) -> None:
    walk_in(model)
    model.failed("k1", Failure(0, "hub not reachable"))
    state = model.view_state()
    assert (state.screen, state.busy) == (Screen.RECEPTION, True)
    model.start_over()  # nothing pending is dropped
    assert model.view_state().screen is Screen.RECEPTION
    clock.advance(Timings().retry)
    model.expire()
    model.failed("k1", Failure(503, "down"))
    clock.advance(Timings().retry)
    model.expire()
    assert [r.key for r in seen.requests] == ["k1", "k1", "k1"]
    model.answered("k1", issued())
    assert model.view_state().screen is Screen.TICKET
    model.answered("k1", issued())  # a late duplicate answer changes nothing
    assert len(seen.prints) == 1


def test_no_answer_within_three_seconds_shows_reception(
    model: KioskModel, seen: Recorder, clock: FakeClock
) -> None:
    walk_in(model)
    clock.advance(2.9)
    model.expire()
    assert model.view_state().screen is Screen.WAIT
    clock.advance(0.1)
    model.expire()
    assert model.view_state().screen is Screen.RECEPTION
    model.answered("k1", issued())  # the slow answer still counts
    assert model.view_state().screen is Screen.TICKET


@pytest.mark.parametrize(
    ("failure", "refusal"),
    [
        (Failure(409, "x", "too_early"), Refusal.TOO_EARLY),
        (Failure(409, "x", "too_late"), Refusal.TOO_LATE),
        (Failure(404, "x", "unknown"), Refusal.UNKNOWN),
        (Failure(404, "no appointment"), Refusal.UNKNOWN),
        (Failure(409, "x", "already_checked_in"), Refusal.ALREADY_CHECKED_IN),
        (Failure(409, "x", "other_day"), Refusal.OTHER_DAY),
        (Failure(409, "x", "not_offered"), Refusal.NOT_OFFERED),
        (Failure(409, "x", "something_new"), None),  # a reason this kiosk does not know
        (Failure(400, "bad"), None),
    ],
)
def test_check_in_refusals(
    model: KioskModel, seen: Recorder, failure: Failure, refusal: Refusal | None
) -> None:
    model.choose_language("de")
    model.choose_appointment()
    model.press_digit("7")
    model.submit_number()
    model.failed("k1", failure)
    state = model.view_state()
    assert (state.screen, state.refusal, state.busy) == (Screen.REFUSED, refusal, False)
    model.back()
    assert model.view_state().screen is Screen.WAY
    model.choose_walk_in()  # the alternative: a walk-in ticket
    assert model.view_state().screen is Screen.CONCERNS


def test_quota_used_up(model: KioskModel, seen: Recorder) -> None:
    model.choose_language("de")
    model.choose_walk_in()
    model.choose_concern("family")
    state = model.view_state()
    assert (state.screen, state.refusal) == (Screen.REFUSED, Refusal.QUOTA_USED_UP)
    assert seen.requests == []
    walk_in(model)
    model.failed("k1", Failure(409, "cap", "quota_used_up"))
    assert model.view_state().refusal is Refusal.QUOTA_USED_UP
    walk_in(model)
    model.failed("k2", Failure(409, "today's limit"))  # a hub without reasons
    assert model.view_state().refusal is Refusal.QUOTA_USED_UP
    walk_in(model)
    model.failed("k3", Failure(404, "no such service"))
    assert model.view_state().refusal is None  # refused for a reason the kiosk cannot name


@pytest.mark.parametrize(
    "status", [PrinterStatus.PAPER_OUT, PrinterStatus.COVER_OPEN, PrinterStatus.OFFLINE]
)
def test_printer_trouble_shows_the_number(
    model: KioskModel, seen: Recorder, clock: FakeClock, status: PrinterStatus
) -> None:
    walk_in(model)
    model.answered("k1", issued())
    model.print_failed(status)
    state = model.view_state()
    assert (state.screen, state.printer_problem) == (Screen.NOTE_NUMBER, status)
    assert state.issued is not None
    assert state.issued.number == "A001"
    clock.advance(Timings().note_number)
    model.expire()
    assert model.view_state().screen is Screen.START


def test_touch_and_scan_during_printing_are_kept(model: KioskModel, seen: Recorder) -> None:
    walk_in(model)
    model.answered("k1", issued())
    model.done()  # "finished" while the paper is still coming
    model.scanned("B-2026-0042")  # the next visitor scans
    assert model.view_state().screen is Screen.TICKET
    assert len(seen.requests) == 1
    model.printed()
    assert seen.requests[-1] == CheckInRequest("k2", "B-2026-0042", "de")
    assert model.view_state().screen is Screen.WAIT


def test_scan_on_the_start_screen_checks_in(model: KioskModel, seen: Recorder) -> None:
    model.scanned("  4711 ")
    model.scanned("")
    assert seen.requests == [CheckInRequest("k1", "4711", "de")]


def test_idle_timeout_and_touch(model: KioskModel, clock: FakeClock) -> None:
    model.choose_language("en")
    model.choose_appointment()
    clock.advance(Timings().idle - 1)
    model.touched()
    clock.advance(2)
    model.expire()
    assert model.view_state().screen is Screen.APPOINTMENT
    clock.advance(Timings().idle)
    model.expire()
    assert model.view_state().screen is Screen.START
    assert model.view_state().deadline is None


def test_back_and_large_text(model: KioskModel) -> None:
    model.choose_language("fa")
    model.choose_walk_in()
    model.choose_concern("general")
    model.choose_concern("nope")
    model.back()
    assert model.view_state().screen is Screen.CONCERNS
    model.back()
    model.back()
    assert model.view_state().screen is Screen.START
    model.toggle_large_text()
    assert model.view_state().large_text


def test_walk_in_offer_from_the_hub(model: KioskModel, seen: Recorder) -> None:
    model.choose_language("en")
    model.choose_walk_in()
    model.walk_in_offer(("general",), frozenset({"general"}))
    (concern,) = model.view_state().concerns
    assert (concern.id, concern.quota_used_up) == ("general", True)
    model.choose_concern("general")
    assert model.view_state().refusal is Refusal.QUOTA_USED_UP
    assert seen.requests == []


def test_texts_fall_back_to_english(model: KioskModel) -> None:
    model.choose_language("uk")
    assert [c.name for c in model.view_state().concerns] == ["General", "Family"]

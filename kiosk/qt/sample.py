"""A kiosk window on the example office, driven by hand to every screen (no hub, no printer).

For the screenshots (`bench/kiosk_screenshots.py`) and the touch-target tests: `SampleKiosk`
builds the real views on a `KioskModel` with the example office's services, and `scenes()`
names a way to each screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hardware.printer import PrinterStatus
from kiosk.model import KioskModel
from kiosk.qt.app import I18N_DIR
from kiosk.qt.appointment import QtAppointmentScreen
from kiosk.qt.concerns import QtConcernsScreen
from kiosk.qt.documents import QtDocumentsScreen
from kiosk.qt.note import QtNoteNumberScreen
from kiosk.qt.reception import QtReceptionScreen
from kiosk.qt.refused import QtRefusedScreen
from kiosk.qt.screen import QtScreen
from kiosk.qt.start import QtStartScreen
from kiosk.qt.ticket import QtTicketScreen
from kiosk.qt.wait import QtWaitScreen
from kiosk.qt.way import QtWayScreen
from kiosk.qt.window import QtKioskWindow
from kiosk.site import KioskSite, ServiceTexts
from kiosk.way import Failure, Issued
from shared.clock import FakeClock
from shared.config import load_config
from shared.languages import KIOSK_LANGUAGES
from shared.qt.translations import QtTranslations
from shared.speech import voice_for

__all__ = ["SIZE", "SampleKiosk", "scenes"]

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "office.toml"
SIZE = (1920, 1080)
"""The default kiosk screen."""


class SampleKiosk:
    """A kiosk window on the example office, driven by hand."""

    def __init__(self) -> None:
        config = load_config(EXAMPLE)
        services = tuple(
            ServiceTexts(
                id=s.id,
                names=dict(s.names),
                documents={k: tuple(v) for k, v in s.documents.items()},
                explanations=dict(s.explanations),
                emergency=s.emergency,
                quota_used_up=s.id == "naturalisation",
            )
            for s in config.services
        )
        languages = tuple(lang.code for lang in KIOSK_LANGUAGES)
        site = KioskSite(config.site.name, config.site.timezone, languages, services)
        self.model = KioskModel(site, FakeClock(datetime(2026, 11, 23, 8, 14, tzinfo=UTC)))
        self.translations = QtTranslations(I18N_DIR, "kiosk")
        self.translations.switch(site.default_language)
        self.model.language_changed.connect(self.translations.switch)
        self.window = QtKioskWindow()
        m = self.model
        screens: list[QtScreen] = [
            QtStartScreen(m, _Voices(), KIOSK_LANGUAGES),
            QtWayScreen(m, _Voices()),
            QtAppointmentScreen(m, _Voices()),
            QtConcernsScreen(m, _Voices()),
            QtDocumentsScreen(m, _Voices()),
            QtWaitScreen(m, _Voices()),
            QtTicketScreen(m, _Voices()),
            QtNoteNumberScreen(m, _Voices()),
            QtRefusedScreen(m, _Voices()),
            QtReceptionScreen(m, _Voices()),
        ]
        self.window.add_screens(screens)
        m.changed.connect(self.window.show_state)
        self.window.resize(*SIZE)
        self.window.show()

    def shoot(self, path: Path) -> None:
        """Grab the window into ``path``."""
        QApplication.processEvents()
        self.window.grab().save(str(path))


class _Voices:
    """The voices espeak-ng has here (the read-aloud button shows as on the kiosk); silent."""

    def available(self, language: str) -> bool:
        """Whether espeak-ng has a voice for ``language``."""
        return voice_for(language) is not None

    def speak(self, text: str, language: str) -> None:
        """Silence."""


def _issued(*, booked: bool = False) -> Issued:
    return Issued(
        ticket_id=42,
        number="A042",
        service_id="residence_extension",
        service_name="Verlängerung des Aufenthaltstitels",
        created_at=datetime(2026, 11, 23, 8, 14, tzinfo=UTC),
        expected_wait_minutes=35,
        status_url="http://127.0.0.1:8470/s/42?key=Zq3xY8pLm2",
        booked_at=datetime(2026, 11, 23, 8, 30, tzinfo=UTC) if booked else None,
    )


def scenes(s: SampleKiosk, lang: str) -> dict[str, Callable[[], None]]:
    """A way to each screen, by name (call one after `reset`)."""
    m = s.model

    def way() -> None:
        m.choose_language(lang)

    def appointment() -> None:
        way()
        m.choose_appointment()
        for d in "20261123":
            m.press_digit(d)

    def concerns() -> None:
        way()
        m.choose_walk_in()

    def documents() -> None:
        concerns()
        m.choose_concern("residence_extension")

    def wait() -> None:
        documents()
        m.print_ticket()

    def ticket() -> None:
        wait()
        assert m.pending is not None
        m.answered(m.pending.key, _issued())
        m.printed()

    def checked_in() -> None:
        appointment()
        m.submit_number()
        assert m.pending is not None
        m.answered(m.pending.key, _issued(booked=True))

    def note() -> None:
        wait()
        assert m.pending is not None
        m.answered(m.pending.key, _issued())
        m.print_failed(PrinterStatus.PAPER_OUT)

    def refused() -> None:
        appointment()
        m.submit_number()
        assert m.pending is not None
        m.failed(m.pending.key, Failure(409, "too early", "too_early"))

    def not_offered() -> None:
        appointment()
        m.submit_number()
        assert m.pending is not None
        m.failed(m.pending.key, Failure(409, "no longer offered", "not_offered"))

    def quota() -> None:
        concerns()
        m.choose_concern("naturalisation")

    def reception() -> None:
        wait()
        assert m.pending is not None
        m.failed(m.pending.key, Failure(0, "hub not reachable"))

    return {
        "way": way,
        "appointment": appointment,
        "concerns": concerns,
        "documents": documents,
        "wait": wait,
        "ticket": ticket,
        "checkin": checked_in,
        "note": note,
        "refused": refused,
        "not-offered": not_offered,
        "quota": quota,
        "reception": reception,
    }


def reset(s: SampleKiosk) -> None:
    """Back to the start screen, whatever was pending."""
    m = s.model
    if m.pending is not None:
        m.answered(m.pending.key, _issued())
    m.printed()
    m.done()
    m.start_over()

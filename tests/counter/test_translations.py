"""The counter's texts: every language has every string, finished, with its placeholders; the
clerk picks the language in the app, every window switches at once, and this PC remembers it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QSettings

from counter.actions import Verb
from counter.qt import texts
from counter.qt.app import I18N_DIR, LANGUAGE_KEY, CounterApp, CounterOptions
from counter.qt.receipt import receipt_languages, texts_for
from counter.state import Alert, AlertKind, Message, Note
from shared.clock import SystemClock
from shared.desk_refusal import StepRefusal, StepRefused
from shared.devices import PrinterStatus
from shared.domain import TicketStatus
from shared.qt.sound import QtSoundQueue
from shared.qt.translations import QtTranslations
from tests.counter.conftest import QT_NOISE, start_app
from tests.ts_files import assert_every_string_finished, extract

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.api.conftest import Hub

ROOT = I18N_DIR.parents[1]
RECEIPT = "counter/qt/receipt.py"
SOURCES = (
    *sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "counter" / "qt").glob("*.py")
        if str(p.relative_to(ROOT)) != RECEIPT
    ),
    "shared/qt/banner.py",
)
CODES = ["de", "en"]
RECEIPT_CODES = ["ar", "de", "en", "fa", "fr", "ru", "tr", "uk"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """The strings the counter's widgets ask Qt to translate, as lupdate finds them now."""
    return extract(SOURCES, tmp_path_factory.mktemp("lupdate"))


@pytest.fixture(scope="module")
def receipt_strings(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """The receipt's words (context ``receipt``), as lupdate finds them now."""
    return extract((RECEIPT,), tmp_path_factory.mktemp("lupdate_receipt"))


@pytest.mark.parametrize("code", CODES)
def test_language_has_every_string_finished(code: str, extracted: set[tuple[str, str]]) -> None:
    assert len(extracted) > 100  # lupdate found the widgets' strings
    assert {context for context, _ in extracted} == {"counter", "QtConnectionBanner"}
    assert_every_string_finished(I18N_DIR / f"counter_{code}.ts", extracted)


@pytest.mark.parametrize("code", RECEIPT_CODES)
def test_receipt_language_has_every_string_finished(
    code: str, receipt_strings: set[tuple[str, str]]
) -> None:
    assert {context for context, _ in receipt_strings} == {"receipt"}
    assert len(receipt_strings) == 5
    assert_every_string_finished(I18N_DIR / f"receipt_{code}.ts", receipt_strings)


def test_the_receipt_prints_the_visitors_language_from_the_compiled_files(qapp: Any) -> None:
    assert receipt_languages() == frozenset(RECEIPT_CODES), "pip install -e . compiles them"
    arabic = texts_for("ar")
    assert (arabic.title, arabic.rtl) == ("إيصال استلام", True)
    assert texts_for("de").title == "Eingangsbestätigung"
    assert texts_for("ti").title == "Confirmation of receipt"  # no translation: English


def test_the_compiled_files_word_the_models_facts(qapp: Any) -> None:
    translations = QtTranslations(I18N_DIR, "counter")
    assert translations.available() == CODES, "pip install -e . compiles the .ts files"
    alarm = Alert(key="alarm:1", kind=AlertKind.ALARM, subject="Schalter 1", alarm_id=1)
    printer = Alert(
        key="printer:k", kind=AlertKind.PRINTER, subject="Kiosk", printer=PrinterStatus.PAPER_OUT
    )
    refused = Message(note=Note.REFUSED, detail="counter is paused", error=True)
    try:
        assert translations.switch("de")
        assert texts.alert(alarm) == "Schalter 1 braucht Hilfe!"
        assert texts.alert(printer) == "Kiosk: Drucker – Papier leer."
        assert texts.message(refused) == "Nicht möglich: counter is paused"
        assert texts.unauthorized("no_such_code") == (
            "Sie sind nicht mehr angemeldet. Bitte neu anmelden."
        )
        assert texts.verb(Verb.NEXT) == "Nächste  [F5]"
        assert translations.switch("en")
        assert texts.alert(alarm) == "Schalter 1 needs help!"
        assert texts.verb(Verb.NEXT) == "Next  [F5]"
    finally:
        translations.uninstall()


BUSY = StepRefused(
    reason=StepRefusal.COUNTER_BUSY,
    detail="Schalter 1 still has A003 (called); finish, park or no-show A003 first",
    ticket_number="A003",
    ticket_status=TicketStatus.CALLED,
    counter_id="c1",
    counter_name="Schalter 1",
)


@pytest.mark.parametrize("code", CODES)
def test_every_step_refusal_is_worded_with_its_facts(qapp: Any, code: str) -> None:
    translations = QtTranslations(I18N_DIR, "counter")
    try:
        assert translations.switch(code)
        for reason in StepRefusal:
            step = StepRefused(
                reason=reason,
                detail="the hub's English sentence",
                ticket_number="A003",
                ticket_status=TicketStatus.SERVING,
                holder_name="Schalter 2",
                counter_name="Schalter 1",
                service_id="passport",
                limit=500,
            )
            line = texts.message(Message(note=Note.REFUSED, step=step, error=True))
            assert "the hub's English sentence" not in line, reason  # worded, not passed on
            assert "{" not in line, line  # every placeholder filled
        busy = texts.message(Message(note=Note.REFUSED, step=BUSY, error=True))
        unknown = texts.message(Message(note=Note.REFUSED, detail="why not", error=True))
    finally:
        translations.uninstall()
    expected = {
        "de": "Nicht möglich: Schalter 1 hat noch A003 (aufgerufen). Erst abschließen, "
        "zurückstellen oder „Nicht erschienen“ wählen.",
        "en": "Not possible: Schalter 1 still has A003 (called). Finish, park or mark it as "
        "a no-show first.",
    }
    assert busy == expected[code]
    assert unknown.endswith(": why not")  # a reason this app does not know: the hub's text


@pytest.mark.qt_log_ignore(QT_NOISE)
def test_the_clerk_switches_the_language_live_and_this_pc_keeps_it(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    window, desk = app.window, app.window.desk
    hub.issue("general")
    qtbot.waitUntil(lambda: "1 wartend" in desk.header.text())
    assert window.windowTitle() == "Aufruf – Schalter"
    assert desk.verbs.buttons[Verb.NEXT].text() == "Nächste  [F5]"
    english = next(a for a in window.language_actions.actions() if a.data() == "en")
    english.trigger()  # View → Language → English, while at work
    assert "1 waiting" in desk.header.text()  # the model's facts are worded again at once
    qtbot.waitUntil(lambda: window.windowTitle() == "Aufruf – counter")  # Qt posts the change
    assert desk.verbs.buttons[Verb.NEXT].text() == "Next  [F5]"
    assert desk.details.text() == "Nobody at the counter. Call the next number with F5."
    assert window.supervisor.refresh.text() == "Refresh figures"  # hidden windows too
    assert english.isChecked()
    app.stop()
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    assert settings.value(LANGUAGE_KEY) == "en"

    sounds = QtSoundQueue(silent=True)
    again = CounterApp(CounterOptions(server_url=hub.base), settings, SystemClock(), sounds=sounds)
    qtbot.addWidget(again.window, before_close_func=lambda _: again.stop())
    login = again.window.login
    assert login.submit.text() == "Log in"  # this PC's language from the start
    assert login.language.currentData() == "en"
    login.language.setCurrentIndex(login.language.findData("de"))
    login.language.activated.emit(login.language.currentIndex())  # the clerk picks Deutsch
    qtbot.waitUntil(lambda: login.submit.text() == "Anmelden")
    qtbot.waitUntil(lambda: again.window.windowTitle() == "Aufruf – Schalter")
    assert settings.value(LANGUAGE_KEY) == "de"
    again.stop()

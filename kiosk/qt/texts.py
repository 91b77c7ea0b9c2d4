"""Every text the visitor reads, in one place, translated by Qt (context ``kiosk``).

Short sentences, one instruction per screen, for people who read little. The source texts
are English; `kiosk/i18n/kiosk_<lang>.ts` hold the translations (placeholders ``{0}`` stay).
Each function is called at render time, so a language switch shows at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from shared.refusal import Refusal

translate = QCoreApplication.translate

__all__ = ["refusal_text", "translate"]


def touch_language() -> str:
    """Start screen, under the greeting."""
    return translate("kiosk", "Touch your language.")


def appointment_question() -> str:
    """Way screen title."""
    return translate("kiosk", "Do you have an appointment?")


def have_appointment() -> str:
    """Way screen button."""
    return translate("kiosk", "Yes, I have an appointment")


def no_appointment() -> str:
    """Way screen button."""
    return translate("kiosk", "No, I have no appointment")


def type_number() -> str:
    """Appointment screen title."""
    return translate("kiosk", "Type your appointment number.")


def or_scan() -> str:
    """Appointment screen hint."""
    return translate("kiosk", "Or hold your letter under the scanner.")


def erase() -> str:
    """Keypad key."""
    return translate("kiosk", "Erase")


def ok() -> str:
    """Keypad key."""
    return translate("kiosk", "OK")


def choose_concern() -> str:
    """Concerns screen title."""
    return translate("kiosk", "Why are you here? Touch one.")


def no_more_today() -> str:
    """A concern whose quota is used up."""
    return translate("kiosk", "No more tickets today.")


def have_ready() -> str:
    """Documents screen title."""
    return translate("kiosk", "Please have these papers ready.")


def no_papers() -> str:
    """Documents screen without documents."""
    return translate("kiosk", "You need no papers.")


def print_ticket() -> str:
    """The one large button of the documents screen."""
    return translate("kiosk", "Print ticket")


def one_moment() -> str:
    """Wait screen."""
    return translate("kiosk", "One moment, please.")


def your_number() -> str:
    """Ticket screen, above the number."""
    return translate("kiosk", "Your number")


def keep_ticket() -> str:
    """Ticket screen."""
    return translate("kiosk", "Please keep your ticket.")


def printing() -> str:
    """Ticket screen while the printer works."""
    return translate("kiosk", "Your ticket is printing.")


def wait_minutes(minutes: int) -> str:
    """Ticket screen: the expected wait."""
    return translate("kiosk", "Waiting time: about {0} minutes.").format(minutes)


def watch_screens() -> str:
    """Ticket screen: what happens next."""
    return translate("kiosk", "Watch the screens. We will call your number.")


def your_appointment(time: str) -> str:
    """Ticket screen after a check-in: the booked time."""
    return translate("kiosk", "Your appointment: {0}").format(time)


def finished() -> str:
    """Button on the ticket and note screens."""
    return translate("kiosk", "Finished")


def note_number() -> str:
    """Note screen title (printer trouble)."""
    return translate("kiosk", "Please write down your number.")


def printer_broken() -> str:
    """Note screen: why, and where to go."""
    return translate("kiosk", "The printer does not work. Please tell the reception.")


def go_to_reception() -> str:
    """Reception screen title (hub unreachable)."""
    return translate("kiosk", "Please go to the reception.")


def machine_not_working() -> str:
    """Reception screen: calm reason."""
    return translate("kiosk", "This machine is not working right now.")


def ticket_without_appointment() -> str:
    """Refusal screen: the walk-in alternative."""
    return translate("kiosk", "Ticket without appointment")


def type_again() -> str:
    """Refusal screen for an unknown number."""
    return translate("kiosk", "Type the number again")


def back_to_start() -> str:
    """Refusal screen."""
    return translate("kiosk", "Back to the start")


def back() -> str:
    """Top bar."""
    return translate("kiosk", "Back")


def read_aloud() -> str:
    """Top bar."""
    return translate("kiosk", "Read aloud")


def larger_text() -> str:
    """Top bar, large-text mode off."""
    return translate("kiosk", "Larger text")


def normal_text() -> str:
    """Top bar, large-text mode on."""
    return translate("kiosk", "Normal text")


def refusal_text(refusal: Refusal | None) -> str:
    """What a refusal means and what to do instead (the reception, for one without words)."""
    other = translate("kiosk", "This did not work. Please go to the reception.")
    if refusal is None:
        return other
    texts = {
        Refusal.TOO_EARLY: translate(
            "kiosk", "You are too early. Please come back shortly before your appointment."
        ),
        Refusal.TOO_LATE: translate(
            "kiosk", "You are too late for your appointment. Please go to the reception."
        ),
        Refusal.UNKNOWN: translate(
            "kiosk", "We cannot find this appointment. Check the number or go to the reception."
        ),
        Refusal.ALREADY_CHECKED_IN: translate(
            "kiosk", "You are already checked in. Please wait for your number."
        ),
        Refusal.OTHER_DAY: translate(
            "kiosk", "Your appointment is on another day. Please come on that day."
        ),
        Refusal.QUOTA_USED_UP: translate(
            "kiosk", "No more tickets for this today. Please go to the reception."
        ),
        Refusal.NOT_OFFERED: translate(
            "kiosk",
            "Your concern is not handled here today. Please ask at the reception. "
            "They will gladly help you.",
        ),
    }
    return texts.get(refusal, other)

"""The words of the facts the counter's models hand over, translated by Qt (context ``counter``).

The source texts are English, as the kiosk's; `counter/i18n/counter_<lang>.ts` hold the
translations (German is the office's language; placeholders such as ``{counter}`` stay).
Everything is worded at render time, so switching the language shows at once. Static labels
of one widget live in that widget (also ``translate("counter", ...)``); this module words
what the Qt-free models return: messages with the hub's reason codes, why a ticket was called,
office alerts, printer states, the verbs' buttons, counter states.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter.actions import SHORTCUTS, Verb
from counter.desk_devices import DeviceReport, Health, Remedy, remedy
from counter.qt.refusal_texts import refused
from counter.state import Alert, AlertKind, Message, Note
from shared.devices import PrinterStatus
from shared.domain import CounterState
from shared.protocol import CallReason, CallReasonCode

__all__ = [
    "alert",
    "counter_state",
    "device_advice",
    "device_health",
    "message",
    "minutes",
    "printer",
    "reason",
    "refused",
    "translate",
    "unauthorized",
    "verb",
]


translate = QCoreApplication.translate
"""``translate("counter", source)``: lupdate finds these calls (context, English source)."""


def verb(which: Verb) -> str:
    """A button's words with its shortcut, e.g. "Nächste  [F5]"."""
    words = {
        Verb.NEXT: translate("counter", "Next"),
        Verb.RECALL: translate("counter", "Recall"),
        Verb.START: translate("counter", "Arrived"),
        Verb.FINISH: translate("counter", "Finish"),
        Verb.NO_SHOW: translate("counter", "No-show"),
        Verb.PARK: translate("counter", "Park"),
        Verb.TRANSFER: translate("counter", "Transfer…"),
        Verb.CALL: translate("counter", "Call this one"),
        Verb.PAUSE: translate("counter", "Pause"),
        Verb.RESUME: translate("counter", "Resume"),
        Verb.CLOSE: translate("counter", "Close"),
        Verb.RECEIPT: translate("counter", "Receipt"),
        Verb.ALARM: translate("counter", "Help"),
    }
    return f"{words[which]}  [{SHORTCUTS[which]}]"


def counter_state(state: CounterState) -> str:
    """A counter's state in one word."""
    return {
        CounterState.OPEN: translate("counter", "open"),
        CounterState.PAUSED: translate("counter", "paused"),
        CounterState.CLOSED: translate("counter", "closed"),
    }[state]


def minutes(count: float) -> str:
    """A number of minutes, short ("12 Min.")."""
    return translate("counter", "{n} min").format(n=int(count))


def message(note: Message | None) -> str:
    """The message line for the clerk ("" for none)."""
    if note is None:
        return ""
    if note.note is Note.REFUSED:
        return refused(note.step, note.detail)
    if note.note is Note.UNAUTHORIZED:
        return unauthorized(note.reason)
    return {
        Note.NOBODY: translate("counter", "Nobody is waiting for this counter."),
        Note.UNREACHABLE: translate(
            "counter", "No connection to the server. The action was not confirmed."
        ),
        Note.ALARM_RAISED: translate("counter", "Help requested – colleagues have been told."),
    }[note.note]


def unauthorized(code: str) -> str:
    """What a 401 means for the clerk, by the hub's reason code."""
    texts = {
        "session_expired": translate("counter", "Your session has expired. Please log in again."),
        "device_revoked": translate("counter", "This workstation was locked. Please ask IT."),
        "bad_credentials": translate("counter", "Wrong username or password."),
        "user_disabled": translate("counter", "Your account is disabled. Please ask a supervisor."),
    }
    return texts.get(code) or translate(
        "counter", "You are no longer logged in. Please log in again."
    )


def printer(status: PrinterStatus) -> str:
    """A printer's state in words."""
    return {
        PrinterStatus.OK: translate("counter", "fine"),
        PrinterStatus.PAPER_NEAR_END: translate("counter", "paper nearly out"),
        PrinterStatus.PAPER_OUT: translate("counter", "out of paper"),
        PrinterStatus.COVER_OPEN: translate("counter", "cover open"),
        PrinterStatus.OFFLINE: translate("counter", "not answering"),
        PrinterStatus.ERROR: translate("counter", "fault"),
        PrinterStatus.UNKNOWN: translate("counter", "state unknown"),
    }[status]


def alert(found: Alert) -> str:
    """An office alert in one line."""
    if found.kind is AlertKind.ALARM:
        return translate("counter", "{counter} needs help!").format(counter=found.subject)
    if found.kind is AlertKind.EMERGENCY:
        return translate("counter", "Emergency {number} is waiting ({concern}).").format(
            number=found.subject, concern=found.concern
        )
    if found.kind is AlertKind.PRINTER:
        state = printer(found.printer or PrinterStatus.UNKNOWN)
        return translate("counter", "{name}: printer – {state}.").format(
            name=found.subject, state=state
        )
    if found.kind is AlertKind.KIOSK:
        return translate("counter", "Kiosk offline: {name}").format(name=found.subject)
    return translate("counter", "Display offline: {name}").format(name=found.subject)


def _due(due_in: int | None) -> str:
    if due_in is None:
        return ""
    if due_in > 0:
        return translate("counter", "due in {n} min").format(n=due_in)
    if due_in < 0:
        return translate("counter", "due {n} min ago").format(n=-due_in)
    return translate("counter", "due now")


def reason(why: CallReason | None) -> str:
    """Why the ticket was called, for the clerk ("" when the hub gave no reason)."""
    if why is None:
        return ""
    texts = {
        CallReasonCode.EMERGENCY: translate("counter", "emergency, waiting {waited} min"),
        CallReasonCode.PINNED: translate(
            "counter", "transferred to this counter, waiting {waited} min"
        ),
        CallReasonCode.APPOINTMENT_DUE: translate(
            "counter", "appointment {due}, waiting {waited} min"
        ),
        CallReasonCode.OVERDUE: translate(
            "counter", "waiting {waited} min, over the {limit} min limit"
        ),
        CallReasonCode.WALK_IN: translate(
            "counter", "walk-in, first by waiting time and concern weight ({waited} min)"
        ),
        CallReasonCode.BY_HAND: translate(
            "counter", "chosen by hand from the list, waited {waited} min"
        ),
        CallReasonCode.RECALL: translate("counter", "called again"),
    }
    return texts[why.code].format(
        waited=why.waited_minutes, due=_due(why.due_in_minutes), limit=why.limit_minutes or 0
    )


def device_health(report: DeviceReport) -> str:
    """How a desk device is, in a few words."""
    return {
        Health.NONE: translate("counter", "not set up for this counter"),
        Health.CHECKING: translate("counter", "checking …"),
        Health.READY: translate("counter", "ready"),
        Health.TROUBLE: translate("counter", "cannot print"),
        Health.UNREACHABLE: translate("counter", "not reachable"),
    }[report.health]


def device_advice(report: DeviceReport) -> str:
    """What the clerk can do about a desk device ("" when nothing is needed)."""
    return {
        Remedy.NOTHING: "",
        Remedy.PLUG_IN_SIGN: translate(
            "counter",
            "Check the sign's USB cable and power. It is used again by itself once it is "
            "back; or pick its new port below.",
        ),
        Remedy.SWITCH_ON_PRINTER: translate(
            "counter",
            "Check that the printer is switched on and its cable is plugged in, then press "
            "Check now. If it has a new address, enter it below. Until then, write the "
            "confirmation by hand.",
        ),
        Remedy.PAPER: translate("counter", "Put in a new paper roll."),
        Remedy.PAPER_SOON: translate("counter", "The paper is nearly out: have a roll ready."),
        Remedy.COVER: translate("counter", "Close the printer's cover."),
        Remedy.RESTART_PRINTER: translate(
            "counter", "Switch the printer off and on again; if that does not help, call IT."
        ),
    }[remedy(report)]

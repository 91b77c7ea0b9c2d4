"""The counter app's words in the clerk's language (German and English), Qt-free.

The hub sends reasons as codes with numbers (`CallReason`, 401 `reason`); this module words
them. Unknown languages fall back to German, the office's language.
"""

from __future__ import annotations

from shared.devices import PrinterStatus
from shared.protocol import CallReason, CallReasonCode

LANGUAGES = ("de", "en")

_REASONS: dict[str, dict[CallReasonCode, str]] = {
    "de": {
        CallReasonCode.EMERGENCY: "Notfall, wartet seit {waited} Min.",
        CallReasonCode.PINNED: "an diesen Schalter übergeben, wartet seit {waited} Min.",
        CallReasonCode.APPOINTMENT_DUE: "Termin {due}, wartet seit {waited} Min.",
        CallReasonCode.OVERDUE: "wartet seit {waited} Min., länger als {limit} Min.",
        CallReasonCode.WALK_IN: (
            "ohne Termin, vorn nach Wartezeit und Gewicht des Anliegens ({waited} Min.)"
        ),
        CallReasonCode.BY_HAND: "von Hand aus der Liste gewählt, wartete {waited} Min.",
        CallReasonCode.RECALL: "erneut aufgerufen",
    },
    "en": {
        CallReasonCode.EMERGENCY: "emergency, waiting {waited} min",
        CallReasonCode.PINNED: "transferred to this counter, waiting {waited} min",
        CallReasonCode.APPOINTMENT_DUE: "appointment {due}, waiting {waited} min",
        CallReasonCode.OVERDUE: "waiting {waited} min, over the {limit} min limit",
        CallReasonCode.WALK_IN: "walk-in, first by waiting time and concern weight ({waited} min)",
        CallReasonCode.BY_HAND: "chosen by hand from the list, waited {waited} min",
        CallReasonCode.RECALL: "called again",
    },
}

_DUE = {
    "de": ("in {n} Min. fällig", "seit {n} Min. fällig", "jetzt fällig"),
    "en": ("due in {n} min", "due {n} min ago", "due now"),
}

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "unauthorized.session_expired": "Ihre Sitzung ist abgelaufen. Bitte neu anmelden.",
        "unauthorized.unknown_token": "Sie sind nicht mehr angemeldet. Bitte neu anmelden.",
        "unauthorized.device_revoked": "Dieser Arbeitsplatz ist gesperrt. Bitte die IT fragen.",
        "unauthorized.bad_credentials": "Benutzername oder Passwort stimmt nicht.",
        "unauthorized.user_disabled": "Ihr Zugang ist gesperrt. Bitte die Leitung fragen.",
        "unreachable": "Keine Verbindung zum Server. Die Aktion wurde nicht bestätigt.",
        "refused": "Nicht möglich: {detail}",
        "nobody": "Niemand wartet auf diesen Schalter.",
        "alarm.raised": "Hilfe gerufen – Kolleg:innen sind informiert.",
        "alert.alarm": "{counter} braucht Hilfe!",
        "alert.emergency": "Notfall {number} wartet ({concern}).",
        "alert.printer": "{name}: Drucker – {state}.",
        "alert.display": "Anzeige {name} antwortet nicht.",
        "walk_in": "ohne Termin",
        "appointment": "Termin",
        "minutes": "{n} Min.",
    },
    "en": {
        "unauthorized.session_expired": "Your session has expired. Please log in again.",
        "unauthorized.unknown_token": "You are no longer logged in. Please log in again.",
        "unauthorized.device_revoked": "This workstation was locked. Please ask IT.",
        "unauthorized.bad_credentials": "Wrong username or password.",
        "unauthorized.user_disabled": "Your account is disabled. Please ask a supervisor.",
        "unreachable": "No connection to the hub. The action was not confirmed.",
        "refused": "Not possible: {detail}",
        "nobody": "Nobody is waiting for this counter.",
        "alarm.raised": "Help requested – colleagues have been told.",
        "alert.alarm": "{counter} needs help!",
        "alert.emergency": "Emergency {number} is waiting ({concern}).",
        "alert.printer": "{name}: printer – {state}.",
        "alert.display": "Display {name} is not answering.",
        "walk_in": "walk-in",
        "appointment": "appointment",
        "minutes": "{n} min",
    },
}


_PRINTER = {
    "de": {
        PrinterStatus.OK: "in Ordnung",
        PrinterStatus.PAPER_NEAR_END: "Papier bald leer",
        PrinterStatus.PAPER_OUT: "Papier leer",
        PrinterStatus.COVER_OPEN: "Deckel offen",
        PrinterStatus.OFFLINE: "antwortet nicht",
        PrinterStatus.ERROR: "Störung",
        PrinterStatus.UNKNOWN: "Zustand unbekannt",
    },
    "en": {
        PrinterStatus.OK: "fine",
        PrinterStatus.PAPER_NEAR_END: "paper nearly out",
        PrinterStatus.PAPER_OUT: "out of paper",
        PrinterStatus.COVER_OPEN: "cover open",
        PrinterStatus.OFFLINE: "not answering",
        PrinterStatus.ERROR: "fault",
        PrinterStatus.UNKNOWN: "state unknown",
    },
}


def printer(language: str, status: PrinterStatus) -> str:
    """A printer's state in words."""
    return _PRINTER[_lang(language)][status]


def _lang(language: str) -> str:
    return language if language in LANGUAGES else "de"


def text(language: str, key: str, **values: object) -> str:
    """One text in the clerk's language, filled in."""
    table = TEXTS[_lang(language)]
    return table.get(key, TEXTS["de"].get(key, key)).format(**values)


def reason(language: str, why: CallReason | None) -> str:
    """Why the ticket was called, worded for the clerk ("" when the hub gave no reason)."""
    if why is None:
        return ""
    lang = _lang(language)
    due = ""
    if why.due_in_minutes is not None:
        ahead, past, now = _DUE[lang]
        if why.due_in_minutes > 0:
            due = ahead.format(n=why.due_in_minutes)
        elif why.due_in_minutes < 0:
            due = past.format(n=-why.due_in_minutes)
        else:
            due = now
    return _REASONS[lang][why.code].format(
        waited=why.waited_minutes, due=due, limit=why.limit_minutes or 0
    )


def unauthorized(language: str, code: str) -> str:
    """What a 401 means for the clerk, by the hub's reason code."""
    key = f"unauthorized.{code}"
    return text(language, key if key in TEXTS["de"] else "unauthorized.unknown_token")

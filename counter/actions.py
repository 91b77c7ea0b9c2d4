"""The clerk's buttons: labels, keyboard shortcuts, and which ones the state allows. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from counter.state import ViewState
from shared.domain import CounterState, TicketStatus


class Verb(StrEnum):
    """A button the clerk can press."""

    NEXT = "next"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no_show"
    PARK = "park"
    TRANSFER = "transfer"
    CALL = "call"
    PAUSE = "pause"
    RESUME = "resume"
    CLOSE = "close"
    RECEIPT = "receipt"
    ALARM = "alarm"


@dataclass(frozen=True, slots=True)
class Label:
    """A button's words per language and its shortcut (shown on the button)."""

    de: str
    en: str
    key: str

    def text(self, language: str) -> str:
        """The button text with its shortcut, e.g. "Nächste  [F5]"."""
        words = self.en if language == "en" else self.de
        return f"{words}  [{self.key}]"


LABELS: dict[Verb, Label] = {
    Verb.NEXT: Label("Nächste", "Next", "F5"),
    Verb.RECALL: Label("Erneut rufen", "Recall", "F6"),
    Verb.START: Label("Ist da", "Arrived", "F7"),
    Verb.FINISH: Label("Fertig", "Finish", "F8"),
    Verb.NO_SHOW: Label("Nicht erschienen", "No-show", "F9"),
    Verb.PARK: Label("Zurückstellen", "Park", "F10"),
    Verb.TRANSFER: Label("Weiterleiten…", "Transfer…", "F11"),
    Verb.CALL: Label("Diese aufrufen", "Call this one", "F4"),
    Verb.PAUSE: Label("Pause", "Pause", "F12"),
    Verb.RESUME: Label("Weiter", "Resume", "Shift+F12"),
    Verb.CLOSE: Label("Schließen", "Close", "Ctrl+Shift+Q"),
    Verb.RECEIPT: Label("Eingangsbestätigung", "Receipt", "Ctrl+P"),
    Verb.ALARM: Label("Hilfe", "Help", "Ctrl+Shift+H"),
}


def available(state: ViewState) -> frozenset[Verb]:
    """The buttons that make sense now (the hub still decides: a refusal shows its reason)."""
    if state.busy or state.counter_id is None:
        return frozenset({Verb.ALARM} if state.counter_id else set())
    verbs = {Verb.ALARM}
    current = state.current
    open_ = state.counter_state is CounterState.OPEN
    if current is None:
        if open_:
            verbs |= {Verb.NEXT, Verb.CALL}
        if state.counter_state is not CounterState.CLOSED:
            verbs.add(Verb.CLOSE)
    elif current.status is TicketStatus.CALLED:
        verbs |= {Verb.RECALL, Verb.START, Verb.NO_SHOW, Verb.PARK, Verb.TRANSFER}
    else:
        verbs |= {Verb.FINISH, Verb.PARK, Verb.TRANSFER}
        if state.can_print:
            verbs.add(Verb.RECEIPT)
    if open_:
        verbs.add(Verb.PAUSE)
    elif state.counter_state is CounterState.PAUSED:
        verbs.add(Verb.RESUME)
    else:
        verbs.add(Verb.RESUME)  # a closed counter opens again with the same button
    return frozenset(verbs)

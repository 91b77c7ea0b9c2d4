"""The clerk's buttons: keyboard shortcuts, and which ones the state allows. Qt-free."""

from __future__ import annotations

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


SHORTCUTS: dict[Verb, str] = {
    Verb.NEXT: "F5",
    Verb.RECALL: "F6",
    Verb.START: "F7",
    Verb.FINISH: "F8",
    Verb.NO_SHOW: "F9",
    Verb.PARK: "F10",
    Verb.TRANSFER: "F11",
    Verb.CALL: "F4",
    Verb.PAUSE: "F12",
    Verb.RESUME: "Shift+F12",
    Verb.CLOSE: "Ctrl+Shift+Q",
    Verb.RECEIPT: "Ctrl+P",
    Verb.ALARM: "Ctrl+Shift+H",
}
"""Each verb's keyboard shortcut (shown on its button; the words are the widgets')."""


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

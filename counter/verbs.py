"""The clerk's verbs as hub requests (Qt-free): each one sends one `HubRequest`, nothing is
changed locally; the hub's answer or event shows the result (`counter.answers`)."""

from __future__ import annotations

from typing import Any

from counter.model_core import ModelCore
from counter.state import Action, Phase, Receipt
from shared.domain import CounterState
from shared.numbering import local_day

__all__ = ["ClerkVerbs"]

_STEPS = {
    Action.RECALL: "recall",
    Action.START: "start",
    Action.FINISH: "finish",
    Action.NO_SHOW: "no-show",
    Action.PARK: "park",
}
_STATE_VERBS = {
    CounterState.OPEN: "open",
    CounterState.PAUSED: "pause",
    CounterState.CLOSED: "close",
}


class ClerkVerbs(ModelCore):
    """Login, the counter, the ticket in hand, the alarm, the receipt: what the clerk does."""

    # ------------------------------------------------------------------ session
    def login(self, username: str, password: str) -> None:
        """Log in; on success the site, the policy and then the counter choice follow."""
        body = {"username": username.strip(), "password": password}
        self._send(Action.LOGIN, "POST", "/sessions", body)

    def logout(self) -> None:
        """End the session and go back to the login screen."""
        self._send(Action.LOGOUT, "DELETE", "/sessions/current")

    def choose_counter(self, counter_id: str) -> None:
        """Sit down at a counter (remembered per PC); a closed counter is opened."""
        if counter_id not in self._profiles:
            return
        self.counter_chosen.emit(counter_id)
        self._remembered = counter_id
        self._update(phase=Phase.WORKING, counter_id=counter_id)
        counter = self.queue.counters.get(counter_id)
        if counter is None or counter.state is not CounterState.OPEN:
            self._send(Action.OPEN, "POST", f"/counters/{counter_id}/open")

    # ------------------------------------------------------------------ the clerk's verbs
    def call_next(self) -> None:
        """Next: the hub's policy picks the ticket."""
        cid = self._state.counter_id
        if cid is not None:
            self._send(Action.NEXT, "POST", f"/counters/{cid}/call-next")

    def call_ticket(self, ticket_id: int) -> None:
        """Call one ticket from the list (waiting or parked)."""
        cid = self._state.counter_id
        if cid is not None:
            self._send(Action.CALL, "POST", f"/counters/{cid}/call", {"ticket_id": ticket_id})

    def recall(self) -> None:
        """Call the ticket in hand again."""
        self._step(Action.RECALL)

    def start(self) -> None:
        """The visitor is here."""
        self._step(Action.START)

    def finish(self) -> None:
        """Service is over."""
        self._step(Action.FINISH)

    def no_show(self) -> None:
        """The called visitor did not come."""
        self._step(Action.NO_SHOW)

    def park(self, note: str = "") -> None:
        """Set the ticket aside (it can be called again from the list)."""
        self._step(Action.PARK, note)

    def transfer(
        self, *, service_id: str | None = None, counter_id: str | None = None, note: str = ""
    ) -> None:
        """Send the ticket to another concern and/or a named counter, with a note."""
        current = self._state.current
        if current is None or (service_id is None and counter_id is None):
            return
        body: dict[str, Any] = {"note": note, "at_counter": self._state.counter_id}
        if service_id is not None:
            body["service_id"] = service_id
        if counter_id is not None:
            body["counter_id"] = counter_id
        self._send(Action.TRANSFER, "POST", f"/tickets/{current.ticket_id}/transfer", body)

    def pause(self) -> None:
        """Pause the counter (a ticket in hand stays)."""
        self._counter_state(Action.PAUSE, CounterState.PAUSED)

    def resume(self) -> None:
        """Open the paused counter again."""
        self._counter_state(Action.RESUME, CounterState.OPEN)

    def close(self) -> None:
        """Close the counter (the hub refuses while a ticket is in hand)."""
        self._counter_state(Action.CLOSE, CounterState.CLOSED)

    def set_counter_state(self, counter_id: str, state: CounterState) -> None:
        """Supervisor: open, pause or close any counter remotely."""
        self._send(Action.REMOTE, "POST", f"/counters/{counter_id}/{_STATE_VERBS[state]}")

    def raise_alarm(self) -> None:
        """The discreet help button: supervisors and all other counters are told at once."""
        cid = self._state.counter_id
        if cid is not None:
            self._send(Action.RAISE_ALARM, "POST", "/alarms", {"counter_id": cid})

    def acknowledge_alarm(self, alarm_id: int) -> None:
        """I am coming to help."""
        self._send(Action.ACK_ALARM, "POST", f"/alarms/{alarm_id}/acknowledge")

    def load_overview(self) -> None:
        """Supervisor: fetch today's figures and every device's last contact."""
        self._send(Action.LOAD_OVERVIEW, "GET", "/supervisor")

    def print_receipt(self) -> None:
        """Print the "Eingangsbestätigung" for the ticket in hand."""
        current = self._state.current
        if current is None or not self._state.can_print:
            return
        services = self._names.get(self.queue.tickets[current.ticket_id].service_id, {})
        day = local_day(self.clock.now(), str(self._site.get("timezone", "Europe/Berlin")))
        self.receipt_requested.emit(
            Receipt(
                number=current.number,
                concern=services.get(current.language) or services.get("en") or current.concern,
                concern_de=services.get("de") or current.concern,
                language=current.language,
                day=day,
                office=str(self._site.get("name", "")),
            )
        )

    def _step(self, action: Action, note: str = "") -> None:
        current = self._state.current
        if current is not None:
            # at_counter: the hub refuses (not_your_ticket) if another counter holds it now
            body: dict[str, Any] = {"at_counter": self._state.counter_id}
            if note:
                body["note"] = note
            self._send(action, "POST", f"/tickets/{current.ticket_id}/{_STEPS[action]}", body)

    def _counter_state(self, action: Action, state: CounterState) -> None:
        cid = self._state.counter_id
        if cid is not None:
            self._send(action, "POST", f"/counters/{cid}/{_STATE_VERBS[state]}")

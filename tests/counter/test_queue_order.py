"""A queue the model loads (`GET /queue`, after a refused step) races the staff stream: a load
older than what the stream brought is not taken, and stream events a newer load already held
are not folded in again (an alert would come back and be announced a second time)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from counter.state import Action, AlertKind, HubRequest
from shared.protocol import decode
from tests.counter.conftest import Driver

if TYPE_CHECKING:
    from tests.api.conftest import Hub

LOAD = HubRequest(action=Action.LOAD_QUEUE, method="GET", path="/queue", key="load")


def _queue(hub: Hub, driver: Driver) -> Any:
    """What `GET /queue` answers now (the hub's snapshot as JSON)."""
    answer = hub.http.get("/queue", headers={"Authorization": f"Bearer {driver.token}"})
    assert answer.status_code == 200, answer.text
    return answer.json()


def _stream_until(driver: Driver, seq: int) -> int:
    """Hand the model the stream's events up to `seq`; how many there were."""
    assert driver.ws is not None
    count = 0
    while True:
        event = decode(driver.ws.recv(timeout=5))
        if event.type == "heartbeat":
            continue
        driver.model.apply(event)
        count += 1
        if event.seq >= seq:
            return count


def test_a_load_older_than_the_stream_is_not_taken(hub: Hub, driver: Driver) -> None:
    heard: list[object] = []
    driver.model.alert_raised.connect(heard.append)
    stale = _queue(hub, driver)
    hub.issue("urgent", role="clerk", emergency=True)
    driver.sync()
    assert [a.kind for a in driver.model.view_state().alerts] == [AlertKind.EMERGENCY]
    driver.model.answered(LOAD, stale)  # the answer comes after the stream's event
    state = driver.model.view_state()
    assert [a.kind for a in state.alerts] == [AlertKind.EMERGENCY]
    assert state.waiting.total == 1
    assert len(heard) == 1


def test_stream_events_a_newer_load_held_are_not_folded_again(hub: Hub, driver: Driver) -> None:
    heard: list[object] = []
    driver.model.alert_raised.connect(heard.append)
    hub.issue("urgent", role="clerk", emergency=True)
    with hub.client("clerk") as clerk:  # called at c1 by the same clerk in another window
        assert clerk.post("/counters/c1/call-next").status_code == 200
    newest = hub.store.last_seq()
    driver.model.answered(LOAD, _queue(hub, driver))  # the load is ahead of the stream
    assert driver.model.view_state().alerts == ()  # the emergency is called already
    assert _stream_until(driver, newest) == 2  # the emergency's issue and call, late
    assert driver.model.view_state().alerts == ()
    assert heard == []  # never shown again, never announced

"""A step's answer races the staff stream: the answer carries the `seq` of the event its step
committed, and the model takes its ticket or counter only when the stream has not already
brought that event or a later one (a supervisor's transfer, a remote pause)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from counter.state import HubRequest
from shared.domain import CounterState, TicketStatus

if TYPE_CHECKING:
    from tests.api.conftest import Hub
    from tests.counter.conftest import Driver


def _held(driver: Driver) -> tuple[HubRequest, Any]:
    """Send the model's one request to the hub and keep its answer back."""
    (request,) = driver.outbox
    driver.outbox.clear()
    headers = {"Authorization": f"Bearer {driver.token}", "Idempotency-Key": request.key}
    answer = driver.hub.http.request(
        request.method, request.path, json=request.body, headers=headers
    )
    assert answer.status_code == 200, answer.text
    return request, answer.json()


def test_a_call_answered_after_the_stream_brought_a_transfer_keeps_the_transfer(
    hub: Hub, driver: Driver
) -> None:
    called: list[str] = []
    driver.model.called.connect(called.append)
    number = hub.issue("general")["ticket"]["number"]
    driver.sync()
    driver.model.call_next()
    request, answer = _held(driver)
    assert answer["ticket"]["status"] == "called"
    with hub.client("supervisor") as boss:
        moved = boss.post(f"/tickets/{answer['ticket']['id']}/transfer", json={"counter_id": "c2"})
        assert moved.status_code == 200, moved.text
    driver.sync()  # the call and the transfer, before the call's answer
    assert driver.model.queue.seq > answer["seq"]
    driver.model.answered(request, answer)  # late: old news
    state = driver.model.view_state()
    assert state.current is None  # the transfer stays on screen
    (ticket,) = driver.model.queue.tickets.values()
    assert (ticket.status, ticket.pinned_counter_id) == (TicketStatus.WAITING, "c2")
    assert driver.model.queue.counters["c1"].ticket_number is None
    assert called == [number]  # what only the answer has is still used
    assert state.message is None


def test_a_call_answered_before_the_stream_is_taken_and_the_stream_agrees(
    hub: Hub, driver: Driver
) -> None:
    number = hub.issue("general")["ticket"]["number"]
    driver.sync()
    driver.model.call_next()
    request, answer = _held(driver)
    assert answer["seq"] > driver.model.queue.seq
    driver.model.answered(request, answer)  # the answer first, as usual
    current = driver.model.view_state().current
    assert current is not None
    assert (current.number, current.status, current.why) == (
        number,
        TicketStatus.CALLED,
        driver.model.queue.why[answer["ticket"]["id"]],
    )
    driver.sync()  # then the call's own event
    assert driver.model.view_state().current == current


def test_a_pause_answered_after_a_remote_open_keeps_the_counter_open(
    hub: Hub, driver: Driver
) -> None:
    driver.model.pause()
    request, answer = _held(driver)
    assert answer["state"] == "paused"
    with hub.client("supervisor") as boss:
        assert boss.post("/counters/c1/open").status_code == 200
    driver.sync()
    driver.model.answered(request, answer)
    assert driver.model.view_state().counter_state is CounterState.OPEN
    driver.model.pause()  # and a newer answer than the stream is taken
    request, answer = _held(driver)
    driver.model.answered(request, answer)
    assert driver.model.view_state().counter_state is CounterState.PAUSED


def test_an_alarm_answered_after_its_acknowledgement_stays_closed(hub: Hub, driver: Driver) -> None:
    driver.model.raise_alarm()
    request, answer = _held(driver)
    with hub.client("supervisor") as boss:
        assert boss.post(f"/alarms/{answer['id']}/acknowledge").status_code == 200
    driver.sync()
    driver.model.answered(request, answer)
    assert driver.model.queue.alarms == {}
    assert driver.model.view_state().my_alarm is None

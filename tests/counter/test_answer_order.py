"""A step's answer races the staff stream: the answer carries the `seq` of the event its step
committed, and the model takes its ticket or counter only when the stream has not already
brought that event or a later one (a supervisor's transfer, a remote pause). An answer that
comes first is kept until the stream reaches it: the stream's older events about the same
ticket, counter or alarm (or an older snapshot) do not bring the older state back meanwhile,
and nothing is announced a second time."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from counter.state import Action, AlertKind, HubRequest, ViewState
from shared.domain import CounterState, TicketStatus
from shared.protocol import decode

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


def _stream(driver: Driver, seen: Callable[[ViewState], None]) -> int:
    """Hand the model the stream's events one by one up to the hub's newest, calling `seen`
    with the view state after each; how many events there were."""
    assert driver.ws is not None
    newest = driver.hub.store.last_seq()
    count = 0
    while driver.model.queue.seq < newest:
        event = decode(driver.ws.recv(timeout=5))
        if event.type == "heartbeat":
            continue
        driver.model.apply(event)
        seen(driver.model.view_state())
        count += 1
    return count


def _queue(driver: Driver) -> Any:
    """What `GET /queue` answers now (the hub's snapshot as JSON)."""
    headers = {"Authorization": f"Bearer {driver.token}"}
    answer = driver.hub.http.get("/queue", headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


LOAD = HubRequest(action=Action.LOAD_QUEUE, method="GET", path="/queue", key="load")


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


def test_a_call_answered_before_the_streamed_transfer_never_shows_the_older_ticket(
    hub: Hub, driver: Driver
) -> None:
    heard: list[AlertKind] = []
    driver.model.alert_raised.connect(lambda alert: heard.append(alert.kind))
    called: list[str] = []
    driver.model.called.connect(called.append)
    urgent = hub.issue("urgent", role="clerk", emergency=True)["ticket"]
    driver.sync()
    assert heard == [AlertKind.EMERGENCY]  # announced once, while it waits
    driver.model.call_next()
    driver.pump()
    driver.model.park()
    driver.sync()
    assert driver.model.queue.tickets[urgent["id"]].status is TicketStatus.PARKED
    called.clear()
    with hub.client("supervisor") as boss:  # the stream brings these after the call's answer
        moved = boss.post(f"/tickets/{urgent['id']}/transfer", json={"counter_id": "c1"})
        assert moved.status_code == 200, moved.text
        assert boss.post("/counters/c1/pause").status_code == 200
        assert boss.post("/counters/c1/open").status_code == 200
    other = hub.issue("general")["ticket"]
    driver.model.call_next()
    request, answer = _held(driver)
    assert answer["ticket"]["id"] == urgent["id"]
    driver.model.answered(request, answer)  # the answer first
    shown = driver.model.view_state()
    assert shown.current is not None
    assert shown.current.status is TicketStatus.CALLED
    assert driver.model.queue.seq < answer["seq"]  # the transfer and the rest are still due
    states: list[ViewState] = []
    assert _stream(driver, states.append) == 6  # transfer (2 events), pause, open, issue, call
    assert [s.current for s in states] == [shown.current] * 6  # never the waiting ticket
    numbers = [{c.id: c.ticket_number for c in s.board}["c1"] for s in states]
    assert numbers == [urgent["number"]] * 6  # the board too, over c1's older events
    assert [s.waiting.total for s in states] == [0, 0, 0, 0, 1, 1]  # the other one is taken
    assert driver.model.queue.tickets[other["id"]].status is TicketStatus.WAITING
    assert heard == [AlertKind.EMERGENCY]  # not announced again
    assert called == [urgent["number"]]  # the sign shows it once
    assert driver.model.queue.ahead == {}  # the stream reached the answer: forgotten


def test_a_resume_answered_before_the_streamed_pause_never_shows_paused(
    hub: Hub, driver: Driver
) -> None:
    with hub.client("supervisor") as boss:
        assert boss.post("/counters/c1/pause").status_code == 200
    driver.model.resume()
    request, answer = _held(driver)
    assert answer["state"] == "open"
    driver.model.answered(request, answer)
    states: list[ViewState] = []
    assert _stream(driver, states.append) == 2  # the remote pause, then the resume
    assert [s.counter_state for s in states] == [CounterState.OPEN] * 2
    assert driver.model.queue.ahead == {}


def test_a_remote_open_answered_before_the_streamed_pause_shows_open_to_the_supervisor(
    hub: Hub, driver: Driver
) -> None:
    with hub.client("clerk") as other:  # c2's clerk pauses, the supervisor here opens it
        assert other.post("/counters/c2/open").status_code == 200
    driver.sync()
    with hub.client("clerk") as other:
        assert other.post("/counters/c2/pause").status_code == 200
    driver.model.set_counter_state("c2", CounterState.OPEN)
    request, answer = _held(driver)
    assert request.action is Action.REMOTE
    driver.model.answered(request, answer)
    states: list[ViewState] = []
    assert _stream(driver, states.append) == 2
    assert [{c.id: c.state for c in s.board}["c2"] for s in states] == [CounterState.OPEN] * 2


def test_an_acknowledgement_answered_before_the_streamed_alarm_never_sounds_it(
    hub: Hub, driver: Driver
) -> None:
    heard: list[object] = []
    driver.model.alert_raised.connect(heard.append)
    with hub.client("clerk") as other:
        raised = other.post("/alarms", json={"counter_id": "c2"})
        assert raised.status_code == 200, raised.text
    driver.model.acknowledge_alarm(raised.json()["id"])  # from another window of this clerk
    request, answer = _held(driver)
    driver.model.answered(request, answer)
    states: list[ViewState] = []
    assert _stream(driver, states.append) == 2  # raised, acknowledged
    assert [s.alerts for s in states] == [(), ()]
    assert heard == []
    assert driver.model.queue.alarms == {}


def test_an_older_load_does_not_bring_an_acknowledged_alarm_back(hub: Hub, driver: Driver) -> None:
    heard: list[object] = []
    driver.model.alert_raised.connect(heard.append)
    with hub.client("clerk") as other:
        assert other.post("/alarms", json={"counter_id": "c2"}).status_code == 200
    driver.sync()
    assert len(heard) == 1
    stale = _queue(driver)  # asked for before the acknowledgement, answered after it
    (alarm,) = driver.model.queue.alarms
    driver.model.acknowledge_alarm(alarm)
    request, answer = _held(driver)
    driver.model.answered(request, answer)
    assert driver.model.view_state().alerts == ()
    driver.model.answered(LOAD, stale)  # not older than the stream: taken, but not the alarm
    assert driver.model.queue.seq == stale["seq"]
    assert driver.model.view_state().alerts == ()
    assert len(heard) == 1  # not sounded again
    driver.sync()
    assert driver.model.queue.alarms == {}
    assert driver.model.queue.ahead == {}


def test_a_load_as_new_as_the_answer_wins_and_forgets_it(hub: Hub, driver: Driver) -> None:
    hub.issue("general")
    driver.sync()
    driver.model.call_next()
    request, answer = _held(driver)
    driver.model.answered(request, answer)
    assert set(driver.model.queue.ahead) == {("ticket", answer["ticket"]["id"])}
    with hub.client("supervisor") as boss:  # then a later change the load brings
        moved = boss.post(f"/tickets/{answer['ticket']['id']}/transfer", json={"counter_id": "c2"})
        assert moved.status_code == 200, moved.text
    driver.model.answered(LOAD, _queue(driver))
    assert driver.model.queue.ahead == {}
    assert driver.model.view_state().current is None  # the load's transfer, not the answer
    states: list[ViewState] = []
    assert _stream(driver, states.append) == 0  # the load held them all


def test_a_snapshot_from_a_reset_hub_forgets_what_answers_showed(hub: Hub, driver: Driver) -> None:
    hub.issue("general")
    driver.sync()
    driver.model.call_next()
    request, answer = _held(driver)
    driver.model.answered(request, answer)
    reset = decode(json.dumps(_queue(driver) | {"seq": 0, "tickets": [], "alarms": []}))
    driver.model.apply(reset)  # the stream's snapshot of a hub started afresh
    assert driver.model.queue.ahead == {}
    assert driver.model.view_state().current is None

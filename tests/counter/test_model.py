"""The counter model against a real hub: login, every action, 409s, retries, alarm, alerts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.model import CounterModel
from counter.state import Action, AlertKind, Message, Note, Phase
from shared.clock import SystemClock
from shared.desk_refusal import StepRefusal
from shared.domain import CounterState, TicketStatus
from tests.counter.conftest import PASSWORD, Driver

if TYPE_CHECKING:
    from tests.api.conftest import Hub


def test_login_choose_counter_and_the_counter_opens(driver: Driver) -> None:
    state = driver.model.view_state()
    assert state.phase is Phase.WORKING
    assert (state.username, state.role) == ("clerk", "clerk")
    assert state.counter_id == "c1"
    assert state.counter_name == "Schalter 1"
    assert state.counter_state is CounterState.OPEN
    assert [c.id for c in state.counters] == ["c1", "c2"]
    assert state.current is None
    assert state.message is None


def test_wrong_password_says_so(hub: Hub) -> None:
    model = CounterModel(SystemClock())
    drive = Driver(hub, model)
    model.login("clerk", "not the password")
    drive.pump()
    state = model.view_state()
    assert state.phase is Phase.LOGIN
    assert state.message == Message(note=Note.UNAUTHORIZED, reason="bad_credentials", error=True)
    assert state.error


def test_the_waiting_picture_follows_the_policy_and_next_calls_its_first(
    hub: Hub, driver: Driver
) -> None:
    alerts: list[object] = []
    driver.model.alert_raised.connect(alerts.append)
    hub.issue("general")
    hub.issue("passport")
    hub.issue("urgent", role="clerk", emergency=True)
    driver.sync()
    state = driver.model.view_state()
    lines = {line.service_id: line.count for line in state.waiting.concerns}
    assert lines == {"general": 1, "passport": 1, "urgent": 1}
    first = state.waiting.next_tickets[0]
    assert (first.number, first.emergency) == ("X001", True)
    assert [a.kind for a in state.alerts] == [AlertKind.EMERGENCY]
    assert len(alerts) == 1
    expected = [line.number for line in state.waiting.next_tickets]

    called = []
    driver.model.called.connect(called.append)
    for number in expected:
        driver.model.call_next()
        driver.pump()
        current = driver.model.view_state().current
        assert current is not None
        assert current.number == number
        if number == "X001":
            assert current.why is not None
            assert current.why.code == "emergency"
        driver.model.no_show()
        driver.pump()
    assert called == expected
    driver.sync()
    assert driver.model.view_state().alerts == ()
    assert len(alerts) == 1  # shown once, then resolved
    driver.model.call_next()
    driver.pump()
    assert driver.model.view_state().message == Message(note=Note.NOBODY)


def test_every_action_reaches_the_hub_and_shows_its_state(hub: Hub, driver: Driver) -> None:
    model = driver.model
    first = hub.issue("general")["ticket"]
    second = hub.issue("general")["ticket"]
    driver.sync()
    model.call_next()
    driver.pump()
    model.recall()
    driver.pump()
    model.start()
    driver.pump()
    assert model.view_state().current is not None
    assert model.view_state().current.status is TicketStatus.SERVING
    model.park("holt Passfoto")
    driver.pump()
    assert model.view_state().current is None
    assert [p.name for p in model.view_state().parked] == [first["number"]]
    model.call_ticket(second["id"])
    driver.pump()
    current = model.view_state().current
    assert current is not None
    assert current.number == second["number"]
    assert current.why is not None
    assert current.why.code == "by_hand"
    model.transfer(service_id="passport", note="Pass abgelaufen")
    driver.pump()
    assert model.view_state().current is None
    model.call_ticket(first["id"])
    driver.pump()
    model.start()
    driver.pump()
    model.finish()
    driver.pump()
    model.pause()
    driver.pump()
    assert model.view_state().counter_state is CounterState.PAUSED
    model.resume()
    driver.pump()
    model.close()
    driver.pump()
    assert model.view_state().counter_state is CounterState.CLOSED
    with hub.client("clerk") as clerk:
        queue = clerk.get("/queue").json()
    moved = next(t for t in queue["tickets"] if t["id"] == second["id"])
    assert (moved["service_id"], moved["note"]) == ("passport", "Pass abgelaufen")
    assert not [r for r in driver.sent if r.attempt > 1]


def test_a_lost_answer_is_asked_again_with_the_same_key_and_nothing_is_done_twice(
    hub: Hub, driver: Driver
) -> None:
    first, second = hub.issue("general"), hub.issue("general")
    driver.sync()
    driver.lose_answers = 1  # the hub calls the ticket, but its answer never arrives
    driver.model.call_next()
    driver.pump()
    tries = [r for r in driver.sent if r.action is Action.NEXT]
    assert [r.attempt for r in tries] == [1, 2]
    assert tries[0].key == tries[1].key
    driver.sync()
    state = driver.model.view_state()
    assert state.message is None
    assert state.current is not None
    assert state.current.number == first["ticket"]["number"]
    assert [t.number for t in state.waiting.next_tickets] == [second["ticket"]["number"]]
    events = hub.store.events_since(0) or []
    assert [e.type for e in events].count("ticket.called") == 1


def test_a_refused_step_shows_the_hubs_reason_and_the_true_state(hub: Hub, driver: Driver) -> None:
    hub.issue("general")
    driver.sync()
    with hub.client("supervisor") as boss:
        boss.post("/counters/c1/pause")
    driver.model.call_next()  # the model has not seen the pause yet
    driver.pump()
    state = driver.model.view_state()
    assert state.error
    assert state.message is not None
    assert (state.message.note, state.message.detail) == (
        Note.REFUSED,
        "Schalter 1 is paused; open it before calling",
    )
    assert state.counter_state is CounterState.PAUSED  # reloaded from the hub
    assert state.current is None
    assert state.message.step is not None
    assert (state.message.step.reason, state.message.step.counter_state) == (
        StepRefusal.COUNTER_PAUSED,
        CounterState.PAUSED,
    )
    assert [r.action for r in driver.sent[-2:]] == [Action.NEXT, Action.LOAD_QUEUE]


def test_a_click_that_does_not_reach_the_hub_is_sent_again_then_reported(
    hub: Hub, driver: Driver
) -> None:
    hub.issue("general")
    driver.sync()
    driver.down = True
    driver.model.call_next()
    driver.pump()
    tries = [r for r in driver.sent if r.action is Action.NEXT]
    assert [(r.attempt, r.delay) for r in tries] == [(1, 0.0), (2, 0.5), (3, 1.0), (4, 2.0)]
    assert len({r.key for r in tries}) == 1  # one click, one key
    assert all(r.keyed for r in tries)
    state = driver.model.view_state()
    assert state.message == Message(note=Note.UNREACHABLE, error=True)
    assert not state.busy
    driver.down = False
    driver.model.call_next()
    driver.pump()
    assert driver.model.view_state().current is not None


def test_a_gateway_answer_is_asked_again_with_the_same_key_like_no_answer(
    hub: Hub, driver: Driver
) -> None:
    first = hub.issue("general")
    driver.sync()
    driver.gateway = [502, 503, 504]  # a proxy, then a hub restarting: none reached it
    driver.model.call_next()
    driver.pump()
    tries = [r for r in driver.sent if r.action is Action.NEXT]
    assert [(r.attempt, r.delay) for r in tries] == [(1, 0.0), (2, 0.5), (3, 1.0), (4, 2.0)]
    assert len({r.key for r in tries}) == 1
    driver.sync()
    state = driver.model.view_state()
    assert state.message is None
    assert state.current is not None
    assert state.current.number == first["ticket"]["number"]
    hub.issue("general")
    driver.sync()
    driver.gateway = [503] * 4
    driver.model.finish()
    driver.pump()
    assert [r.attempt for r in driver.sent if r.action is Action.FINISH] == [1, 2, 3, 4]
    assert driver.model.view_state().message == Message(note=Note.UNREACHABLE, error=True)


def test_a_500_is_shown_at_once_not_sent_again(hub: Hub, driver: Driver) -> None:
    hub.issue("general")
    driver.sync()
    driver.gateway = [500]  # a bug in the hub: asking again would not help
    driver.model.call_next()
    driver.pump()
    assert [r.attempt for r in driver.sent if r.action is Action.NEXT] == [1]
    state = driver.model.view_state()
    assert state.message is not None
    assert (state.message.note, state.message.detail) == (Note.REFUSED, "from the proxy")
    assert state.error
    assert not state.busy


def test_the_alarm_reaches_another_counter_once_until_acknowledged(
    hub: Hub, driver: Driver
) -> None:
    other = CounterModel(SystemClock(), remembered_counter="c2")
    helper = Driver(hub, other)
    other.login("supervisor", PASSWORD)
    helper.pump()
    other.choose_counter("c2")
    helper.pump()
    helper.sync()
    heard: list[object] = []
    other.alert_raised.connect(heard.append)

    driver.model.raise_alarm()
    driver.pump()
    assert driver.model.view_state().my_alarm is not None
    assert driver.model.view_state().alerts == ()  # not at my own desk
    helper.sync()
    helper.sync()
    alerts = other.view_state().alerts
    assert [(a.kind, a.subject) for a in alerts] == [(AlertKind.ALARM, "Schalter 1")]
    assert len(heard) == 1
    assert alerts[0].alarm_id is not None
    other.acknowledge_alarm(alerts[0].alarm_id)
    helper.pump()
    assert other.view_state().alerts == ()
    driver.sync()
    assert driver.model.view_state().my_alarm is None
    helper.close()


def test_an_ended_session_leads_back_to_login_with_a_reason(hub: Hub, driver: Driver) -> None:
    ended: list[str] = []
    driver.model.session_ended.connect(ended.append)
    hub.store.logout(driver.token)
    driver.model.call_next()
    driver.pump()
    state = driver.model.view_state()
    assert state.phase is Phase.LOGIN
    assert state.message == Message(note=Note.UNAUTHORIZED, reason="unknown_token", error=True)
    assert ended == ["unknown_token"]

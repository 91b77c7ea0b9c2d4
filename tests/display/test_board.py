"""The board and the display model, without a screen: calls, clears, history, timers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from display.model import DisplayModel
from shared.board import Board
from shared.display_setup import DisplaySetup, InfoTexts
from shared.protocol import PublicCall, PublicClear, PublicSnapshot, PublicWaiting

AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _call(seq: int, number: str, counter: str = "c1", **extra: object) -> PublicCall:
    return PublicCall(
        seq=seq,
        at=AT + timedelta(seconds=seq),
        number=number,
        counter_id=counter,
        counter_name=f"Schalter {counter[1:]}",
        location="1. OG",
        waiting=3,
        **extra,  # type: ignore[arg-type]
    )


def test_calls_go_on_top_clears_go_to_history_and_replays_are_ignored() -> None:
    board = Board(history=2)
    assert board.apply(_call(1, "A001"), 0) == (board.current[0],)
    board.apply(_call(2, "A002", "c2"), 1)
    assert [c.number for c in board.current] == ["A002", "A001"]
    assert board.apply(_call(2, "A002", "c2"), 2) == ()  # the same seq again: nothing
    board.apply(PublicClear(seq=3, at=AT, number="A001", counter_id="c1", waiting=2), 3)
    assert [c.number for c in board.current] == ["A002"]
    assert [c.number for c in board.history] == ["A001"]
    assert board.waiting == 2
    board.apply(PublicWaiting(seq=4, at=AT, waiting=7), 4)
    assert board.waiting == 7
    recalled = board.apply(_call(5, "A001", recall=True), 5)
    assert [c.number for c in recalled] == ["A001"]
    assert board.history == ()


def test_the_newest_call_is_highlighted_for_a_while() -> None:
    board = Board(highlight_seconds=8)
    board.apply(_call(1, "A001"), 100)
    assert board.highlighted(107.9) is board.current[0]
    assert board.next_change(100) == 108
    assert board.highlighted(108) is None
    assert board.next_change(108) is None


def test_a_snapshot_rebuilds_the_board() -> None:
    board = Board()
    board.apply(_call(1, "A001"), 0)
    board.apply(_call(2, "A002"), 0)
    snapshot = PublicSnapshot(seq=9, at=AT, calls=(_call(9, "B003", "c2"),), waiting=4)
    assert board.apply(snapshot, 1) == ()  # nothing to announce: it was called while away
    assert [c.number for c in board.current] == ["B003"]
    assert (board.seq, board.waiting) == (9, 4)
    assert board.apply(_call(9, "X"), 2) == ()


def test_the_model_marks_reconnecting_after_five_seconds_and_rotates_info() -> None:
    model = DisplayModel()
    marks: list[bool] = []
    model.reconnecting_changed.connect(marks.append)
    model.connection_changed(online=True, now=0)
    model.connection_changed(online=False, now=10)
    assert model.next_change(10) == 15
    model.tick(14.9)
    assert not model.view_state(14.9).reconnecting
    model.tick(15)
    assert model.view_state(15).reconnecting
    model.connection_changed(online=True, now=20)
    assert marks == [True, False]
    model.set_setup(
        DisplaySetup(
            display_id="og1",
            name="1. OG",
            site_name="Amt",
            timezone="Europe/Berlin",
            counters=(),
            info_seconds=5,
            info=(
                InfoTexts(language="de", texts=("Hallo",)),
                InfoTexts(language="ar", texts=("أهلاً",)),
            ),
        )
    )
    assert (model.view_state(0).info_language, model.view_state(5).info_language) == ("de", "ar")
    assert model.next_change(6) == 10


def test_the_model_announces_each_new_call_once_and_blinks_it() -> None:
    model = DisplayModel()
    heard: list[str] = []
    model.call_arrived.connect(lambda call: heard.append(call.number))
    for seq in range(1, 6):
        model.receive(_call(seq, f"A00{seq}"), 0)
    model.receive(_call(3, "A003"), 0)
    assert heard == ["A001", "A002", "A003", "A004", "A005"]
    state = model.view_state(0.1)
    assert (state.highlighted, state.blink_on) == ("A005", True)
    assert model.view_state(0.6).blink_on is False
    assert model.next_change(0.1) == 0.5

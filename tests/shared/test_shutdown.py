"""Stop signals: handled whatever the process inherited; the async form cancels cleanly."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from shared.shutdown import STOP_SIGNALS, interrupt_on_stop_signals, run_until_stopped


@pytest.mark.usefixtures("handlers_kept")
@pytest.mark.parametrize("sig", STOP_SIGNALS)
def test_a_stop_signal_interrupts_even_when_it_was_ignored(sig: signal.Signals) -> None:
    signal.signal(sig, signal.SIG_IGN)  # as inherited by a background job
    interrupt_on_stop_signals()
    with pytest.raises(KeyboardInterrupt, match=sig.name):
        signal.raise_signal(sig)


@pytest.mark.usefixtures("handlers_kept")
@pytest.mark.parametrize("sig", STOP_SIGNALS)
def test_a_stop_signal_cancels_the_work_and_the_handlers_come_back(sig: signal.Signals) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    before = {s: signal.getsignal(s) for s in STOP_SIGNALS}
    cleaned: list[bool] = []

    async def work() -> None:
        try:
            os.kill(os.getpid(), sig)
            await asyncio.Event().wait()  # until cancelled
        finally:
            cleaned.append(True)

    assert asyncio.run(run_until_stopped(work())) is True
    assert cleaned == [True]
    assert {s: signal.getsignal(s) for s in STOP_SIGNALS} == before


def test_work_that_ends_by_itself_was_not_stopped() -> None:
    async def work() -> None:
        await asyncio.sleep(0)

    assert asyncio.run(run_until_stopped(work())) is False


def test_an_error_in_the_work_is_not_swallowed() -> None:
    async def work() -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        asyncio.run(run_until_stopped(work()))

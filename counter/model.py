"""The clerk's counter, without Qt: login, the counter, the ticket in hand, every action.

The model does no I/O. It emits `request_ready(HubRequest)`; the app sends it and reports
back with `answered(request, result)` or `failed(request, Failure)`. Hub events come in
through `apply(event)`. The state shown is always the hub's: a refused step (409) shows the
hub's reason and reloads the queue; a request that never reached the hub is sent again,
the same request with the same key, then reported. Nothing is changed locally on a click.

Built from `model_core.ModelCore` (state, signals, sending), `verbs.ClerkVerbs` (what the
clerk does) and `answers.HubAnswers` (what the hub's answers do).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from counter.answers import HubAnswers
from counter.verbs import ClerkVerbs
from shared.clock import Clock

__all__ = ["CounterModel"]


class CounterModel(ClerkVerbs, HubAnswers):
    """One clerk at one counter.

    Signals: ``changed(ViewState)`` after every change, ``request_ready(HubRequest)`` (send
    it), ``session_started(str)`` (the session token: use it for REST and the stream),
    ``session_ended(str)`` (why), ``counter_chosen(str)`` (remember it on this PC),
    ``called(str)`` (this counter called a number: the LED sign shows it),
    ``alert_raised(Alert)`` (a new office alert: sound it once),
    ``receipt_requested(Receipt)`` (print it).
    """

    def __init__(
        self,
        clock: Clock,
        *,
        language: str = "de",
        remembered_counter: str | None = None,
        can_print: bool = False,
        new_key: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        super().__init__(
            clock,
            language=language,
            remembered_counter=remembered_counter,
            can_print=can_print,
            new_key=new_key,
        )
        self._answers = self._answer_table()

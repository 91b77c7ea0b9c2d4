"""The API's error answers as OpenAPI documents them (bodies and answers: `shared.wire`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from shared.desk_refusal import StepRefused
from shared.unauthorized import AuthRefused

_MEANING = {
    400: "bad input (unknown service, malformed body)",
    401: "no valid token or login; `reason` says why (an `AuthReason`)",
    403: "this role may not do this",
    404: "no such ticket, counter or appointment",
    409: "not possible in the current state",
    413: "the body is too large",
    429: "too many requests (tickets from this kiosk, or logins); see Retry-After",
}


class ErrorOut(BaseModel):
    """An error answer: what went wrong, for people."""

    detail: str


_MODELS: dict[int, type[Any]] = {401: AuthRefused}
"""Error codes whose body is more than `ErrorOut`."""


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error codes an endpoint may answer with."""
    return {
        code: {"model": _MODELS.get(code, ErrorOut), "description": _MEANING[code]}
        for code in codes
    }


def step_refusal_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for a clerk's step: the body is a `shared.desk_refusal.StepRefused`
    (`reason`, `detail` and the true state) for the hub's own refusals; a 400 for a body
    that cannot be parsed has only `detail`."""
    return {
        code: {
            "model": StepRefused | ErrorOut if code == 400 else StepRefused,
            "description": f"{_MEANING[code]}; `reason` (a `StepRefusal`) and the facts say why",
        }
        for code in codes
    }

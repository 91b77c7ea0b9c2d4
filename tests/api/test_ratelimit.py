"""A kiosk that issues too fast gets 429 with Retry-After; clerks are not limited."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from server.app import ServerOptions

if TYPE_CHECKING:
    from tests.api.conftest import Template


@pytest.mark.expect_log("server", "issuing too fast")
def test_kiosk_rate_limit(tmp_path: Path, template: Template) -> None:
    from tests.api.conftest import start_hub  # noqa: PLC0415

    hub = start_hub(tmp_path, template, ServerOptions(tickets_per_minute_per_kiosk=3))
    try:
        codes = []
        for _ in range(4):
            body = {"service_id": "general", "language": "de", "idempotency_key": uuid.uuid4().hex}
            answer = hub.http.post("/tickets", json=body, headers=hub.auth("kiosk"))
            codes.append(answer.status_code)
        assert codes == [200, 200, 200, 429]
        assert 1 <= int(answer.headers["Retry-After"]) <= 20
        assert "too many" in answer.json()["detail"]
        for _ in range(5):
            hub.issue(role="clerk")
    finally:
        hub.stop()

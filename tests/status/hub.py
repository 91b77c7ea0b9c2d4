"""A real hub for the status-page tests: SQLite file, uvicorn on 127.0.0.1:0 with the
public listener on a second port, a kiosk and a clerk, and a clock the test may move."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from server.app import ServerOptions, create_app
from server.serve import ServerThread
from server.status_watch import StatusWatch
from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock
from shared.config import parse_config
from shared.domain import DeviceRole, UserRole

SITE_TOML = """
[site]
id = "test-office"
name = "Ausländerbehörde Teststadt"
timezone = "Europe/Berlin"
languages = ["de", "en", "ar", "fa", "ti", "uk"]

[server]
zeroconf = false
public = { host = "127.0.0.1", port = 0 }

[[services]]
id = "permit"
letter = "A"
names.de = "Aufenthaltstitel"
names.en = "Residence permit"
names.ar = "تصريح الإقامة"
names.fa = "اجازه اقامت"
names.ti = "ፍቓድ መንበሪ"
names.uk = "Посвідка на проживання"
documents.de = ["Reisepass", "Biometrisches Foto", "Mietvertrag"]
documents.en = ["Passport", "Biometric photo", "Tenancy agreement"]
documents.ar = ["جواز السفر", "صورة بيومترية", "عقد الإيجار"]
documents.uk = ["Паспорт", "Біометричне фото", "Договір оренди"]
documents.ti = ["ፓስፖርት", "ባዮሜትሪክ ስእሊ", "ውዕል ገዛ"]
expected_minutes = 10

[[counters]]
id = "c5"
name = "Schalter 5"
floor = "1. OG"
room = "Raum 1.05"
services = { permit = 10 }

[[counters]]
id = "c6"
name = "Schalter 6"
floor = "1. OG"
room = "Raum 1.06"
services = { permit = 10 }
"""

PASSWORD = "correct horse battery"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class StatusHub:
    """A running hub with its public listener; kiosk and clerk over HTTP."""

    port: int
    public_port: int
    store: Store
    clock: FakeClock
    thread: ServerThread
    kiosk: httpx.Client
    clerk: httpx.Client
    watch: StatusWatch
    closers: list[Any] = field(default_factory=list)

    @property
    def base(self) -> str:
        """The hub's own address."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def public(self) -> str:
        """The public listener's address."""
        return f"http://127.0.0.1:{self.public_port}"

    def issue(self, language: str = "de") -> tuple[int, str, str]:
        """A kiosk ticket: (id, number, status path with key)."""
        body = {"service_id": "permit", "language": language, "idempotency_key": uuid.uuid4().hex}
        answer = self.kiosk.post("/tickets", json=body)
        assert answer.status_code == 200, answer.text
        issued = answer.json()
        path = issued["status_url"].split("://", 1)[-1].split("/", 1)[1]
        return issued["ticket"]["id"], issued["ticket"]["number"], "/" + path

    def act(self, verb: str, path: str, **body: object) -> httpx.Response:
        """A clerk's action (asserting success)."""
        answer = self.clerk.post(path, json=body or None)
        assert answer.status_code in (200, 204), (verb, answer.text)
        return answer

    def stop(self) -> None:
        """Stop serving and close the clients."""
        self.kiosk.close()
        self.clerk.close()
        self.thread.stop()
        for closer in self.closers:
            closer.dispose()


def start_status_hub(
    tmp_path: Path, options: ServerOptions, *, trusted_proxies: str = ""
) -> StatusHub:
    """A migrated SQLite hub on 127.0.0.1:0 with the public listener on its own port.

    `trusted_proxies` (TOML list items, e.g. `"127.0.0.2"`) go into the site file's
    `[server] public`, as an office writes them.
    """
    listener = f'public = {{ host = "127.0.0.1", port = 0, trusted_proxies = [{trusted_proxies}] }}'
    config = parse_config(SITE_TOML.replace('public = { host = "127.0.0.1", port = 0 }', listener))
    public = config.server.public
    assert public is not None
    site = config.to_site()
    engine = create_engine_for(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    migrate(engine)
    clock = FakeClock(START)
    store = Store(engine, site, clock)
    kiosk_token = store.add_device("kiosk", DeviceRole.KIOSK)[1]
    store.add_user("clerk", PASSWORD, UserRole.CLERK, "Clerk")
    clerk_token = store.login("clerk", PASSWORD)[1]
    app = create_app(store, site=site, config=config, clock=clock, options=options)
    thread = ServerThread(app, public=("127.0.0.1", 0), trusted_proxies=public.trusted_proxies)
    port = thread.start()
    public_port = thread.server.public_port
    assert public_port is not None
    api = f"http://127.0.0.1:{port}/api/v1"
    kiosk = httpx.Client(base_url=api, headers={"Authorization": f"Bearer {kiosk_token}"})
    clerk = httpx.Client(base_url=api, headers={"Authorization": f"Bearer {clerk_token}"})
    hub = StatusHub(port, public_port, store, clock, thread, kiosk, clerk, app.state.status_watch)
    hub.closers.append(engine)
    return hub

"""The call-latency benchmark's set-up: a site file, a prepared database, the hub process.

Everything here happens before the measured phase, through `Store` on the same database the
hub then serves (devices paired, clerks logged in, counters opened, tickets issued).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg

from server.store import Store, create_engine_for, migrate
from shared.clock import SystemClock
from shared.config import parse_config
from shared.domain import CounterState, DeviceRole, UserRole

AUFRUF = Path(sys.executable).with_name("aufruf")
LISTENING = re.compile(r"Aufruf listening on (http://\S+)")
PASSWORD = "bench-password"  # a throwaway account in a throwaway database
SERVICES = "ABCDEFGH"  # one service per counter: numbers stay unique and A001..A999 suffice


def site_toml(counters: int, data_dir: Path) -> str:
    """A site with one service and one counter per desk, no zeroconf, no kiosk limit."""
    parts = [
        f"""[site]
id = "bench"
name = "Benchmark office"
timezone = "Europe/Berlin"
languages = ["de", "en"]

[server]
data_dir = {json.dumps(str(data_dir))}
zeroconf = false
tickets_per_minute_per_kiosk = 10000
"""
    ]
    parts.extend(
        f"""[[services]]
id = "s{k}"
letter = "{SERVICES[k]}"
names = {{ de = "Anliegen {k}", en = "Concern {k}" }}
expected_minutes = 5

[[counters]]
id = "c{k}"
name = "Schalter {k + 1}"
location = "Raum {k + 1}"
services = {{ s{k} = 10 }}
"""
        for k in range(counters)
    )
    return "\n".join(parts)


@dataclass(frozen=True)
class Setup:
    """The prepared database and what the load generator needs to use it."""

    config_path: Path
    database_url: str | None
    display_tokens: tuple[str, ...]
    clerk_tokens: tuple[str, ...]
    schema: str | None = None


def fresh_schema(url: str) -> tuple[str, str]:
    """Create a throwaway schema on PostgreSQL; the URL that uses it and its name."""
    raw = url.replace("+psycopg", "")
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}", schema


def drop_schema(url: str, schema: str) -> None:
    """Remove the throwaway schema."""
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def prepare(
    workdir: Path,
    counters: int,
    tickets: int,
    database_url: str | None,
    displays: int = 1,
) -> Setup:
    """Write the site file, pair the devices, log in the clerks, open counters, issue tickets.

    `displays` display devices are paired, each with its own token (as in an office, where
    every wall monitor is paired on its own).
    """
    config_path = workdir / "office.toml"
    config_path.write_text(site_toml(counters, workdir), encoding="utf-8")
    config = parse_config(config_path.read_text(encoding="utf-8"), str(config_path))
    schema = None
    if database_url is not None and database_url.startswith("postgres"):
        database_url, schema = fresh_schema(database_url)
    engine = create_engine_for(database_url, workdir)
    try:
        migrate(engine)
        store = Store(engine, config.to_site(), SystemClock())
        display_tokens = tuple(
            store.add_device(f"wall {k + 1}", DeviceRole.DISPLAY)[1] for k in range(displays)
        )
        kiosk = store.add_device("kiosk", DeviceRole.KIOSK)[0]
        store.add_user("clerk", PASSWORD, UserRole.CLERK, "Clerk")
        clerk_tokens = tuple(store.login("clerk", PASSWORD)[1] for _ in range(counters))
        for k in range(counters):
            store.set_counter_state(f"c{k}", CounterState.OPEN, "clerk")
        for n in range(tickets):
            store.issue_ticket(
                service_id=f"s{n % counters}",
                language="de",
                idempotency_key=uuid.uuid4().hex,
                issuer_id=kiosk.id,
            )
    finally:
        engine.dispose()
    return Setup(config_path, database_url, display_tokens, clerk_tokens, schema)


def start_hub(
    setup: Setup, log_path: Path, timeout: float = 30.0
) -> tuple[subprocess.Popen[bytes], str]:
    """Start `aufruf server --port 0`; return the process and its base URL once it listens."""
    command = [str(AUFRUF), "server", "--config", str(setup.config_path), "--host", "127.0.0.1"]
    command += ["--port", "0"]
    if setup.database_url is not None:
        command += ["--database-url", setup.database_url]
    with log_path.open("wb") as log_file:
        hub = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and hub.poll() is None:
        found = LISTENING.search(log_path.read_text(encoding="utf-8", errors="replace"))
        if found:
            return hub, found.group(1)
        time.sleep(0.05)
    hub.kill()
    raise RuntimeError(f"the hub did not start:\n{log_path.read_text(errors='replace')}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    """User + system CPU time of this process."""
    times = os.times()
    return times.user + times.system


def profiler(pid: int, out: Path) -> subprocess.Popen[bytes]:
    """Sample the hub with py-spy (installed separately): SVG flame graph or raw stacks."""
    spy = Path(sys.executable).with_name("py-spy")
    kind = "flamegraph" if out.suffix == ".svg" else "raw"
    command = [str(spy), "record", "--pid", str(pid), "--output", str(out), "--format", kind]
    return subprocess.Popen([*command, "--rate", "250", "--threads", "--nonblocking"])


def pin(pid: int, cpus: set[int]) -> None:
    """Bind every thread of a process to `cpus` (threads it starts later inherit it)."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        os.sched_setaffinity(int(task.name), cpus)

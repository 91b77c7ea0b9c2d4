"""Kiosk ticket latency, cold start and memory: the real kiosk, hub and printer emulator.

- **Touch → paper**: from the simulated touch on "print ticket" to the last byte of the ticket
  at the network printer emulator (TCP), p50/p95 over the first `--latency` tickets.
- **Cold start**: `python -m kiosk.qt.main --server URL` until it logs "kiosk … ready" (the
  start screen is built, shown and wired), median of 3.
- **Memory**: the kiosk process's RSS after 100 tickets and after `--tickets` tickets.

The hub runs as its own process (`aufruf server --port 0`, fresh SQLite file), the printer
emulator too (it reports each job's last byte on stdout and keeps nothing), so only the
kiosk's memory is measured. The kiosk runs in this process, offscreen, driven by mouse
clicks on its buttons. Bounded: stops after `--tickets` tickets.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/kiosk_ticket.py [--tickets 1000]
"""

from __future__ import annotations

import argparse
import gc
import os
import queue
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = """
[site]
id = "bench-kiosk"
name = "Ausländerbehörde Musterstadt"
languages = ["de", "en", "ar"]

[server]
zeroconf = false
tickets_per_minute_per_kiosk = 10000

[[services]]
id = "general"
letter = "A"
names = { de = "Verlängerung des Aufenthaltstitels", en = "Extension of residence permit" }
documents.de = ["Gültiger Reisepass", "Biometrisches Lichtbild", "Mietvertrag"]
documents.en = ["Valid passport", "Biometric photo", "Rental contract"]
expected_minutes = 10

[[counters]]
id = "c1"
name = "Schalter 1"
services = { general = 10 }

[[kiosks]]
id = "k1"
name = "Kiosk"
admin_pin = "2468"
printer = { transport = "network", host = "127.0.0.1", port = PORT }
"""

EMULATOR_CHILD = """
import sys, time
from hardware.emulator import NetworkPrinterEmulator
emu = NetworkPrinterEmulator()
emu.start()
print("PORT", emu.port, flush=True)
seen = 0
while True:
    try:
        jobs = emu.wait_for_jobs(seen + 1, timeout=1.0)
    except TimeoutError:
        continue
    for job in jobs[seen:]:
        seen += 1
        print("JOB", seen, repr(job.last_byte_at), len(job.data), job.complete, flush=True)
"""


def rss_mb() -> float:
    """This process's resident set size in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_printer() -> tuple[subprocess.Popen[str], int, queue.Queue[tuple[float, bool]]]:
    """The emulator in a child process; its jobs arrive on a queue as (last byte, complete)."""
    child = subprocess.Popen(
        [sys.executable, "-c", EMULATOR_CHILD], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    port = int(child.stdout.readline().split()[1])
    jobs: queue.Queue[tuple[float, bool]] = queue.Queue()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            parts = line.split()
            if parts[0] == "JOB":
                jobs.put((float(parts[2]), parts[4] == "True"))

    threading.Thread(target=read, daemon=True).start()
    return child, port, jobs


def start_hub(site: Path, database: Path) -> tuple[subprocess.Popen[str], str, str]:
    """`aufruf server` on a fresh SQLite file with a kiosk device; (process, url, token)."""
    from server.store import Store, create_engine_for, migrate  # noqa: PLC0415
    from shared.clock import SystemClock  # noqa: PLC0415
    from shared.config import load_config  # noqa: PLC0415
    from shared.domain import DeviceRole  # noqa: PLC0415

    url = f"sqlite:///{database}"
    engine = create_engine_for(url)
    migrate(engine)
    _, token = Store(engine, load_config(site).to_site(), SystemClock()).add_device(
        "bench", DeviceRole.KIOSK
    )
    engine.dispose()
    hub = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/aufruf"),
            "server",
            "--config",
            str(site),
            "--port",
            "0",
            "--database-url",
            url,
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert hub.stderr is not None
    for line in hub.stderr:
        if "Aufruf listening on " in line:
            hub_url = line.split("Aufruf listening on ")[1].strip()
            threading.Thread(target=lambda: [None for _ in hub.stderr or ()], daemon=True).start()
            return hub, hub_url, token
    raise RuntimeError("the hub did not start")


def cold_start(site: Path, hub_url: str, config_home: Path) -> float:
    """Seconds from exec to "kiosk k1 ready" for a fresh kiosk process (log to a file)."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(config_home), QT_QPA_PLATFORM="offscreen")
    log = config_home.parent / "kiosk.log"
    with log.open("w") as sink:
        started = time.monotonic()
        kiosk = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kiosk.qt.main",
                "--server",
                hub_url,
                "--windowed",
                "--config",
                str(site),
            ],
            cwd=ROOT,
            env=env,
            stderr=sink,
        )
        ready = None
        while kiosk.poll() is None and time.monotonic() - started < 30:
            if "kiosk k1 ready" in log.read_text():
                ready = time.monotonic() - started
                break
            time.sleep(0.01)
        kiosk.send_signal(signal.SIGTERM)
        kiosk.wait(20)
    if ready is None:
        raise RuntimeError(f"the kiosk did not start: {log.read_text()[-500:]}")
    return ready


def run(tickets: int, latency_count: int) -> None:  # noqa: PLR0915 - one measured story
    """Measure and print."""
    from PySide6.QtCore import QEventLoop, Qt  # noqa: PLC0415
    from PySide6.QtTest import QTest  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from kiosk.qt.app import KioskApp, KioskOptions  # noqa: PLC0415
    from kiosk.way import Screen, Timings  # noqa: PLC0415
    from shared.config import load_config  # noqa: PLC0415
    from shared.pairing import TokenStore  # noqa: PLC0415

    work = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    printer, port, jobs = start_printer()
    site = work / "office.toml"
    site.write_text(SITE.replace("PORT", str(port)), encoding="utf-8")
    hub, hub_url, token = start_hub(site, work / "hub.sqlite3")
    config_home = work / "config"
    tokens = TokenStore("kiosk", config_home / "aufruf")
    tokens.save(token)
    try:
        starts = [cold_start(site, hub_url, config_home) for _ in range(3)]
        app = QApplication.instance() or QApplication([])
        config = load_config(site)
        options = KioskOptions(
            server_url=hub_url, windowed=True, token_store=tokens, timings=Timings(ticket=60)
        )
        kiosk = KioskApp(config, config.kiosks[0], options)
        kiosk.window.resize(1920, 1080)
        kiosk.start()

        def pump_until(done: object, timeout: float = 20.0) -> None:
            deadline = time.monotonic() + timeout
            while not done():  # type: ignore[operator]
                if time.monotonic() > deadline:
                    raise TimeoutError("the kiosk did not get there")
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

        def on(screen: Screen) -> bool:
            return kiosk.model is not None and kiosk.model.view_state().screen is screen

        def click(button: object) -> None:
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[call-overload]

        pump_until(lambda: on(Screen.START))
        latencies: list[float] = []
        rss_100 = 0.0
        for n in range(1, tickets + 1):
            screens = kiosk.window.screens
            click(screens[Screen.START].buttons["de"])  # type: ignore[attr-defined]
            click(screens[Screen.WAY].walk_in)  # type: ignore[attr-defined]
            click(screens[Screen.CONCERNS].buttons["general"])  # type: ignore[attr-defined]
            pump_until(lambda: on(Screen.DOCUMENTS))
            button = screens[Screen.DOCUMENTS].print_button  # type: ignore[attr-defined]
            touched = time.monotonic()
            click(button)
            got: list[tuple[float, bool]] = []

            def arrived(got: list[tuple[float, bool]] = got) -> bool:
                try:
                    got.append(jobs.get_nowait())
                except queue.Empty:
                    return False
                return True

            pump_until(arrived)
            last_byte, complete = got[0]
            assert complete, f"ticket {n} arrived incomplete"
            if n <= latency_count:
                latencies.append((last_byte - touched) * 1000)
            pump_until(lambda: kiosk.model is not None and not kiosk.model.view_state().printing)
            click(screens[Screen.TICKET].finished)  # type: ignore[attr-defined]
            pump_until(lambda: on(Screen.START))
            if n == 100:
                gc.collect()
                rss_100 = rss_mb()
        gc.collect()
        rss_end = rss_mb()
        kiosk.shutdown()
    finally:
        hub.send_signal(signal.SIGTERM)
        hub.wait(10)
        printer.kill()
        printer.wait(10)
    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    print(f"touch on 'print ticket' -> last byte at the printer, {len(latencies)} tickets:")
    print(f"  p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {latencies[-1]:.1f} ms")
    print(f"cold start to the start screen: {', '.join(f'{s:.2f}' for s in starts)} s")
    print(f"  median {statistics.median(starts):.2f} s")
    if tickets >= 100:
        growth = (rss_end - rss_100) / rss_100 * 100
        print(f"RSS after 100 tickets {rss_100:.1f} MB, after {tickets}: {rss_end:.1f} MB")
        print(f"  growth {growth:+.1f} %")


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1000)
    parser.add_argument("--latency", type=int, default=200, help="tickets timed")
    args = parser.parse_args()
    run(max(1, min(args.tickets, 5000)), args.latency)


if __name__ == "__main__":
    main()

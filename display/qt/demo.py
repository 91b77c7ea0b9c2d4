"""The demo office's wall display: the real display app in a window, on the office's clock.

`python -m display.qt.demo --server URL --token T --name NAME` (started by `aufruf demo`).
Each call is shown, chimed and spoken as on a real display: espeak-ng makes the sentences and
they go into the display's sound queue, timed but not heard (several windows, one
loudspeaker). It prints each call it shows and what it queued to announce it.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from display.qt.announcer import CHIME
from display.qt.app import DisplayApp, DisplayOptions, application
from shared.board import BoardCall
from shared.clock import ScaledClock, SystemClock
from shared.pairing import TokenStore
from shared.qt.showcase import Showcase, add_showcase_arguments, stop_on_signals

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The demo display's options."""
    parser = argparse.ArgumentParser(prog="python -m display.qt.demo")
    parser.add_argument("--server", required=True, help="the hub's URL")
    parser.add_argument("--token", required=True, help="the display's device token")
    parser.add_argument("--name", default="display", help="the display's (and screenshots') name")
    parser.add_argument("--clock", default=None, help="the office's clock (ScaledClock.spec)")
    add_showcase_arguments(parser)
    return parser


def announced_line(name: str, call: BoardCall, paths: tuple[Path, ...]) -> str:
    """`display NAME: A042 announced (chime, 2 spoken)`: what went into the sound queue."""
    chime = "chime" if CHIME in paths else "no chime"
    spoken = sum(path != CHIME for path in paths)
    return f"display {name}: {call.number} announced ({chime}, {spoken} spoken)"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the display until SIGINT/SIGTERM."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = application()
    name: str = args.name
    with tempfile.TemporaryDirectory(prefix="aufruf-demo-display-") as folder:
        tokens = TokenStore("display", Path(folder))
        tokens.save(args.token)
        options = DisplayOptions(
            server_url=args.server,
            windowed=True,
            token_store=tokens,
            speech_cache=Path(folder) / "speech",
            silent=True,
            clock=ScaledClock.from_spec(args.clock) if args.clock else SystemClock(),
        )
        display = DisplayApp(options)
        display.model.call_arrived.connect(
            lambda call: print(f"display {name}: {call.number} → {call.counter_name}", flush=True)
        )
        display.announcer.queued.connect(
            lambda call, paths: print(announced_line(name, call, paths), flush=True)
        )
        display.start()
        showcase = Showcase(display.stack, name, args)
        showcase.start()
        showcase.ready()
        wake = stop_on_signals(app, app.quit, showcase)
        print(f"{name} window ready", flush=True)
        code = app.exec()
        wake.stop()
        display.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())

"""The demo office's wall display: the real display app in a window, silent, printing each call.

`python -m display.qt.demo --server URL --token T` (started by `aufruf demo`).
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from display.qt.app import DisplayApp, DisplayOptions, application
from shared.board import BoardCall
from shared.pairing import TokenStore
from shared.qt.showcase import Showcase, add_showcase_arguments, stop_on_signals

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The demo display's options."""
    parser = argparse.ArgumentParser(prog="python -m display.qt.demo")
    parser.add_argument("--server", required=True, help="the hub's URL")
    parser.add_argument("--token", required=True, help="the display's device token")
    parser.add_argument("--name", default="display", help="the screenshots' name")
    add_showcase_arguments(parser)
    return parser


def _shown(call: BoardCall) -> None:
    print(f"display: {call.number} → {call.counter_name}", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the display until SIGINT/SIGTERM."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = application()
    with tempfile.TemporaryDirectory(prefix="aufruf-demo-display-") as folder:
        tokens = TokenStore("display", Path(folder))
        tokens.save(args.token)
        options = DisplayOptions(
            server_url=args.server,
            windowed=True,
            token_store=tokens,
            speech_cache=Path(folder) / "speech",
            silent=True,
        )
        display = DisplayApp(options)
        display.model.call_arrived.connect(_shown)
        display.start()
        showcase = Showcase(display.stack, args.name, args)
        showcase.start()
        wake = stop_on_signals(app, app.quit, showcase)
        print(f"{args.name} window ready", flush=True)
        code = app.exec()
        wake.stop()
        display.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())

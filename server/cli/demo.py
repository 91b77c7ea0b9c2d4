"""`aufruf demo`: a scripted office against a real hub, plain or with the apps' windows."""

from __future__ import annotations

import argparse
from pathlib import Path

from server.cli.arguments import positive_number, tcp_port
from shared.config import load_config


def cmd_demo(args: argparse.Namespace) -> int:
    """Run a scripted office against a real server."""
    config = load_config(args.file)
    if args.windows:
        from server.demo.windows import run_windowed_demo  # noqa: PLC0415

        return run_windowed_demo(
            args.file,
            config,
            port=args.port,
            speed=args.speed,
            duration=args.duration,
            out=args.out,
        )
    from server.demo.script import run_demo  # noqa: PLC0415

    return run_demo(config, port=args.port, speed=args.speed, duration=args.duration)


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `demo`."""
    demo = sub.add_parser("demo", help="run a scripted office against a real server")
    demo.add_argument("file", type=Path, help="the site file, e.g. examples/office.toml")
    demo.add_argument("--port", type=tcp_port, default=0)
    demo.add_argument("--speed", type=positive_number, default=20.0, help="time lapse factor")
    demo.add_argument("--duration", type=positive_number, default=None, help="stop after SECONDS")
    demo.add_argument(
        "--windows", action="store_true", help="the real kiosk, counter and display apps"
    )
    demo.add_argument("--out", type=Path, default=None, help="tickets and screenshots (--windows)")
    demo.set_defaults(func=cmd_demo)

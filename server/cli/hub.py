"""`aufruf server`: run the hub until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import gc
import sys

from server.backup import hub_lock, sqlite_path
from server.cli.arguments import tcp_port
from server.cli.site import database_url_of, load_site, with_store

SWITCH_INTERVAL = 0.0005
"""Seconds a thread may hold the GIL while another waits (Python's default: 0.005).

The event loop (the fan-out to every display) and the worker threads (the store's ORM work)
share one GIL; each socket write of the fan-out releases it, and a busy worker then keeps it
up to the interval before the loop may write the next frame. At 0.5 ms the loop waits less per
hand-over: on a busy box the call → last display p99 fell from 140-150 ms to 77-80 ms
(docs/performance.md, "GIL switch interval")."""


def cmd_server(args: argparse.Namespace) -> int:
    """Run the hub until SIGINT/SIGTERM."""
    from server.sd_notify import Notifier  # noqa: PLC0415
    from server.serve import (  # noqa: PLC0415
        HubServer,
        announcer_for,
        build_hub,
        public_config,
        uvicorn_config,
    )

    config = load_site(args)
    hub = build_hub(config, database_url=args.database_url)
    host = args.host or config.server.host
    port = config.server.port if args.port is None else args.port
    public = config.server.public
    server = HubServer(
        uvicorn_config(hub.app, host, port),
        announce=announcer_for(config, host),
        public=(
            public_config(hub.app, public.host, public.port, public.trusted_proxies)
            if public
            else None
        ),
        notifier=Notifier.from_environment(),
    )
    # What is alive now (modules, app, schemas: most of the heap) lives as long as the process.
    # Frozen, a full collection no longer walks it: ~15-25 ms pauses instead of ~100 ms.
    gc.collect()
    gc.freeze()
    sys.setswitchinterval(SWITCH_INTERVAL)
    database = sqlite_path(database_url_of(args, config))
    if database is None:
        server.run()
    else:
        with hub_lock(database):  # `aufruf restore` refuses while it is held
            server.run()
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `server`."""
    server = with_store(sub.add_parser("server", help="run the hub"))
    server.add_argument("--host", default=None, help="listen address (default from the file)")
    server.add_argument("--port", type=tcp_port, default=None, help="port (0 picks a free one)")
    server.set_defaults(func=cmd_server)

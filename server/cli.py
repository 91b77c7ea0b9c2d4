"""The `aufruf` command: run the hub, check the site file, pair devices, add users, demo."""

from __future__ import annotations

import argparse
import gc
import getpass
import importlib
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from server.backup import BackupError, backup, hub_lock, postgres_guidance, restore, sqlite_path
from server.db.engine import database_url
from server.errors import StoreError
from server.logs import configure_logging
from server.store import Store, create_engine_for, migrate
from shared.clock import SystemClock
from shared.config import ConfigError, OfficeConfig, check_config, load_config, starter_config
from shared.domain import DeviceRole, UserRole

log = logging.getLogger(__name__)

DEFAULT_CONFIG = Path("/etc/aufruf/office.toml")
USAGE_ERROR = 2


class UsageError(Exception):
    """Bad input on the command line: printed, exit code 2."""


def _config(args: argparse.Namespace) -> OfficeConfig:
    path = args.config or Path(os.environ.get("AUFRUF_CONFIG") or DEFAULT_CONFIG)
    return load_config(path)


def _store(args: argparse.Namespace) -> Store:
    config = _config(args)
    url = args.database_url or config.server.database_url
    engine = create_engine_for(url, config.server.data_dir)
    migrate(engine)
    return Store(engine, config.to_site(), SystemClock())


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

    config = _config(args)
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
    database = sqlite_path(_database_url(args, config))
    if database is None:
        server.run()
    else:
        with hub_lock(database):  # `aufruf restore` refuses while it is held
            server.run()
    return 0


def _database_url(args: argparse.Namespace, config: OfficeConfig) -> str:
    return database_url(args.database_url or config.server.database_url, config.server.data_dir)


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the hub's SQLite database consistently, also while the hub runs."""
    url = _database_url(args, _config(args))
    database = sqlite_path(url)
    if database is None:
        print(postgres_guidance(url, args.file, restore=False), file=sys.stderr)
        return USAGE_ERROR
    tickets = backup(database, args.file)
    print(f"backed up {database} to {args.file} ({tickets} tickets)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Put a backup in place of the hub's SQLite database (the hub must be stopped)."""
    url = _database_url(args, _config(args))
    database = sqlite_path(url)
    if database is None:
        print(postgres_guidance(url, args.file, restore=True), file=sys.stderr)
        return USAGE_ERROR
    tickets = restore(args.file, database)
    print(f"restored {args.file} into {database} ({tickets} tickets); start the hub again")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    """Write the starter site file."""
    path: Path = args.file
    if path.exists() and not args.force:
        raise UsageError(f"{path} exists; use --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(starter_config(), encoding="utf-8")
    print(f"wrote {path}; edit it, then run: aufruf check-config {path}")
    return 0


def cmd_check_config(args: argparse.Namespace) -> int:
    """Validate a site file; exit 2 with the errors when it is broken."""
    ok, text = check_config(args.file)
    print(text, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else USAGE_ERROR


def cmd_device_add(args: argparse.Namespace) -> int:
    """Pair a device and print its token once."""
    device, token = _store(args).add_device(args.name, DeviceRole(args.role))
    print(f"device {device.id} ({device.role.value}) {device.name!r} paired.")
    print("Its token (shown only now; enter it on the device):")
    print(token)
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    """List paired devices."""
    for device in _store(args).list_devices():
        state = "revoked" if device.revoked else "active"
        print(f"{device.id}\t{device.role.value}\t{state}\t{device.name}")
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    """Revoke a device's token."""
    device = _store(args).revoke_device(args.id)
    print(f"device {device.id} {device.name!r} revoked")
    return 0


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise UsageError("the passwords differ")
    if len(password) < 8:
        raise UsageError("the password needs at least 8 characters")
    return password


def cmd_user_add(args: argparse.Namespace) -> int:
    """Add a clerk, supervisor or admin."""
    password = _password(args)
    clerk = _store(args).add_user(
        args.username, password, UserRole(args.role), args.display_name or ""
    )
    print(f"user {clerk.username} ({clerk.role.value}) added")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    """List users: name, role, active or disabled, display name."""
    for clerk in _store(args).list_users():
        state = "disabled" if clerk.disabled else "active"
        print(f"{clerk.username}\t{clerk.role.value}\t{state}\t{clerk.display_name}")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    """Disable a user: logins refused, open sessions ended; waits for the running hub."""
    store = _store(args)
    clerk, ended = store.set_user_disabled(args.username, disabled=True)
    print(f"user {clerk.username} disabled; {ended} open session(s) ended")
    if _hub_applied(store, args.wait):
        print("the running hub has refused them and closed their streams")
    else:
        print(
            f"no running hub confirmed it within {args.wait:g} s; a hub started later "
            "refuses them from its start",
            file=sys.stderr,
        )
    return 0


def _hub_applied(store: Store, wait: float) -> bool:
    """Wait up to `wait` seconds for the running hub to apply the newest trust change."""
    deadline = time.monotonic() + wait
    changes, applied = store.trust_state()
    while applied < changes and time.monotonic() < deadline:
        time.sleep(0.05)  # the hub looks once a second; this only asks the database
        applied = store.trust_state()[1]
    return applied >= changes


def cmd_user_enable(args: argparse.Namespace) -> int:
    """Let a disabled user log in again (sessions ended by disabling stay ended)."""
    clerk, _ = _store(args).set_user_disabled(args.username, disabled=False)
    print(f"user {clerk.username} enabled; they can log in again")
    return 0


def cmd_appointments_import(args: argparse.Namespace) -> int:
    """Import appointments from a CSV file."""
    try:
        text = Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {args.file}: {exc}") from exc
    result = _store(args).import_appointments(text)
    print(f"imported {result.imported}, skipped {result.skipped}")
    for error in result.errors:
        print(f"  {error}", file=sys.stderr)
    return 0 if not result.errors else USAGE_ERROR


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


def cmd_kiosk(args: argparse.Namespace) -> int:
    """Start the check-in kiosk (its Qt code is loaded only now: the hub never imports Qt)."""
    kiosk_main = importlib.import_module("kiosk.qt.main").main
    argv = list(args.kiosk_args)
    if args.server:
        argv += ["--server", args.server]
    if args.windowed:
        argv.append("--windowed")
    if args.config:
        argv += ["--config", str(args.config)]
    if args.kiosk:
        argv += ["--kiosk", args.kiosk]
    code: int = kiosk_main(argv)
    return code


def cmd_display(args: argparse.Namespace) -> int:
    """Start the wall display (its Qt code is loaded only now: the hub never imports Qt)."""
    display_main = importlib.import_module("display.qt.main").main
    argv = ["--server", args.server] if args.server else []
    if args.windowed:
        argv.append("--windowed")
    code: int = display_main(argv)
    return code


def cmd_counter(args: argparse.Namespace) -> int:
    """Start the clerk's counter app (its Qt code is loaded only now: the hub never imports Qt)."""
    counter_main = importlib.import_module("counter.qt.main").main
    argv = []
    for flag in ("server", "config", "counter", "language", "settings"):
        value = getattr(args, flag)
        if value is not None:
            argv += [f"--{flag}", str(value)]
    code: int = counter_main(argv)
    return code


def _positive(text: str) -> float:
    value = float(text)
    if not 0 < value <= 10_000:
        raise argparse.ArgumentTypeError(f"{text} is not a number in (0, 10000]")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 600:
        raise argparse.ArgumentTypeError(f"{text} is not a number of seconds in [0, 600]")
    return value


def _port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port (0-65535)")
    return value


def _with_store(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help=f"the site file (default: $AUFRUF_CONFIG or {DEFAULT_CONFIG})",
    )
    parser.add_argument("--database-url", default=None, help="overrides [server] database_url")
    return parser


def _add_display(wall: argparse.ArgumentParser) -> None:
    wall.add_argument("--server", default=None, help="the hub's URL (default: zeroconf)")
    wall.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    wall.set_defaults(func=cmd_display)


def _add_counter(counter: argparse.ArgumentParser) -> None:
    counter.add_argument("--server", help="the hub's URL (default: zeroconf)")
    counter.add_argument("--config", type=Path, help="the site file (LED sign, receipt printer)")
    counter.add_argument("--counter", help="the counter this PC stands at (default: the last)")
    counter.add_argument("--language", choices=("de", "en"), help="the clerk's language")
    counter.add_argument("--settings", type=Path, help="keep the app's settings in this file")
    counter.set_defaults(func=cmd_counter)


def _add_demo(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("file", type=Path, help="the site file, e.g. examples/office.toml")
    demo.add_argument("--port", type=_port, default=0)
    demo.add_argument("--speed", type=_positive, default=20.0, help="time lapse factor")
    demo.add_argument("--duration", type=_positive, default=None, help="stop after SECONDS")
    demo.add_argument(
        "--windows", action="store_true", help="the real kiosk, counter and display apps"
    )
    demo.add_argument("--out", type=Path, default=None, help="tickets and screenshots (--windows)")
    demo.set_defaults(func=cmd_demo)


def _add_backup(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    save = _with_store(sub.add_parser("backup", help="copy the database (also while it runs)"))
    save.add_argument("file", type=Path, help="the backup file to write")
    save.set_defaults(func=cmd_backup)
    back = _with_store(sub.add_parser("restore", help="put a backup in place (hub stopped)"))
    back.add_argument("file", type=Path, help="a file `aufruf backup` wrote")
    back.set_defaults(func=cmd_restore)


def _add_users(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    user = sub.add_parser("user", help="add, list, disable and enable users").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    uadd = _with_store(user.add_parser("add", help="add a user"))
    uadd.add_argument("username")
    uadd.add_argument("--role", required=True, choices=[r.value for r in UserRole])
    uadd.add_argument("--display-name", default="")
    uadd.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    uadd.set_defaults(func=cmd_user_add)
    _with_store(user.add_parser("list", help="list users")).set_defaults(func=cmd_user_list)
    disable = _with_store(
        user.add_parser("disable", help="refuse a user's logins and end their sessions at once")
    )
    disable.add_argument("username")
    disable.add_argument(
        "--wait",
        type=_seconds,
        default=5.0,
        help="seconds to wait for the running hub to confirm (default 5)",
    )
    disable.set_defaults(func=cmd_user_disable)
    enable = _with_store(user.add_parser("enable", help="let a disabled user log in again"))
    enable.add_argument("username")
    enable.set_defaults(func=cmd_user_enable)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `aufruf`."""
    parser = argparse.ArgumentParser(prog="aufruf", description="Aufruf call-up system hub")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    server = _with_store(sub.add_parser("server", help="run the hub"))
    server.add_argument("--host", default=None, help="listen address (default from the file)")
    server.add_argument("--port", type=_port, default=None, help="port (0 picks a free one)")
    server.set_defaults(func=cmd_server)

    init = sub.add_parser("init", help="write a starter site file")
    init.add_argument("file", type=Path, nargs="?", default=Path("office.toml"))
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    init.set_defaults(func=cmd_init)

    check = sub.add_parser("check-config", help="validate a site file")
    check.add_argument("file", type=Path)
    check.set_defaults(func=cmd_check_config)

    device = sub.add_parser("device", help="pair, list and revoke devices").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    add = _with_store(device.add_parser("add", help="pair a device; prints its token once"))
    add.add_argument("--role", required=True, choices=[r.value for r in DeviceRole])
    add.add_argument("--name", required=True)
    add.set_defaults(func=cmd_device_add)
    _with_store(device.add_parser("list", help="list devices")).set_defaults(func=cmd_device_list)
    revoke = _with_store(device.add_parser("revoke", help="revoke a device's token"))
    revoke.add_argument("id")
    revoke.set_defaults(func=cmd_device_revoke)

    _add_users(sub)

    appointments = sub.add_parser("appointments", help="appointments").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    imp = _with_store(appointments.add_parser("import", help="import a CSV of appointments"))
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_appointments_import)

    _add_backup(sub)
    _add_demo(sub.add_parser("demo", help="run a scripted office against a real server"))

    kiosk = sub.add_parser("kiosk", help="run the check-in kiosk (full screen)")
    kiosk.add_argument("--server", default=None, help="the hub's URL (default: zeroconf)")
    kiosk.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    kiosk.add_argument("--config", type=Path, default=None, help="the site file")
    kiosk.add_argument("--kiosk", default=None, help="the kiosk's id in the site file")
    kiosk.set_defaults(func=cmd_kiosk, kiosk_args=[])

    _add_counter(sub.add_parser("counter", help="start the clerk's counter app"))
    _add_display(sub.add_parser("display", help="run the wall display (full screen)"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `aufruf` console script."""
    args = build_parser().parse_args(argv)
    configure_logging(logging.DEBUG if args.verbose else logging.INFO)
    return execute(args)


def execute(args: argparse.Namespace) -> int:
    """Run a parsed command; bad input is printed and gives exit code 2."""
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except (BackupError, ConfigError, StoreError, UsageError) as exc:
        print(f"aufruf: error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

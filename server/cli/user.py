"""`aufruf user add|list|disable|enable`: the clerks, supervisors and admins who log in."""

from __future__ import annotations

import argparse
import getpass
import sys
import time

from server.cli.arguments import UsageError, seconds_to_wait
from server.cli.site import existing_store, open_store, with_store
from server.cli.table import print_rows
from server.store import Store
from shared.domain import UserRole


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
    clerk = open_store(args).add_user(
        args.username, password, UserRole(args.role), args.display_name or ""
    )
    print(f"user {clerk.username} ({clerk.role.value}) added")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    """List users: name, role, active or disabled, display name (read-only, as `device list`)."""
    with existing_store(args) as store:
        users = store.list_users()
    print_rows(
        (
            clerk.username,
            clerk.role.value,
            "disabled" if clerk.disabled else "active",
            clerk.display_name,
        )
        for clerk in users
    )
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    """Disable a user: logins refused, open sessions ended; waits for the running hub."""
    store = open_store(args)
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
    clerk, _ = open_store(args).set_user_disabled(args.username, disabled=False)
    print(f"user {clerk.username} enabled; they can log in again")
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `user` and its actions."""
    user = sub.add_parser("user", help="add, list, disable and enable users").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    uadd = with_store(user.add_parser("add", help="add a user"))
    uadd.add_argument("username")
    uadd.add_argument("--role", required=True, choices=[r.value for r in UserRole])
    uadd.add_argument("--display-name", default="")
    uadd.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    uadd.set_defaults(func=cmd_user_add)
    with_store(user.add_parser("list", help="list users")).set_defaults(func=cmd_user_list)
    disable = with_store(
        user.add_parser("disable", help="refuse a user's logins and end their sessions at once")
    )
    disable.add_argument("username")
    disable.add_argument(
        "--wait",
        type=seconds_to_wait,
        default=5.0,
        help="seconds to wait for the running hub to confirm (default 5)",
    )
    disable.set_defaults(func=cmd_user_disable)
    enable = with_store(user.add_parser("enable", help="let a disabled user log in again"))
    enable.add_argument("username")
    enable.set_defaults(func=cmd_user_enable)

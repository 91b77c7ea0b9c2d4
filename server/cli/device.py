"""`aufruf device add|list|revoke`: pair a kiosk or display, list the paired, revoke one."""

from __future__ import annotations

import argparse

from server.cli.site import existing_store, open_store, with_store
from server.cli.table import print_rows
from shared.domain import DeviceRole


def cmd_device_add(args: argparse.Namespace) -> int:
    """Pair a device and print its token once."""
    device, token = open_store(args).add_device(args.name, DeviceRole(args.role))
    print(f"device {device.id} ({device.role.value}) {device.name!r} paired.")
    print("Its token (shown only now; enter it on the device):")
    print(token)
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    """List paired devices (read-only: a missing database is refused, not made)."""
    with existing_store(args) as store:
        devices = store.list_devices()
    print_rows(
        (device.id, device.role.value, "revoked" if device.revoked else "active", device.name)
        for device in devices
    )
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    """Revoke a device's token."""
    device = open_store(args).revoke_device(args.id)
    print(f"device {device.id} {device.name!r} revoked")
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `device` and its actions."""
    device = sub.add_parser("device", help="pair, list and revoke devices").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    add = with_store(device.add_parser("add", help="pair a device; prints its token once"))
    add.add_argument("--role", required=True, choices=[r.value for r in DeviceRole])
    add.add_argument("--name", required=True)
    add.set_defaults(func=cmd_device_add)
    with_store(device.add_parser("list", help="list devices")).set_defaults(func=cmd_device_list)
    revoke = with_store(device.add_parser("revoke", help="revoke a device's token"))
    revoke.add_argument("id")
    revoke.set_defaults(func=cmd_device_revoke)

"""Run in a separate process by the discovery tests: print each hub found or lost as JSON.

Usage: python browse_hubs.py <interface-ip>; stops when its stdin closes.
"""

from __future__ import annotations

import dataclasses
import json
import sys

from shared.discovery import HubAddress, browse


def report(kind: str, address: HubAddress) -> None:
    """One JSON line per callback."""
    print(json.dumps({"kind": kind, **dataclasses.asdict(address)}), flush=True)


def main() -> None:
    """Browse until stdin closes."""
    unsubscribe = browse(
        lambda a: report("found", a), lambda a: report("lost", a), interfaces=sys.argv[1:]
    )
    print(json.dumps({"kind": "ready"}), flush=True)
    sys.stdin.read()
    unsubscribe()


if __name__ == "__main__":
    main()

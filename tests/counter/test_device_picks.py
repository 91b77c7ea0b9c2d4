"""Which port or address each desk device is used at: the site file's, or this PC's pick."""

from __future__ import annotations

import pytest

from counter.desk_devices import DeviceKind, DevicePicks
from shared.config.printer import NetworkPrinter, PrinterTransport

SIGN, PRINTER = DeviceKind.SIGN, DeviceKind.PRINTER
SITE_PRINTER = NetworkPrinter(transport=PrinterTransport.NETWORK, host="10.0.0.5", port=9100)


def desk() -> DevicePicks:
    return DevicePicks("/dev/ttyUSB0", SITE_PRINTER)


def test_the_site_files_ports_are_used_until_this_pc_picks_another() -> None:
    picks = desk()
    assert picks.site == {SIGN: "/dev/ttyUSB0", PRINTER: "10.0.0.5:9100"}
    assert picks.local == {}
    assert (picks.where(SIGN), picks.where(PRINTER)) == ("/dev/ttyUSB0", "10.0.0.5:9100")
    assert picks.printer is SITE_PRINTER


def test_a_pick_of_this_pc_wins_over_the_site_file() -> None:
    picks = desk()
    assert picks.pick(SIGN, "/dev/ttyACM0") is True
    assert picks.where(SIGN) == "/dev/ttyACM0"
    assert picks.local == {SIGN: "/dev/ttyACM0"}
    assert picks.site[SIGN] == "/dev/ttyUSB0"  # the site file's stays known
    assert picks.pick(SIGN, "/dev/ttyACM0") is False  # the same pick again changes nothing
    assert picks.pick(SIGN, "/dev/ttyACM1") is True
    assert picks.where(PRINTER) == "10.0.0.5:9100"  # the other device keeps the site's


def test_a_pick_equal_to_the_site_files_is_dropped() -> None:
    picks = desk()
    assert picks.pick(SIGN, "/dev/ttyUSB0") is False  # no pick of its own: nothing to keep
    assert picks.local == {}
    picks.pick(SIGN, "/dev/ttyACM0")
    assert picks.pick(SIGN, "/dev/ttyUSB0") is True  # picking the site's port drops the pick
    assert picks.local == {}
    assert picks.where(SIGN) == "/dev/ttyUSB0"


def test_a_printer_at_another_address_is_a_copy_of_its_entry() -> None:
    picks = desk()
    assert picks.pick_printer(" 10.0.0.9 ") is True  # the port defaults to 9100
    assert picks.local == {PRINTER: "10.0.0.9:9100"}
    assert picks.where(PRINTER) == "10.0.0.9:9100"
    assert isinstance(picks.printer, NetworkPrinter)
    assert (picks.printer.host, picks.printer.port) == ("10.0.0.9", 9100)
    assert picks.site_printer is SITE_PRINTER
    assert picks.pick_printer("10.0.0.5:9100") is True  # the site's address, typed: dropped
    assert picks.local == {}


def test_an_address_that_does_not_fit_changes_nothing() -> None:
    picks = desk()
    picks.pick_printer("10.0.0.9:9101")
    before = picks.printer
    with pytest.raises(ValueError, match="host:port"):
        picks.pick_printer("10.0.0.9:port")
    assert picks.printer is before
    assert picks.local == {PRINTER: "10.0.0.9:9101"}


def test_back_to_the_site_drops_the_pick_and_takes_the_sites_entry_again() -> None:
    picks = desk()
    picks.pick(SIGN, "/dev/ttyACM0")
    picks.pick_printer("10.0.0.9")
    assert picks.back_to_site(PRINTER) is True
    assert picks.printer is SITE_PRINTER
    assert picks.local == {SIGN: "/dev/ttyACM0"}
    assert picks.back_to_site(SIGN) is True
    assert picks.local == {}
    assert picks.back_to_site(SIGN) is False  # already the site's


def test_a_desk_without_devices() -> None:
    picks = DevicePicks()
    assert picks.site == {SIGN: "", PRINTER: ""}
    assert (picks.where(SIGN), picks.where(PRINTER), picks.printer) == ("", "", None)
    with pytest.raises(ValueError, match="no receipt printer"):
        picks.pick_printer("10.0.0.9")
    assert picks.back_to_site(PRINTER) is False

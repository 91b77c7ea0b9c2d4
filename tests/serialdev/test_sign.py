"""The counter sign over a real pty, against the sign emulator."""

from __future__ import annotations

from pathlib import Path

import pytest

from hardware.emulator.serial_devices import SignEmulator
from hardware.serialport import SerialSettings
from hardware.sign import (
    CounterSign,
    SignPayloadError,
    SignProtocol,
    SignUnavailableError,
    encode_frame,
)

BLINKING = SignProtocol(blink="{counter}:{number}:B\r\n")


def test_encode_frame_fills_the_template() -> None:
    protocol = SignProtocol()
    assert encode_frame(protocol, protocol.show, "03", "A042") == b"03:A042\r\n"
    assert encode_frame(protocol, protocol.clear, "03", "") == b"03:\r\n"


def test_payload_errors() -> None:
    protocol = SignProtocol(max_number_length=4)
    with pytest.raises(SignPayloadError, match="longer"):
        encode_frame(protocol, protocol.show, "03", "A0421")
    with pytest.raises(SignPayloadError, match="control"):
        encode_frame(protocol, protocol.show, "03", "A\r\n")
    with pytest.raises(SignPayloadError, match="ascii"):
        encode_frame(protocol, protocol.show, "03", "Ä42")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"show": "{counter}:\r\n"}, "needs a {number}"),
        ({"clear": "{number}\r\n"}, "cannot show"),
        ({"blink": "{counter}\r\n"}, "needs a {number}"),
        ({"show": "{desk}:{number}\r\n"}, "may only use"),
        ({"show": "{}:{number}\r\n"}, "may only use"),
        ({"max_number_length": 0}, "at least one"),
    ],
)
def test_protocol_is_validated(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SignProtocol(**kwargs)  # type: ignore[arg-type]


def test_unknown_encoding_is_rejected() -> None:
    with pytest.raises(LookupError):
        SignProtocol(encoding="no-such-codec")


def test_sign_shows_and_clears(sign_emulator: SignEmulator, no_leaks: None) -> None:
    sign = CounterSign(SerialSettings(sign_emulator.port), "03")
    sign.show("A042")
    frames = sign_emulator.wait_for_frames(1)
    assert frames[0].raw == b"03:A042\r\n"
    assert (frames[0].counter, frames[0].number) == ("03", "A042")
    assert (sign_emulator.shown, sign_emulator.blinking) == ("A042", False)
    sign.show("B007", blink=True)  # this protocol cannot blink: shows steadily
    sign.clear()
    sign_emulator.wait_for_frames(3)
    assert (sign_emulator.shown, sign_emulator.blinking) == (None, False)
    assert [f.raw for f in sign_emulator.frames] == [b"03:A042\r\n", b"03:B007\r\n", b"03:\r\n"]
    sign.close()


def test_sign_blinks_when_it_can(tmp_path: Path) -> None:
    with SignEmulator(protocol=BLINKING, link=tmp_path / "sign") as emulator:
        sign = CounterSign(SerialSettings(emulator.port), "12", BLINKING)
        sign.show("C100", blink=True)
        emulator.wait_for_frames(1)
        assert (emulator.shown, emulator.blinking) == ("C100", True)
        sign.show("C100")
        emulator.wait_for_frames(2)
        assert (emulator.shown, emulator.blinking) == ("C100", False)
        sign.close()


@pytest.mark.expect_log("hardware", "did not understand")
def test_emulator_records_garbage_as_not_understood(sign_emulator: SignEmulator) -> None:
    sign = CounterSign(
        SerialSettings(sign_emulator.port), "03", SignProtocol(show="#{number}\r\n", clear="#\r\n")
    )
    sign.show("A1")
    (frame,) = sign_emulator.wait_for_frames(1)
    assert not frame.understood
    assert sign_emulator.shown is None
    sign.close()


def test_missing_sign_is_a_typed_error(tmp_path: Path) -> None:
    sign = CounterSign(SerialSettings(str(tmp_path / "nothing")), "03")
    with pytest.raises(SignUnavailableError, match="no such device"):
        sign.show("A042")


@pytest.mark.expect_log("hardware", r"counter sign \S+ lost")
def test_unplugged_sign_errors_then_recovers_when_replugged(tmp_path: Path, no_leaks: None) -> None:
    link = tmp_path / "ttySign"
    first = SignEmulator(link=link)
    sign = CounterSign(SerialSettings(str(link)), "03")
    sign.show("A001")
    first.wait_for_frames(1)
    first.close()
    with pytest.raises(SignUnavailableError, match="03"):
        sign.show("A002")
    with pytest.raises(SignUnavailableError, match="no such device"):
        sign.show("A002")  # still unplugged: the link is gone
    with SignEmulator(link=link) as second:
        sign.show("A003")
        second.wait_for_frames(1)
        assert second.shown == "A003"
        sign.close()


def test_a_second_program_cannot_grab_the_sign(sign_emulator: SignEmulator) -> None:
    first = CounterSign(SerialSettings(sign_emulator.port), "03")
    second = CounterSign(SerialSettings(sign_emulator.port), "04")
    first.show("A001")
    with pytest.raises(SignUnavailableError, match="in use"):
        second.show("A002")
    first.close()
    second.close()


def test_settings_are_validated() -> None:
    for kwargs in ({"port": ""}, {"baudrate": 0}, {"bytesize": 9}, {"stopbits": 3}):
        with pytest.raises(ValueError):
            SerialSettings(**{"port": "/dev/ttyUSB0", **kwargs})  # type: ignore[arg-type]

"""Synthesise the counter's staff sounds: the help alarm and the office-alert notice.

Discreet on purpose and unlike the display's public chime (a slow bell-like E5-C5): the alarm
is four short soft pips alternating C6 and E6 (heard across a quiet office, not in the
waiting room), the notice one short soft G5 pip. Pure Python (`wave`, `math`), deterministic
to the byte, so a test proves this script makes exactly the shipped files.
Run: ``python counter/sounds/make_sounds.py [FOLDER]``.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
"""Samples per second (mono, 16 bit)."""
PIP = 0.09
"""Seconds one pip sounds."""
EDGE = 0.012
"""Seconds a pip takes to rise and to fall (no click at its edges)."""

ALARM = ((0.0, 1046.5), (0.15, 1318.5), (0.30, 1046.5), (0.45, 1318.5))
"""(start in seconds, frequency in Hz) of the alarm's pips: C6 E6 C6 E6."""
ALARM_PEAK = 0.40
NOTICE = ((0.0, 783.99),)
"""The notice: one G5 pip."""
NOTICE_PEAK = 0.30


def _envelope(age: float) -> float:
    if age < 0 or age > PIP:
        return 0.0
    return min(1.0, age / EDGE, (PIP - age) / EDGE)


def frames(pips: tuple[tuple[float, float], ...], peak: float) -> bytes:
    """The pips as 16-bit little-endian PCM, with 50 ms of silence after the last."""
    length = max(start for start, _ in pips) + PIP + 0.05
    out = []
    for i in range(int(length * RATE)):
        t = i / RATE
        value = 0.0
        for start, frequency in pips:
            age = t - start
            value += _envelope(age) * (
                math.sin(2 * math.pi * frequency * age)
                + 0.15 * math.sin(4 * math.pi * frequency * age)
            )
        out.append(struct.pack("<h", round(value / 1.15 * peak * 32767)))
    return b"".join(out)


def write(path: Path, pips: tuple[tuple[float, float], ...], peak: float) -> None:
    """Write one sound as a WAV file."""
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(frames(pips, peak))


def main(folder: Path) -> None:
    """Write alarm.wav and notice.wav into `folder`."""
    write(folder / "alarm.wav", ALARM, ALARM_PEAK)
    write(folder / "notice.wav", NOTICE, NOTICE_PEAK)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)

"""Synthesise the display's chime: a soft two-tone "ding-dong" with bell-like overtones.

Pure Python (`wave` and `math`), deterministic to the byte, so a test can prove that this
script makes exactly the shipped `chime.wav`. Run: ``python display/sounds/make_chime.py``.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
"""Samples per second (mono, 16 bit): plenty for a chime, small to ship."""
NOTES = ((0.0, 659.25), (0.45, 523.25))
"""(start in seconds, frequency in Hz): E5 then C5."""
LENGTH = 1.6
"""Seconds of sound in the file."""
PARTIALS = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12), (4.2, 0.05))
"""(multiple of the note's frequency, amplitude): a bell's overtones, softened."""
DECAY = 3.2
"""How fast a note fades (per second, exponential)."""
ATTACK = 0.006
"""Seconds a note takes to reach full strength (no click at its start)."""
PEAK = 0.55
"""Loudest sample as a share of full scale (room for the speaker, no clipping)."""


def sample(t: float) -> float:
    """The chime's value at time `t` (seconds), before scaling."""
    value = 0.0
    for start, frequency in NOTES:
        age = t - start
        if age < 0:
            continue
        envelope = math.exp(-DECAY * age) * min(1.0, age / ATTACK)
        for multiple, amplitude in PARTIALS:
            value += amplitude * envelope * math.sin(2 * math.pi * frequency * multiple * age)
    fade = min(1.0, (LENGTH - t) / 0.05)  # the last 50 ms fade to silence
    return value * fade


def frames() -> bytes:
    """The whole chime as 16-bit little-endian PCM."""
    count = int(LENGTH * RATE)
    values = [sample(i / RATE) for i in range(count)]
    scale = PEAK * 32767 / max(abs(v) for v in values)
    return b"".join(struct.pack("<h", round(v * scale)) for v in values)


def write(path: Path) -> None:
    """Write the chime as a WAV file."""
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(frames())


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("chime.wav"))

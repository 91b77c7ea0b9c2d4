"""What the hub tells a wall display about itself: its counters, sounds and info texts.

`GET /api/v1/display` answers a `DisplaySetup` for the calling display device, from the site
file's `[[displays]]` entry whose id or name is the device's name (`display_id` None: no entry
matches, the display shows every counter) and the `[info]` texts. No Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import TypeAdapter


@dataclass(frozen=True, slots=True, kw_only=True)
class CounterPlace:
    """A counter as a display names it: its name and where it is."""

    id: str
    name: str
    location: str = ""
    floor: str = ""
    room: str = ""
    direction: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class InfoTexts:
    """The info texts of one language, shown in turn."""

    language: str
    texts: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DisplaySetup:
    """One display's configuration: the counters it shows, whether it chimes and speaks."""

    display_id: str | None
    name: str
    site_name: str
    timezone: str
    counters: tuple[CounterPlace, ...]
    chime: bool = True
    announce: bool = True
    info_seconds: float = 8.0
    info: tuple[InfoTexts, ...] = ()

    def shows(self, counter_id: str) -> bool:
        """Whether calls to this counter belong on this display."""
        return any(c.id == counter_id for c in self.counters)


_ADAPTER: TypeAdapter[DisplaySetup] = TypeAdapter(DisplaySetup)


def encode_setup(setup: DisplaySetup) -> str:
    """The setup as JSON."""
    return _ADAPTER.dump_json(setup).decode()


def decode_setup(data: object) -> DisplaySetup:
    """A setup from parsed JSON (or its text); raises pydantic.ValidationError if malformed."""
    if isinstance(data, str | bytes):
        return _ADAPTER.validate_json(data)
    return _ADAPTER.validate_python(data)

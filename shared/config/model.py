"""The site configuration as pydantic models: one model per TOML section, all frozen.

Field checks live here; checks across sections (ids that must exist, unique letters) live in
`shared.config.checks`. Scalars are strict (TOML has real types: ``port = "8470"`` is an error,
not a silent conversion). No Qt, no I/O.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Collection, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from platformdirs import user_data_dir
from pydantic import (
    AfterValidator,
    Field,
    Strict,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationInfo,
    model_validator,
)

from shared.checkin import CheckInWindow
from shared.config.checks import cross_check, suggest
from shared.config.printer import Port, PrinterConfig, Section
from shared.domain import Counter, Service, Site
from shared.policy import PolicySettings

REQUIRED_LANGUAGES = ("de", "en")
"""Every site and every service name speaks at least these."""

Slug = Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_-]{0,39}$")]
"""An id: lowercase letters, digits, '_' and '-', starting with a letter, at most 40 chars."""
Language = Annotated[StrictStr, Field(pattern=r"^[a-z]{2,3}$")]
"""An ISO 639 language code such as de, en, ar, ti."""
Text = Annotated[StrictStr, Field(min_length=1, max_length=200)]
"""A human-readable name or line (non-empty)."""
Minutes = Annotated[float, Strict(), Field(ge=0, le=24 * 60)]
"""A duration in minutes."""


MAX_TIMEZONE = 64
"""Longer than any IANA zone name (the longest has 32 characters)."""


def _check_timezone(value: str) -> str:
    if len(value) > MAX_TIMEZONE:
        raise ValueError(f"unknown time zone (longer than {MAX_TIMEZONE} characters)")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a directory such as "Europe"
        hint = suggest(value, available_timezones())
        raise ValueError(f"unknown time zone {value!r}{hint}") from None
    return value


def _check_ip(value: str) -> str:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an IP address") from None
    return value


def _check_network(value: str) -> str:
    if value.strip() in ("*", ""):
        raise ValueError("name each proxy's address; trusting every peer lets anyone spoof")
    try:
        ipaddress.ip_network(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an IP address or network (e.g. 10.0.0.0/24)") from None
    return value


def _unique(values: tuple[str, ...]) -> tuple[str, ...]:
    dupes = sorted({v for v in values if values.count(v) > 1})
    if dupes:
        raise ValueError(f"listed twice: {', '.join(dupes)}")
    return values


def _with_required_languages(values: tuple[str, ...]) -> tuple[str, ...]:
    _unique(values)
    _require_languages(values)
    return values


def _require_languages(languages: Collection[str]) -> None:
    missing = [lang for lang in REQUIRED_LANGUAGES if lang not in languages]
    if missing:
        raise ValueError(f"must include {' and '.join(repr(m) for m in missing)}")


def _names(names: Mapping[str, str]) -> Mapping[str, str]:
    _require_languages(names)
    return names


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{value!r} is not an http:// or https:// address")
    return value


def _database_url(value: str) -> str:
    scheme = value.split(":", 1)[0].split("+", 1)[0]
    if scheme not in ("sqlite", "postgresql") or "://" not in value:
        raise ValueError(f"{value!r} must start with sqlite:// or postgresql://")
    return value


class SiteConfig(Section):
    """``[site]``: who the office is, its time zone and languages."""

    id: Slug
    name: Text
    timezone: Annotated[StrictStr, AfterValidator(_check_timezone)] = "Europe/Berlin"
    languages: Annotated[tuple[Language, ...], AfterValidator(_with_required_languages)] = (
        REQUIRED_LANGUAGES
    )
    status_base_url: Annotated[StrictStr, AfterValidator(_http_url)] | None = None

    @property
    def default_language(self) -> str:
        """The first listed language."""
        return self.languages[0]


class PublicConfig(Section):
    """``[server.public]``: the listener for visitors' phones (status pages only)."""

    host: Annotated[StrictStr, Field(min_length=1)] = "127.0.0.1"
    """Usually 127.0.0.1 behind a reverse proxy on the same machine."""
    port: Port = 8471
    trusted_proxies: Annotated[
        tuple[Annotated[StrictStr, AfterValidator(_check_network)], ...],
        AfterValidator(_unique),
    ] = ()
    """The reverse proxies' addresses or networks. Only a request from one of them has its
    `X-Forwarded-For` read: the right-most address in it that is not a trusted proxy is the
    phone's (the key-guessing limit counts that). Empty: no header is read."""


class ServerConfig(Section):
    """``[server]``: where the hub listens and where it keeps its data."""

    host: Annotated[StrictStr, Field(min_length=1)] = "127.0.0.1"
    port: Port = 8470
    database_url: Annotated[StrictStr, AfterValidator(_database_url)] | None = None
    data_dir: Path | None = None
    zeroconf: StrictBool = True
    zeroconf_interfaces: tuple[Annotated[StrictStr, AfterValidator(_check_ip)], ...] | None = None
    tickets_per_minute_per_kiosk: Annotated[StrictInt, Field(ge=1, le=10_000)] = 30
    keep_events_days: Annotated[StrictInt, Field(ge=1, le=3650)] = 14
    """Days the event log is kept: reconnecting clients need minutes, a complaint needs days;
    each event holds ticket details, so an office must not keep it longer than it needs."""
    keep_personal_days: Annotated[StrictInt, Field(ge=1, le=3650)] = 14
    """Days a visitor's personal data is kept: then the booked name, the appointment number,
    the clerks' notes and the status page's key are blanked (the waiting-time figures stay)."""
    announce_ticket_language: StrictBool = True
    """Public calls carry the language chosen at the kiosk, so displays also speak it."""
    device_alert_seconds: Annotated[float, Strict(), Field(gt=0, le=3600)] = 30
    """A watched kiosk or wall display out of contact this long is an office alert."""
    public: PublicConfig | None = None
    """A second listener that serves only the status pages (None: none)."""

    @model_validator(mode="after")
    def _public_apart(self) -> ServerConfig:
        public = self.public
        if public is not None and public.port == self.port and public.port != 0:
            raise ValueError(f"public.port {public.port} is the hub's own port; pick another")
        return self

    def resolved_data_dir(self) -> Path:
        """The data directory: ``data_dir`` or the platform's user data dir for aufruf."""
        return self.data_dir if self.data_dir is not None else Path(user_data_dir("aufruf"))


class PolicyConfig(Section):
    """``[policy]``: the tunable numbers of the queue policy (see shared.policy)."""

    appointment_window_minutes: Minutes = 15
    ageing_per_minute: Annotated[float, Strict(), Field(ge=0, le=100)] = 0.1
    max_wait_minutes: Annotated[float, Strict(), Field(gt=0, le=24 * 60)] = 60
    checkin_early_minutes: Annotated[StrictInt, Field(ge=0, le=12 * 60)] = 60
    """How long before the booked time an appointment may check in at the kiosk."""
    checkin_late_minutes: Annotated[StrictInt, Field(ge=0, le=12 * 60)] = 15
    """How long after the booked time a check-in is still taken (later: reception)."""

    def to_settings(self) -> PolicySettings:
        """The policy's own settings object."""
        return PolicySettings(
            appointment_window=timedelta(minutes=self.appointment_window_minutes),
            ageing_per_minute=self.ageing_per_minute,
            max_wait=timedelta(minutes=self.max_wait_minutes),
        )

    def checkin_window(self) -> CheckInWindow:
        """The check-in window around a booked time."""
        return CheckInWindow(
            early=timedelta(minutes=self.checkin_early_minutes),
            late=timedelta(minutes=self.checkin_late_minutes),
        )


class ServiceConfig(Section):
    """``[[services]]``: one concern a visitor can come for."""

    id: Slug
    letter: Annotated[StrictStr, Field(pattern=r"^[A-Z]$")]
    names: Annotated[Mapping[Language, Text], AfterValidator(_names)]
    documents: Mapping[Language, tuple[Text, ...]] = Field(default_factory=dict)
    explanations: Mapping[Language, Text] = Field(default_factory=dict)
    """One line per language under the concern's name on the kiosk."""
    expected_minutes: Annotated[float, Strict(), Field(gt=0, le=8 * 60)] = 10
    emergency: StrictBool = False
    daily_cap: Annotated[StrictInt, Field(ge=1)] | None = None

    def to_service(self) -> Service:
        """The domain entity."""
        return Service(
            id=self.id,
            letter=self.letter,
            names=dict(self.names),
            documents={lang: tuple(docs) for lang, docs in self.documents.items()},
            explanations=dict(self.explanations),
            expected_minutes=self.expected_minutes,
            emergency=self.emergency,
            daily_cap=self.daily_cap,
        )


Place = Annotated[StrictStr, Field(max_length=80)]
"""Part of where a counter is, as the displays show it: "1. OG", "Raum 1.05", "→ links"."""

Weight = Annotated[float, Strict(), Field(gt=0, le=1000)]
"""How strongly a counter prefers a service (> 0; leave a service out to not serve it)."""


class SignConfig(Section):
    """``sign = {...}`` of a counter: the LED number sign above it, on a serial line."""

    device: Annotated[StrictStr, Field(min_length=1)]
    baudrate: StrictInt = 9600
    name: Annotated[StrictStr, Field(min_length=1, max_length=16)] | None = None
    """What the sign protocol calls this counter (default: the counter's id)."""
    show: StrictStr = "{counter}:{number}\r\n"
    clear: StrictStr = "{counter}:\r\n"
    blink: StrictStr | None = None


class CounterConfig(Section):
    """``[[counters]]``: one desk and the services it serves, with weights."""

    id: Slug
    name: Text
    location: Annotated[StrictStr, Field(max_length=200)] = ""
    floor: Place = ""
    room: Place = ""
    direction: Place = ""
    services: Annotated[Mapping[StrictStr, Weight], Field(min_length=1)]
    sign: SignConfig | None = None
    """The LED sign over the counter, driven by the counter app (None: no sign)."""
    printer: PrinterConfig | None = None
    """The receipt printer at the desk (None: no receipts)."""

    def to_counter(self) -> Counter:
        """The domain entity."""
        return Counter(
            id=self.id,
            name=self.name,
            location=self.location,
            weights=dict(self.services),
            floor=self.floor,
            room=self.room,
            direction=self.direction,
        )


class DisplayConfig(Section):
    """``[[displays]]``: one wall monitor and the counters whose calls it shows."""

    id: Slug
    name: Text
    counters: Annotated[tuple[StrictStr, ...], Field(min_length=1), AfterValidator(_unique)]
    chime: StrictBool = True
    announce: StrictBool = True
    """Speak each call (German, and the ticket's language when the call carries it)."""


InfoLine = Annotated[StrictStr, Field(min_length=1, max_length=300)]
"""One info text a display shows between calls."""


class InfoConfig(Section):
    """``[info]``: the office's info texts per language, rotated on the displays."""

    seconds: Annotated[float, Strict(), Field(ge=2, le=600)] = 8
    texts: Mapping[Language, tuple[InfoLine, ...]] = Field(default_factory=dict)


class KioskConfig(Section):
    """``[[kiosks]]``: one check-in terminal, its languages and its printer."""

    id: Slug
    name: Text
    languages: Annotated[tuple[Language, ...], AfterValidator(_unique)] | None = None
    printer: PrinterConfig
    admin_pin: Annotated[StrictStr, Field(pattern=r"^[0-9]{4,12}$")] | None = None
    """Digits that let staff leave the full-screen kiosk (None: no way out on screen)."""
    scanner: Annotated[StrictStr, Field(min_length=1)] | None = None
    """The serial barcode scanner's device (None: keyboard-wedge scanners only)."""


class OfficeConfig(Section):
    """The whole site file: every section, checked across sections."""

    site: SiteConfig
    server: ServerConfig = ServerConfig()
    policy: PolicyConfig = PolicyConfig()
    services: Annotated[tuple[ServiceConfig, ...], Field(min_length=1)]
    counters: Annotated[tuple[CounterConfig, ...], Field(min_length=1)]
    displays: tuple[DisplayConfig, ...] = ()
    kiosks: tuple[KioskConfig, ...] = ()
    info: InfoConfig = InfoConfig()

    @model_validator(mode="after")
    def _cross_check(self, info: ValidationInfo) -> OfficeConfig:
        if isinstance(info.context, dict) and info.context.get("defer_cross_checks"):
            return self
        problems = cross_check(self)
        if problems:
            raise ValueError("; ".join(p.text() for p in problems))
        return self

    def to_site(self) -> Site:
        """The domain's view of this office: services and counters by id."""
        return Site(
            id=self.site.id,
            name=self.site.name,
            timezone=self.site.timezone,
            services={s.id: s.to_service() for s in self.services},
            counters={c.id: c.to_counter() for c in self.counters},
            languages=self.site.languages,
        )

    def service(self, service_id: str) -> ServiceConfig:
        """The service with this id (KeyError if none)."""
        return {s.id: s for s in self.services}[service_id]

    def counter(self, counter_id: str) -> CounterConfig:
        """The counter with this id (KeyError if none)."""
        return {c.id: c for c in self.counters}[counter_id]

    def display(self, display_id: str) -> DisplayConfig:
        """The display with this id (KeyError if none)."""
        return {d.id: d for d in self.displays}[display_id]

    def display_for_device(self, device_name: str) -> DisplayConfig | None:
        """The display a paired device is (its name is the display's id or name), or None."""
        wanted = device_name.strip().casefold()
        for display in self.displays:
            if wanted in (display.id.casefold(), display.name.casefold()):
                return display
        return None

    def kiosk_for_device(self, device_name: str) -> KioskConfig | None:
        """The kiosk a paired device is (its name is the kiosk's id or name), or None."""
        wanted = device_name.strip().casefold()
        for kiosk in self.kiosks:
            if wanted in (kiosk.id.casefold(), kiosk.name.casefold()):
                return kiosk
        return None

    def kiosk(self, kiosk_id: str) -> KioskConfig:
        """The kiosk with this id (KeyError if none)."""
        return {k.id: k for k in self.kiosks}[kiosk_id]

    def kiosk_languages(self, kiosk_id: str) -> tuple[str, ...]:
        """The languages a kiosk offers: its own list, else all site languages."""
        return self.kiosk(kiosk_id).languages or self.site.languages

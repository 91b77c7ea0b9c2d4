"""The example office and the starter template load, and map onto the domain."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from shared.config import (
    ConfigError,
    NetworkPrinter,
    PaperWidth,
    PrinterTransport,
    PrintMode,
    SerialPrinter,
    check_config,
    load_config,
    parse_config,
    starter_config,
)
from shared.config.checks import translation_gaps
from shared.domain import Counter, Service, Site

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "office.toml"


def test_example_loads_with_expected_shape() -> None:
    cfg = load_config(EXAMPLE)
    assert cfg.site.timezone == "Europe/Berlin"
    assert cfg.site.languages == ("de", "en", "ar", "fa", "tr", "ru", "uk", "ti", "zh")
    assert cfg.site.default_language == "de"
    assert len(cfg.services) >= 8
    assert len(cfg.counters) == 10
    assert len(cfg.displays) == 3
    assert len(cfg.kiosks) == 2
    assert sum(s.emergency for s in cfg.services) == 1


def test_example_printers() -> None:
    cfg = load_config(EXAMPLE)
    network, serial = (k.printer for k in cfg.kiosks)
    assert isinstance(network, NetworkPrinter)
    assert (network.host, network.port, network.paper, network.mode) == (
        "127.0.0.1",
        9100,
        PaperWidth.MM80,
        PrintMode.RASTER,
    )
    assert isinstance(serial, SerialPrinter)
    assert serial.transport is PrinterTransport.SERIAL
    assert (serial.paper, serial.mode, serial.baudrate) == (PaperWidth.MM58, PrintMode.TEXT, 9600)
    assert cfg.kiosk_languages("og1") == ("de", "en", "tr")
    assert cfg.kiosk_languages("eingang") == cfg.site.languages


def test_every_example_service_has_documents_in_de_and_en() -> None:
    for service in load_config(EXAMPLE).services:
        assert service.documents["de"], service.id
        assert len(service.documents["de"]) == len(service.documents["en"]), service.id


def test_every_example_service_speaks_every_site_language() -> None:
    """A visitor reads their concern, its line and its documents in the language they chose."""
    cfg = load_config(EXAMPLE)
    for service in cfg.services:
        for texts in (service.names, service.explanations, service.documents):
            assert set(texts) == set(cfg.site.languages), service.id
        lengths = {lang: len(docs) for lang, docs in service.documents.items()}
        assert set(lengths.values()) == {len(service.documents["de"])}, (service.id, lengths)
    assert translation_gaps(cfg) == []


def test_to_site_builds_domain_objects() -> None:
    cfg = load_config(EXAMPLE)
    site = cfg.to_site()
    assert isinstance(site, Site)
    assert site.id == cfg.site.id
    assert site.languages == cfg.site.languages
    blue = site.services["blue_card"]
    assert isinstance(blue, Service)
    assert blue.letter == "B"
    assert blue.name("tr") == "AB Mavi Kart / nitelikli çalışanlar"
    assert blue.name("fr") == "EU Blue Card / skilled workers"  # falls back to English
    assert blue.name("de") == "Blaue Karte EU / Fachkräfte"
    assert isinstance(blue.documents["en"], tuple)
    s06 = site.counters["s06"]
    assert isinstance(s06, Counter)
    assert s06.weights == {"blue_card": 10.0, "settlement_permit": 2.0}
    assert s06.serves("blue_card")
    assert not s06.serves("naturalisation")
    assert site.services["family_reunification"].daily_cap == 40
    assert site.services["emergency"].emergency


def test_policy_maps_onto_policy_settings() -> None:
    settings = load_config(EXAMPLE).policy.to_settings()
    assert settings.appointment_window == timedelta(minutes=15)
    assert settings.max_wait == timedelta(minutes=60)
    assert settings.ageing_per_minute == pytest.approx(0.1)


def test_check_config_verdict_ok() -> None:
    ok, text = check_config(EXAMPLE)
    assert ok
    assert text == f"OK: {EXAMPLE} — 9 services, 10 counters, 3 displays, 2 kiosks"


def test_check_config_verdict_error(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text("[site\n", encoding="utf-8")
    ok, text = check_config(path)
    assert not ok
    assert text.startswith(f"{path}:1: TOML syntax error")


def test_starter_config_is_valid() -> None:
    cfg = parse_config(starter_config(), "template")
    assert cfg.site.languages == ("de", "en")
    assert cfg.kiosks[0].printer.transport is PrinterTransport.NONE
    assert cfg.to_site().counters["c1"].serves("emergency")


def test_server_defaults_resolve_into_data_dir(tmp_path: Path) -> None:
    cfg = parse_config(starter_config())
    assert (cfg.server.host, cfg.server.port) == ("127.0.0.1", 8470)
    assert cfg.server.zeroconf
    assert cfg.server.zeroconf_interfaces is None
    assert cfg.server.tickets_per_minute_per_kiosk == 30
    assert cfg.server.database_url is None  # the store's SQLite file in the data dir
    custom = parse_config(
        starter_config().replace("[server]\n", f'[server]\ndata_dir = "{tmp_path}"\n')
    )
    assert custom.server.resolved_data_dir() == tmp_path


def test_lookups_by_id() -> None:
    cfg = load_config(EXAMPLE)
    assert cfg.service("emergency").letter == "X"
    assert cfg.counter("empfang").name == "Empfang"
    assert cfg.display("og2").chime is False
    assert cfg.kiosk("eingang").name == "Kiosk Eingang"
    with pytest.raises(KeyError):
        cfg.service("nope")


def test_config_error_carries_line_and_key() -> None:
    bad = starter_config().replace("port = 8470", 'port = "8470"')
    with pytest.raises(ConfigError) as info:
        parse_config(bad, "office.toml")
    assert info.value.key == "server.port"
    assert info.value.line == 14
    assert str(info.value) == (
        "office.toml:14: server.port: expected a whole number, got string '8470'"
    )

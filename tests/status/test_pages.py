"""The status page over HTTP: JSON or HTML, the live stream, 404s, key guessing, the
public listener, texts and colours."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import timedelta

import httpx
import pytest

from server.housekeeping import Housekeeper, HousekeepingSchedule
from server.status_page import COLOURS
from server.status_texts import TEXTS, Text
from shared.config import ConfigError, parse_config
from shared.languages import KIOSK_LANGUAGES
from tests.status.hub import SITE_TOML, START, StatusHub

HTML = {"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"}


def _events(stream: httpx.Response) -> object:
    """The data of each server-sent event, as it comes."""
    for line in stream.iter_lines():
        if line.startswith("data: "):
            yield json.loads(line.removeprefix("data: "))


def test_the_same_address_answers_json_to_apps_and_the_page_to_browsers(
    status_hub: StatusHub,
) -> None:
    _, number, path = status_hub.issue("ar")
    with httpx.Client(base_url=status_hub.base) as anon:
        assert anon.get(path).json()["number"] == number
        page = anon.get(path, headers=HTML)
    assert page.headers["content-type"].startswith("text/html")
    assert len(page.content) <= 30 * 1024
    assert '<html lang="ar" dir="rtl">' in page.text
    assert number in page.text
    assert "تصريح الإقامة" in page.text
    assert "جواز السفر" in page.text  # documents in the ticket's language
    assert page.headers["referrer-policy"] == "no-referrer"  # the key is in the URL
    assert "script-src 'nonce-" in page.headers["content-security-policy"]
    assert not re.search(r"(src|href)=\"https?://", page.text)  # nothing from elsewhere


def test_documents_not_written_in_the_tickets_language_are_shown_in_english(
    status_hub: StatusHub,
) -> None:
    """The site has no Farsi document list: a Farsi reader gets English, as on the kiosk."""
    _, _, path = status_hub.issue("fa")
    with httpx.Client(base_url=status_hub.base) as anon:
        page = anon.get(path, headers=HTML).text
    assert "اجازه اقامت" in page  # the concern's name in Farsi
    assert "<li>Passport</li>" in page
    assert "Reisepass" not in page


def test_german_is_a_switch_away(status_hub: StatusHub) -> None:
    _, _, path = status_hub.issue("uk")
    with httpx.Client(base_url=status_hub.base) as anon:
        page = anon.get(path, headers=HTML).text
        switch = re.search(r'class="sw" lang="de" href="([^"]+)"', page)
        assert switch is not None
        german = anon.get(switch.group(1).replace("&amp;", "&"), headers=HTML).text
    assert '<html lang="de" dir="ltr">' in german
    assert "Aufenthaltstitel" in german
    assert "Українська" in german


def test_a_wrong_key_an_old_ticket_and_a_missing_one_get_the_same_404(
    status_hub: StatusHub,
) -> None:
    tid, _, path = status_hub.issue()
    with httpx.Client(base_url=status_hub.base) as anon:
        wrong = anon.get(f"/api/v1/tickets/{tid}/status", params={"key": "wrong"}, headers=HTML)
        missing = anon.get("/api/v1/tickets/99999/status", params={"key": "wrong"})
        status_hub.clock.advance(timedelta(days=1))
        old = anon.get(path)
        old_stream = anon.get(path.replace("/status?", "/status/events?"))
    assert wrong.status_code == missing.status_code == old.status_code == 404
    assert wrong.json() == missing.json() == old.json() == old_stream.json()


def test_an_anonymised_tickets_qr_code_gets_the_same_404_as_a_wrong_key(
    status_hub: StatusHub,
) -> None:
    """After the housekeeping blanked its key, an old QR code opens nothing, even on its day."""
    tid, _, path = status_hub.issue()
    status_hub.clock.advance(timedelta(days=15))
    keeper = Housekeeper(status_hub.store, status_hub.clock, HousekeepingSchedule())
    assert asyncio.run(keeper.prune_once()) is not None
    status_hub.clock.set(START)  # back on the ticket's own day: only the key can refuse
    with httpx.Client(base_url=status_hub.base) as anon:
        wrong = anon.get(f"/api/v1/tickets/{tid}/status", params={"key": "wrong"})
        old = anon.get(path)
        old_page = anon.get(path, headers=HTML)
        old_stream = anon.get(path.replace("/status?", "/status/events?"))
        blank = anon.get(f"/api/v1/tickets/{tid}/status", params={"key": ""})
    assert wrong.status_code == old.status_code == old_page.status_code == 404
    assert old_stream.status_code == 404
    assert wrong.json() == old.json() == old_page.json() == old_stream.json()
    assert blank.status_code == 422  # an empty key never reaches the store


@pytest.mark.expect_log("server.keyguard", "wrong ticket keys")
def test_guessing_keys_is_limited_per_address(status_hub: StatusHub) -> None:
    tid, _, path = status_hub.issue()
    with httpx.Client(base_url=status_hub.public) as anon:
        codes = [
            anon.get(f"/api/v1/tickets/{tid}/status", params={"key": f"guess{i}"}).status_code
            for i in range(8)
        ]
        blocked = anon.get(path)
    assert codes[:5] == [404] * 5
    assert 429 in codes[5:]
    assert blocked.status_code == 429  # even the right key, until the address waited
    assert int(blocked.headers["retry-after"]) >= 1


def test_the_stream_sends_the_call_and_ends_with_the_visit(status_hub: StatusHub) -> None:
    tid, number, path = status_hub.issue("en")
    status_hub.act("open", "/counters/c5/open")
    events = path.replace("/status?", "/status/events?")
    with (
        httpx.Client(base_url=status_hub.public, timeout=10) as anon,
        anon.stream("GET", events) as stream,
    ):
        assert stream.headers["x-accel-buffering"] == "no"
        seen = _events(stream)
        first = next(seen)
        assert first["status"] == "waiting"
        assert number in first["html"]
        status_hub.act("call", "/counters/c5/call-next")
        called = next(seen)
        assert called["alert"] is True
        assert called["status"] == "called"
        assert "Please go to <bdi>Schalter 5</bdi> now" in called["html"]
        assert "1. OG, Raum 1.05" in called["html"]
        status_hub.act("start", f"/tickets/{tid}/start")
        assert next(seen)["status"] == "serving"
        status_hub.act("finish", f"/tickets/{tid}/finish")
        done = next(seen)
        assert done["status"] == "done"
        assert done["end"] is True
        assert list(seen) == []  # the stream ends


def test_the_queue_moving_sends_the_new_place(status_hub: StatusHub) -> None:
    status_hub.issue()
    _, _, path = status_hub.issue()
    status_hub.act("open", "/counters/c5/open")
    events = path.replace("/status?", "/status/events?")
    with (
        httpx.Client(base_url=status_hub.base, timeout=10) as anon,
        anon.stream("GET", events) as stream,
    ):
        seen = _events(stream)
        assert 'id="pl">2<' in next(seen)["html"]
        status_hub.act("call", "/counters/c5/call-next")
        assert next(seen)["place"] == "1"


def test_the_public_listener_serves_nothing_else_of_the_api(status_hub: StatusHub) -> None:
    _, _, path = status_hub.issue()
    with httpx.Client(base_url=status_hub.base) as hub:
        spec = hub.get("/openapi.json").json()
    with httpx.Client(base_url=status_hub.public) as public:
        assert public.get(path).status_code == 200
        assert public.get(path, headers=HTML).status_code == 200
        for route, operations in spec["paths"].items():
            if route.startswith("/api/v1/tickets/{ticket_id}/status"):
                continue
            concrete = re.sub(r"\{[^}]+\}", "1", route)
            for method in operations:
                answer = public.request(method.upper(), concrete)
                assert answer.status_code == 404, (method, route, answer.status_code)
        for extra in ("/openapi.json", "/docs", "/api/v1/events", "/"):
            assert public.get(extra).status_code == 404, extra


def test_every_kiosk_language_has_every_sentence() -> None:
    for lang in KIOSK_LANGUAGES:
        table = TEXTS[lang.code]
        assert set(table) == set(Text), lang.code
        assert "{counter}" in table[Text.CALLED], lang.code
        assert "{n}" in table[Text.MINUTES], lang.code


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("ink", "paper"), COLOURS)
def test_every_colour_pair_has_a_contrast_of_at_least_7(ink: str, paper: str) -> None:
    light, dark = sorted((_luminance(ink), _luminance(paper)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 7


@pytest.mark.parametrize(
    ("listener", "says"),
    [
        ('{ host = "127.0.0.1", port = 8470 }', ":8: server: public.port 8470 is the hub's own"),
        ('{ host = "127.0.0.1", port = "x" }', ":10: server.public.port: expected a whole number"),
        ('{ hots = "127.0.0.1" }', ":10: server.public: unknown key 'hots' (did you mean 'host'?)"),
    ],
)
def test_a_wrong_public_listener_is_named_with_its_line(listener: str, says: str) -> None:
    text = SITE_TOML.replace('public = { host = "127.0.0.1", port = 0 }', f"public = {listener}")
    with pytest.raises(ConfigError) as refused:
        parse_config(text)
    assert says in str(refused.value)

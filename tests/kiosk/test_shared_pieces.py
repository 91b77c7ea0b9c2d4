"""The Qt-free pieces the apps share: the kiosk languages and the device token store."""

from __future__ import annotations

import stat
from pathlib import Path

from shared.languages import KIOSK_LANGUAGES, language, offered
from shared.pairing import TokenStore, looks_like_token

TOKEN = "dQw4w9WgXcQ-abcdefghijklmnop_0123456789"


def test_sixteen_languages_each_in_its_own_script() -> None:
    codes = [lang.code for lang in KIOSK_LANGUAGES]
    assert codes == [
        "de", "en", "ar", "fa", "ps", "tr", "ku", "ru", "uk", "ti", "so", "fr", "sq", "ro", "vi",
        "zh",
    ]  # fmt: skip
    assert {lang.code for lang in KIOSK_LANGUAGES if lang.rtl} == {"ar", "fa", "ps"}
    assert all(lang.name and lang.welcome for lang in KIOSK_LANGUAGES)
    assert language("ti").name == "ትግርኛ"
    assert language("xx").code == "en"
    assert [lang.code for lang in offered(("tr", "de", "xx"))] == ["de", "tr"]
    assert offered(None) == KIOSK_LANGUAGES


def test_token_store_keeps_the_token_private(tmp_path: Path) -> None:
    store = TokenStore("kiosk", tmp_path / "conf")
    assert store.load() is None
    store.save(TOKEN + "\n")
    assert store.load() == TOKEN
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    store.path.write_text("not a token!", encoding="utf-8")
    assert store.load() is None
    store.forget()
    store.forget()
    assert not store.path.exists()


def test_looks_like_token() -> None:
    assert looks_like_token(TOKEN)
    assert not looks_like_token("short")
    assert not looks_like_token("has spaces in the middle of it ok")

"""Screenshot the visitor's status page at phone size (360×800) in headless Chromium.

Writes docs/screenshots/status-{waiting,called}-{de,ar,ti,uk}.png from the page the hub
renders (no hub needed: the page is written to a file and opened; its stream stays off).
Run: ``.venv/bin/python bench/status_screenshots.py [OUT_DIR]``. Needs the distribution's
``chromium`` and ``chromium-driver`` and the selenium package.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from server.status_page import PageState, render_page
from shared.config import parse_config
from shared.domain import Site, TicketStatus

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
LANGUAGES = ("de", "ar", "ti", "uk")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)

SITE = """
[site]
id = "sample"
name = "Ausländerbehörde Musterstadt"
languages = ["de", "en", "ar", "ti", "uk"]

[[services]]
id = "permit"
letter = "A"
names.de = "Verlängerung des Aufenthaltstitels"
names.en = "Extension of residence permit"
names.ar = "تمديد تصريح الإقامة"
names.ti = "ምንዋሕ ፍቓድ መንበሪ"
names.uk = "Продовження посвідки на проживання"
documents.de = ["Reisepass", "Biometrisches Foto", "Mietvertrag", "Nachweis über Einkommen"]
documents.ar = ["جواز السفر", "صورة بيومترية", "عقد الإيجار", "إثبات الدخل"]
documents.ti = ["ፓስፖርት", "ባዮሜትሪክ ስእሊ", "ውዕል ገዛ", "መረጋገጺ እቶት"]
documents.uk = ["Паспорт", "Біометричне фото", "Договір оренди", "Підтвердження доходу"]

[[counters]]
id = "c5"
name = "Schalter 5"
floor = "1. OG"
room = "Raum 1.05"
services = { permit = 10 }
"""


def sample_site() -> Site:
    """The sample office the screenshots show."""
    return parse_config(SITE).to_site()


def page(lang: str, status: TicketStatus) -> str:
    """The page of ticket A042 in a language, waiting (place 7) or called to Schalter 5."""
    called = status is TicketStatus.CALLED
    state = PageState(
        ticket_id=42,
        number="A042",
        language=lang,
        service_id="permit",
        status=status,
        position=None if called else 7,
        wait_minutes=None if called else 24.0,
        counter_id="c5" if called else None,
    )
    return render_page(
        state,
        sample_site(),
        lang=lang,
        switch_url="#",
        events_url="",
        refresh_seconds=30,
        nonce="sample",
    )


def shoot(out: Path) -> list[Path]:
    """Every screenshot, into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="aufruf-status-shots-"))
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (*FLAGS, f"--user-data-dir={work / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    shots = []
    try:
        metrics = {"width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": True}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        for lang in LANGUAGES:
            for status in (TicketStatus.WAITING, TicketStatus.CALLED):
                html = work / f"{status.value}-{lang}.html"
                html.write_text(page(lang, status), encoding="utf-8")
                driver.get(html.as_uri())
                path = out / f"status-{status.value}-{lang}.png"
                driver.save_screenshot(str(path))
                shots.append(path)
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)
    return shots


def main() -> int:
    """Write the screenshots the docs keep (or into the directory given)."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    for path in shoot(out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

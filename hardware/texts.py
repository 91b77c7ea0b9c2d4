"""The fixed lines printed on every ticket, translated into each kiosk language.

Numbers, times and counter names stay in Latin digits in every script; only the
words around them are translated. Texts are short and plain: they are read by
visitors standing at a kiosk, many of them new to the country.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class TextDirection(StrEnum):
    """Which way a language's lines run."""

    LTR = "ltr"
    RTL = "rtl"


@dataclass(frozen=True, slots=True)
class TicketTexts:
    """The translated fixed lines of a ticket for one language."""

    language: str
    your_number: str
    expected_wait: str
    """Template with ``{n}`` for the minutes."""
    please_have_ready: str
    watch_screens: str
    counter: str
    """Template with ``{counter}`` for the counter's name (transfer slips)."""
    scan_for_status: str
    date_format: str
    """Template with ``{d} {m} {y} {H} {M}`` (ints) and ``{mon}`` (month name)."""
    direction: TextDirection = TextDirection.LTR
    months: tuple[str, ...] = ()
    """Month names January..December, when ``date_format`` uses ``{mon}``."""

    def wait_line(self, minutes: int) -> str:
        """The expected-wait line for a number of minutes."""
        return self.expected_wait.format(n=minutes)

    def counter_line(self, counter: str) -> str:
        """The line naming the counter to go to."""
        return self.counter.format(counter=counter)

    def format_datetime(self, when: datetime) -> str:
        """Date and time in this language's usual order, with Latin digits."""
        mon = self.months[when.month - 1] if self.months else ""
        return self.date_format.format(
            d=when.day, m=when.month, y=when.year, H=when.hour, M=when.minute, mon=mon
        )


_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DMY_DOT = "{d:02d}.{m:02d}.{y:04d} {H:02d}:{M:02d}"
_DMY_SLASH = "{d:02d}/{m:02d}/{y:04d} {H:02d}:{M:02d}"

_TEXTS: dict[str, TicketTexts] = {
    "de": TicketTexts(
        language="de",
        your_number="Ihre Nummer",
        expected_wait="Voraussichtliche Wartezeit: {n}\u00a0Min.",
        please_have_ready="Bitte halten Sie bereit:",
        watch_screens="Bitte achten Sie auf die Bildschirme. Ihre Nummer wird aufgerufen.",
        counter="Schalter: {counter}",
        scan_for_status="Wartestand auf dem Handy: Code scannen",
        date_format="{d:02d}.{m:02d}.{y:04d}, {H:02d}:{M:02d}\u00a0Uhr",
    ),
    "en": TicketTexts(
        language="en",
        your_number="Your number",
        expected_wait="Expected wait: {n}\u00a0min",
        please_have_ready="Please have ready:",
        watch_screens="Watch the screens; your number will be called.",
        counter="Counter: {counter}",
        scan_for_status="Scan the code to follow your place in the queue",
        date_format="{d} {mon} {y:04d}, {H:02d}:{M:02d}",
        months=_EN_MONTHS,
    ),
    "ar": TicketTexts(
        language="ar",
        your_number="رقمك",
        expected_wait="مدة الانتظار المتوقعة: {n}\u00a0دقيقة",
        please_have_ready="يرجى تجهيز ما يلي:",
        watch_screens="يرجى متابعة الشاشات، سيتم النداء على رقمك.",
        counter="الشباك: {counter}",
        scan_for_status="امسح الرمز لمتابعة دورك",
        date_format=_DMY_SLASH,
        direction=TextDirection.RTL,
    ),
    "fa": TicketTexts(
        language="fa",
        your_number="شماره شما",
        expected_wait="زمان تقریبی انتظار: {n}\u00a0دقیقه",
        please_have_ready="لطفاً این مدارک را آماده داشته باشید:",
        watch_screens="لطفاً به صفحه‌های نمایش توجه کنید؛ شماره شما اعلام می‌شود.",
        counter="باجه: {counter}",
        scan_for_status="برای دیدن نوبت خود، کد را اسکن کنید",
        date_format="{y:04d}/{m:02d}/{d:02d} {H:02d}:{M:02d}",
        direction=TextDirection.RTL,
    ),
    "ps": TicketTexts(
        language="ps",
        your_number="ستاسو شمېره",
        expected_wait="د انتظار اټکلي وخت: {n}\u00a0دقیقې",
        please_have_ready="مهرباني وکړئ دا چمتو کړئ:",
        watch_screens="مهرباني وکړئ سکرینونو ته پام وکړئ؛ ستاسو شمېره به اعلان شي.",
        counter="کړکۍ: {counter}",
        scan_for_status="د خپل نوبت د لیدو لپاره کوډ سکین کړئ",
        date_format=_DMY_SLASH,
        direction=TextDirection.RTL,
    ),
    "tr": TicketTexts(
        language="tr",
        your_number="Numaranız",
        expected_wait="Tahmini bekleme süresi: {n}\u00a0dk",
        please_have_ready="Lütfen hazır bulundurun:",
        watch_screens="Lütfen ekranları takip edin; numaranız çağrılacaktır.",
        counter="Gişe: {counter}",
        scan_for_status="Sıranızı görmek için kodu okutun",
        date_format=_DMY_DOT,
    ),
    "ku": TicketTexts(
        language="ku",
        your_number="Hejmara we",
        expected_wait="Dema li bendêmayînê ya texmînî: {n}\u00a0deq.",
        please_have_ready="Kerema xwe amade bikin:",
        watch_screens="Ji kerema xwe li ekranan binêrin; hejmara we dê were gazîkirin.",
        counter="Gîşe: {counter}",
        scan_for_status="Kodê bixwînin da ku dora xwe bişopînin",
        date_format=_DMY_DOT,
    ),
    "ru": TicketTexts(
        language="ru",
        your_number="Ваш номер",
        expected_wait="Примерное время ожидания: {n}\u00a0мин.",
        please_have_ready="Пожалуйста, подготовьте:",
        watch_screens="Следите за экранами: ваш номер вызовут.",
        counter="Окно: {counter}",
        scan_for_status="Отсканируйте код, чтобы следить за очередью",
        date_format=_DMY_DOT,
    ),
    "uk": TicketTexts(
        language="uk",
        your_number="Ваш номер",
        expected_wait="Орієнтовний час очікування: {n}\u00a0хв",
        please_have_ready="Будь ласка, підготуйте:",
        watch_screens="Стежте за екранами: ваш номер викличуть.",
        counter="Вікно: {counter}",
        scan_for_status="Відскануйте код, щоб стежити за чергою",
        date_format=_DMY_DOT,
    ),
    "ti": TicketTexts(
        language="ti",
        your_number="ቁጽሪኹም",
        expected_wait="ግምታዊ ግዜ ምጽባይ: {n}\u00a0ደቒቕ",
        please_have_ready="በጃኹም እዚ ዝስዕብ ኣዳልዉ:",
        watch_screens="በጃኹም ስክሪናት ተኸታተሉ፣ ቁጽሪኹም ክጽዋዕ እዩ።",
        counter="መስኮት: {counter}",
        scan_for_status="ተራኹም ንምክትታል ነዚ ኮድ ስካን ግበሩ",
        date_format=_DMY_SLASH,
    ),
    "so": TicketTexts(
        language="so",
        your_number="Lambarkaaga",
        expected_wait="Waqtiga sugitaanka ee la filayo: {n}\u00a0daqiiqo",
        please_have_ready="Fadlan diyaarso:",
        watch_screens="Fadlan la soco shaashadaha; lambarkaaga waa la wacayaa.",
        counter="Miiska: {counter}",
        scan_for_status="Koodka iskaan garee si aad ula socoto kaalintaada",
        date_format=_DMY_SLASH,
    ),
    "fr": TicketTexts(
        language="fr",
        your_number="Votre numéro",
        expected_wait="Attente estimée\u00a0: {n}\u00a0min",
        please_have_ready="Veuillez préparer\u00a0:",
        watch_screens="Surveillez les écrans\u00a0: votre numéro sera appelé.",
        counter="Guichet\u00a0: {counter}",
        scan_for_status="Scannez le code pour suivre votre place dans la file",
        date_format="{d:02d}/{m:02d}/{y:04d} à {H:02d}:{M:02d}",
    ),
    "sq": TicketTexts(
        language="sq",
        your_number="Numri juaj",
        expected_wait="Koha e përafërt e pritjes: {n}\u00a0min.",
        please_have_ready="Përgatitni, ju lutemi:",
        watch_screens="Ju lutemi ndiqni ekranet; numri juaj do të thirret.",
        counter="Sporteli: {counter}",
        scan_for_status="Skanoni kodin për të ndjekur radhën tuaj",
        date_format=_DMY_DOT,
    ),
    "ro": TicketTexts(
        language="ro",
        your_number="Numărul dumneavoastră",
        expected_wait="Timp de așteptare estimat: {n}\u00a0min.",
        please_have_ready="Vă rugăm să pregătiți:",
        watch_screens="Urmăriți ecranele; numărul dumneavoastră va fi strigat.",
        counter="Ghișeul: {counter}",
        scan_for_status="Scanați codul pentru a vă urmări locul la rând",
        date_format=_DMY_DOT,
    ),
    "vi": TicketTexts(
        language="vi",
        your_number="Số của bạn",
        expected_wait="Thời gian chờ dự kiến: {n}\u00a0phút",
        please_have_ready="Vui lòng chuẩn bị sẵn:",
        watch_screens="Vui lòng theo dõi màn hình; số của bạn sẽ được gọi.",
        counter="Quầy: {counter}",
        scan_for_status="Quét mã để theo dõi lượt của bạn",
        date_format="{H:02d}:{M:02d} {d:02d}/{m:02d}/{y:04d}",
    ),
    "zh": TicketTexts(
        language="zh",
        your_number="您的号码",
        expected_wait="预计等待：{n}\u00a0分钟",
        please_have_ready="请准备好以下材料：",
        watch_screens="请留意显示屏，届时将呼叫您的号码。",
        counter="窗口：{counter}",
        scan_for_status="扫码查看排队进度",
        date_format="{y:04d}年{m}月{d}日 {H:02d}:{M:02d}",
    ),
}

LANGUAGES: tuple[str, ...] = tuple(_TEXTS)
"""The languages a ticket can be printed in."""

FALLBACK_LANGUAGE = "en"


def ticket_texts(language: str) -> TicketTexts:
    """The fixed lines for a language; English for a language without translation."""
    return _TEXTS.get(language.split("-", maxsplit=1)[0].lower()) or _TEXTS[FALLBACK_LANGUAGE]

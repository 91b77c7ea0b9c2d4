"""The "Eingangsbestätigung": what is printed, in the visitor's ticket language and German.

Qt-free. Languages without texts here fall back to English next to the German.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.state import Receipt


@dataclass(frozen=True, slots=True)
class ReceiptTexts:
    """The fixed words of a receipt in one language."""

    title: str
    body: str
    number: str
    concern: str
    date: str
    rtl: bool = False


TEXTS: dict[str, ReceiptTexts] = {
    "de": ReceiptTexts(
        "Eingangsbestätigung",
        "Ihr Antrag wurde vollständig abgegeben.",
        "Nummer",
        "Anliegen",
        "Datum",
    ),
    "en": ReceiptTexts(
        "Confirmation of receipt",
        "Your application was handed in complete.",
        "Number",
        "Concern",
        "Date",
    ),
    "ar": ReceiptTexts(
        "إيصال استلام", "تم تسليم طلبك كاملاً.", "الرقم", "الموضوع", "التاريخ", rtl=True
    ),
    "fa": ReceiptTexts(
        "رسید دریافت", "درخواست شما به طور کامل تحویل داده شد.", "شماره", "موضوع", "تاریخ", rtl=True
    ),
    "tr": ReceiptTexts(
        "Teslim belgesi", "Başvurunuz eksiksiz teslim edildi.", "Numara", "Konu", "Tarih"
    ),
    "ru": ReceiptTexts(
        "Подтверждение получения", "Ваше заявление сдано полностью.", "Номер", "Вопрос", "Дата"
    ),
    "uk": ReceiptTexts(
        "Підтвердження отримання", "Вашу заяву подано повністю.", "Номер", "Питання", "Дата"
    ),
    "fr": ReceiptTexts(
        "Accusé de réception", "Votre demande a été remise complète.", "Numéro", "Objet", "Date"
    ),
}


def texts_for(language: str) -> ReceiptTexts:
    """The receipt's words in a language (English when none are written for it)."""
    return TEXTS.get(language, TEXTS["en"])


def languages_of(receipt: Receipt) -> tuple[str, ...]:
    """The languages printed: the visitor's (or English) first, then German; German once."""
    visitor = receipt.language if receipt.language in TEXTS else "en"
    return (visitor, "de") if visitor != "de" else ("de",)


def section(receipt: Receipt, language: str) -> list[str]:
    """The lines of one language's part of the receipt."""
    words = texts_for(language)
    concern = receipt.concern_de if language == "de" else receipt.concern
    return [
        words.title,
        words.body,
        f"{words.number}: {receipt.number}",
        f"{words.concern}: {concern}",
        f"{words.date}: {receipt.day.strftime('%d.%m.%Y')}",
    ]

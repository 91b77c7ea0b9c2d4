"""The "Eingangsbestätigung": what is printed, in the visitor's ticket language and German.

Qt-free: the lines of each language's part. The words themselves are Qt translations
(context ``receipt``, `counter/i18n/receipt_<lang>.ts`, English source), looked up by
`counter.qt.receipt` for the visitor's language and for German at once; a visitor language
without a translation prints English next to the German.
"""

from __future__ import annotations

from collections.abc import Collection
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


def languages_of(receipt: Receipt, available: Collection[str]) -> tuple[str, ...]:
    """The languages printed: the visitor's (or English) first, then German; German once."""
    visitor = receipt.language if receipt.language in available else "en"
    return (visitor, "de") if visitor != "de" else ("de",)


def section(receipt: Receipt, language: str, words: ReceiptTexts) -> list[str]:
    """The lines of one language's part of the receipt."""
    concern = receipt.concern_de if language == "de" else receipt.concern
    return [
        words.title,
        words.body,
        f"{words.number}: {receipt.number}",
        f"{words.concern}: {concern}",
        f"{words.date}: {receipt.day.strftime('%d.%m.%Y')}",
    ]

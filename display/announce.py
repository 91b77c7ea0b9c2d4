"""What a display says for a call: German always, and the visitor's language when it differs.

"A042, bitte zu Schalter 5", with the ticket number as printed: `shared.speech.speakable`
turns it into the letter (marked up as a character) and the number without its leading zeros,
which the voice says as a person does in its language ("A zweiundvierzig", "A forty-two");
the counter's name as it stands on the sign. Qt-free; the Qt app turns the texts into WAV
files (espeak-ng) and queues them behind the chime.
"""

from __future__ import annotations

from dataclasses import dataclass

from shared.board import BoardCall

ANNOUNCE_LANGUAGE = "de"
"""The language every call is announced in."""

TEMPLATES: dict[str, str] = {
    "de": "{number}, bitte zu {counter}",
    "en": "{number}, please go to {counter}",
    "ar": "{number}، يرجى التوجه إلى {counter}",
    "fa": "{number}، لطفاً به {counter} مراجعه کنید",
    "tr": "{number}, lütfen {counter} gişesine gelin",
    "ru": "{number}, пройдите, пожалуйста, к {counter}",
    "uk": "{number}, пройдіть, будь ласка, до {counter}",
    "fr": "{number}, veuillez vous rendre au {counter}",
    "sq": "{number}, ju lutemi shkoni te {counter}",
    "ro": "{number}, vă rugăm să mergeți la {counter}",
    "vi": "{number}, xin mời đến {counter}",
    "zh": "{number}，请到{counter}",
    "ku": "{number}, ji kerema xwe here {counter}",
    "so": "{number}, fadlan u gudub {counter}",
    "ps": "{number}، مهرباني وکړئ {counter} ته ورشئ",
    "ti": "{number}፣ በጃኹም ናብ {counter} ኺዱ",
}
"""One sentence per language; `{number}` the ticket number, `{counter}` the name on the sign."""


@dataclass(frozen=True, slots=True)
class Announcement:
    """One sentence to speak: its language and text."""

    language: str
    text: str


def announcements(call: BoardCall) -> tuple[Announcement, ...]:
    """What to say for a call, in order: German, then the ticket's language if another."""
    languages = [ANNOUNCE_LANGUAGE]
    if call.language and call.language != ANNOUNCE_LANGUAGE and call.language in TEMPLATES:
        languages.append(call.language)
    return tuple(
        Announcement(
            lang,
            TEMPLATES[lang].format(number=call.number, counter=call.counter_name),
        )
        for lang in languages
    )

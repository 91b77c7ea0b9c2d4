"""A realistic sample ticket in every kiosk language, for test prints and screenshots."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from hardware.ticket import TicketPrint

SAMPLE_OFFICE = "Ausländerbehörde Musterstadt"
SAMPLE_URL = "https://aufruf.musterstadt.example/api/v1/tickets/1042/status?key=q7Yx2LmN4pT9"

_CONCERN = {
    "de": "Verlängerung des Aufenthaltstitels",
    "en": "Extension of residence permit",
    "ar": "تمديد تصريح الإقامة",
    "fa": "تمدید اجازه اقامت",
    "tr": "Oturma izninin uzatılması",
    "ru": "Продление вида на жительство",
    "uk": "Продовження посвідки на проживання",
    "ti": "ምሕዳስ ፍቓድ መንበሪ",
    "zh": "延长居留许可",
    "ps": "د اوسېدو د اجازې غځول",
    "ku": "Dirêjkirina destûra rûniştinê",
    "so": "Kordhinta ruqsadda degenaanshaha",
    "fr": "Prolongation du titre de séjour",
    "sq": "Zgjatja e lejes së qëndrimit",
    "ro": "Prelungirea permisului de ședere",
    "vi": "Gia hạn giấy phép cư trú",
}

_DOCUMENTS = {
    "de": ("Reisepass", "Biometrisches Passfoto", "Nachweis der Krankenversicherung"),
    "en": ("Passport", "Biometric passport photo", "Proof of health insurance"),
    "ar": ("جواز السفر", "صورة شخصية بيومترية", "إثبات التأمين الصحي"),
    "fa": ("گذرنامه", "عکس بیومتریک", "مدرک بیمه درمانی"),
    "tr": ("Pasaport", "Biyometrik vesikalık fotoğraf", "Sağlık sigortası belgesi"),
    "ru": ("Паспорт", "Биометрическая фотография", "Подтверждение медицинской страховки"),
    "uk": ("Паспорт", "Біометрична фотографія", "Підтвердження медичного страхування"),
    "ti": ("ፓስፖርት", "ባዮሜትሪክ ስእሊ", "መረጋገጺ ናይ ጥዕና ኢንሹራንስ"),
    "zh": ("护照", "生物识别证件照", "医疗保险证明"),
    "ps": ("پاسپورټ", "بایومتریک عکس", "د روغتیا بیمې سند"),
    "ku": ("Pasaport", "Wêneya biyometrîk", "Belgeya sîgorteya tenduristiyê"),
    "so": ("Baasaboor", "Sawir bayoometrik ah", "Caddeynta caymiska caafimaadka"),
    "fr": ("Passeport", "Photo d'identité biométrique", "Attestation d'assurance maladie"),
    "sq": ("Pasaporta", "Fotografi biometrike", "Vërtetim i sigurimit shëndetësor"),
    "ro": ("Pașaport", "Fotografie biometrică", "Dovada asigurării de sănătate"),
    "vi": ("Hộ chiếu", "Ảnh sinh trắc học", "Giấy chứng nhận bảo hiểm y tế"),
}


def sample_ticket(language: str, *, counter: str | None = None) -> TicketPrint:
    """Ticket A042 for a residence permit extension, 35 min wait, in ``language``."""
    return TicketPrint(
        office_name=SAMPLE_OFFICE,
        number="A042",
        concern=_CONCERN.get(language, _CONCERN["en"]),
        language=language,
        issued_at=datetime(2026, 11, 23, 9, 5, tzinfo=ZoneInfo("Europe/Berlin")),
        expected_wait_minutes=35,
        documents=_DOCUMENTS.get(language, _DOCUMENTS["en"]),
        status_url=SAMPLE_URL,
        counter=counter,
    )

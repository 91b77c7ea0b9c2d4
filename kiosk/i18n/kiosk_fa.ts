<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>در حال اتصال به سرور. لطفاً کمی صبر کنید.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>زبان خود را لمس کنید.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>آیا وقت ملاقات دارید؟</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>بله، وقت ملاقات دارم</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>نه، وقت ملاقات ندارم</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>شماره وقت ملاقات خود را وارد کنید.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>یا نامه خود را زیر اسکنر بگیرید.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>تأیید</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>برای چه آمده‌اید؟ یکی را لمس کنید.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>امروز دیگر شماره‌ای نیست.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>لطفاً این مدارک را آماده کنید.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>به مدرکی نیاز ندارید.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>چاپ شماره</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>لطفاً یک لحظه صبر کنید.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>شماره شما</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>لطفاً برگه خود را نگه دارید.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>برگه شما در حال چاپ است.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>زمان انتظار: حدود {0} دقیقه.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>به صفحه‌ها نگاه کنید. شماره شما را صدا می‌زنیم.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>وقت ملاقات شما: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>تمام</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>لطفاً شماره خود را یادداشت کنید.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>چاپگر کار نمی‌کند. لطفاً به پذیرش بگویید.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>لطفاً به پذیرش بروید.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>این دستگاه الان کار نمی‌کند.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>شماره بدون وقت ملاقات</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>شماره را دوباره وارد کنید</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>بازگشت به شروع</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>بلند خواندن</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>متن بزرگ‌تر</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>متن معمولی</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>زود آمده‌اید. لطفاً کمی قبل از وقت ملاقات خود برگردید.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>برای وقت ملاقات خود دیر کرده‌اید. لطفاً به پذیرش بروید.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>این وقت ملاقات را پیدا نمی‌کنیم. شماره را بررسی کنید یا به پذیرش بروید.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>شما قبلاً ثبت شده‌اید. لطفاً منتظر شماره خود باشید.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>وقت ملاقات شما در روز دیگری است. لطفاً در همان روز بیایید.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>امروز برای این کار شماره‌ای نمانده است. لطفاً به پذیرش بروید.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>امروز به کار شما اینجا رسیدگی نمی‌شود. لطفاً از پذیرش بپرسید. با کمال میل به شما کمک می‌کنند.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>این کار انجام نشد. لطفاً به پذیرش بروید.</translation>
    </message>
</context>
</TS>

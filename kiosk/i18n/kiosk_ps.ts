<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ps">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>له سرور سره اړیکه نیول کیږي. مهرباني وکړئ لږ صبر وکړئ.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>خپله ژبه لمس کړئ.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>ایا تاسو د لیدنې وخت لرئ؟</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>هو، د لیدنې وخت لرم</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>نه، د لیدنې وخت نه لرم</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>د خپلې لیدنې شمېره ولیکئ.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>یا خپل لیک د سکینر لاندې ونیسئ.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>پاکول</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>سمه ده</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>تاسو دلته ولې یاست؟ یو لمس کړئ.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>نن نورې شمېرې نشته.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>مهرباني وکړئ دا کاغذونه چمتو کړئ.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>تاسو کاغذونو ته اړتیا نلرئ.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>شمېره چاپ کړئ</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>مهرباني وکړئ یوه شېبه.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>ستاسو شمېره</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>مهرباني وکړئ خپله پاڼه وساتئ.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>ستاسو پاڼه چاپ کیږي.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>د انتظار وخت: شاوخوا {0} دقیقې.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>پردو ته وګورئ. موږ به ستاسو شمېره غږ کړو.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>ستاسو د لیدنې وخت: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>پای</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>مهرباني وکړئ خپله شمېره ولیکئ.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>چاپګر کار نه کوي. مهرباني وکړئ استقبال ته ووایاست.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>مهرباني وکړئ استقبال ته لاړ شئ.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>دا ماشین اوس کار نه کوي.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>شمېره پرته له وخته</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>شمېره بیا ولیکئ</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>پیل ته بیرته</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>شاته</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>په لوړ غږ لوستل</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>لوی لیکونه</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>عادي لیکونه</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>تاسو وختي راغلي یاست. مهرباني وکړئ د خپل وخت نه لږ مخکې بیرته راشئ.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>تاسو خپل وخت ته ناوخته یاست. مهرباني وکړئ استقبال ته لاړ شئ.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>موږ دا وخت نه شو موندلی. شمېره وګورئ یا استقبال ته لاړ شئ.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>تاسو دمخه ثبت شوي یاست. مهرباني وکړئ د خپلې شمېرې انتظار وکړئ.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>ستاسو وخت په بله ورځ دی. مهرباني وکړئ په هغه ورځ راشئ.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>نن د دې لپاره نورې شمېرې نشته. مهرباني وکړئ استقبال ته لاړ شئ.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>ستاسو کار نن دلته نه ترسره کېږي. مهرباني وکړئ له استقبال څخه وپوښتئ. هلته به په خوښۍ له تاسو سره مرسته وکړي.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>دا کار ونه شو. مهرباني وکړئ استقبال ته لاړ شئ.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>جارٍ الاتصال بالخادم. يرجى الانتظار قليلاً.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>المس لغتك.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>هل لديك موعد؟</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>نعم، لدي موعد</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>لا، ليس لدي موعد</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>اكتب رقم موعدك.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>أو ضع رسالتك تحت الماسح الضوئي.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>مسح</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>لماذا أنت هنا؟ المس واحداً.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>لا توجد أرقام أخرى اليوم.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>يرجى تجهيز هذه الأوراق.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>لا تحتاج إلى أوراق.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>اطبع الرقم</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>لحظة من فضلك.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>رقمك</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>يرجى الاحتفاظ بورقتك.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>تتم طباعة ورقتك.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>وقت الانتظار: حوالي {0} دقيقة.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>انظر إلى الشاشات. سننادي رقمك.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>موعدك: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>انتهى</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>يرجى كتابة رقمك.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>الطابعة لا تعمل. يرجى إخبار الاستقبال.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>يرجى الذهاب إلى الاستقبال.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>هذا الجهاز لا يعمل الآن.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>رقم بدون موعد</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>اكتب الرقم مرة أخرى</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>العودة إلى البداية</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>اقرأ بصوت عالٍ</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>خط أكبر</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>خط عادي</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>لقد جئت مبكراً. يرجى العودة قبل موعدك بقليل.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>لقد تأخرت عن موعدك. يرجى الذهاب إلى الاستقبال.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>لا نجد هذا الموعد. تحقق من الرقم أو اذهب إلى الاستقبال.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>لقد سجلت حضورك بالفعل. يرجى انتظار رقمك.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>موعدك في يوم آخر. يرجى المجيء في ذلك اليوم.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>لا توجد أرقام أخرى لهذا اليوم. يرجى الذهاب إلى الاستقبال.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>طلبك لا يُعالَج هنا اليوم. يرجى السؤال في الاستقبال. سيساعدونك بكل سرور.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>لم ينجح ذلك. يرجى الذهاب إلى الاستقبال.</translation>
    </message>
</context>
</TS>

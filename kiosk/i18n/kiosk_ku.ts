<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ku">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>Girêdana bi serverê re tê çêkirin. Ji kerema xwe hinekî bisekinin.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>Li ser zimanê xwe bitikînin.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>Randevûya we heye?</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>Erê, randevûya min heye</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>Na, randevûya min tune</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>Hejmara randevûya xwe binivîsin.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>An nameya xwe bigirin bin skanerê.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Jê bibe</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Baş e</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>Hûn çima li vir in? Li yekê bitikînin.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>Îro hejmar nemane.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>Ji kerema xwe van belgeyan amade bikin.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>Hewcedariya we bi belgeyan tune.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>Hejmarê çap bike</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>Ji kerema xwe gavekê.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Hejmara we</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>Ji kerema xwe pusulaya xwe biparêzin.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>Pusulaya we tê çapkirin.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>Dema bendemanê: nêzîkî {0} deqîqe.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>Li ekranan binêrin. Em ê hejmara we bang bikin.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>Randevûya we: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Qediya</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>Ji kerema xwe hejmara xwe binivîsin.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>Çaper naxebite. Ji kerema xwe ji resepsiyonê re bêjin.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>Ji kerema xwe herin resepsiyonê.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>Ev amûr niha naxebite.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>Hejmar bê randevû</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>Hejmarê dîsa binivîsin</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Vegere destpêkê</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Paş</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Bi deng bixwîne</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Nivîsa mezintir</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Nivîsa asayî</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>Hûn zû hatine. Ji kerema xwe hinekî berî randevûya xwe vegerin.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>Hûn ji randevûya xwe dereng mane. Ji kerema xwe herin resepsiyonê.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>Em vê randevûyê nabînin. Hejmarê kontrol bikin an herin resepsiyonê.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>Hûn berê qeyd bûne. Ji kerema xwe li benda hejmara xwe bin.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>Randevûya we di rojeke din de ye. Ji kerema xwe wê rojê werin.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>Îro ji bo vê hejmar nemane. Ji kerema xwe herin resepsiyonê.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>Karê we îro li vir nayê kirin. Ji kerema xwe li resepsiyonê bipirsin. Ew ê bi kêfxweşî alîkariya we bikin.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>Ev nebû. Ji kerema xwe herin resepsiyonê.</translation>
    </message>
</context>
</TS>

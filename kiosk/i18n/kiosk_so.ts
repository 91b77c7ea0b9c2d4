<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="so">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>Waxaa lagu xidhayaa server-ka. Fadlan in yar sug.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>Taabo luqaddaada.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>Ma leedahay ballan?</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>Haa, ballan ayaan leeyahay</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>Maya, ballan ma lihi</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>Qor lambarka ballantaada.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>Ama warqaddaada hoos ugu qabo iskaanka.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Tirtir</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Haye</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>Maxaad u timid? Mid taabo.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>Maanta lambar kale ma jiro.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>Fadlan diyaarso waraaqahan.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>Waraaqo uma baahnid.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>Daabac lambarka</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>Fadlan daqiiqad.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Lambarkaaga</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>Fadlan hay tigidhkaaga.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>Tigidhkaaga waa la daabacayaa.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>Waqtiga sugitaanka: qiyaastii {0} daqiiqo.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>Daawo shaashadaha. Waxaan u yeeri doonnaa lambarkaaga.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>Ballantaada: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Dhammaad</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>Fadlan qor lambarkaaga.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>Daabacaaddu ma shaqaynayso. Fadlan u sheeg soo dhaweynta.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>Fadlan u tag soo dhaweynta.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>Mashiinkani hadda ma shaqaynayo.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>Lambar ballan la'aan</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>Mar kale qor lambarka</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Ku noqo bilowga</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Dib u noqo</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Kor u akhri</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Qoraal weyn</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Qoraal caadi ah</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>Goor hore ayaad timid. Fadlan soo noqo wax yar ka hor ballantaada.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>Ballantaada waad ka daahday. Fadlan u tag soo dhaweynta.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>Ballantan ma helno. Hubi lambarka ama u tag soo dhaweynta.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>Horey ayaad isu diiwaangelisay. Fadlan sug lambarkaaga.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>Ballantaadu waa maalin kale. Fadlan kaalay maalintaas.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>Maanta lambar kale looma hayo tan. Fadlan u tag soo dhaweynta.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>Arrintaada maanta halkan lagama qabto. Fadlan weydii soo dhaweynta. Si farxad leh ayay kuu caawin doonaan.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>Taasi ma shaqayn. Fadlan u tag soo dhaweynta.</translation>
    </message>
</context>
</TS>

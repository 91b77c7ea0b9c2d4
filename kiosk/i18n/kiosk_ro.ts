<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ro">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>Se conectează la server. Vă rugăm să așteptați puțin.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>Atingeți limba dumneavoastră.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>Aveți o programare?</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>Da, am o programare</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>Nu, nu am programare</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>Introduceți numărul programării.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>Sau țineți scrisoarea sub scaner.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Șterge</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>De ce ați venit? Atingeți una.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>Astăzi nu mai sunt numere.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>Vă rugăm să pregătiți aceste acte.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>Nu aveți nevoie de acte.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>Tipărește numărul</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>Un moment, vă rog.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Numărul dumneavoastră</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>Vă rugăm să păstrați bonul.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>Bonul se tipărește.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>Timp de așteptare: aproximativ {0} minute.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>Urmăriți ecranele. Vă vom striga numărul.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>Programarea dumneavoastră: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Gata</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>Vă rugăm să vă notați numărul.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>Imprimanta nu funcționează. Vă rugăm să spuneți la recepție.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>Vă rugăm să mergeți la recepție.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>Acest aparat nu funcționează acum.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>Număr fără programare</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>Introduceți din nou numărul</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Înapoi la început</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Înapoi</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Citește cu voce tare</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Text mai mare</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Text normal</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>Ați venit prea devreme. Vă rugăm să reveniți cu puțin înainte de programare.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>Ați întârziat la programare. Vă rugăm să mergeți la recepție.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>Nu găsim această programare. Verificați numărul sau mergeți la recepție.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>V-ați înregistrat deja. Vă rugăm să așteptați numărul.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>Programarea este în altă zi. Vă rugăm să veniți în ziua aceea.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>Astăzi nu mai sunt numere pentru asta. Vă rugăm să mergeți la recepție.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>Solicitarea dumneavoastră nu se rezolvă aici astăzi. Vă rugăm să întrebați la recepție. Acolo veți fi ajutat cu plăcere.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>Nu a funcționat. Vă rugăm să mergeți la recepție.</translation>
    </message>
</context>
</TS>

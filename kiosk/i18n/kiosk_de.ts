<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>Verbindung zum Server wird hergestellt. Bitte warten Sie einen Moment.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>Tippen Sie auf Ihre Sprache.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>Haben Sie einen Termin?</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>Ja, ich habe einen Termin</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>Nein, ich habe keinen Termin</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>Geben Sie Ihre Terminnummer ein.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>Oder halten Sie Ihren Brief unter den Scanner.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>Warum sind Sie hier? Tippen Sie auf eins.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>Heute keine Nummern mehr.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>Bitte halten Sie diese Papiere bereit.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>Sie brauchen keine Papiere.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>Nummer drucken</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>Einen Moment bitte.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Ihre Nummer</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>Bitte behalten Sie Ihren Zettel.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>Ihr Zettel wird gedruckt.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>Wartezeit: etwa {0} Minuten.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>Achten Sie auf die Bildschirme. Wir rufen Ihre Nummer auf.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>Ihr Termin: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>Bitte schreiben Sie Ihre Nummer auf.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>Der Drucker geht nicht. Bitte sagen Sie es am Empfang.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>Bitte gehen Sie zum Empfang.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>Dieses Gerät geht gerade nicht.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>Nummer ohne Termin</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>Nummer noch einmal eingeben</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Zurück zum Anfang</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Vorlesen</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Größere Schrift</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Normale Schrift</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>Sie sind zu früh. Bitte kommen Sie kurz vor Ihrem Termin wieder.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>Sie sind zu spät für Ihren Termin. Bitte gehen Sie zum Empfang.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>Wir finden diesen Termin nicht. Prüfen Sie die Nummer oder gehen Sie zum Empfang.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>Sie sind schon angemeldet. Bitte warten Sie auf Ihre Nummer.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>Ihr Termin ist an einem anderen Tag. Bitte kommen Sie an diesem Tag.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>Dafür gibt es heute keine Nummern mehr. Bitte gehen Sie zum Empfang.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>Ihr Anliegen wird heute nicht hier bearbeitet. Bitte fragen Sie am Empfang. Dort hilft man Ihnen gern.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>Das hat nicht geklappt. Bitte gehen Sie zum Empfang.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>Connecting to the server. Please wait a moment.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>Touch your language.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>Do you have an appointment?</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>Yes, I have an appointment</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>No, I have no appointment</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>Type your appointment number.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>Or hold your letter under the scanner.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Erase</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>Why are you here? Touch one.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>No more tickets today.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>Please have these papers ready.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>You need no papers.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>Print ticket</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>One moment, please.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Your number</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>Please keep your ticket.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>Your ticket is printing.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>Waiting time: about {0} minutes.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>Watch the screens. We will call your number.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>Your appointment: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>Please write down your number.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>The printer does not work. Please tell the reception.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>Please go to the reception.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>This machine is not working right now.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>Ticket without appointment</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>Type the number again</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Normal text</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>You are too early. Please come back shortly before your appointment.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>You are too late for your appointment. Please go to the reception.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>We cannot find this appointment. Check the number or go to the reception.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>You are already checked in. Please wait for your number.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>Your appointment is on another day. Please come on that day.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>No more tickets for this today. Please go to the reception.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>This did not work. Please go to the reception.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>receipt</name>
        <message>
            <source>Confirmation of receipt</source>
            <translation>Eingangsbestätigung</translation>
        </message>
        <message>
            <source>Your application was handed in complete.</source>
            <translation>Ihr Antrag wurde vollständig abgegeben.</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nummer</translation>
        </message>
        <message>
            <source>Concern</source>
            <translation>Anliegen</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
    </context>
</TS>

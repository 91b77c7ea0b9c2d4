<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>receipt</name>
        <message>
            <source>Confirmation of receipt</source>
            <translation>Accusé de réception</translation>
        </message>
        <message>
            <source>Your application was handed in complete.</source>
            <translation>Votre demande a été remise complète.</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Numéro</translation>
        </message>
        <message>
            <source>Concern</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
    </context>
</TS>

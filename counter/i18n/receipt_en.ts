<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>receipt</name>
        <message>
            <source>Confirmation of receipt</source>
            <translation>Confirmation of receipt</translation>
        </message>
        <message>
            <source>Your application was handed in complete.</source>
            <translation>Your application was handed in complete.</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Concern</source>
            <translation>Concern</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
    </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr">
    <context>
        <name>receipt</name>
        <message>
            <source>Confirmation of receipt</source>
            <translation>Teslim belgesi</translation>
        </message>
        <message>
            <source>Your application was handed in complete.</source>
            <translation>Başvurunuz eksiksiz teslim edildi.</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Numara</translation>
        </message>
        <message>
            <source>Concern</source>
            <translation>Konu</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tarih</translation>
        </message>
    </context>
</TS>

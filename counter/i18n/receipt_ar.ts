<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
    <context>
        <name>receipt</name>
        <message>
            <source>Confirmation of receipt</source>
            <translation>إيصال استلام</translation>
        </message>
        <message>
            <source>Your application was handed in complete.</source>
            <translation>تم تسليم طلبك كاملاً.</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>الرقم</translation>
        </message>
        <message>
            <source>Concern</source>
            <translation>الموضوع</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
    </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
    <context>
        <name>receipt</name>
        <message>
            <source>Confirmation of receipt</source>
            <translation>Підтвердження отримання</translation>
        </message>
        <message>
            <source>Your application was handed in complete.</source>
            <translation>Вашу заяву подано повністю.</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Номер</translation>
        </message>
        <message>
            <source>Concern</source>
            <translation>Питання</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
    </context>
</TS>

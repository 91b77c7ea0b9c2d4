<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
    <context>
        <name>receipt</name>
        <message>
            <source>Confirmation of receipt</source>
            <translation>رسید دریافت</translation>
        </message>
        <message>
            <source>Your application was handed in complete.</source>
            <translation>درخواست شما به طور کامل تحویل داده شد.</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>شماره</translation>
        </message>
        <message>
            <source>Concern</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>تاریخ</translation>
        </message>
    </context>
</TS>

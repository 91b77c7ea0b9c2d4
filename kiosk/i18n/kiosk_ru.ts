<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>Подключение к серверу. Пожалуйста, подождите немного.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>Нажмите на свой язык.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>У вас есть запись?</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>Да, у меня есть запись</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>Нет, у меня нет записи</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>Введите номер вашей записи.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>Или поднесите письмо к сканеру.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Стереть</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>Зачем вы пришли? Нажмите на одно.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>Сегодня номеров больше нет.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>Пожалуйста, приготовьте эти документы.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>Документы не нужны.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>Напечатать номер</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>Минутку, пожалуйста.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Ваш номер</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>Пожалуйста, сохраните талон.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>Ваш талон печатается.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>Время ожидания: около {0} минут.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>Смотрите на экраны. Мы вызовем ваш номер.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>Ваша запись: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>Пожалуйста, запишите свой номер.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>Принтер не работает. Пожалуйста, скажите на стойке регистрации.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>Пожалуйста, подойдите к стойке регистрации.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>Этот аппарат сейчас не работает.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>Номер без записи</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>Ввести номер ещё раз</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>В начало</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Прочитать вслух</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Крупный шрифт</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Обычный шрифт</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>Вы пришли слишком рано. Пожалуйста, вернитесь незадолго до записи.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>Вы опоздали на запись. Пожалуйста, подойдите к стойке регистрации.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>Мы не нашли эту запись. Проверьте номер или подойдите к стойке регистрации.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>Вы уже отметились. Пожалуйста, ждите свой номер.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>Ваша запись на другой день. Пожалуйста, приходите в этот день.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>На сегодня номеров для этого больше нет. Пожалуйста, подойдите к стойке регистрации.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>Ваш вопрос сегодня здесь не решается. Пожалуйста, спросите у стойки регистрации. Там вам охотно помогут.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>Не получилось. Пожалуйста, подойдите к стойке регистрации.</translation>
    </message>
</context>
</TS>

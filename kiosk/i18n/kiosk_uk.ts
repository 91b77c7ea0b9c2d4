<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>З'єднання з сервером. Будь ласка, зачекайте трохи.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>Торкніться своєї мови.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>У вас є запис?</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>Так, у мене є запис</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>Ні, у мене немає запису</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>Введіть номер вашого запису.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>Або піднесіть лист до сканера.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Стерти</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>Чому ви тут? Торкніться одного.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>Сьогодні номерів більше немає.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>Будь ласка, підготуйте ці документи.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>Документи не потрібні.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>Надрукувати номер</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>Хвилинку, будь ласка.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Ваш номер</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>Будь ласка, збережіть талон.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>Ваш талон друкується.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>Час очікування: близько {0} хвилин.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>Дивіться на екрани. Ми викличемо ваш номер.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>Ваш запис: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>Будь ласка, запишіть свій номер.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>Принтер не працює. Будь ласка, скажіть на рецепції.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>Будь ласка, підійдіть до рецепції.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>Цей апарат зараз не працює.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>Номер без запису</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>Ввести номер ще раз</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>На початок</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Прочитати вголос</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Більший шрифт</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Звичайний шрифт</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>Ви прийшли зарано. Будь ласка, поверніться незадовго до запису.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>Ви запізнилися на запис. Будь ласка, підійдіть до рецепції.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>Ми не знайшли цей запис. Перевірте номер або підійдіть до рецепції.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>Ви вже зареєструвалися. Будь ласка, чекайте на свій номер.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>Ваш запис на інший день. Будь ласка, приходьте цього дня.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>На сьогодні номерів для цього більше немає. Будь ласка, підійдіть до рецепції.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>Ваше питання сьогодні тут не розглядають. Будь ласка, запитайте на рецепції. Там вам охоче допоможуть.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>Не вдалося. Будь ласка, підійдіть до рецепції.</translation>
    </message>
</context>
</TS>

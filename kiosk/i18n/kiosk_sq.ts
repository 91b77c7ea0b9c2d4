<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sq">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>Po lidhet me serverin. Ju lutemi prisni pak.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>Prekni gjuhën tuaj.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>A keni një takim?</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>Po, kam një takim</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>Jo, nuk kam takim</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>Shkruani numrin e takimit tuaj.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>Ose mbajeni letrën tuaj nën skaner.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Fshi</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>Pse jeni këtu? Prekni një.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>Sot nuk ka më numra.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>Ju lutemi përgatitni këto letra.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>Nuk ju duhen letra.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>Printo numrin</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>Një moment, ju lutem.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Numri juaj</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>Ju lutemi ruajeni biletën tuaj.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>Bileta juaj po printohet.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>Koha e pritjes: rreth {0} minuta.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>Shikoni ekranet. Do ta thërrasim numrin tuaj.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>Takimi juaj: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Mbaroi</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>Ju lutemi shkruajeni numrin tuaj.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>Printeri nuk punon. Ju lutemi tregojini recepsionit.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>Ju lutemi shkoni te recepsioni.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>Ky aparat nuk punon tani.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>Numër pa takim</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>Shkruani numrin përsëri</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Kthehu në fillim</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Mbrapa</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Lexo me zë</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Shkrim më i madh</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Shkrim normal</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>Keni ardhur shumë herët. Ju lutemi kthehuni pak para takimit tuaj.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>Jeni vonë për takimin tuaj. Ju lutemi shkoni te recepsioni.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>Nuk e gjejmë këtë takim. Kontrolloni numrin ose shkoni te recepsioni.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>Jeni regjistruar tashmë. Ju lutemi prisni numrin tuaj.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>Takimi juaj është në një ditë tjetër. Ju lutemi ejani atë ditë.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>Sot nuk ka më numra për këtë. Ju lutemi shkoni te recepsioni.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>Çështja juaj nuk trajtohet këtu sot. Ju lutemi pyesni te recepsioni. Atje do t'ju ndihmojnë me kënaqësi.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>Kjo nuk funksionoi. Ju lutemi shkoni te recepsioni.</translation>
    </message>
</context>
</TS>

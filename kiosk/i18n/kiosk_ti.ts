<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ti">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>ናብ ሰርቨር ይራኸብ ኣሎ። በጃኹም ቁሩብ ተጸበዩ።</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>ቋንቋኹም ጠውቑ።</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>ቆጸራ ኣለኩም ድዩ?</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>እወ፣ ቆጸራ ኣለኒ</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>ኣይፋል፣ ቆጸራ የብለይን</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>ቁጽሪ ቆጸራኹም ጸሓፉ።</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>ወይ ደብዳቤኹም ኣብ ትሕቲ ስካነር ሓዝዎ።</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>ደምስስ</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ሕራይ</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>ስለምንታይ ኢኹም መጺእኩም? ሓደ ጠውቑ።</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>ሎሚ ተወሳኺ ቁጽሪ የለን።</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>በጃኹም እዞም ወረቓቕቲ ኣዳልዉ።</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>ወረቓቕቲ ኣየድልየኩምን።</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>ቁጽሪ ሕተም</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>በጃኹም ሓንቲ ደቒቕ።</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>ቁጽርኹም</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>በጃኹም ትኬትኩም ሓልዉ።</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>ትኬትኩም ይሕተም ኣሎ።</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>ግዜ ምጽባይ፦ ኣስታት {0} ደቓይቕ።</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>ንስክሪናት ተዓዘቡ። ቁጽርኹም ክንጽውዕ ኢና።</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>ቆጸራኹም፦ {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>ተወዲኡ</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>በጃኹም ቁጽርኹም ጸሓፍዎ።</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>ማሕተሚ ኣይሰርሕን ኣሎ። በጃኹም ንመቐበሊ ንገሩ።</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>በጃኹም ናብ መቐበሊ ኪዱ።</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>እዚ መሳርሒ ሕጂ ኣይሰርሕን ኣሎ።</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>ቁጽሪ ብዘይ ቆጸራ</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>ቁጽሪ እንደገና ጸሓፉ</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>ናብ መጀመርታ ተመለሱ</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ንድሕሪት</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>ብድምጺ ኣንብብ</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>ዝዓበየ ጽሑፍ</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>ንቡር ጽሑፍ</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>ኣቐዲምኩም መጺእኩም። በጃኹም ቅድሚ ቆጸራኹም ቁሩብ ተመለሱ።</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>ንቆጸራኹም ደንጕይኩም። በጃኹም ናብ መቐበሊ ኪዱ።</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>እዚ ቆጸራ ክንረኽቦ ኣይከኣልናን። ቁጽሪ ኣረጋግጹ ወይ ናብ መቐበሊ ኪዱ።</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>ድሮ ተመዝጊብኩም ኢኹም። በጃኹም ንቁጽርኹም ተጸበዩ።</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>ቆጸራኹም ኣብ ካልእ መዓልቲ እዩ። በጃኹም በታ መዓልቲ ምጹ።</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>ሎሚ ነዚ ተወሳኺ ቁጽሪ የለን። በጃኹም ናብ መቐበሊ ኪዱ።</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>ጉዳይኩም ሎሚ ኣብዚ ኣይረአን እዩ። በጃኹም ኣብ መቐበሊ ሕተቱ። ብሓጎስ ክሕግዙኹም እዮም።</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>ኣይሰርሐን። በጃኹም ናብ መቐበሊ ኪዱ።</translation>
    </message>
</context>
</TS>

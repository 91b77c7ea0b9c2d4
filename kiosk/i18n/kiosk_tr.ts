<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>Sunucuya bağlanılıyor. Lütfen biraz bekleyin.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>Dilinize dokunun.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>Randevunuz var mı?</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>Evet, randevum var</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>Hayır, randevum yok</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>Randevu numaranızı yazın.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>Ya da mektubunuzu tarayıcının altına tutun.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Tamam</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>Neden buradasınız? Birine dokunun.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>Bugün başka numara yok.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>Lütfen bu belgeleri hazır tutun.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>Belgeye ihtiyacınız yok.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>Numara yazdır</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>Bir dakika lütfen.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Numaranız</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>Lütfen fişinizi saklayın.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>Fişiniz yazdırılıyor.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>Bekleme süresi: yaklaşık {0} dakika.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>Ekranlara bakın. Numaranızı çağıracağız.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>Randevunuz: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Bitti</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>Lütfen numaranızı not edin.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>Yazıcı çalışmıyor. Lütfen danışmaya söyleyin.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>Lütfen danışmaya gidin.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>Bu cihaz şu anda çalışmıyor.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>Randevusuz numara</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>Numarayı tekrar yazın</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Başa dön</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Geri</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Sesli oku</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Büyük yazı</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Normal yazı</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>Çok erken geldiniz. Lütfen randevunuzdan kısa süre önce tekrar gelin.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>Randevunuza geç kaldınız. Lütfen danışmaya gidin.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>Bu randevuyu bulamıyoruz. Numarayı kontrol edin veya danışmaya gidin.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>Zaten kayıt oldunuz. Lütfen numaranızı bekleyin.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>Randevunuz başka bir günde. Lütfen o gün gelin.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>Bugün bunun için başka numara yok. Lütfen danışmaya gidin.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>İşleminiz bugün burada yapılmıyor. Lütfen danışmaya sorun. Size memnuniyetle yardımcı olurlar.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>Bu olmadı. Lütfen danışmaya gidin.</translation>
    </message>
</context>
</TS>

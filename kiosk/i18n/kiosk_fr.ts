<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>Connexion au serveur. Veuillez patienter un instant.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>Touchez votre langue.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>Avez-vous un rendez-vous ?</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>Oui, j'ai un rendez-vous</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>Non, je n'ai pas de rendez-vous</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>Tapez votre numéro de rendez-vous.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>Ou tenez votre lettre sous le scanner.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>Pourquoi êtes-vous ici ? Touchez un choix.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>Plus de tickets aujourd'hui.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>Veuillez préparer ces papiers.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>Vous n'avez besoin d'aucun papier.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>Imprimer le ticket</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>Un instant, s'il vous plaît.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Votre numéro</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>Veuillez garder votre ticket.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>Votre ticket est en cours d'impression.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>Temps d'attente : environ {0} minutes.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>Regardez les écrans. Nous appellerons votre numéro.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>Votre rendez-vous : {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>Veuillez noter votre numéro.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>L'imprimante ne fonctionne pas. Veuillez le dire à l'accueil.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>Veuillez aller à l'accueil.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>Cet appareil ne fonctionne pas pour le moment.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>Ticket sans rendez-vous</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>Taper le numéro à nouveau</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Retour au début</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Lire à voix haute</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texte plus grand</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Texte normal</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>Vous êtes en avance. Veuillez revenir peu avant votre rendez-vous.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>Vous êtes en retard pour votre rendez-vous. Veuillez aller à l'accueil.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>Nous ne trouvons pas ce rendez-vous. Vérifiez le numéro ou allez à l'accueil.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>Vous êtes déjà enregistré. Veuillez attendre votre numéro.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>Votre rendez-vous est un autre jour. Veuillez venir ce jour-là.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>Plus de tickets pour cela aujourd'hui. Veuillez aller à l'accueil.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>Votre démarche n'est pas traitée ici aujourd'hui. Veuillez demander à l'accueil. On vous y aidera volontiers.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>Cela n'a pas fonctionné. Veuillez aller à l'accueil.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>QtConnectionBanner</name>
        <message>
            <source>Connecting to the server. Please wait a moment.</source>
            <translation>Verbindung zum Server wird hergestellt. Bitte warten Sie einen Moment.</translation>
        </message>
    </context>
    <context>
        <name>counter</name>
        <message>
            <source>{count} waiting</source>
            <translation>{count} wartend</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>Meldungen</translation>
        </message>
        <message>
            <source>I am coming</source>
            <translation>Ich komme</translation>
        </message>
        <message>
            <source>Waiting by concern</source>
            <translation>Wartende nach Anliegen</translation>
        </message>
        <message>
            <source>Next (in the order of calling)</source>
            <translation>Als Nächste (Reihenfolge des Aufrufs)</translation>
        </message>
        <message>
            <source>Parked (double-click calls)</source>
            <translation>Zurückgestellt (Doppelklick ruft auf)</translation>
        </message>
        <message>
            <source>{counter} – {state} – {clerk}  ·  {waiting} waiting</source>
            <translation>{counter} – {state} – {clerk}  ·  {waiting} wartend</translation>
        </message>
        <message>
            <source>Help requested – waiting for an answer.</source>
            <translation>Hilfe gerufen – warten auf Bestätigung.</translation>
        </message>
        <message>
            <source>Nobody at the counter. Call the next number with F5.</source>
            <translation>Kein Besuch am Schalter. Nächste Nummer mit F5 aufrufen.</translation>
        </message>
        <message>
            <source>appointment</source>
            <translation>Termin</translation>
        </message>
        <message>
            <source>walk-in</source>
            <translation>ohne Termin</translation>
        </message>
        <message>
            <source>is here</source>
            <translation>ist da</translation>
        </message>
        <message>
            <source>called</source>
            <translation>aufgerufen</translation>
        </message>
        <message>
            <source>{concern} · {kind} · waited {waited} · language {language} · {status}</source>
            <translation>{concern} · {kind} · wartete {waited} · Sprache {language} · {status}</translation>
        </message>
        <message>
            <source>Note: {note}</source>
            <translation>Notiz: {note}</translation>
        </message>
        <message>
            <source>Why: {why}</source>
            <translation>Warum: {why}</translation>
        </message>
        <message>
            <source>{concern}: nobody waiting</source>
            <translation>{concern}: niemand wartet</translation>
        </message>
        <message>
            <source>{concern}: {count} waiting, longest {longest}</source>
            <translation>{concern}: {count} wartend, längste {longest}</translation>
        </message>
        <message>
            <source>EMERGENCY</source>
            <translation>NOTFALL</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>überfällig</translation>
        </message>
        <message>
            <source>LED sign: {error}</source>
            <translation>LED-Anzeige: {error}</translation>
        </message>
        <message>
            <source>Receipt not printed ({error}).</source>
            <translation>Bestätigung nicht gedruckt ({error}).</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Anmelden</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Benutzername</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Passwort</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>Which counter?</source>
            <translation>Welcher Schalter?</translation>
        </message>
        <message>
            <source>Work at this counter</source>
            <translation>An diesem Schalter arbeiten</translation>
        </message>
        <message>
            <source>kiosk</source>
            <translation>Kiosk</translation>
        </message>
        <message>
            <source>display</source>
            <translation>Anzeige</translation>
        </message>
        <message>
            <source>counter PC</source>
            <translation>Schalter-PC</translation>
        </message>
        <message>
            <source>not since the server started</source>
            <translation>noch nie seit Serverstart</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>gerade eben</translation>
        </message>
        <message>
            <source>{minutes} ago</source>
            <translation>vor {minutes}</translation>
        </message>
        <message>
            <source>{tickets} tickets issued · {called} called · {waiting} waiting · {done} done · {no_shows} no-shows</source>
            <translation>{tickets} Nummern ausgegeben · {called} aufgerufen · {waiting} wartend · {done} erledigt · {no_shows} nicht erschienen</translation>
        </message>
        <message>
            <source>Wait until called: median {median}, 90 % within {p90}, longest {longest}</source>
            <translation>Wartezeit bis zum Aufruf: Median {median}, 90 % bis {p90}, längste {longest}</translation>
        </message>
        <message>
            <source>Aufruf – overview</source>
            <translation>Aufruf – Übersicht</translation>
        </message>
        <message>
            <source>Today so far</source>
            <translation>Heute bisher</translation>
        </message>
        <message>
            <source>Counters</source>
            <translation>Schalter</translation>
        </message>
        <message>
            <source>Queues</source>
            <translation>Warteschlangen</translation>
        </message>
        <message>
            <source>Devices</source>
            <translation>Geräte</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>Schalter</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Clerk</source>
            <translation>Sachbearbeitung</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nummer</translation>
        </message>
        <message>
            <source>Concern</source>
            <translation>Anliegen</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Wartend</translation>
        </message>
        <message>
            <source>Longest wait</source>
            <translation>Längste Wartezeit</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Gerät</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>Letzter Kontakt</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Drucker</translation>
        </message>
        <message>
            <source>Open counter</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Pause counter</source>
            <translation>Pausieren</translation>
        </message>
        <message>
            <source>Close counter</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Refresh figures</source>
            <translation>Kennzahlen aktualisieren</translation>
        </message>
        <message>
            <source>workstation</source>
            <translation>Arbeitsplatz</translation>
        </message>
        <message>
            <source>Loading the figures …</source>
            <translation>Kennzahlen werden geladen …</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Nächste</translation>
        </message>
        <message>
            <source>Recall</source>
            <translation>Erneut rufen</translation>
        </message>
        <message>
            <source>Arrived</source>
            <translation>Ist da</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>Nicht erschienen</translation>
        </message>
        <message>
            <source>Park</source>
            <translation>Zurückstellen</translation>
        </message>
        <message>
            <source>Transfer…</source>
            <translation>Weiterleiten…</translation>
        </message>
        <message>
            <source>Call this one</source>
            <translation>Diese aufrufen</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Weiter</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>Eingangsbestätigung</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Hilfe</translation>
        </message>
        <message>
            <source>open</source>
            <translation>geöffnet</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>geschlossen</translation>
        </message>
        <message>
            <source>{n} min</source>
            <translation>{n} Min.</translation>
        </message>
        <message>
            <source>Nobody is waiting for this counter.</source>
            <translation>Niemand wartet auf diesen Schalter.</translation>
        </message>
        <message>
            <source>No connection to the server. The action was not confirmed.</source>
            <translation>Keine Verbindung zum Server. Die Aktion wurde nicht bestätigt.</translation>
        </message>
        <message>
            <source>Help requested – colleagues have been told.</source>
            <translation>Hilfe gerufen – Kolleg:innen sind informiert.</translation>
        </message>
        <message>
            <source>Not possible: {detail}</source>
            <translation>Nicht möglich: {detail}</translation>
        </message>
        <message>
            <source>Your session has expired. Please log in again.</source>
            <translation>Ihre Sitzung ist abgelaufen. Bitte neu anmelden.</translation>
        </message>
        <message>
            <source>This workstation was locked. Please ask IT.</source>
            <translation>Dieser Arbeitsplatz ist gesperrt. Bitte die IT fragen.</translation>
        </message>
        <message>
            <source>Wrong username or password.</source>
            <translation>Benutzername oder Passwort stimmt nicht.</translation>
        </message>
        <message>
            <source>Your account is disabled. Please ask a supervisor.</source>
            <translation>Ihr Zugang ist gesperrt. Bitte die Leitung fragen.</translation>
        </message>
        <message>
            <source>You are no longer logged in. Please log in again.</source>
            <translation>Sie sind nicht mehr angemeldet. Bitte neu anmelden.</translation>
        </message>
        <message>
            <source>fine</source>
            <translation>in Ordnung</translation>
        </message>
        <message>
            <source>paper nearly out</source>
            <translation>Papier bald leer</translation>
        </message>
        <message>
            <source>out of paper</source>
            <translation>Papier leer</translation>
        </message>
        <message>
            <source>cover open</source>
            <translation>Deckel offen</translation>
        </message>
        <message>
            <source>not answering</source>
            <translation>antwortet nicht</translation>
        </message>
        <message>
            <source>fault</source>
            <translation>Störung</translation>
        </message>
        <message>
            <source>state unknown</source>
            <translation>Zustand unbekannt</translation>
        </message>
        <message>
            <source>{counter} needs help!</source>
            <translation>{counter} braucht Hilfe!</translation>
        </message>
        <message>
            <source>Emergency {number} is waiting ({concern}).</source>
            <translation>Notfall {number} wartet ({concern}).</translation>
        </message>
        <message>
            <source>{name}: printer – {state}.</source>
            <translation>{name}: Drucker – {state}.</translation>
        </message>
        <message>
            <source>Display offline: {name}</source>
            <translation>Anzeige offline: {name}</translation>
        </message>
        <message>
            <source>Kiosk offline: {name}</source>
            <translation>Kiosk offline: {name}</translation>
        </message>
        <message>
            <source>{ago} – no connection</source>
            <translation>{ago} – keine Verbindung</translation>
        </message>
        <message>
            <source>due in {n} min</source>
            <translation>in {n} Min. fällig</translation>
        </message>
        <message>
            <source>due {n} min ago</source>
            <translation>seit {n} Min. fällig</translation>
        </message>
        <message>
            <source>due now</source>
            <translation>jetzt fällig</translation>
        </message>
        <message>
            <source>emergency, waiting {waited} min</source>
            <translation>Notfall, wartet seit {waited} Min.</translation>
        </message>
        <message>
            <source>transferred to this counter, waiting {waited} min</source>
            <translation>an diesen Schalter übergeben, wartet seit {waited} Min.</translation>
        </message>
        <message>
            <source>appointment {due}, waiting {waited} min</source>
            <translation>Termin {due}, wartet seit {waited} Min.</translation>
        </message>
        <message>
            <source>waiting {waited} min, over the {limit} min limit</source>
            <translation>wartet seit {waited} Min., länger als {limit} Min.</translation>
        </message>
        <message>
            <source>walk-in, first by waiting time and concern weight ({waited} min)</source>
            <translation>ohne Termin, vorn nach Wartezeit und Gewicht des Anliegens ({waited} Min.)</translation>
        </message>
        <message>
            <source>chosen by hand from the list, waited {waited} min</source>
            <translation>von Hand aus der Liste gewählt, wartete {waited} Min.</translation>
        </message>
        <message>
            <source>called again</source>
            <translation>erneut aufgerufen</translation>
        </message>
        <message>
            <source>not set up for this counter</source>
            <translation>für diesen Schalter nicht eingerichtet</translation>
        </message>
        <message>
            <source>checking …</source>
            <translation>wird geprüft …</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>bereit</translation>
        </message>
        <message>
            <source>cannot print</source>
            <translation>kann nicht drucken</translation>
        </message>
        <message>
            <source>not reachable</source>
            <translation>nicht erreichbar</translation>
        </message>
        <message>
            <source>Check the sign's USB cable and power. It is used again by itself once it is back; or pick its new port below.</source>
            <translation>USB-Kabel und Strom der Anzeige prüfen. Sobald sie wieder da ist, wird sie von selbst wieder benutzt; oder unten ihren neuen Anschluss wählen.</translation>
        </message>
        <message>
            <source>Check that the printer is switched on and its cable is plugged in, then press Check now. If it has a new address, enter it below. Until then, write the confirmation by hand.</source>
            <translation>Prüfen, ob der Drucker eingeschaltet und sein Kabel eingesteckt ist, dann „Jetzt prüfen“ drücken. Hat er eine neue Adresse, unten eintragen. Bis dahin die Bestätigung von Hand schreiben.</translation>
        </message>
        <message>
            <source>Put in a new paper roll.</source>
            <translation>Eine neue Papierrolle einlegen.</translation>
        </message>
        <message>
            <source>The paper is nearly out: have a roll ready.</source>
            <translation>Das Papier ist fast leer: eine Rolle bereitlegen.</translation>
        </message>
        <message>
            <source>Close the printer's cover.</source>
            <translation>Den Deckel des Druckers schließen.</translation>
        </message>
        <message>
            <source>Switch the printer off and on again; if that does not help, call IT.</source>
            <translation>Den Drucker aus- und wieder einschalten; hilft das nicht, die IT rufen.</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>Weiterleiten</translation>
        </message>
        <message>
            <source>(same concern)</source>
            <translation>(Anliegen bleibt)</translation>
        </message>
        <message>
            <source>(any suitable counter)</source>
            <translation>(jeder passende Schalter)</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Notiz</translation>
        </message>
        <message>
            <source>Aufruf – counter</source>
            <translation>Aufruf – Schalter</translation>
        </message>
        <message>
            <source>View</source>
            <translation>Ansicht</translation>
        </message>
        <message>
            <source>Compact bar</source>
            <translation>Kompakte Leiste</translation>
        </message>
        <message>
            <source>Overview (supervisors)</source>
            <translation>Übersicht (Leitung)</translation>
        </message>
        <message>
            <source>Devices (LED sign, printer)</source>
            <translation>Geräte (LED-Anzeige, Drucker)</translation>
        </message>
        <message>
            <source>Log out</source>
            <translation>Abmelden</translation>
        </message>
        <message>
            <source>Aufruf – devices</source>
            <translation>Aufruf – Geräte</translation>
        </message>
        <message>
            <source>LED sign</source>
            <translation>LED-Anzeige</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>Bondrucker</translation>
        </message>
        <message>
            <source>Use this port</source>
            <translation>Diesen Anschluss verwenden</translation>
        </message>
        <message>
            <source>Use this address</source>
            <translation>Diese Adresse verwenden</translation>
        </message>
        <message>
            <source>Check now</source>
            <translation>Jetzt prüfen</translation>
        </message>
        <message>
            <source>Back to the site's setting</source>
            <translation>Zurück zur Einstellung des Standorts</translation>
        </message>
        <message>
            <source>Set on this PC; the site's setting is {where}.</source>
            <translation>Auf diesem PC gewählt; die Einstellung des Standorts ist {where}.</translation>
        </message>
        <message>
            <source>This address does not fit: {error}</source>
            <translation>Diese Adresse passt nicht: {error}</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>wartet</translation>
        </message>
        <message>
            <source>being served</source>
            <translation>in Bedienung</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>fertig</translation>
        </message>
        <message>
            <source>did not come</source>
            <translation>nicht erschienen</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>storniert</translation>
        </message>
        <message>
            <source>parked</source>
            <translation>zurückgestellt</translation>
        </message>
        <message>
            <source>{counter} is closed. Open it with Resume before calling.</source>
            <translation>{counter} ist geschlossen. Erst mit „Weiter“ öffnen, dann aufrufen.</translation>
        </message>
        <message>
            <source>{counter} is paused. Resume before calling.</source>
            <translation>{counter} ist in Pause. Erst mit „Weiter“ fortsetzen, dann aufrufen.</translation>
        </message>
        <message>
            <source>{counter} still has {number} ({status}). Finish, park or mark it as a no-show first.</source>
            <translation>{counter} hat noch {number} ({status}). Erst abschließen, zurückstellen oder „Nicht erschienen“ wählen.</translation>
        </message>
        <message>
            <source>{number} is now at {holder} ({status}), not at this counter.</source>
            <translation>{number} ist jetzt bei {holder} ({status}), nicht an diesem Schalter.</translation>
        </message>
        <message>
            <source>{number} is already at {holder} ({status}).</source>
            <translation>{number} ist schon bei {holder} ({status}).</translation>
        </message>
        <message>
            <source>{number} was transferred to {holder}; only that counter can call it.</source>
            <translation>{number} wurde an {holder} weitergeleitet; nur dort kann die Nummer aufgerufen werden.</translation>
        </message>
        <message>
            <source>{number} is not called at the moment ({status}).</source>
            <translation>{number} ist gerade nicht aufgerufen ({status}).</translation>
        </message>
        <message>
            <source>{number} has not been marked as arrived. Press Arrived first.</source>
            <translation>{number} ist noch nicht als „Ist da“ erfasst. Erst „Ist da“ drücken.</translation>
        </message>
        <message>
            <source>{number} is already being served.</source>
            <translation>{number} wird bereits bedient.</translation>
        </message>
        <message>
            <source>{number} is already closed ({status}).</source>
            <translation>{number} ist bereits abgeschlossen ({status}).</translation>
        </message>
        <message>
            <source>This number does not exist (any more).</source>
            <translation>Diese Nummer gibt es nicht (mehr).</translation>
        </message>
        <message>
            <source>The counter {counter} does not exist.</source>
            <translation>Den Schalter {counter} gibt es nicht.</translation>
        </message>
        <message>
            <source>The concern {service} does not exist.</source>
            <translation>Das Anliegen {service} gibt es nicht.</translation>
        </message>
        <message>
            <source>This call for help does not exist.</source>
            <translation>Diesen Hilferuf gibt es nicht.</translation>
        </message>
        <message>
            <source>Choose a concern or a counter to transfer to.</source>
            <translation>Bitte ein Anliegen oder einen Schalter zum Weiterleiten wählen.</translation>
        </message>
        <message>
            <source>The note is too long (at most {limit} characters).</source>
            <translation>Die Notiz ist zu lang (höchstens {limit} Zeichen).</translation>
        </message>
        <message>
            <source>Someone is already on the way.</source>
            <translation>Jemand ist bereits unterwegs.</translation>
        </message>
        <message>
            <source>The server refused a repeated request. Please try again.</source>
            <translation>Der Server hat eine Wiederholung abgelehnt. Bitte noch einmal versuchen.</translation>
        </message>
    </context>
</TS>

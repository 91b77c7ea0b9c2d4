<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>QtConnectionBanner</name>
        <message>
            <source>Connecting to the server. Please wait a moment.</source>
            <translation>Connecting to the server. Please wait a moment.</translation>
        </message>
    </context>
    <context>
        <name>counter</name>
        <message>
            <source>{count} waiting</source>
            <translation>{count} waiting</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>Alerts</translation>
        </message>
        <message>
            <source>I am coming</source>
            <translation>I am coming</translation>
        </message>
        <message>
            <source>Waiting by concern</source>
            <translation>Waiting by concern</translation>
        </message>
        <message>
            <source>Next (in the order of calling)</source>
            <translation>Next (in the order of calling)</translation>
        </message>
        <message>
            <source>Parked (double-click calls)</source>
            <translation>Parked (double-click calls)</translation>
        </message>
        <message>
            <source>{counter} – {state} – {clerk}  ·  {waiting} waiting</source>
            <translation>{counter} – {state} – {clerk}  ·  {waiting} waiting</translation>
        </message>
        <message>
            <source>Help requested – waiting for an answer.</source>
            <translation>Help requested – waiting for an answer.</translation>
        </message>
        <message>
            <source>Nobody at the counter. Call the next number with F5.</source>
            <translation>Nobody at the counter. Call the next number with F5.</translation>
        </message>
        <message>
            <source>appointment</source>
            <translation>appointment</translation>
        </message>
        <message>
            <source>walk-in</source>
            <translation>walk-in</translation>
        </message>
        <message>
            <source>is here</source>
            <translation>is here</translation>
        </message>
        <message>
            <source>called</source>
            <translation>called</translation>
        </message>
        <message>
            <source>{concern} · {kind} · waited {waited} · language {language} · {status}</source>
            <translation>{concern} · {kind} · waited {waited} · language {language} · {status}</translation>
        </message>
        <message>
            <source>Note: {note}</source>
            <translation>Note: {note}</translation>
        </message>
        <message>
            <source>Why: {why}</source>
            <translation>Why: {why}</translation>
        </message>
        <message>
            <source>{concern}: nobody waiting</source>
            <translation>{concern}: nobody waiting</translation>
        </message>
        <message>
            <source>{concern}: {count} waiting, longest {longest}</source>
            <translation>{concern}: {count} waiting, longest {longest}</translation>
        </message>
        <message>
            <source>EMERGENCY</source>
            <translation>EMERGENCY</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>overdue</translation>
        </message>
        <message>
            <source>LED sign: {error}</source>
            <translation>LED sign: {error}</translation>
        </message>
        <message>
            <source>Receipt not printed ({error}).</source>
            <translation>Receipt not printed ({error}).</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Which counter?</source>
            <translation>Which counter?</translation>
        </message>
        <message>
            <source>Work at this counter</source>
            <translation>Work at this counter</translation>
        </message>
        <message>
            <source>kiosk</source>
            <translation>kiosk</translation>
        </message>
        <message>
            <source>display</source>
            <translation>display</translation>
        </message>
        <message>
            <source>counter PC</source>
            <translation>counter PC</translation>
        </message>
        <message>
            <source>not since the server started</source>
            <translation>not since the server started</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>just now</translation>
        </message>
        <message>
            <source>{minutes} ago</source>
            <translation>{minutes} ago</translation>
        </message>
        <message>
            <source>{tickets} tickets issued · {called} called · {waiting} waiting · {done} done · {no_shows} no-shows</source>
            <translation>{tickets} tickets issued · {called} called · {waiting} waiting · {done} done · {no_shows} no-shows</translation>
        </message>
        <message>
            <source>Wait until called: median {median}, 90 % within {p90}, longest {longest}</source>
            <translation>Wait until called: median {median}, 90 % within {p90}, longest {longest}</translation>
        </message>
        <message>
            <source>Aufruf – overview</source>
            <translation>Aufruf – overview</translation>
        </message>
        <message>
            <source>Today so far</source>
            <translation>Today so far</translation>
        </message>
        <message>
            <source>Counters</source>
            <translation>Counters</translation>
        </message>
        <message>
            <source>Queues</source>
            <translation>Queues</translation>
        </message>
        <message>
            <source>Devices</source>
            <translation>Devices</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>Counter</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Clerk</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Concern</source>
            <translation>Concern</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Longest wait</source>
            <translation>Longest wait</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Device</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>Last contact</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Printer</translation>
        </message>
        <message>
            <source>Open counter</source>
            <translation>Open counter</translation>
        </message>
        <message>
            <source>Pause counter</source>
            <translation>Pause counter</translation>
        </message>
        <message>
            <source>Close counter</source>
            <translation>Close counter</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Refresh figures</source>
            <translation>Refresh figures</translation>
        </message>
        <message>
            <source>workstation</source>
            <translation>workstation</translation>
        </message>
        <message>
            <source>Loading the figures …</source>
            <translation>Loading the figures …</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>Recall</source>
            <translation>Recall</translation>
        </message>
        <message>
            <source>Arrived</source>
            <translation>Arrived</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Finish</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>No-show</translation>
        </message>
        <message>
            <source>Park</source>
            <translation>Park</translation>
        </message>
        <message>
            <source>Transfer…</source>
            <translation>Transfer…</translation>
        </message>
        <message>
            <source>Call this one</source>
            <translation>Call this one</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Resume</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Help</translation>
        </message>
        <message>
            <source>open</source>
            <translation>open</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>paused</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>closed</translation>
        </message>
        <message>
            <source>{n} min</source>
            <translation>{n} min</translation>
        </message>
        <message>
            <source>Nobody is waiting for this counter.</source>
            <translation>Nobody is waiting for this counter.</translation>
        </message>
        <message>
            <source>No connection to the server. The action was not confirmed.</source>
            <translation>No connection to the server. The action was not confirmed.</translation>
        </message>
        <message>
            <source>Help requested – colleagues have been told.</source>
            <translation>Help requested – colleagues have been told.</translation>
        </message>
        <message>
            <source>Not possible: {detail}</source>
            <translation>Not possible: {detail}</translation>
        </message>
        <message>
            <source>Your session has expired. Please log in again.</source>
            <translation>Your session has expired. Please log in again.</translation>
        </message>
        <message>
            <source>This workstation was locked. Please ask IT.</source>
            <translation>This workstation was locked. Please ask IT.</translation>
        </message>
        <message>
            <source>Wrong username or password.</source>
            <translation>Wrong username or password.</translation>
        </message>
        <message>
            <source>Your account is disabled. Please ask a supervisor.</source>
            <translation>Your account is disabled. Please ask a supervisor.</translation>
        </message>
        <message>
            <source>You are no longer logged in. Please log in again.</source>
            <translation>You are no longer logged in. Please log in again.</translation>
        </message>
        <message>
            <source>fine</source>
            <translation>fine</translation>
        </message>
        <message>
            <source>paper nearly out</source>
            <translation>paper nearly out</translation>
        </message>
        <message>
            <source>out of paper</source>
            <translation>out of paper</translation>
        </message>
        <message>
            <source>cover open</source>
            <translation>cover open</translation>
        </message>
        <message>
            <source>not answering</source>
            <translation>not answering</translation>
        </message>
        <message>
            <source>fault</source>
            <translation>fault</translation>
        </message>
        <message>
            <source>state unknown</source>
            <translation>state unknown</translation>
        </message>
        <message>
            <source>{counter} needs help!</source>
            <translation>{counter} needs help!</translation>
        </message>
        <message>
            <source>Emergency {number} is waiting ({concern}).</source>
            <translation>Emergency {number} is waiting ({concern}).</translation>
        </message>
        <message>
            <source>{name}: printer – {state}.</source>
            <translation>{name}: printer – {state}.</translation>
        </message>
        <message>
            <source>Display offline: {name}</source>
            <translation>Display offline: {name}</translation>
        </message>
        <message>
            <source>Kiosk offline: {name}</source>
            <translation>Kiosk offline: {name}</translation>
        </message>
        <message>
            <source>{ago} – no connection</source>
            <translation>{ago} – no connection</translation>
        </message>
        <message>
            <source>due in {n} min</source>
            <translation>due in {n} min</translation>
        </message>
        <message>
            <source>due {n} min ago</source>
            <translation>due {n} min ago</translation>
        </message>
        <message>
            <source>due now</source>
            <translation>due now</translation>
        </message>
        <message>
            <source>emergency, waiting {waited} min</source>
            <translation>emergency, waiting {waited} min</translation>
        </message>
        <message>
            <source>transferred to this counter, waiting {waited} min</source>
            <translation>transferred to this counter, waiting {waited} min</translation>
        </message>
        <message>
            <source>appointment {due}, waiting {waited} min</source>
            <translation>appointment {due}, waiting {waited} min</translation>
        </message>
        <message>
            <source>waiting {waited} min, over the {limit} min limit</source>
            <translation>waiting {waited} min, over the {limit} min limit</translation>
        </message>
        <message>
            <source>walk-in, first by waiting time and concern weight ({waited} min)</source>
            <translation>walk-in, first by waiting time and concern weight ({waited} min)</translation>
        </message>
        <message>
            <source>chosen by hand from the list, waited {waited} min</source>
            <translation>chosen by hand from the list, waited {waited} min</translation>
        </message>
        <message>
            <source>called again</source>
            <translation>called again</translation>
        </message>
        <message>
            <source>not set up for this counter</source>
            <translation>not set up for this counter</translation>
        </message>
        <message>
            <source>checking …</source>
            <translation>checking …</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>ready</translation>
        </message>
        <message>
            <source>cannot print</source>
            <translation>cannot print</translation>
        </message>
        <message>
            <source>not reachable</source>
            <translation>not reachable</translation>
        </message>
        <message>
            <source>Check the sign's USB cable and power. It is used again by itself once it is back; or pick its new port below.</source>
            <translation>Check the sign's USB cable and power. It is used again by itself once it is back; or pick its new port below.</translation>
        </message>
        <message>
            <source>Check that the printer is switched on and its cable is plugged in, then press Check now. If it has a new address, enter it below. Until then, write the confirmation by hand.</source>
            <translation>Check that the printer is switched on and its cable is plugged in, then press Check now. If it has a new address, enter it below. Until then, write the confirmation by hand.</translation>
        </message>
        <message>
            <source>Put in a new paper roll.</source>
            <translation>Put in a new paper roll.</translation>
        </message>
        <message>
            <source>The paper is nearly out: have a roll ready.</source>
            <translation>The paper is nearly out: have a roll ready.</translation>
        </message>
        <message>
            <source>Close the printer's cover.</source>
            <translation>Close the printer's cover.</translation>
        </message>
        <message>
            <source>Switch the printer off and on again; if that does not help, call IT.</source>
            <translation>Switch the printer off and on again; if that does not help, call IT.</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>Transfer</translation>
        </message>
        <message>
            <source>(same concern)</source>
            <translation>(same concern)</translation>
        </message>
        <message>
            <source>(any suitable counter)</source>
            <translation>(any suitable counter)</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Aufruf – counter</source>
            <translation>Aufruf – counter</translation>
        </message>
        <message>
            <source>View</source>
            <translation>View</translation>
        </message>
        <message>
            <source>Compact bar</source>
            <translation>Compact bar</translation>
        </message>
        <message>
            <source>Overview (supervisors)</source>
            <translation>Overview (supervisors)</translation>
        </message>
        <message>
            <source>Devices (LED sign, printer)</source>
            <translation>Devices (LED sign, printer)</translation>
        </message>
        <message>
            <source>Log out</source>
            <translation>Log out</translation>
        </message>
        <message>
            <source>Aufruf – devices</source>
            <translation>Aufruf – devices</translation>
        </message>
        <message>
            <source>LED sign</source>
            <translation>LED sign</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>Receipt printer</translation>
        </message>
        <message>
            <source>Use this port</source>
            <translation>Use this port</translation>
        </message>
        <message>
            <source>Use this address</source>
            <translation>Use this address</translation>
        </message>
        <message>
            <source>Check now</source>
            <translation>Check now</translation>
        </message>
        <message>
            <source>Back to the site's setting</source>
            <translation>Back to the site's setting</translation>
        </message>
        <message>
            <source>Set on this PC; the site's setting is {where}.</source>
            <translation>Set on this PC; the site's setting is {where}.</translation>
        </message>
        <message>
            <source>This address does not fit: {error}</source>
            <translation>This address does not fit: {error}</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>waiting</translation>
        </message>
        <message>
            <source>being served</source>
            <translation>being served</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>finished</translation>
        </message>
        <message>
            <source>did not come</source>
            <translation>did not come</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>cancelled</translation>
        </message>
        <message>
            <source>parked</source>
            <translation>parked</translation>
        </message>
        <message>
            <source>{counter} is closed. Open it with Resume before calling.</source>
            <translation>{counter} is closed. Open it with Resume before calling.</translation>
        </message>
        <message>
            <source>{counter} is paused. Resume before calling.</source>
            <translation>{counter} is paused. Resume before calling.</translation>
        </message>
        <message>
            <source>{counter} still has {number} ({status}). Finish, park or mark it as a no-show first.</source>
            <translation>{counter} still has {number} ({status}). Finish, park or mark it as a no-show first.</translation>
        </message>
        <message>
            <source>{number} is now at {holder} ({status}), not at this counter.</source>
            <translation>{number} is now at {holder} ({status}), not at this counter.</translation>
        </message>
        <message>
            <source>{number} is already at {holder} ({status}).</source>
            <translation>{number} is already at {holder} ({status}).</translation>
        </message>
        <message>
            <source>{number} was transferred to {holder}; only that counter can call it.</source>
            <translation>{number} was transferred to {holder}; only that counter can call it.</translation>
        </message>
        <message>
            <source>{number} is not called at the moment ({status}).</source>
            <translation>{number} is not called at the moment ({status}).</translation>
        </message>
        <message>
            <source>{number} has not been marked as arrived. Press Arrived first.</source>
            <translation>{number} has not been marked as arrived. Press Arrived first.</translation>
        </message>
        <message>
            <source>{number} is already being served.</source>
            <translation>{number} is already being served.</translation>
        </message>
        <message>
            <source>{number} is already closed ({status}).</source>
            <translation>{number} is already closed ({status}).</translation>
        </message>
        <message>
            <source>This number does not exist (any more).</source>
            <translation>This number does not exist (any more).</translation>
        </message>
        <message>
            <source>The counter {counter} does not exist.</source>
            <translation>The counter {counter} does not exist.</translation>
        </message>
        <message>
            <source>The concern {service} does not exist.</source>
            <translation>The concern {service} does not exist.</translation>
        </message>
        <message>
            <source>This call for help does not exist.</source>
            <translation>This call for help does not exist.</translation>
        </message>
        <message>
            <source>Choose a concern or a counter to transfer to.</source>
            <translation>Choose a concern or a counter to transfer to.</translation>
        </message>
        <message>
            <source>The note is too long (at most {limit} characters).</source>
            <translation>The note is too long (at most {limit} characters).</translation>
        </message>
        <message>
            <source>Someone is already on the way.</source>
            <translation>Someone is already on the way.</translation>
        </message>
        <message>
            <source>The server refused a repeated request. Please try again.</source>
            <translation>The server refused a repeated request. Please try again.</translation>
        </message>
    </context>
</TS>

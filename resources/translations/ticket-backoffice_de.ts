<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Application</name>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>The server ended your session. Sign in again to go on; your drafts and unsent messages are kept.</source>
        <translation>Der Server hat Ihre Sitzung beendet. Melden Sie sich erneut an, um fortzufahren; Ihre Entwürfe und nicht gesendeten Nachrichten bleiben erhalten.</translation>
    </message>
    <message>
        <source>The local ticket-server program was not found next to ticket-backoffice.</source>
        <translation>Das Programm ticket-server für den lokalen Server wurde nicht neben ticket-backoffice gefunden.</translation>
    </message>
    <message>
        <source>The local server could not start: %1</source>
        <translation>Der lokale Server konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Could not sign in to the local server: %1</source>
        <translation>Die Anmeldung am lokalen Server ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the local demo server</source>
        <translation>dem lokalen Demo-Server</translation>
    </message>
    <message>
        <source>Your sign-in could not be kept in the keychain (%1): you will have to sign in again next time.</source>
        <translation>Ihre Anmeldung konnte nicht im Schlüsselbund gespeichert werden (%1): Sie müssen sich beim nächsten Mal erneut anmelden.</translation>
    </message>
    <message>
        <source>Ticket Backoffice</source>
        <translation>Ticket Backoffice</translation>
    </message>
    <message>
        <source>The local server could not start again: %1</source>
        <translation>Der lokale Server konnte nicht wieder starten: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1

It is restarted in %n second(s).</source>
        <translation>
            <numerusform>%1

Er wird in %n Sekunde neu gestartet.</numerusform>
            <numerusform>%1

Er wird in %n Sekunden neu gestartet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the certificate again</source>
        <translation>Zertifikat erneut prüfen</translation>
    </message>
    <message>
        <source>You did not trust the changed certificate of %1: nothing is sent to it. Your drafts and unsent messages are kept.</source>
        <translation>Sie haben dem geänderten Zertifikat von %1 nicht vertraut: Es wird nichts dorthin gesendet. Ihre Entwürfe und nicht gesendeten Nachrichten bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>AttachmentListWidget</name>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Hinzugefügt von</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>File transfer</source>
        <translation>Dateiübertragung</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Datei hinzufügen…</translation>
    </message>
    <message>
        <source>Upload files to this ticket (you can also drop them here)</source>
        <translation>Dateien zu diesem Ticket hochladen (Sie können sie auch hierher ziehen)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>Only staff can see this file</source>
        <translation>Nur Mitarbeitende sehen diese Datei</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <source>No files yet. Drop files here to add them.</source>
        <translation>Noch keine Dateien. Ziehen Sie Dateien hierher, um sie hinzuzufügen.</translation>
    </message>
    <message>
        <source>No files.</source>
        <translation>Keine Dateien.</translation>
    </message>
</context>
<context>
    <name>AttachmentTransfers</name>
    <message>
        <source>The server could not be reached.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Unexpected error (%1).</source>
        <translation>Unerwarteter Fehler (%1).</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>%1 wird hochgeladen</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message>
        <source>Could not upload %1: %2</source>
        <translation>%1 konnte nicht hochgeladen werden: %2</translation>
    </message>
    <message>
        <source>Could not download %1: %2</source>
        <translation>%1 konnte nicht heruntergeladen werden: %2</translation>
    </message>
    <message>
        <source>No application is set up to open %1.</source>
        <translation>Es ist keine Anwendung zum Öffnen von %1 eingerichtet.</translation>
    </message>
</context>
<context>
    <name>CertificateGate</name>
    <message>
        <source>You did not trust the certificate of %1: nothing was sent to it.</source>
        <translation>Sie haben dem Zertifikat von %1 nicht vertraut: Es wurde nichts dorthin gesendet.</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:
%1

Subject: %2
Issuer: %3
Valid until: %4</source>
        <translation>SHA-256-Fingerabdruck:
%1

Inhaber: %2
Aussteller: %3
Gültig bis: %4</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since you trusted it, and it cannot be verified (%2). If the server&apos;s administrator did not renew it, someone may be listening in.</source>
        <translation>Das Zertifikat von %1 hat sich geändert, seit Sie ihm vertraut haben, und es lässt sich nicht überprüfen (%2). Wenn die Administration des Servers es nicht erneuert hat, hört womöglich jemand mit.</translation>
    </message>
    <message>
        <source>The certificate of %1 cannot be verified (%2).</source>
        <translation>Das Zertifikat von %1 lässt sich nicht überprüfen (%2).</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one the server&apos;s administrator gives you. Trust this certificate for %1? Nothing is sent to the server before you answer.</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem, den Ihnen die Administration des Servers nennt. Diesem Zertifikat für %1 vertrauen? Bis zu Ihrer Antwort wird nichts an den Server gesendet.</translation>
    </message>
    <message>
        <source>Changed server certificate</source>
        <translation>Geändertes Serverzertifikat</translation>
    </message>
    <message>
        <source>Unverified server certificate</source>
        <translation>Nicht überprüftes Serverzertifikat</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>Discard your change and show the ticket as it is now</source>
        <translation>Ihre Änderung verwerfen und das Ticket im aktuellen Stand anzeigen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Apply your change on top of the other person&apos;s changes</source>
        <translation>Ihre Änderung zusätzlich zu den Änderungen der anderen Person übernehmen</translation>
    </message>
    <message>
        <source>Apply my change again</source>
        <translation>Änderung erneut anwenden</translation>
    </message>
    <message>
        <source>Edit conflict</source>
        <translation>Bearbeitungskonflikt</translation>
    </message>
</context>
<context>
    <name>ConnectionController</name>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>● Server unreachable (%1): retrying. Your drafts and unsent messages are kept.</source>
        <translation>● Keine Verbindung zu %1 möglich: neuer Versuch läuft. Ihre Entwürfe und nicht gesendeten Nachrichten bleiben erhalten.</translation>
    </message>
    <message>
        <source>● Connected to %1 · live</source>
        <translation>● Verbunden mit %1 · live</translation>
    </message>
    <message>
        <source>● Connecting to %1…</source>
        <translation>● Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>● Connection to %1 lost: reconnecting… Nothing you type is lost.</source>
        <translation>● Verbindung zu %1 unterbrochen: wird wiederhergestellt… Ihre Eingaben gehen nicht verloren.</translation>
    </message>
    <message>
        <source>● Not connected to %1</source>
        <translation>● Nicht verbunden mit %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unsent</source>
        <translation>
            <numerusform>%n nicht gesendet</numerusform>
            <numerusform>%n nicht gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationTabs</name>
    <message>
        <source>&amp;Messenger</source>
        <translation>&amp;Messenger</translation>
    </message>
    <message>
        <source>Reply to the code user… (Ctrl+Enter sends)</source>
        <translation>Dem Codenutzer antworten… (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Internal &amp;notes</source>
        <translation>Interne &amp;Notizen</translation>
    </message>
    <message>
        <source>Staff only: the code user never sees internal notes.</source>
        <translation>Nur für Mitarbeitende: Der Codenutzer sieht interne Notizen nie.</translation>
    </message>
    <message>
        <source>Write an internal note… (Ctrl+Enter adds it)</source>
        <translation>Interne Notiz schreiben… (Strg+Eingabe fügt sie hinzu)</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>Notiz hinzu&amp;fügen</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Add the note for staff only (Ctrl+Enter)</source>
        <translation>Notiz nur für Mitarbeitende hinzufügen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Send the message to the code user (Ctrl+Enter)</source>
        <translation>Nachricht an den Codenutzer senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Messenger (%1)</source>
        <translation>&amp;Messenger (%1)</translation>
    </message>
    <message>
        <source>Internal &amp;notes (%1)</source>
        <translation>Interne &amp;Notizen (%1)</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Save %1 as…</source>
        <translation>%1 speichern unter…</translation>
    </message>
    <message>
        <source>Internal ticket: the code user sees messages only once it is public again. (Ctrl+Enter sends)</source>
        <translation>Internes Ticket: Der Codenutzer sieht Nachrichten erst, wenn es wieder öffentlich ist. (Strg+Eingabe sendet)</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <source>Ticket Backoffice</source>
        <translation>Ticket Backoffice</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a ticket</source>
        <translation>Wählen Sie ein Ticket aus</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Make ticket %1 internal?

The device&apos;s code users will no longer see it or its conversation.</source>
        <translation>Ticket %1 intern machen?

Die Codenutzer des Geräts sehen dann weder das Ticket noch seine Unterhaltung.</translation>
    </message>
    <message>
        <source>Make ticket %1 public?

The device&apos;s code users will see it and its messages. Internal notes stay hidden.</source>
        <translation>Ticket %1 öffentlich machen?

Die Codenutzer des Geräts sehen dann das Ticket und seine Nachrichten. Interne Notizen bleiben verborgen.</translation>
    </message>
    <message>
        <source>Change Visibility</source>
        <translation>Sichtbarkeit ändern</translation>
    </message>
    <message>
        <source>Someone else changed this ticket meanwhile. Your change (%1) was not saved.</source>
        <translation>Jemand anderes hat dieses Ticket inzwischen geändert. Ihre Änderung (%1) wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>title: “%1”</source>
        <translation>Titel: „%1“</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>priority: %1</source>
        <translation>Priorität: %1</translation>
    </message>
    <message>
        <source>assignee: nobody</source>
        <translation>Bearbeiter: niemand</translation>
    </message>
    <message>
        <source>assignee: %1</source>
        <translation>Bearbeiter: %1</translation>
    </message>
    <message>
        <source>visibility: %1</source>
        <translation>Sichtbarkeit: %1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Could not create a temporary folder for %1.</source>
        <translation>Für %1 konnte kein temporärer Ordner angelegt werden.</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1. The server cannot be reached now; your change is kept and sent when it is back.</source>
        <translation>Noch nicht gesendet: %1. Der Server ist gerade nicht erreichbar; Ihre Änderung bleibt erhalten und wird gesendet, sobald er wieder da ist.</translation>
    </message>
</context>
<context>
    <name>FleetAdminDialog</name>
    <message>
        <source>Fleets and absences</source>
        <translation>Flotten und Abwesenheiten</translation>
    </message>
    <message>
        <source>Only administrators can change fleets and absences.</source>
        <translation>Nur Administratoren können Flotten und Abwesenheiten ändern.</translation>
    </message>
    <message>
        <source>&amp;Fleets</source>
        <translation>&amp;Flotten</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>&amp;Strategie:</translation>
    </message>
    <message>
        <source>&amp;Members, in turn order</source>
        <translation>&amp;Mitglieder, in Reihenfolge</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Geht an</translation>
    </message>
    <message>
        <source>&amp;Absences</source>
        <translation>&amp;Abwesenheiten</translation>
    </message>
    <message>
        <source>Absence of the selected member</source>
        <translation>Abwesenheit des gewählten Mitglieds</translation>
    </message>
    <message>
        <source>&amp;Back on:</source>
        <translation>&amp;Zurück am:</translation>
    </message>
    <message>
        <source>Until further &amp;notice</source>
        <translation>Bis auf &amp;Weiteres</translation>
    </message>
    <message>
        <source>&amp;Mark absent</source>
        <translation>Als abwesend &amp;eintragen</translation>
    </message>
    <message>
        <source>&amp;Clear absence</source>
        <translation>Abwesenheit &amp;löschen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Absent from</source>
        <translation>Abwesend ab</translation>
    </message>
    <message>
        <source>Back on</source>
        <translation>Zurück am</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Absent: gets no new tickets</source>
        <translation>Abwesend: bekommt keine neuen Tickets</translation>
    </message>
    <message>
        <source>Absence planned</source>
        <translation>Abwesenheit geplant</translation>
    </message>
    <message>
        <source>until further notice</source>
        <translation>bis auf Weiteres</translation>
    </message>
    <message>
        <source>Absence of %1</source>
        <translation>Abwesenheit von %1</translation>
    </message>
    <message>
        <source>The absence was not saved: %1</source>
        <translation>Die Abwesenheit wurde nicht gespeichert: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1
%2 · %n member(s)</source>
        <translation>
            <numerusform>%1
%2 · %n Mitglied</numerusform>
            <numerusform>%1
%2 · %n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>Staff member %1</source>
        <translation>Mitarbeiter %1</translation>
    </message>
    <message>
        <source>All members</source>
        <translation>Alle Mitglieder</translation>
    </message>
    <message>
        <source>The fleet was not changed: %1</source>
        <translation>Die Flotte wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>“Back on” must be after “Absent from”.</source>
        <translation>„Zurück am“ muss nach „Abwesend ab“ liegen.</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inaktiv)</translation>
    </message>
    <message>
        <source>%1 (absent until %2)</source>
        <translation>%1 (abwesend bis %2)</translation>
    </message>
    <message>
        <source>%1 (absent)</source>
        <translation>%1 (abwesend)</translation>
    </message>
    <message>
        <source>Skipped: gets no new tickets until back.</source>
        <translation>Wird übersprungen: bekommt bis zur Rückkehr keine neuen Tickets.</translation>
    </message>
    <message>
        <source>Absen&amp;t from:</source>
        <translation>Abwesend a&amp;b:</translation>
    </message>
    <message>
        <source>Category &amp;rules</source>
        <translation>&amp;Regeln je Kategorie</translation>
    </message>
    <message>
        <source>Tickets of a category go only to the members ticked under it. A category with nobody ticked goes to all members.</source>
        <translation>Tickets einer Kategorie gehen nur an die darunter angehakten Mitglieder. Ist niemand angehakt, gehen sie an alle Mitglieder.</translation>
    </message>
    <message>
        <source>Category and members</source>
        <translation>Kategorie und Mitglieder</translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Extend the selection down / up</source>
        <translation>Auswahl nach unten / oben erweitern</translation>
    </message>
    <message>
        <source>Shift+J, Shift+K, Shift+Down, Shift+Up</source>
        <translation>Umschalt+J, Umschalt+K, Umschalt+Unten, Umschalt+Oben</translation>
    </message>
    <message>
        <source>Add or remove a ticket from the selection</source>
        <translation>Ein Ticket der Auswahl hinzufügen oder daraus entfernen</translation>
    </message>
    <message>
        <source>Ctrl+click</source>
        <translation>Strg+Klick</translation>
    </message>
    <message>
        <source>Select a range of tickets</source>
        <translation>Einen Bereich von Tickets auswählen</translation>
    </message>
    <message>
        <source>Shift+click</source>
        <translation>Umschalt+Klick</translation>
    </message>
    <message>
        <source>Connected to %1 (its version is not known yet).</source>
        <translation>Verbunden mit %1 (dessen Version ist noch nicht bekannt).</translation>
    </message>
    <message>
        <source>Connected to %1, version %2.</source>
        <translation>Verbunden mit %1, Version %2.</translation>
    </message>
    <message>
        <source>Ticket Backoffice %1
The desktop backoffice for service tickets.</source>
        <translation>Ticket Backoffice %1
Das Desktop-Backoffice für Service-Tickets.</translation>
    </message>
    <message>
        <source>This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version (GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>Dieses Programm ist freie Software: Sie können es unter den Bedingungen der GNU General Public License, wie von der Free Software Foundation veröffentlicht, weitergeben und/oder verändern, entweder gemäß Version 3 der Lizenz oder (nach Ihrer Wahl) jeder späteren Version (GPL-3.0-or-later). Es wird OHNE JEDE GEWÄHRLEISTUNG bereitgestellt.</translation>
    </message>
    <message>
        <source>About Ticket Backoffice</source>
        <translation>Über Ticket Backoffice</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>Apply ma&amp;cro</source>
        <translation>Ma&amp;kro anwenden</translation>
    </message>
    <message>
        <source>Go to view %1</source>
        <translation>Zu Ansicht %1</translation>
    </message>
    <message>
        <source>Shared view</source>
        <translation>Geteilte Ansicht</translation>
    </message>
    <message>
        <source>My view</source>
        <translation>Meine Ansicht</translation>
    </message>
    <message>
        <source>Insert text module %1</source>
        <translation>Textbaustein %1 einfügen</translation>
    </message>
    <message>
        <source>Text module</source>
        <translation>Textbaustein</translation>
    </message>
    <message>
        <source>Open a ticket first: a text module goes into its reply or note.</source>
        <translation>Öffnen Sie zuerst ein Ticket: Ein Textbaustein kommt in dessen Antwort oder Notiz.</translation>
    </message>
</context>
<context>
    <name>ListHeading</name>
    <message>
        <source>created: no day (the range is reversed)</source>
        <translation>erstellt: kein Tag (der Zeitraum ist verkehrt herum)</translation>
    </message>
    <message>
        <source>created today</source>
        <translation>heute erstellt</translation>
    </message>
    <message numerus="yes">
        <source>created in the last %n day(s)</source>
        <translation>
            <numerusform>in den letzten %n Tag erstellt</numerusform>
            <numerusform>in den letzten %n Tagen erstellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>created %n or more day(s) ago</source>
        <translation>
            <numerusform>vor %n oder mehr Tagen erstellt</numerusform>
            <numerusform>vor %n oder mehr Tagen erstellt</numerusform>
        </translation>
    </message>
    <message>
        <source>created yesterday</source>
        <translation>gestern erstellt</translation>
    </message>
    <message numerus="yes">
        <source>created %n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag erstellt</numerusform>
            <numerusform>vor %n Tagen erstellt</numerusform>
        </translation>
    </message>
    <message>
        <source>created %1 to %2 days ago</source>
        <comment>from the older day to the newer</comment>
        <translation>vor %1 bis %2 Tagen erstellt</translation>
    </message>
    <message>
        <source>created %1 – %2</source>
        <translation>erstellt %1 – %2</translation>
    </message>
    <message>
        <source>created from %1</source>
        <translation>erstellt ab %1</translation>
    </message>
    <message>
        <source>created until %1</source>
        <translation>erstellt bis %1</translation>
    </message>
    <message>
        <source>without “%1”</source>
        <comment>excluded search words</comment>
        <translation>ohne „%1“</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>a search text in quotes</comment>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>%1+ tickets</source>
        <translation>%1+ Tickets</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n Ticket</numerusform>
            <numerusform>%n Tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no tickets.</source>
        <translation>%1: keine Tickets.</translation>
    </message>
    <message>
        <source>No ticket matches “%1”.</source>
        <translation>Kein Ticket passt zu „%1“.</translation>
    </message>
    <message>
        <source>%1: no ticket matches “%2”.</source>
        <translation>%1: kein Ticket passt zu „%2“.</translation>
    </message>
    <message>
        <source>%1: no ticket matches “%2”. %3 is open beside the list.</source>
        <translation>%1: kein Ticket passt zu „%2“. %3 ist neben der Liste geöffnet.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in to the ticket server with your staff account.</source>
        <translation>Melden Sie sich mit Ihrem Mitarbeiterkonto am Ticketserver an.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Remember me</source>
        <translation>Angemeldet b&amp;leiben</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain and sign in automatically next time</source>
        <translation>Das Passwort im Schlüsselbund des Systems speichern und beim nächsten Mal automatisch anmelden</translation>
    </message>
    <message>
        <source>No keychain is available on this system: you will have to sign in again next time.</source>
        <translation>Auf diesem System ist kein Schlüsselbund verfügbar: Sie müssen sich beim nächsten Mal erneut anmelden.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>https://tickets.example.com</source>
        <translation>https://tickets.example.com</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ticket Backoffice</source>
        <translation>Ticket Backoffice</translation>
    </message>
    <message>
        <source>Search tickets (Ctrl+F)</source>
        <translation>Tickets durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>&amp;Warteschlangen</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorität</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>&amp;Assignee</source>
        <translation>B&amp;earbeiter</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>Kate&amp;gorie</translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation>Ger&amp;ät</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>&amp;Kunde</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>&amp;Ticket</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>Spa&amp;lten</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>&amp;Next ticket</source>
        <translation>&amp;Nächstes Ticket</translation>
    </message>
    <message>
        <source>J</source>
        <translation>J</translation>
    </message>
    <message>
        <source>&amp;Previous ticket</source>
        <translation>&amp;Vorheriges Ticket</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>&amp;Messenger</source>
        <translation>&amp;Messenger</translation>
    </message>
    <message>
        <source>Alt+1</source>
        <translation>Alt+1</translation>
    </message>
    <message>
        <source>Alt+2</source>
        <translation>Alt+2</translation>
    </message>
    <message>
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <source>&amp;About Ticket Backoffice</source>
        <translation>Ü&amp;ber Ticket Backoffice</translation>
    </message>
    <message>
        <source>Rating &amp;statistics…</source>
        <translation>Bewertungs&amp;statistik…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Fleets and absences…</source>
        <translation>&amp;Flotten und Abwesenheiten…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Could not refresh: the server is unreachable. What you see is kept as it was.</source>
        <translation>Aktualisieren nicht möglich: Der Server ist nicht erreichbar. Die Anzeige bleibt, wie sie war.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter aufheben</translation>
    </message>
    <message>
        <source>Show the queue without the ticked statuses and priorities, the other filters and the search</source>
        <translation>Die Liste ohne die angehakten Status und Prioritäten, die übrigen Filter und die Suche zeigen</translation>
    </message>
    <message>
        <source>Search all tickets</source>
        <translation>In allen Tickets suchen</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>Visibilit&amp;y</source>
        <translation>Si&amp;chtbarkeit</translation>
    </message>
    <message>
        <source>&amp;Assign to me</source>
        <translation>Mir &amp;zuweisen</translation>
    </message>
    <message>
        <source>Interna&amp;l notes</source>
        <translation>&amp;Interne Notizen</translation>
    </message>
    <message>
        <source>Hist&amp;ory</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <source>&amp;My views</source>
        <translation>&amp;Meine Ansichten</translation>
    </message>
    <message>
        <source>Shared vie&amp;ws</source>
        <translation>Gete&amp;ilte Ansichten</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>Ansicht speichern…</translation>
    </message>
    <message>
        <source>Save the current filters and sort as a view</source>
        <translation>Die aktuellen Filter und die Sortierung als Ansicht speichern</translation>
    </message>
    <message>
        <source>Save &amp;view…</source>
        <translation>Ans&amp;icht speichern…</translation>
    </message>
    <message>
        <source>Service l&amp;evels…</source>
        <translation>Reaktions&amp;zeiten…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>MessageController</name>
    <message>
        <source>Restart local server</source>
        <translation>Lokalen Server neu starten</translation>
    </message>
    <message>
        <source>The local server runs again.</source>
        <translation>Der lokale Server läuft wieder.</translation>
    </message>
    <message>
        <source>A message was not accepted by the server: %1</source>
        <translation>Eine Nachricht wurde vom Server nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Someone else changed a ticket that you edited while offline. Open it to re-apply or drop your change.</source>
        <translation>Jemand anderes hat ein Ticket geändert, das Sie ohne Verbindung bearbeitet haben. Öffnen Sie es, um Ihre Änderung erneut anzuwenden oder zu verwerfen.</translation>
    </message>
    <message>
        <source>A change made while offline was not accepted by the server: %1</source>
        <translation>Eine ohne Verbindung gemachte Änderung wurde vom Server nicht angenommen: %1</translation>
    </message>
</context>
<context>
    <name>NotificationController</name>
    <message>
        <source>&amp;Notifications…</source>
        <translation>&amp;Benachrichtigungen…</translation>
    </message>
    <message numerus="yes">
        <source>Ticket Backoffice: %n ticket(s) for you</source>
        <translation>
            <numerusform>Ticket Backoffice: %n Ticket für Sie</numerusform>
            <numerusform>Ticket Backoffice: %n Tickets für Sie</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationSettingsDialog</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Show a desktop notification when:</source>
        <translation>Eine Desktop-Benachrichtigung zeigen, wenn:</translation>
    </message>
    <message>
        <source>a &amp;new ticket in one of my fleets has nobody yet</source>
        <translation>ein &amp;neues Ticket in einer meiner Flotten noch niemandem zugewiesen ist</translation>
    </message>
    <message>
        <source>a ticket is &amp;assigned to me</source>
        <translation>mir ein Ticket &amp;zugewiesen wird</translation>
    </message>
    <message>
        <source>a code user &amp;writes on my ticket</source>
        <translation>ein Codenutzer auf meinem Ticket &amp;schreibt</translation>
    </message>
    <message>
        <source>a note names me with @&amp;login</source>
        <translation>eine Notiz mich mit @&amp;Login nennt</translation>
    </message>
    <message>
        <source>Nothing is shown for your own changes, for the ticket open in front of you or while you are marked absent. Several at once are summarised, at most one of a kind every 10 seconds.</source>
        <translation>Nichts wird gezeigt für Ihre eigenen Änderungen, für das Ticket, das Sie gerade offen vor sich haben, oder solange Sie als abwesend eingetragen sind. Mehrere auf einmal werden zusammengefasst, höchstens eine derselben Art alle 10 Sekunden.</translation>
    </message>
    <message>
        <source>a response &amp;clock on my ticket will breach within 15 minutes</source>
        <translation>die &amp;Frist eines meiner Tickets in höchstens 15 Minuten überschritten wird</translation>
    </message>
</context>
<context>
    <name>PaletteController</name>
    <message>
        <source>Command &amp;palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>There is no ticket %1.</source>
        <translation>Es gibt kein Ticket %1.</translation>
    </message>
</context>
<context>
    <name>PaletteWidget</name>
    <message>
        <source>Type a command, a view or a ticket number…</source>
        <translation>Befehl, Ansicht oder Ticketnummer eingeben…</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Keine Treffer.</translation>
    </message>
</context>
<context>
    <name>PostDelegate</name>
    <message>
        <source>Staff only</source>
        <translation>Nur für Mitarbeitende</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
</context>
<context>
    <name>SaveViewDialog</name>
    <message>
        <source>Save view</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Shared with all staff</source>
        <translation>Für alle Mitarbeitenden &amp;freigeben</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>Ansicht umbenennen</translation>
    </message>
    <message>
        <source>A view of this name exists already. Choose another name.</source>
        <translation>Eine Ansicht dieses Namens gibt es schon. Bitte einen anderen Namen wählen.</translation>
    </message>
    <message>
        <source>The view was not saved: %1</source>
        <translation>Die Ansicht wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>SearchBoxController</name>
    <message>
        <source>Words and terms such as priority:high status:new,open assignee:me fleet:… device:&quot;…&quot; flow:… created:&gt;7d -word &quot;exact phrase&quot;</source>
        <translation>Wörter und Angaben wie priority:high status:new,open assignee:me fleet:… device:&quot;…&quot; flow:… created:&gt;7d -wort &quot;genaue Wortfolge&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no field. Fields: %2. Put a word with a colon in quotes to search for it.</source>
        <translation>„%1“ ist kein Feld. Felder: %2. Ein Wort mit Doppelpunkt in Anführungszeichen setzen, um danach zu suchen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; lacks a value.</source>
        <translation>„%1“ fehlt ein Wert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: there is no such value or name.</source>
        <translation>„%1“: Diesen Wert oder Namen gibt es nicht.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names more than one; choose one from the suggestions.</source>
        <translation>„%1“ passt auf mehrere; bitte einen aus den Vorschlägen wählen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no date. Examples: created:&gt;7d, created:2026-11-01..2026-11-30.</source>
        <translation>„%1“ ist kein Datum. Beispiele: created:&gt;7d, created:2026-11-01..2026-11-30.</translation>
    </message>
    <message>
        <source>The quote in &quot;%1&quot; is not closed.</source>
        <translation>Das Anführungszeichen in „%1“ wird nicht geschlossen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: field terms cannot be excluded with &quot;-&quot;.</source>
        <translation>„%1“: Feldangaben lassen sich nicht mit „-“ ausschließen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: this field may be given only once.</source>
        <translation>„%1“: Dieses Feld darf nur einmal vorkommen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too long, has too many values or characters that cannot be searched.</source>
        <translation>„%1“ ist zu lang, hat zu viele Werte oder Zeichen, nach denen nicht gesucht werden kann.</translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation>Nicht gesucht: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the range is reversed today, its first day comes after its last.</source>
        <translation>„%1“: Der Zeitraum ist heute verkehrt herum, sein erster Tag liegt nach seinem letzten.</translation>
    </message>
    <message>
        <source>Searched, but: %1</source>
        <translation>Gesucht, aber: %1</translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message numerus="yes">
        <source>%n ticket(s) selected</source>
        <translation>
            <numerusform>%n Ticket ausgewählt</numerusform>
            <numerusform>%n Tickets ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Select all %1 tickets matching this view</source>
        <translation>Alle %1 Tickets dieser Ansicht auswählen</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message>
        <source>Clear the selection (Esc)</source>
        <translation>Die Auswahl aufheben (Esc)</translation>
    </message>
</context>
<context>
    <name>ServiceLevelsDialog</name>
    <message>
        <source>Service levels</source>
        <translation>Reaktionszeiten</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>Zielzei&amp;ten</translation>
    </message>
    <message>
        <source>&amp;Business hours</source>
        <translation>&amp;Geschäftszeiten</translation>
    </message>
    <message>
        <source>Could not load the service levels: %1</source>
        <translation>Die Reaktionszeiten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The targets are saved. The due times of open tickets follow them.</source>
        <translation>Die Zielzeiten sind gespeichert. Die Fälligkeiten offener Tickets folgen ihnen.</translation>
    </message>
    <message>
        <source>The targets were not saved: %1</source>
        <translation>Die Zielzeiten wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The business hours are saved. The due times of the fleet&apos;s open tickets follow them.</source>
        <translation>Die Geschäftszeiten sind gespeichert. Die Fälligkeiten der offenen Tickets der Flotte folgen ihnen.</translation>
    </message>
    <message>
        <source>The business hours were not saved: %1</source>
        <translation>Die Geschäftszeiten wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Time until the first staff reply and until the ticket is resolved, per priority. Clocks count the business hours of the ticket&apos;s fleet and stop while a ticket waits. A day is 9 business hours. Leave a field empty for no target.</source>
        <translation>Zeit bis zur ersten Antwort des Teams und bis zur Lösung, je Priorität. Gezählt werden die Geschäftszeiten der Flotte des Tickets; während ein Ticket wartet, steht die Uhr. Ein Tag sind 9 Geschäftsstunden. Ein leeres Feld heißt: kein Ziel.</translation>
    </message>
    <message>
        <source>First reply</source>
        <translation>Erste Antwort</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>&amp;Save targets</source>
        <translation>Zielzeiten &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Fleet:</source>
        <translation>&amp;Flotte:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Monday:</source>
        <translation>Montag:</translation>
    </message>
    <message>
        <source>Tuesday:</source>
        <translation>Dienstag:</translation>
    </message>
    <message>
        <source>Wednesday:</source>
        <translation>Mittwoch:</translation>
    </message>
    <message>
        <source>Thursday:</source>
        <translation>Donnerstag:</translation>
    </message>
    <message>
        <source>Friday:</source>
        <translation>Freitag:</translation>
    </message>
    <message>
        <source>Saturday:</source>
        <translation>Samstag:</translation>
    </message>
    <message>
        <source>Sunday:</source>
        <translation>Sonntag:</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>Opening hours, e.g. 08:00–12:00, 13:00–17:00; empty: closed</source>
        <translation>Öffnungszeiten, z. B. 08:00–12:00, 13:00–17:00; leer: geschlossen</translation>
    </message>
    <message>
        <source>One date a line, e.g. 2026-12-24</source>
        <translation>Ein Datum je Zeile, z. B. 2026-12-24</translation>
    </message>
    <message>
        <source>&amp;Holidays:</source>
        <translation>F&amp;eiertage:</translation>
    </message>
    <message>
        <source>&amp;Save business hours</source>
        <translation>Geschäftszeiten &amp;speichern</translation>
    </message>
    <message>
        <source>“%1” is not a number. Enter hours or days, or leave the field empty for no target.</source>
        <translation>„%1“ ist keine Zahl. Geben Sie Stunden oder Tage ein oder lassen Sie das Feld leer (kein Ziel).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>place: error</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between shortcuts</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>SidebarController</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Ich</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Rating statistics</source>
        <translation>Bewertungsstatistik</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>Erster Tag des Zeitraums</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Letzter Tag des Zeitraums</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Load the statistics again (F5)</source>
        <translation>Die Statistik neu laden (F5)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>F&amp;leet:</source>
        <translation>F&amp;lotte:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>&amp;Staff member:</source>
        <translation>&amp;Mitarbeiter:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>K&amp;unde:</translation>
    </message>
    <message>
        <source>No ratings in this period</source>
        <translation>Keine Bewertungen in diesem Zeitraum</translation>
    </message>
    <message>
        <source>&amp;Breakdown by:</source>
        <translation>&amp;Gliedern nach:</translation>
    </message>
    <message>
        <source>S&amp;ort by:</source>
        <translation>&amp;Sortieren nach:</translation>
    </message>
    <message>
        <source>Average stars</source>
        <translation>Sterne im Schnitt</translation>
    </message>
    <message>
        <source>Number of ratings</source>
        <translation>Anzahl der Bewertungen</translation>
    </message>
    <message>
        <source>Satisfied share</source>
        <translation>Anteil zufrieden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Figures and breakdowns as &amp;CSV…</source>
        <translation>Kennzahlen und Aufschlüsselung als &amp;CSV…</translation>
    </message>
    <message>
        <source>Export rating statistics</source>
        <translation>Bewertungsstatistik exportieren</translation>
    </message>
    <message>
        <source>ratings</source>
        <translation>bewertungen</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Star chart</source>
        <translation>Sternediagramm</translation>
    </message>
    <message>
        <source>Trend chart</source>
        <translation>Verlaufsdiagramm</translation>
    </message>
    <message>
        <source>Breakdown chart</source>
        <translation>Aufschlüsselungsdiagramm</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>%1 speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <source>Print to P&amp;DF…</source>
        <translation>Als P&amp;DF drucken…</translation>
    </message>
    <message>
        <source>Print rating statistics to PDF</source>
        <translation>Bewertungsstatistik als PDF drucken</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>There are no statistics to export yet.</source>
        <translation>Es gibt noch keine Statistik zum Exportieren.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>There are no statistics to print yet.</source>
        <translation>Es gibt noch keine Statistik zum Drucken.</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Zufrieden</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>Rücklaufquote</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Low ratings (1 or 2 stars): %1</source>
        <translation>Schlechte Bewertungen (1 oder 2 Sterne): %1</translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>(kein Kommentar)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The mean of all ratings in the period (1 to 5 stars)</source>
        <translation>Der Mittelwert aller Bewertungen im Zeitraum (1 bis 5 Sterne)</translation>
    </message>
    <message>
        <source>The share of ratings with 4 or 5 stars</source>
        <translation>Der Anteil der Bewertungen mit 4 oder 5 Sternen</translation>
    </message>
    <message>
        <source>The share of tickets resolved or closed in the period that were rated</source>
        <translation>Der Anteil der im Zeitraum gelösten oder geschlossenen Tickets, die bewertet wurden</translation>
    </message>
    <message>
        <source>The number of ratings given in the period</source>
        <translation>Die Zahl der im Zeitraum abgegebenen Bewertungen</translation>
    </message>
    <message>
        <source>All fleets</source>
        <translation>Alle Flotten</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>Alle Mitarbeiter</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>Alle Vorlagen</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <extracomment>A day of the period shown (QLocale date format)</extracomment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Stand: %1</translation>
    </message>
    <message>
        <source>Low ratings (1 or 2 stars): %1 — double-click one to open its ticket</source>
        <translation>Schlechte Bewertungen (1 oder 2 Sterne): %1 — ein Doppelklick öffnet das Ticket</translation>
    </message>
    <message numerus="yes">
        <source>The previous period had %n rating(s).</source>
        <translation>
            <numerusform>Der vorige Zeitraum hatte %n Bewertung.</numerusform>
            <numerusform>Der vorige Zeitraum hatte %n Bewertungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ratings appear here once code users rate their resolved tickets.</source>
        <translation>Bewertungen erscheinen hier, sobald Codenutzer ihre gelösten Tickets bewerten.</translation>
    </message>
    <message>
        <source>Try a longer period or fewer filters.</source>
        <translation>Versuchen Sie einen längeren Zeitraum oder weniger Filter.</translation>
    </message>
    <message>
        <source>Try a longer period.</source>
        <translation>Versuchen Sie einen längeren Zeitraum.</translation>
    </message>
    <message>
        <source>The statistics could not be loaded: %1</source>
        <translation>Die Statistik konnte nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) resolved or closed in the period</source>
        <translation>
            <numerusform>%n Ticket im Zeitraum gelöst oder geschlossen</numerusform>
            <numerusform>%n Tickets im Zeitraum gelöst oder geschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>No ratings in the previous period</source>
        <translation>Keine Bewertungen im vorigen Zeitraum</translation>
    </message>
    <message>
        <source>Previous period: %1</source>
        <translation>Voriger Zeitraum: %1</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <extracomment>Percentage points</extracomment>
        <translation>%1 Pp.</translation>
    </message>
    <message>
        <source>→ unchanged (previous period: %1)</source>
        <translation>→ unverändert (voriger Zeitraum: %1)</translation>
    </message>
    <message>
        <source>%1 %2 (previous period: %3)</source>
        <translation>%1 %2 (voriger Zeitraum: %3)</translation>
    </message>
    <message>
        <source>Compared with the previous period, %1</source>
        <translation>Verglichen mit dem vorigen Zeitraum, %1</translation>
    </message>
    <message>
        <source>Breakdown: %1</source>
        <translation>Aufschlüsselung: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new rating(s): press F5 to take them in</source>
        <translation>
            <numerusform>%n neue Bewertung: mit F5 übernehmen</numerusform>
            <numerusform>%n neue Bewertungen: mit F5 übernehmen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 as PNG…</source>
        <translation>%1 als PNG…</translation>
    </message>
    <message>
        <source>First reply in time</source>
        <translation>Erste Antwort rechtzeitig</translation>
    </message>
    <message>
        <source>The share of first replies in the period that came by their due time (tickets with a first-reply target)</source>
        <translation>Der Anteil der ersten Antworten im Zeitraum, die bis zu ihrer Frist kamen (Tickets mit einem Ziel für die erste Antwort)</translation>
    </message>
    <message>
        <source>Resolved in time</source>
        <translation>Rechtzeitig gelöst</translation>
    </message>
    <message>
        <source>The share of tickets resolved or closed in the period by their due time (tickets with a resolution target)</source>
        <translation>Der Anteil der im Zeitraum gelösten oder geschlossenen Tickets, die bis zu ihrer Frist gelöst wurden (Tickets mit einem Ziel für die Lösung)</translation>
    </message>
    <message numerus="yes">
        <source>%n first reply(s) with a target in the period</source>
        <translation>
            <numerusform>%n erste Antwort mit Ziel im Zeitraum</numerusform>
            <numerusform>%n erste Antworten mit Ziel im Zeitraum</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) with a target resolved or closed in the period</source>
        <translation>
            <numerusform>%n Ticket mit Ziel im Zeitraum gelöst oder geschlossen</numerusform>
            <numerusform>%n Tickets mit Ziel im Zeitraum gelöst oder geschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>No tickets with a target in the previous period</source>
        <translation>Keine Tickets mit Ziel im vorigen Zeitraum</translation>
    </message>
</context>
<context>
    <name>StatusFlowWidget</name>
    <message>
        <source>Ticket status</source>
        <translation>Ticketstatus</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>Current status: %1</source>
        <translation>Aktueller Status: %1</translation>
    </message>
    <message>
        <source>Set status to %1</source>
        <translation>Status auf %1 setzen</translation>
    </message>
    <message>
        <source>Not possible from %1</source>
        <translation>Von %1 aus nicht möglich</translation>
    </message>
    <message>
        <source>Current status: %1.</source>
        <translation>Aktueller Status: %1.</translation>
    </message>
    <message>
        <source>Selected: %1, press Space to set it.</source>
        <translation>Ausgewählt: %1, mit der Leertaste setzen.</translation>
    </message>
    <message>
        <source>Selected: %1, not possible.</source>
        <translation>Ausgewählt: %1, nicht möglich.</translation>
    </message>
    <message>
        <source>Use Left and Right to choose a status, Space to set it.</source>
        <translation>Mit den Pfeiltasten nach links und rechts einen Status wählen, mit der Leertaste setzen.</translation>
    </message>
</context>
<context>
    <name>TableActions</name>
    <message>
        <source>Priority &amp;low</source>
        <translation>Priorität &amp;niedrig</translation>
    </message>
    <message>
        <source>Priority &amp;normal</source>
        <translation>Priorität n&amp;ormal</translation>
    </message>
    <message>
        <source>Priority &amp;high</source>
        <translation>Priorität &amp;hoch</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Zuweisen an…</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>&amp;Mir zuweisen</translation>
    </message>
    <message>
        <source>&amp;Status…</source>
        <translation>&amp;Status…</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Antworten</translation>
    </message>
    <message>
        <source>Internal no&amp;te</source>
        <translation>Interne No&amp;tiz</translation>
    </message>
    <message>
        <source>R&amp;esolve</source>
        <translation>&amp;Erledigen</translation>
    </message>
    <message>
        <source>Select or deselect the current ticket</source>
        <translation>Das aktuelle Ticket aus- oder abwählen</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>Die Auswahl aufheben</translation>
    </message>
    <message>
        <source>Select all loaded tickets</source>
        <translation>Alle geladenen Tickets auswählen</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Notiz…</translation>
    </message>
    <message>
        <source>An internal note for each selected ticket</source>
        <translation>Eine interne Notiz für jedes ausgewählte Ticket</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Zuweisen…</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>The last change to many tickets is still on its way.</source>
        <translation>Die letzte Änderung vieler Tickets ist noch unterwegs.</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Zuweisen an…</translation>
    </message>
    <message>
        <source>Nobody (unassign)</source>
        <translation>Niemandem (Zuweisung aufheben)</translation>
    </message>
    <message>
        <source>Status…</source>
        <translation>Status…</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message numerus="yes">
        <source>An internal note for each of the %n selected ticket(s):</source>
        <translation>
            <numerusform>Eine interne Notiz für das ausgewählte Ticket:</numerusform>
            <numerusform>Eine interne Notiz für jedes der %n ausgewählten Tickets:</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the tickets to apply the macro to.</source>
        <translation>Wählen Sie die Tickets, auf die das Makro angewendet werden soll.</translation>
    </message>
</context>
<context>
    <name>TextModulePicker</name>
    <message>
        <source>No text module matches.</source>
        <translation>Kein Textbaustein passt.</translation>
    </message>
    <message>
        <source>↑↓ choose · Enter inserts · Esc closes</source>
        <translation>↑↓ wählen · Eingabe fügt ein · Esc schließt</translation>
    </message>
    <message>
        <source>Preview with this ticket&apos;s values</source>
        <translation>Vorschau mit den Werten dieses Tickets</translation>
    </message>
</context>
<context>
    <name>TicketChanges</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Reapply</source>
        <translation>Erneut anwenden</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) not changed: </source>
        <translation>
            <numerusform>%n Ticket nicht geändert: </numerusform>
            <numerusform>%n Tickets nicht geändert: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed %n ticket(s) — Undo (%1)</source>
        <translation>
            <numerusform>%n Ticket geändert — Rückgängig (%1)</numerusform>
            <numerusform>%n Tickets geändert — Rückgängig (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed %n ticket(s).</source>
        <translation>
            <numerusform>%n Ticket geändert.</numerusform>
            <numerusform>%n Tickets geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n ticket(s) have their previous values again.</source>
        <translation>
            <numerusform>Rückgängig gemacht: %n Ticket hat wieder seine vorherigen Werte.</numerusform>
            <numerusform>Rückgängig gemacht: %n Tickets haben wieder ihre vorherigen Werte.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed — Undo (%2)</source>
        <translation>%1 geändert — Rückgängig (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n ticket(s) have their previous values again; the notes and messages added stay.</source>
        <translation>
            <numerusform>Rückgängig gemacht: %n Ticket hat wieder seine vorherigen Werte; die hinzugefügten Notizen und Nachrichten bleiben.</numerusform>
            <numerusform>Rückgängig gemacht: %n Tickets haben wieder ihre vorherigen Werte; die hinzugefügten Notizen und Nachrichten bleiben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed %n ticket(s) — Undo (%1) keeps the notes and messages added</source>
        <translation>
            <numerusform>%n Ticket geändert — Rückgängig (%1) behält die hinzugefügten Notizen und Nachrichten</numerusform>
            <numerusform>%n Tickets geändert — Rückgängig (%1) behält die hinzugefügten Notizen und Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketHeaderWidget</name>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Your change is being sent to the server</source>
        <translation>Ihre Änderung wird an den Server gesendet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>Pri&amp;orität:</translation>
    </message>
    <message>
        <source>Assi&amp;gnee:</source>
        <translation>Bearbe&amp;iter:</translation>
    </message>
    <message>
        <source>Type to search staff members</source>
        <translation>Tippen Sie, um Mitarbeitende zu suchen</translation>
    </message>
    <message>
        <source>Ass&amp;ign to me</source>
        <translation>Mir &amp;zuweisen</translation>
    </message>
    <message>
        <source>Visi&amp;bility:</source>
        <translation>Sichtba&amp;rkeit:</translation>
    </message>
    <message>
        <source>Type a name</source>
        <translation>Namen eingeben</translation>
    </message>
    <message>
        <source>Staff only: the device&apos;s code users do not see this ticket</source>
        <translation>Nur für Mitarbeitende: Die Codenutzer des Geräts sehen dieses Ticket nicht</translation>
    </message>
    <message>
        <source>The device&apos;s code users see this ticket</source>
        <translation>Die Codenutzer des Geräts sehen dieses Ticket</translation>
    </message>
    <message>
        <source>Make public…</source>
        <translation>Öffentlich machen…</translation>
    </message>
    <message>
        <source>Make internal…</source>
        <translation>Intern machen…</translation>
    </message>
    <message>
        <source>Not assigned yet</source>
        <translation>Noch nicht zugewiesen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>assignment info, time</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Fällig:</translation>
    </message>
</context>
<context>
    <name>TicketInfoWidget</name>
    <message>
        <source>Device and customer</source>
        <translation>Gerät und Kunde</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Serial:</source>
        <translation>Seriennr.:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Standort:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Fleet:</source>
        <translation>Flotte:</translation>
    </message>
    <message>
        <source>All tickets of this device</source>
        <translation>Alle Tickets dieses Geräts</translation>
    </message>
    <message>
        <source>Show only the tickets of this device in the list</source>
        <translation>Nur die Tickets dieses Geräts in der Liste zeigen</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <source>Customer no.:</source>
        <translation>Kundennr.:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Kontakt:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>All tickets of this customer</source>
        <translation>Alle Tickets dieses Kunden</translation>
    </message>
    <message>
        <source>Show only the tickets of this customer in the list</source>
        <translation>Nur die Tickets dieses Kunden in der Liste zeigen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>form field caption</comment>
        <translation>%1:</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>Kein Kunde</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Keine Beschreibung.</translation>
    </message>
    <message>
        <source>Form: %1</source>
        <translation>Formular: %1</translation>
    </message>
    <message>
        <source>%1  %2 of 5</source>
        <translation>%1  %2 von 5</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>rating, time</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>TicketWindow</name>
    <message>
        <source>Ticket – Ticket Backoffice</source>
        <translation>Ticket – Ticket Backoffice</translation>
    </message>
    <message>
        <source>%1 – %2 – Ticket Backoffice</source>
        <translation>%1 – %2 – Ticket Backoffice</translation>
    </message>
</context>
<context>
    <name>TicketWindows</name>
    <message>
        <source>Open in &amp;window</source>
        <translation>In eigenem &amp;Fenster öffnen</translation>
    </message>
</context>
<context>
    <name>ToolWindowsController</name>
    <message>
        <source>Fleets are still loading. Try again in a moment.</source>
        <translation>Die Flotten werden noch geladen. Bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Only administrators change the service levels.</source>
        <translation>Nur Administratoren ändern die Reaktionszeiten.</translation>
    </message>
</context>
<context>
    <name>UnreadActions</name>
    <message>
        <source>Could not change the unread mark: %1</source>
        <translation>Die Ungelesen-Markierung ließ sich nicht ändern: %1</translation>
    </message>
    <message>
        <source>Next &amp;unread</source>
        <translation>Nächstes &amp;ungelesenes Ticket</translation>
    </message>
    <message>
        <source>Go to the next unread ticket of the list</source>
        <translation>Zum nächsten ungelesenen Ticket der Liste</translation>
    </message>
    <message>
        <source>Mar&amp;k as unread</source>
        <translation>&amp;Als ungelesen markieren</translation>
    </message>
    <message>
        <source>Show the ticket as unread until it is opened again</source>
        <translation>Das Ticket als ungelesen zeigen, bis es wieder geöffnet wird</translation>
    </message>
    <message>
        <source>No unread tickets in this list.</source>
        <translation>Keine ungelesenen Tickets in dieser Liste.</translation>
    </message>
    <message>
        <source>Mark as &amp;read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>At &amp;once when opened</source>
        <translation>&amp;Sofort beim Öffnen</translation>
    </message>
    <message>
        <source>After 1 &amp;second open</source>
        <translation>Nach &amp;1 Sekunde offen</translation>
    </message>
    <message>
        <source>After &amp;3 seconds open</source>
        <translation>Nach &amp;3 Sekunden offen</translation>
    </message>
    <message>
        <source>After 1&amp;0 seconds open</source>
        <translation>Nach 1&amp;0 Sekunden offen</translation>
    </message>
</context>
<context>
    <name>ViewsController</name>
    <message>
        <source>Go to view %1</source>
        <translation>Zu Ansicht %1</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Shared with all staff</source>
        <translation>Für alle Mitarbeitenden &amp;freigeben</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Ansicht löschen</translation>
    </message>
    <message>
        <source>Delete the view &quot;%1&quot;?</source>
        <translation>Die Ansicht „%1“ löschen?</translation>
    </message>
</context>
<context>
    <name>WindowStateController</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The language changes the next time Ticket Backoffice starts.</source>
        <translation>Die Sprache wird beim nächsten Start von Ticket Backoffice umgestellt.</translation>
    </message>
</context>
<context>
    <name>client::ApiClient</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>client::ApiJob</name>
    <message>
        <source>The server answered %1.</source>
        <translation>Der Server hat mit %1 geantwortet.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The server refused the connection: is it running?</source>
        <translation>Der Server hat die Verbindung abgelehnt: Läuft er?</translation>
    </message>
    <message>
        <source>The server&apos;s address was not found.</source>
        <translation>Die Adresse des Servers wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>Der Server hat die Verbindung geschlossen.</translation>
    </message>
</context>
<context>
    <name>client::CredentialStore</name>
    <message>
        <source>The keychain did not answer in time.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>No keychain available</source>
        <translation>Kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert.</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>Fehler im Schlüsselbund: %1</translation>
    </message>
</context>
<context>
    <name>client::LocalServer</name>
    <message>
        <source>The local server did not start within %1 seconds.</source>
        <translation>Der lokale Server ist nicht innerhalb von %1 Sekunden gestartet.</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Der Datenordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>The local server crashed.</source>
        <translation>Der lokale Server ist abgestürzt.</translation>
    </message>
    <message>
        <source>The local server ended (exit code %1).</source>
        <translation>Der lokale Server wurde beendet (Exit-Code %1).</translation>
    </message>
</context>
<context>
    <name>client::ServerError</name>
    <message>
        <source>Something required is missing.</source>
        <translation>Etwas Erforderliches fehlt.</translation>
    </message>
    <message>
        <source>“%1” is required.</source>
        <translation>„%1“ ist erforderlich.</translation>
    </message>
    <message>
        <source>“%1” is too long.</source>
        <translation>„%1“ ist zu lang.</translation>
    </message>
    <message>
        <source>“%1” is too short.</source>
        <translation>„%1“ ist zu kurz.</translation>
    </message>
    <message>
        <source>“%1” has too many entries.</source>
        <translation>„%1“ hat zu viele Einträge.</translation>
    </message>
    <message>
        <source>“%1” is out of range.</source>
        <translation>„%1“ liegt außerhalb des erlaubten Bereichs.</translation>
    </message>
    <message>
        <source>“%1” contains characters that are not allowed.</source>
        <translation>„%1“ enthält nicht erlaubte Zeichen.</translation>
    </message>
    <message>
        <source>The server did not accept what was sent.</source>
        <translation>Der Server hat das Gesendete nicht angenommen.</translation>
    </message>
    <message>
        <source>The server did not accept “%1”.</source>
        <translation>Der Server hat „%1“ nicht angenommen.</translation>
    </message>
    <message>
        <source>The session has ended: sign in again.</source>
        <translation>Die Sitzung ist abgelaufen: bitte erneut anmelden.</translation>
    </message>
    <message>
        <source>Login or password is wrong.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>This device code is not known.</source>
        <translation>Dieser Gerätecode ist nicht bekannt.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dazu fehlt die Berechtigung.</translation>
    </message>
    <message>
        <source>This does not exist (any more), or it is not yours to see.</source>
        <translation>Das gibt es nicht (mehr), oder es ist für Sie nicht sichtbar.</translation>
    </message>
    <message>
        <source>The server does not offer this.</source>
        <translation>Der Server bietet das nicht an.</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime.</source>
        <translation>Jemand anderes hat das inzwischen geändert.</translation>
    </message>
    <message>
        <source>The server needs to know which version was changed: reload and try again.</source>
        <translation>Der Server braucht die geänderte Version: bitte neu laden und noch einmal versuchen.</translation>
    </message>
    <message>
        <source>The ticket cannot go to this status from its current one.</source>
        <translation>Das Ticket kann von seinem jetzigen Status nicht in diesen wechseln.</translation>
    </message>
    <message>
        <source>The ticket is closed.</source>
        <translation>Das Ticket ist geschlossen.</translation>
    </message>
    <message>
        <source>Only a resolved or closed ticket can be rated.</source>
        <translation>Nur ein gelöstes oder geschlossenes Ticket kann bewertet werden.</translation>
    </message>
    <message>
        <source>This ticket has been rated already.</source>
        <translation>Dieses Ticket wurde bereits bewertet.</translation>
    </message>
    <message>
        <source>The server does not take this kind of content.</source>
        <translation>Der Server nimmt diese Art von Inhalt nicht an.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The server could not read the request.</source>
        <translation>Der Server konnte die Anfrage nicht lesen.</translation>
    </message>
    <message>
        <source>The request was sent twice with different contents.</source>
        <translation>Die Anfrage wurde zweimal mit verschiedenem Inhalt gesendet.</translation>
    </message>
    <message>
        <source>Too many attempts: wait a moment and try again.</source>
        <translation>Zu viele Versuche: bitte einen Moment warten und erneut versuchen.</translation>
    </message>
    <message>
        <source>The server could not complete the request. Try again later.</source>
        <translation>Der Server konnte die Anfrage nicht ausführen. Bitte später erneut versuchen.</translation>
    </message>
    <message>
        <source>This is larger than the server accepts (at most %1).</source>
        <translation>Das ist größer, als der Server annimmt (höchstens %1).</translation>
    </message>
    <message>
        <source>This is larger than the server accepts.</source>
        <translation>Das ist größer, als der Server annimmt.</translation>
    </message>
    <message>
        <source>Too many files wait to be sent: send the files already added with a message first.</source>
        <translation>Zu viele Dateien warten auf den Versand: senden Sie die schon angefügten Dateien zuerst mit einer Nachricht.</translation>
    </message>
    <message>
        <source>The server is busy with other sign-ins: try again in a moment.</source>
        <translation>Der Server ist mit anderen Anmeldungen beschäftigt: versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The ticket is internal: its code user cannot read a message. Make it public first.</source>
        <translation>Das Ticket ist intern: Sein Codenutzer kann keine Nachricht lesen. Machen Sie es zuerst öffentlich.</translation>
    </message>
    <message>
        <source>The server cannot take this right now: try again in a moment.</source>
        <translation>Der Server kann das gerade nicht annehmen: Versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The Ticket Backoffice desktop client.</source>
        <translation>Der Desktop-Client von Ticket Backoffice.</translation>
    </message>
    <message>
        <source>Connect to a shared server (e.g. https://tickets.example.com/api/v1) instead of starting the local demo server.</source>
        <translation>Mit einem gemeinsamen Server verbinden (z. B. https://tickets.example.com/api/v1), statt den lokalen Demo-Server zu starten.</translation>
    </message>
    <message>
        <source>Login to suggest.</source>
        <translation>Vorgeschlagener Benutzername.</translation>
    </message>
    <message>
        <source>Folder for settings, drafts, the outbox and the local server&apos;s database.</source>
        <translation>Ordner für Einstellungen, Entwürfe, den Postausgang und die Datenbank des lokalen Servers.</translation>
    </message>
    <message>
        <source>Language: de or en.</source>
        <translation>Sprache: de oder en.</translation>
    </message>
    <message>
        <source>Print the milliseconds from process start to the first rows painted, then quit.</source>
        <translation>Die Millisekunden vom Prozessstart bis zu den ersten gezeichneten Zeilen ausgeben, dann beenden.</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message numerus="yes">
        <source>%1 is typing…</source>
        <translation>
            <numerusform>%1 tippt…</numerusform>
            <numerusform>%1 tippen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is viewing</source>
        <translation>
            <numerusform>%1 hat das Ticket geöffnet</numerusform>
            <numerusform>%1 haben das Ticket geöffnet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
(internal: staff only)</source>
        <translation>%1
(intern: nur für Mitarbeitende)</translation>
    </message>
    <message>
        <source>staff member %1</source>
        <translation>Mitarbeiter %1</translation>
    </message>
    <message>
        <source>Nobody available in fleet %1 (%2): assign it by hand</source>
        <translation>Niemand verfügbar in Flotte %1 (%2): bitte von Hand zuweisen</translation>
    </message>
    <message>
        <source>Nobody available in fleet %1 (%2, rule for %3): assign it by hand</source>
        <translation>Niemand verfügbar in Flotte %1 (%2, Regel für %3): bitte von Hand zuweisen</translation>
    </message>
    <message>
        <source>Automatically: fleet %1, %2</source>
        <translation>Automatisch: Flotte %1, %2</translation>
    </message>
    <message>
        <source>Automatically: fleet %1, %2, rule for %3</source>
        <translation>Automatisch: Flotte %1, %2, Regel für %3</translation>
    </message>
    <message>
        <source>Unassigned by %1</source>
        <translation>Zuweisung aufgehoben von %1</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Reihum</translation>
    </message>
    <message>
        <source>Fewest open tickets</source>
        <translation>Wenigste offene Tickets</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Von Hand</translation>
    </message>
    <message>
        <source>round robin</source>
        <comment>in a sentence</comment>
        <translation>reihum</translation>
    </message>
    <message>
        <source>fewest open tickets</source>
        <comment>in a sentence</comment>
        <translation>wenigste offene Tickets</translation>
    </message>
    <message>
        <source>manual</source>
        <comment>in a sentence</comment>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>Each new ticket goes to the next available member in turn.</source>
        <translation>Jedes neue Ticket geht reihum an das nächste verfügbare Mitglied.</translation>
    </message>
    <message>
        <source>Each new ticket goes to the available member with the fewest open tickets; on a tie, to the one who has waited longest.</source>
        <translation>Jedes neue Ticket geht an das verfügbare Mitglied mit den wenigsten offenen Tickets; bei Gleichstand an das, das am längsten keines bekommen hat.</translation>
    </message>
    <message>
        <source>New tickets are not assigned: they wait in “New and unassigned”.</source>
        <translation>Neue Tickets werden nicht zugewiesen: Sie warten in „Neu und nicht zugewiesen“.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>fleet (strategy)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2, rule for %3)</source>
        <comment>fleet (strategy, flow rule)</comment>
        <translation>%1 (%2, Regel für %3)</translation>
    </message>
</context>
<context>
    <name>models::BreakdownModel</name>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Zufrieden</translation>
    </message>
    <message>
        <source>%1 (n = %2)</source>
        <extracomment>An average or share and the number of ratings it rests on</extracomment>
        <translation>%1 (n = %2)</translation>
    </message>
    <message numerus="yes">
        <source>Only %n rating(s): too few to go by</source>
        <translation>
            <numerusform>Nur %n Bewertung: zu wenige, um sich darauf zu stützen</numerusform>
            <numerusform>Nur %n Bewertungen: zu wenige, um sich darauf zu stützen</numerusform>
        </translation>
    </message>
    <message>
        <source>First reply in time</source>
        <translation>Erste Antwort rechtzeitig</translation>
    </message>
    <message>
        <source>Resolved in time</source>
        <translation>Rechtzeitig gelöst</translation>
    </message>
    <message numerus="yes">
        <source>Of %n first reply(s) with a target</source>
        <translation>
            <numerusform>Von %n ersten Antwort mit Ziel</numerusform>
            <numerusform>Von %n ersten Antworten mit Ziel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Of %n resolved ticket(s) with a target</source>
        <translation>
            <numerusform>Von %n gelösten Ticket mit Ziel</numerusform>
            <numerusform>Von %n gelösten Tickets mit Ziel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::BulkEditor</name>
    <message>
        <source>More than %1 tickets: the server changes at most %1 at once. Narrow the filter and try again.</source>
        <translation>Mehr als %1 Tickets: Der Server ändert höchstens %1 auf einmal. Bitte den Filter einschränken und erneut versuchen.</translation>
    </message>
    <message>
        <source>The server cannot be reached: nothing was changed. Try again when the connection is back.</source>
        <translation>Der Server ist nicht erreichbar: Es wurde nichts geändert. Bitte erneut versuchen, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Someone else changed it in the meantime.</source>
        <translation>Jemand anderes hat es inzwischen geändert.</translation>
    </message>
</context>
<context>
    <name>models::DueCell</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T. %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>verfehlt</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>%1 überfällig</translation>
    </message>
    <message>
        <source>First reply: %1</source>
        <translation>Erste Antwort: %1</translation>
    </message>
    <message>
        <source>First reply due: %1</source>
        <translation>Erste Antwort fällig: %1</translation>
    </message>
    <message>
        <source>Resolution due: %1</source>
        <translation>Lösung fällig: %1</translation>
    </message>
    <message>
        <source>Paused while waiting since %1</source>
        <translation>Pausiert, wartet seit %1</translation>
    </message>
    <message>
        <source>The first reply came too late.</source>
        <translation>Die erste Antwort kam zu spät.</translation>
    </message>
    <message>
        <source>The resolution is overdue.</source>
        <translation>Die Lösung ist überfällig.</translation>
    </message>
    <message>
        <source>No response targets apply.</source>
        <translation>Keine Zielzeiten.</translation>
    </message>
    <message>
        <source>%1 (breached)</source>
        <translation>%1 (verletzt)</translation>
    </message>
    <message>
        <source>%1 (due soon)</source>
        <translation>%1 (bald fällig)</translation>
    </message>
    <message>
        <source>−%1</source>
        <comment>overdue by</comment>
        <translation>−%1</translation>
    </message>
    <message>
        <source>first reply %1</source>
        <translation>erste Antwort %1</translation>
    </message>
    <message>
        <source>first reply due %1</source>
        <translation>erste Antwort fällig %1</translation>
    </message>
    <message>
        <source>resolution due %1</source>
        <translation>Lösung fällig %1</translation>
    </message>
</context>
<context>
    <name>models::HistoryModel</name>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>staff member #%1</source>
        <translation>Mitarbeiter Nr. %1</translation>
    </message>
    <message>
        <source>The system</source>
        <translation>Das System</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>%1 created the ticket</source>
        <translation>%1 hat das Ticket erstellt</translation>
    </message>
    <message>
        <source>%1 set the status to %2</source>
        <translation>%1 hat den Status auf %2 gesetzt</translation>
    </message>
    <message>
        <source>%1 changed the status from %2 to %3</source>
        <translation>%1 hat den Status von %2 auf %3 geändert</translation>
    </message>
    <message>
        <source>%1 set the priority to %2</source>
        <translation>%1 hat die Priorität auf %2 gesetzt</translation>
    </message>
    <message>
        <source>%1 changed the priority from %2 to %3</source>
        <translation>%1 hat die Priorität von %2 auf %3 geändert</translation>
    </message>
    <message>
        <source>%1 set the visibility to %2</source>
        <translation>%1 hat die Sichtbarkeit auf %2 gesetzt</translation>
    </message>
    <message>
        <source>%1 changed the visibility from %2 to %3</source>
        <translation>%1 hat die Sichtbarkeit von %2 auf %3 geändert</translation>
    </message>
    <message>
        <source>%1 assigned the ticket to %2</source>
        <translation>%1 hat das Ticket %2 zugewiesen</translation>
    </message>
    <message>
        <source>%1 left the ticket unassigned</source>
        <translation>%1 hat das Ticket ohne Bearbeiter gelassen</translation>
    </message>
    <message>
        <source>%1 unassigned the ticket from %2</source>
        <translation>%1 hat die Zuweisung an %2 aufgehoben</translation>
    </message>
    <message>
        <source>%1 changed the assignee from %2 to %3</source>
        <translation>%1 hat den Bearbeiter von %2 auf %3 geändert</translation>
    </message>
    <message>
        <source>%1 changed the title to “%2”</source>
        <translation>%1 hat den Titel in „%2“ geändert</translation>
    </message>
    <message>
        <source>%1 changed %2</source>
        <translation>%1 hat %2 geändert</translation>
    </message>
    <message>
        <source>Fleet %1 assigned it to %2</source>
        <translation>Flotte %1 hat es %2 zugewiesen</translation>
    </message>
    <message>
        <source>Reopened by %1&apos;s message · %2</source>
        <translation>Wieder geöffnet durch die Nachricht von %1 · %2</translation>
    </message>
    <message>
        <source>the code user</source>
        <translation>dem Codenutzer</translation>
    </message>
    <message>
        <source>%1&apos;s message moved the status from %2 to %3</source>
        <translation>Die Nachricht von %1 änderte den Status von %2 auf %3</translation>
    </message>
</context>
<context>
    <name>models::LowRatingsModel</name>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message numerus="yes">
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n Stern</numerusform>
            <numerusform>%n Sterne</numerusform>
        </translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>(kein Kommentar)</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Sterne</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>Bewertet</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Credited to</source>
        <translation>Bearbeiter</translation>
    </message>
</context>
<context>
    <name>models::MacroList</name>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Priorität: %1</translation>
    </message>
    <message>
        <source>me</source>
        <translation>ich selbst</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>Assignee: %1</source>
        <translation>Bearbeiter: %1</translation>
    </message>
    <message>
        <source>Visibility: %1</source>
        <translation>Sichtbarkeit: %1</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <source>Message to the code user</source>
        <translation>Nachricht an den Codenutzer</translation>
    </message>
</context>
<context>
    <name>models::NotificationPolicy</name>
    <message>
        <source>New ticket in fleet %1</source>
        <translation>Neues Ticket in Flotte %1</translation>
    </message>
    <message>
        <source>Ticket %1 was assigned to you</source>
        <translation>Ticket %1 wurde Ihnen zugewiesen</translation>
    </message>
    <message>
        <source>%1 wrote on %2</source>
        <translation>%1 schrieb zu %2</translation>
    </message>
    <message>
        <source>%1 named you in a note on %2</source>
        <translation>%1 hat Sie in einer Notiz zu %2 genannt</translation>
    </message>
    <message numerus="yes">
        <source>%1 breaches its target in %n minute(s)</source>
        <translation>
            <numerusform>%1 verfehlt sein Ziel in %n Minute</numerusform>
            <numerusform>%1 verfehlt sein Ziel in %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new ticket(s) in fleet %1</source>
        <translation>
            <numerusform>%n neues Ticket in Flotte %1</numerusform>
            <numerusform>%n neue Tickets in Flotte %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new ticket(s) in your fleets</source>
        <translation>
            <numerusform>%n neues Ticket in Ihren Flotten</numerusform>
            <numerusform>%n neue Tickets in Ihren Flotten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) assigned to you</source>
        <translation>
            <numerusform>%n Ticket Ihnen zugewiesen</numerusform>
            <numerusform>%n Tickets Ihnen zugewiesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) on %1</source>
        <translation>
            <numerusform>%n neue Nachricht zu %1</numerusform>
            <numerusform>%n neue Nachrichten zu %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) on your tickets</source>
        <translation>
            <numerusform>%n neue Nachricht zu Ihren Tickets</numerusform>
            <numerusform>%n neue Nachrichten zu Ihren Tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You were named in %n note(s)</source>
        <translation>
            <numerusform>Sie wurden in %n Notiz genannt</numerusform>
            <numerusform>Sie wurden in %n Notizen genannt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) about to breach their target</source>
        <translation>
            <numerusform>%n Ticket verfehlt bald sein Ziel</numerusform>
            <numerusform>%n Tickets verfehlen bald ihr Ziel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::PostListModel</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
</context>
<context>
    <name>models::QueueListModel</name>
    <message>
        <source>New and unassigned</source>
        <translation>Neu und nicht zugewiesen</translation>
    </message>
    <message>
        <source>My tickets</source>
        <translation>Meine Tickets</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>Alle offenen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Recently resolved</source>
        <translation>Kürzlich gelöst</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>Alle Tickets</translation>
    </message>
    <message>
        <source>Needs reply</source>
        <translation>Antwort nötig</translation>
    </message>
    <message>
        <source>Public tickets, not closed, whose last message is the code user&apos;s</source>
        <translation>Öffentliche, nicht geschlossene Tickets, deren letzte Nachricht vom Codenutzer ist</translation>
    </message>
</context>
<context>
    <name>models::RatingStats</name>
    <message>
        <source>Staff member</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>Kein Kunde</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>A share in percent; German puts a space before the sign.</extracomment>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>models::RatingStatsCsv</name>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Dieser Zeitraum</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Voriger Zeitraum</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Average stars</source>
        <translation>Sterne im Schnitt</translation>
    </message>
    <message>
        <source>Satisfied share</source>
        <translation>Anteil zufrieden</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>Rücklaufquote</translation>
    </message>
    <message>
        <source>Resolved tickets</source>
        <translation>Gelöste Tickets</translation>
    </message>
    <message>
        <source>1 star</source>
        <translation>1 Stern</translation>
    </message>
    <message>
        <source>2 stars</source>
        <translation>2 Sterne</translation>
    </message>
    <message>
        <source>3 stars</source>
        <translation>3 Sterne</translation>
    </message>
    <message>
        <source>4 stars</source>
        <translation>4 Sterne</translation>
    </message>
    <message>
        <source>5 stars</source>
        <translation>5 Sterne</translation>
    </message>
    <message>
        <source>Rating statistics</source>
        <translation>Bewertungsstatistik</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Trend from</source>
        <translation>Verlauf ab</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Sterne</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Credited to</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Low rating given (%1)</source>
        <extracomment>Heading of the column of times; %1 names the time zone (&quot;Europe/Berlin&quot;)</extracomment>
        <translation>Schlechte Bewertung am (Zeitzone %1)</translation>
    </message>
    <message>
        <source>First reply in time</source>
        <translation>Erste Antwort rechtzeitig</translation>
    </message>
    <message>
        <source>First replies with a target</source>
        <translation>Erste Antworten mit Ziel</translation>
    </message>
    <message>
        <source>Resolved in time</source>
        <translation>Rechtzeitig gelöst</translation>
    </message>
    <message>
        <source>Resolved tickets with a target</source>
        <translation>Gelöste Tickets mit Ziel</translation>
    </message>
</context>
<context>
    <name>models::RatingStatsSource</name>
    <message>
        <source>The server&apos;s statistics could not be read.</source>
        <translation>Die Statistik des Servers konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>models::ServiceLevels</name>
    <message>
        <source>first reply</source>
        <translation>erste Antwort</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>%1 priority, %2</source>
        <translation>Priorität %1, %2</translation>
    </message>
</context>
<context>
    <name>models::StaffModel</name>
    <message>
        <source> (absent)</source>
        <translation> (abwesend)</translation>
    </message>
</context>
<context>
    <name>models::TicketTableModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Your change is waiting to be sent.</source>
        <translation>Ihre Änderung wartet darauf, gesendet zu werden.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>%1 (internal)</source>
        <translation>%1 (intern)</translation>
    </message>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1 (noch nicht gesendet)</translation>
    </message>
    <message>
        <source>%1 (changes not sent yet)</source>
        <translation>%1 (Änderungen noch nicht gesendet)</translation>
    </message>
    <message>
        <source>Internal ticket: staff only.</source>
        <translation>Internes Ticket: nur für Mitarbeitende.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Unread: %1</source>
        <translation>Ungelesen: %1</translation>
    </message>
</context>
<context>
    <name>models::ViewList</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>statistics::StatisticsCharts</name>
    <message>
        <source>MMM</source>
        <extracomment>Month on the trend axis (QLocale date format), the year shown elsewhere</extracomment>
        <translation>MMM</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <extracomment>Month on the trend axis (QLocale date format)</extracomment>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <source>d MMM</source>
        <extracomment>Day on the trend axis (QLocale date format)</extracomment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Sterne</translation>
    </message>
    <message>
        <source>1–2 stars</source>
        <translation>1–2 Sterne</translation>
    </message>
    <message>
        <source>3 stars</source>
        <translation>3 Sterne</translation>
    </message>
    <message>
        <source>4–5 stars (satisfied)</source>
        <translation>4–5 Sterne (zufrieden)</translation>
    </message>
    <message>
        <source>Average stars over time</source>
        <translation>Sterne im Schnitt, Verlauf</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Voriger Zeitraum</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Dieser Zeitraum</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 stars on average, %n rating(s)</source>
        <translation>
            <numerusform>%1: %2 Sterne im Schnitt, %n Bewertung</numerusform>
            <numerusform>%1: %2 Sterne im Schnitt, %n Bewertungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Average stars</source>
        <translation>Sterne im Schnitt</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Satisfied (%)</source>
        <translation>Zufrieden (%)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (the first %2 of %3)</source>
        <translation>%1 (die ersten %2 von %3)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rating(s)</source>
        <translation>
            <numerusform>%1: %n Bewertung</numerusform>
            <numerusform>%1: %n Bewertungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 ★: %n rating(s)</source>
        <translation>
            <numerusform>%1 ★: %n Bewertung</numerusform>
            <numerusform>%1 ★: %n Bewertungen</numerusform>
        </translation>
    </message>
    <message>
        <source> (n = %1)</source>
        <translation> (n = %1)</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
</TS>

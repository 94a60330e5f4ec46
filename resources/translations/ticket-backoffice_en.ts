<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Application</name>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>The server ended your session. Sign in again to go on; your drafts and unsent messages are kept.</source>
        <translation>The server ended your session. Sign in again to go on; your drafts and unsent messages are kept.</translation>
    </message>
    <message>
        <source>The local ticket-server program was not found next to ticket-backoffice.</source>
        <translation>The local ticket-server program was not found next to ticket-backoffice.</translation>
    </message>
    <message>
        <source>The local server could not start: %1</source>
        <translation>The local server could not start: %1</translation>
    </message>
    <message>
        <source>Could not sign in to the local server: %1</source>
        <translation>Could not sign in to the local server: %1</translation>
    </message>
    <message>
        <source>the local demo server</source>
        <translation>the local demo server</translation>
    </message>
    <message>
        <source>Your sign-in could not be kept in the keychain (%1): you will have to sign in again next time.</source>
        <translation>Your sign-in could not be kept in the keychain (%1): you will have to sign in again next time.</translation>
    </message>
    <message>
        <source>Ticket Backoffice</source>
        <translation>Ticket Backoffice</translation>
    </message>
    <message>
        <source>The local server could not start again: %1</source>
        <translation>The local server could not start again: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1

It is restarted in %n second(s).</source>
        <translation>
            <numerusform>%1

It is restarted in %n second.</numerusform>
            <numerusform>%1

It is restarted in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the certificate again</source>
        <translation>Check the certificate again</translation>
    </message>
    <message>
        <source>You did not trust the changed certificate of %1: nothing is sent to it. Your drafts and unsent messages are kept.</source>
        <translation>You did not trust the changed certificate of %1: nothing is sent to it. Your drafts and unsent messages are kept.</translation>
    </message>
</context>
<context>
    <name>AttachmentListWidget</name>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Added by</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibility</translation>
    </message>
    <message>
        <source>File transfer</source>
        <translation>File transfer</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <source>Upload files to this ticket (you can also drop them here)</source>
        <translation>Upload files to this ticket (you can also drop them here)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Only staff can see this file</source>
        <translation>Only staff can see this file</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 of %3)</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Add files</translation>
    </message>
    <message>
        <source>No files yet. Drop files here to add them.</source>
        <translation>No files yet. Drop files here to add them.</translation>
    </message>
    <message>
        <source>No files.</source>
        <translation>No files.</translation>
    </message>
</context>
<context>
    <name>AttachmentTransfers</name>
    <message>
        <source>The server could not be reached.</source>
        <translation>The server could not be reached.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <source>Unexpected error (%1).</source>
        <translation>Unexpected error (%1).</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>Uploading %1</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Downloading %1</translation>
    </message>
    <message>
        <source>Could not upload %1: %2</source>
        <translation>Could not upload %1: %2</translation>
    </message>
    <message>
        <source>Could not download %1: %2</source>
        <translation>Could not download %1: %2</translation>
    </message>
    <message>
        <source>No application is set up to open %1.</source>
        <translation>No application is set up to open %1.</translation>
    </message>
</context>
<context>
    <name>CertificateGate</name>
    <message>
        <source>You did not trust the certificate of %1: nothing was sent to it.</source>
        <translation>You did not trust the certificate of %1: nothing was sent to it.</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:
%1

Subject: %2
Issuer: %3
Valid until: %4</source>
        <translation>SHA-256 fingerprint:
%1

Subject: %2
Issuer: %3
Valid until: %4</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since you trusted it, and it cannot be verified (%2). If the server&apos;s administrator did not renew it, someone may be listening in.</source>
        <translation>The certificate of %1 has changed since you trusted it, and it cannot be verified (%2). If the server&apos;s administrator did not renew it, someone may be listening in.</translation>
    </message>
    <message>
        <source>The certificate of %1 cannot be verified (%2).</source>
        <translation>The certificate of %1 cannot be verified (%2).</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one the server&apos;s administrator gives you. Trust this certificate for %1? Nothing is sent to the server before you answer.</source>
        <translation>Compare the fingerprint with the one the server&apos;s administrator gives you. Trust this certificate for %1? Nothing is sent to the server before you answer.</translation>
    </message>
    <message>
        <source>Changed server certificate</source>
        <translation>Changed server certificate</translation>
    </message>
    <message>
        <source>Unverified server certificate</source>
        <translation>Unverified server certificate</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>Discard your change and show the ticket as it is now</source>
        <translation>Discard your change and show the ticket as it is now</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Apply your change on top of the other person&apos;s changes</source>
        <translation>Apply your change on top of the other person&apos;s changes</translation>
    </message>
    <message>
        <source>Apply my change again</source>
        <translation>Apply my change again</translation>
    </message>
    <message>
        <source>Edit conflict</source>
        <translation>Edit conflict</translation>
    </message>
</context>
<context>
    <name>ConnectionController</name>
    <message>
        <source>Signed in as %1</source>
        <translation>Signed in as %1</translation>
    </message>
    <message>
        <source>● Server unreachable (%1): retrying. Your drafts and unsent messages are kept.</source>
        <translation>● Server unreachable (%1): retrying. Your drafts and unsent messages are kept.</translation>
    </message>
    <message>
        <source>● Connected to %1 · live</source>
        <translation>● Connected to %1 · live</translation>
    </message>
    <message>
        <source>● Connecting to %1…</source>
        <translation>● Connecting to %1…</translation>
    </message>
    <message>
        <source>● Connection to %1 lost: reconnecting… Nothing you type is lost.</source>
        <translation>● Connection to %1 lost: reconnecting… Nothing you type is lost.</translation>
    </message>
    <message>
        <source>● Not connected to %1</source>
        <translation>● Not connected to %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unsent</source>
        <translation>
            <numerusform>%n unsent</numerusform>
            <numerusform>%n unsent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
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
        <translation>Reply to the code user… (Ctrl+Enter sends)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>Se&amp;nd</translation>
    </message>
    <message>
        <source>Internal &amp;notes</source>
        <translation>Interna&amp;l notes</translation>
    </message>
    <message>
        <source>Staff only: the code user never sees internal notes.</source>
        <translation>Staff only: the code user never sees internal notes.</translation>
    </message>
    <message>
        <source>Write an internal note… (Ctrl+Enter adds it)</source>
        <translation>Write an internal note… (Ctrl+Enter adds it)</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>Add &amp;note</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Hist&amp;ory</translation>
    </message>
    <message>
        <source>Add the note for staff only (Ctrl+Enter)</source>
        <translation>Add the note for staff only (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Send the message to the code user (Ctrl+Enter)</source>
        <translation>Send the message to the code user (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Messenger (%1)</source>
        <translation>&amp;Messenger (%1)</translation>
    </message>
    <message>
        <source>Internal &amp;notes (%1)</source>
        <translation>Interna&amp;l notes (%1)</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <source>Save %1 as…</source>
        <translation>Save %1 as…</translation>
    </message>
    <message>
        <source>Internal ticket: the code user sees messages only once it is public again. (Ctrl+Enter sends)</source>
        <translation>Internal ticket: the code user sees messages only once it is public again. (Ctrl+Enter sends)</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Assign to me</translation>
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
        <translation>Select a ticket</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Make ticket %1 internal?

The device&apos;s code users will no longer see it or its conversation.</source>
        <translation>Make ticket %1 internal?

The device&apos;s code users will no longer see it or its conversation.</translation>
    </message>
    <message>
        <source>Make ticket %1 public?

The device&apos;s code users will see it and its messages. Internal notes stay hidden.</source>
        <translation>Make ticket %1 public?

The device&apos;s code users will see it and its messages. Internal notes stay hidden.</translation>
    </message>
    <message>
        <source>Change Visibility</source>
        <translation>Change Visibility</translation>
    </message>
    <message>
        <source>Someone else changed this ticket meanwhile. Your change (%1) was not saved.</source>
        <translation>Someone else changed this ticket meanwhile. Your change (%1) was not saved.</translation>
    </message>
    <message>
        <source>title: “%1”</source>
        <translation>title: “%1”</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>status: %1</translation>
    </message>
    <message>
        <source>priority: %1</source>
        <translation>priority: %1</translation>
    </message>
    <message>
        <source>assignee: nobody</source>
        <translation>assignee: nobody</translation>
    </message>
    <message>
        <source>assignee: %1</source>
        <translation>assignee: %1</translation>
    </message>
    <message>
        <source>visibility: %1</source>
        <translation>visibility: %1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Could not create a temporary folder for %1.</source>
        <translation>Could not create a temporary folder for %1.</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>Save Attachment</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1. The server cannot be reached now; your change is kept and sent when it is back.</source>
        <translation>Waiting to be sent: %1. The server cannot be reached now; your change is kept and sent when it is back.</translation>
    </message>
</context>
<context>
    <name>FleetAdminDialog</name>
    <message>
        <source>Fleets and absences</source>
        <translation>Fleets and absences</translation>
    </message>
    <message>
        <source>Only administrators can change fleets and absences.</source>
        <translation>Only administrators can change fleets and absences.</translation>
    </message>
    <message>
        <source>&amp;Fleets</source>
        <translation>&amp;Fleets</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>&amp;Strategy:</translation>
    </message>
    <message>
        <source>&amp;Members, in turn order</source>
        <translation>&amp;Members, in turn order</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Goes to</translation>
    </message>
    <message>
        <source>&amp;Absences</source>
        <translation>&amp;Absences</translation>
    </message>
    <message>
        <source>Absence of the selected member</source>
        <translation>Absence of the selected member</translation>
    </message>
    <message>
        <source>&amp;Back on:</source>
        <translation>&amp;Back on:</translation>
    </message>
    <message>
        <source>Until further &amp;notice</source>
        <translation>Until further &amp;notice</translation>
    </message>
    <message>
        <source>&amp;Mark absent</source>
        <translation>&amp;Mark absent</translation>
    </message>
    <message>
        <source>&amp;Clear absence</source>
        <translation>&amp;Clear absence</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Absent from</source>
        <translation>Absent from</translation>
    </message>
    <message>
        <source>Back on</source>
        <translation>Back on</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Absent: gets no new tickets</source>
        <translation>Absent: gets no new tickets</translation>
    </message>
    <message>
        <source>Absence planned</source>
        <translation>Absence planned</translation>
    </message>
    <message>
        <source>until further notice</source>
        <translation>until further notice</translation>
    </message>
    <message>
        <source>Absence of %1</source>
        <translation>Absence of %1</translation>
    </message>
    <message>
        <source>The absence was not saved: %1</source>
        <translation>The absence was not saved: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1
%2 · %n member(s)</source>
        <translation>
            <numerusform>%1
%2 · %n member</numerusform>
            <numerusform>%1
%2 · %n members</numerusform>
        </translation>
    </message>
    <message>
        <source>Staff member %1</source>
        <translation>Staff member %1</translation>
    </message>
    <message>
        <source>All members</source>
        <translation>All members</translation>
    </message>
    <message>
        <source>The fleet was not changed: %1</source>
        <translation>The fleet was not changed: %1</translation>
    </message>
    <message>
        <source>“Back on” must be after “Absent from”.</source>
        <translation>“Back on” must be after “Absent from”.</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactive)</translation>
    </message>
    <message>
        <source>%1 (absent until %2)</source>
        <translation>%1 (absent until %2)</translation>
    </message>
    <message>
        <source>%1 (absent)</source>
        <translation>%1 (absent)</translation>
    </message>
    <message>
        <source>Skipped: gets no new tickets until back.</source>
        <translation>Skipped: gets no new tickets until back.</translation>
    </message>
    <message>
        <source>Absen&amp;t from:</source>
        <translation>Absen&amp;t from:</translation>
    </message>
    <message>
        <source>Category &amp;rules</source>
        <translation>Category &amp;rules</translation>
    </message>
    <message>
        <source>Tickets of a category go only to the members ticked under it. A category with nobody ticked goes to all members.</source>
        <translation>Tickets of a category go only to the members ticked under it. A category with nobody ticked goes to all members.</translation>
    </message>
    <message>
        <source>Category and members</source>
        <translation>Category and members</translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Extend the selection down / up</source>
        <translation>Extend the selection down / up</translation>
    </message>
    <message>
        <source>Shift+J, Shift+K, Shift+Down, Shift+Up</source>
        <translation>Shift+J, Shift+K, Shift+Down, Shift+Up</translation>
    </message>
    <message>
        <source>Add or remove a ticket from the selection</source>
        <translation>Add or remove a ticket from the selection</translation>
    </message>
    <message>
        <source>Ctrl+click</source>
        <translation>Ctrl+click</translation>
    </message>
    <message>
        <source>Select a range of tickets</source>
        <translation>Select a range of tickets</translation>
    </message>
    <message>
        <source>Shift+click</source>
        <translation>Shift+click</translation>
    </message>
    <message>
        <source>Connected to %1 (its version is not known yet).</source>
        <translation>Connected to %1 (its version is not known yet).</translation>
    </message>
    <message>
        <source>Connected to %1, version %2.</source>
        <translation>Connected to %1, version %2.</translation>
    </message>
    <message>
        <source>Ticket Backoffice %1
The desktop backoffice for service tickets.</source>
        <translation>Ticket Backoffice %1
The desktop backoffice for service tickets.</translation>
    </message>
    <message>
        <source>This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version (GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version (GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY.</translation>
    </message>
    <message>
        <source>About Ticket Backoffice</source>
        <translation>About Ticket Backoffice</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>Apply ma&amp;cro</source>
        <translation>Apply ma&amp;cro</translation>
    </message>
    <message>
        <source>Go to view %1</source>
        <translation>Go to view %1</translation>
    </message>
    <message>
        <source>Shared view</source>
        <translation>Shared view</translation>
    </message>
    <message>
        <source>My view</source>
        <translation>My view</translation>
    </message>
    <message>
        <source>Insert text module %1</source>
        <translation>Insert text module %1</translation>
    </message>
    <message>
        <source>Text module</source>
        <translation>Text module</translation>
    </message>
    <message>
        <source>Open a ticket first: a text module goes into its reply or note.</source>
        <translation>Open a ticket first: a text module goes into its reply or note.</translation>
    </message>
</context>
<context>
    <name>ListHeading</name>
    <message>
        <source>created: no day (the range is reversed)</source>
        <translation>created: no day (the range is reversed)</translation>
    </message>
    <message>
        <source>created today</source>
        <translation>created today</translation>
    </message>
    <message numerus="yes">
        <source>created in the last %n day(s)</source>
        <translation>
            <numerusform>created in the last %n day</numerusform>
            <numerusform>created in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>created %n or more day(s) ago</source>
        <translation>
            <numerusform>created %n or more days ago</numerusform>
            <numerusform>created %n or more days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>created yesterday</source>
        <translation>created yesterday</translation>
    </message>
    <message numerus="yes">
        <source>created %n day(s) ago</source>
        <translation>
            <numerusform>created %n day ago</numerusform>
            <numerusform>created %n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>created %1 to %2 days ago</source>
        <comment>from the older day to the newer</comment>
        <translation>created %1 to %2 days ago</translation>
    </message>
    <message>
        <source>created %1 – %2</source>
        <translation>created %1 – %2</translation>
    </message>
    <message>
        <source>created from %1</source>
        <translation>created from %1</translation>
    </message>
    <message>
        <source>created until %1</source>
        <translation>created until %1</translation>
    </message>
    <message>
        <source>without “%1”</source>
        <comment>excluded search words</comment>
        <translation>without “%1”</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>a search text in quotes</comment>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>%1+ tickets</source>
        <translation>%1+ tickets</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no tickets.</source>
        <translation>%1: no tickets.</translation>
    </message>
    <message>
        <source>No ticket matches “%1”.</source>
        <translation>No ticket matches “%1”.</translation>
    </message>
    <message>
        <source>%1: no ticket matches “%2”.</source>
        <translation>%1: no ticket matches “%2”.</translation>
    </message>
    <message>
        <source>%1: no ticket matches “%2”. %3 is open beside the list.</source>
        <translation>%1: no ticket matches “%2”. %3 is open beside the list.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Sign in to the ticket server with your staff account.</source>
        <translation>Sign in to the ticket server with your staff account.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Remember me</source>
        <translation>&amp;Remember me</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain and sign in automatically next time</source>
        <translation>Keep the password in the system keychain and sign in automatically next time</translation>
    </message>
    <message>
        <source>No keychain is available on this system: you will have to sign in again next time.</source>
        <translation>No keychain is available on this system: you will have to sign in again next time.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
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
        <translation>Search tickets (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>&amp;Queues</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priority</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>&amp;Assignee</source>
        <translation>&amp;Assignee</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation>&amp;Device</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>C&amp;ustomer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>&amp;Ticket</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Columns</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>&amp;Next ticket</source>
        <translation>&amp;Next ticket</translation>
    </message>
    <message>
        <source>J</source>
        <translation>J</translation>
    </message>
    <message>
        <source>&amp;Previous ticket</source>
        <translation>&amp;Previous ticket</translation>
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
        <translation>&amp;About Ticket Backoffice</translation>
    </message>
    <message>
        <source>Rating &amp;statistics…</source>
        <translation>Rating &amp;statistics…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Fleets and absences…</source>
        <translation>&amp;Fleets and absences…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Could not refresh: the server is unreachable. What you see is kept as it was.</source>
        <translation>Could not refresh: the server is unreachable. What you see is kept as it was.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Show the queue without the ticked statuses and priorities, the other filters and the search</source>
        <translation>Show the queue without the ticked statuses and priorities, the other filters and the search</translation>
    </message>
    <message>
        <source>Search all tickets</source>
        <translation>Search all tickets</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Visibilit&amp;y</source>
        <translation>Visibilit&amp;y</translation>
    </message>
    <message>
        <source>&amp;Assign to me</source>
        <translation>&amp;Assign to me</translation>
    </message>
    <message>
        <source>Interna&amp;l notes</source>
        <translation>Interna&amp;l notes</translation>
    </message>
    <message>
        <source>Hist&amp;ory</source>
        <translation>Hist&amp;ory</translation>
    </message>
    <message>
        <source>&amp;My views</source>
        <translation>&amp;My views</translation>
    </message>
    <message>
        <source>Shared vie&amp;ws</source>
        <translation>Shared vie&amp;ws</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>Save view…</translation>
    </message>
    <message>
        <source>Save the current filters and sort as a view</source>
        <translation>Save the current filters and sort as a view</translation>
    </message>
    <message>
        <source>Save &amp;view…</source>
        <translation>Save &amp;view…</translation>
    </message>
    <message>
        <source>Service l&amp;evels…</source>
        <translation>Service l&amp;evels…</translation>
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
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
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
        <translation>Restart local server</translation>
    </message>
    <message>
        <source>The local server runs again.</source>
        <translation>The local server runs again.</translation>
    </message>
    <message>
        <source>A message was not accepted by the server: %1</source>
        <translation>A message was not accepted by the server: %1</translation>
    </message>
    <message>
        <source>Someone else changed a ticket that you edited while offline. Open it to re-apply or drop your change.</source>
        <translation>Someone else changed a ticket that you edited while offline. Open it to re-apply or drop your change.</translation>
    </message>
    <message>
        <source>A change made while offline was not accepted by the server: %1</source>
        <translation>A change made while offline was not accepted by the server: %1</translation>
    </message>
</context>
<context>
    <name>NotificationController</name>
    <message>
        <source>&amp;Notifications…</source>
        <translation>&amp;Notifications…</translation>
    </message>
    <message numerus="yes">
        <source>Ticket Backoffice: %n ticket(s) for you</source>
        <translation>
            <numerusform>Ticket Backoffice: %n ticket for you</numerusform>
            <numerusform>Ticket Backoffice: %n tickets for you</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationSettingsDialog</name>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Show a desktop notification when:</source>
        <translation>Show a desktop notification when:</translation>
    </message>
    <message>
        <source>a &amp;new ticket in one of my fleets has nobody yet</source>
        <translation>a &amp;new ticket in one of my fleets has nobody yet</translation>
    </message>
    <message>
        <source>a ticket is &amp;assigned to me</source>
        <translation>a ticket is &amp;assigned to me</translation>
    </message>
    <message>
        <source>a code user &amp;writes on my ticket</source>
        <translation>a code user &amp;writes on my ticket</translation>
    </message>
    <message>
        <source>a note names me with @&amp;login</source>
        <translation>a note names me with @&amp;login</translation>
    </message>
    <message>
        <source>Nothing is shown for your own changes, for the ticket open in front of you or while you are marked absent. Several at once are summarised, at most one of a kind every 10 seconds.</source>
        <translation>Nothing is shown for your own changes, for the ticket open in front of you or while you are marked absent. Several at once are summarised, at most one of a kind every 10 seconds.</translation>
    </message>
    <message>
        <source>a response &amp;clock on my ticket will breach within 15 minutes</source>
        <translation>a response &amp;clock on my ticket will breach within 15 minutes</translation>
    </message>
</context>
<context>
    <name>PaletteController</name>
    <message>
        <source>Command &amp;palette…</source>
        <translation>Command &amp;palette…</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>There is no ticket %1.</source>
        <translation>There is no ticket %1.</translation>
    </message>
</context>
<context>
    <name>PaletteWidget</name>
    <message>
        <source>Type a command, a view or a ticket number…</source>
        <translation>Type a command, a view or a ticket number…</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Nothing matches.</translation>
    </message>
</context>
<context>
    <name>PostDelegate</name>
    <message>
        <source>Staff only</source>
        <translation>Staff only</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
</context>
<context>
    <name>SaveViewDialog</name>
    <message>
        <source>Save view</source>
        <translation>Save view</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Shared with all staff</source>
        <translation>&amp;Shared with all staff</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>Rename view</translation>
    </message>
    <message>
        <source>A view of this name exists already. Choose another name.</source>
        <translation>A view of this name exists already. Choose another name.</translation>
    </message>
    <message>
        <source>The view was not saved: %1</source>
        <translation>The view was not saved: %1</translation>
    </message>
</context>
<context>
    <name>SearchBoxController</name>
    <message>
        <source>Words and terms such as priority:high status:new,open assignee:me fleet:… device:&quot;…&quot; flow:… created:&gt;7d -word &quot;exact phrase&quot;</source>
        <translation>Words and terms such as priority:high status:new,open assignee:me fleet:… device:&quot;…&quot; flow:… created:&gt;7d -word &quot;exact phrase&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no field. Fields: %2. Put a word with a colon in quotes to search for it.</source>
        <translation>&quot;%1&quot; is no field. Fields: %2. Put a word with a colon in quotes to search for it.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; lacks a value.</source>
        <translation>&quot;%1&quot; lacks a value.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: there is no such value or name.</source>
        <translation>&quot;%1&quot;: there is no such value or name.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names more than one; choose one from the suggestions.</source>
        <translation>&quot;%1&quot; names more than one; choose one from the suggestions.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no date. Examples: created:&gt;7d, created:2026-11-01..2026-11-30.</source>
        <translation>&quot;%1&quot; is no date. Examples: created:&gt;7d, created:2026-11-01..2026-11-30.</translation>
    </message>
    <message>
        <source>The quote in &quot;%1&quot; is not closed.</source>
        <translation>The quote in &quot;%1&quot; is not closed.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: field terms cannot be excluded with &quot;-&quot;.</source>
        <translation>&quot;%1&quot;: field terms cannot be excluded with &quot;-&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: this field may be given only once.</source>
        <translation>&quot;%1&quot;: this field may be given only once.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too long, has too many values or characters that cannot be searched.</source>
        <translation>&quot;%1&quot; is too long, has too many values or characters that cannot be searched.</translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation>Not searched: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the range is reversed today, its first day comes after its last.</source>
        <translation>&quot;%1&quot;: the range is reversed today, its first day comes after its last.</translation>
    </message>
    <message>
        <source>Searched, but: %1</source>
        <translation>Searched, but: %1</translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message numerus="yes">
        <source>%n ticket(s) selected</source>
        <translation>
            <numerusform>%n ticket selected</numerusform>
            <numerusform>%n tickets selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Select all %1 tickets matching this view</source>
        <translation>Select all %1 tickets matching this view</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <source>Clear the selection (Esc)</source>
        <translation>Clear the selection (Esc)</translation>
    </message>
</context>
<context>
    <name>ServiceLevelsDialog</name>
    <message>
        <source>Service levels</source>
        <translation>Service levels</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>&amp;Targets</translation>
    </message>
    <message>
        <source>&amp;Business hours</source>
        <translation>&amp;Business hours</translation>
    </message>
    <message>
        <source>Could not load the service levels: %1</source>
        <translation>Could not load the service levels: %1</translation>
    </message>
    <message>
        <source>The targets are saved. The due times of open tickets follow them.</source>
        <translation>The targets are saved. The due times of open tickets follow them.</translation>
    </message>
    <message>
        <source>The targets were not saved: %1</source>
        <translation>The targets were not saved: %1</translation>
    </message>
    <message>
        <source>The business hours are saved. The due times of the fleet&apos;s open tickets follow them.</source>
        <translation>The business hours are saved. The due times of the fleet&apos;s open tickets follow them.</translation>
    </message>
    <message>
        <source>The business hours were not saved: %1</source>
        <translation>The business hours were not saved: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>days</source>
        <translation>days</translation>
    </message>
    <message>
        <source>Time until the first staff reply and until the ticket is resolved, per priority. Clocks count the business hours of the ticket&apos;s fleet and stop while a ticket waits. A day is 9 business hours. Leave a field empty for no target.</source>
        <translation>Time until the first staff reply and until the ticket is resolved, per priority. Clocks count the business hours of the ticket&apos;s fleet and stop while a ticket waits. A day is 9 business hours. Leave a field empty for no target.</translation>
    </message>
    <message>
        <source>First reply</source>
        <translation>First reply</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>&amp;Save targets</source>
        <translation>&amp;Save targets</translation>
    </message>
    <message>
        <source>&amp;Fleet:</source>
        <translation>&amp;Fleet:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>Time &amp;zone:</translation>
    </message>
    <message>
        <source>Monday:</source>
        <translation>Monday:</translation>
    </message>
    <message>
        <source>Tuesday:</source>
        <translation>Tuesday:</translation>
    </message>
    <message>
        <source>Wednesday:</source>
        <translation>Wednesday:</translation>
    </message>
    <message>
        <source>Thursday:</source>
        <translation>Thursday:</translation>
    </message>
    <message>
        <source>Friday:</source>
        <translation>Friday:</translation>
    </message>
    <message>
        <source>Saturday:</source>
        <translation>Saturday:</translation>
    </message>
    <message>
        <source>Sunday:</source>
        <translation>Sunday:</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>Opening hours, e.g. 08:00–12:00, 13:00–17:00; empty: closed</source>
        <translation>Opening hours, e.g. 08:00–12:00, 13:00–17:00; empty: closed</translation>
    </message>
    <message>
        <source>One date a line, e.g. 2026-12-24</source>
        <translation>One date a line, e.g. 2026-12-24</translation>
    </message>
    <message>
        <source>&amp;Holidays:</source>
        <translation>&amp;Holidays:</translation>
    </message>
    <message>
        <source>&amp;Save business hours</source>
        <translation>&amp;Save business hours</translation>
    </message>
    <message>
        <source>“%1” is not a number. Enter hours or days, or leave the field empty for no target.</source>
        <translation>“%1” is not a number. Enter hours or days, or leave the field empty for no target.</translation>
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
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
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
        <translation>All</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Me</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>All devices</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>All customers</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Rating statistics</source>
        <translation>Rating statistics</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>First day of the period</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Last day of the period</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Load the statistics again (F5)</source>
        <translation>Load the statistics again (F5)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>F&amp;leet:</source>
        <translation>F&amp;leet:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>&amp;Staff member:</source>
        <translation>&amp;Staff member:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Template:</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>C&amp;ustomer:</translation>
    </message>
    <message>
        <source>No ratings in this period</source>
        <translation>No ratings in this period</translation>
    </message>
    <message>
        <source>&amp;Breakdown by:</source>
        <translation>&amp;Breakdown by:</translation>
    </message>
    <message>
        <source>S&amp;ort by:</source>
        <translation>S&amp;ort by:</translation>
    </message>
    <message>
        <source>Average stars</source>
        <translation>Average stars</translation>
    </message>
    <message>
        <source>Number of ratings</source>
        <translation>Number of ratings</translation>
    </message>
    <message>
        <source>Satisfied share</source>
        <translation>Satisfied share</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Figures and breakdowns as &amp;CSV…</source>
        <translation>Figures and breakdowns as &amp;CSV…</translation>
    </message>
    <message>
        <source>Export rating statistics</source>
        <translation>Export rating statistics</translation>
    </message>
    <message>
        <source>ratings</source>
        <translation>ratings</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Star chart</source>
        <translation>Star chart</translation>
    </message>
    <message>
        <source>Trend chart</source>
        <translation>Trend chart</translation>
    </message>
    <message>
        <source>Breakdown chart</source>
        <translation>Breakdown chart</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Save %1</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Save as PNG…</translation>
    </message>
    <message>
        <source>Print to P&amp;DF…</source>
        <translation>Print to P&amp;DF…</translation>
    </message>
    <message>
        <source>Print rating statistics to PDF</source>
        <translation>Print rating statistics to PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>There are no statistics to export yet.</source>
        <translation>There are no statistics to export yet.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>There are no statistics to print yet.</source>
        <translation>There are no statistics to print yet.</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>Response rate</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Low ratings (1 or 2 stars): %1</source>
        <translation>Low ratings (1 or 2 stars): %1</translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>(no comment)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>The mean of all ratings in the period (1 to 5 stars)</source>
        <translation>The mean of all ratings in the period (1 to 5 stars)</translation>
    </message>
    <message>
        <source>The share of ratings with 4 or 5 stars</source>
        <translation>The share of ratings with 4 or 5 stars</translation>
    </message>
    <message>
        <source>The share of tickets resolved or closed in the period that were rated</source>
        <translation>The share of tickets resolved or closed in the period that were rated</translation>
    </message>
    <message>
        <source>The number of ratings given in the period</source>
        <translation>The number of ratings given in the period</translation>
    </message>
    <message>
        <source>All fleets</source>
        <translation>All fleets</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>All staff</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>All templates</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>All customers</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <extracomment>A day of the period shown (QLocale date format)</extracomment>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <source>Low ratings (1 or 2 stars): %1 — double-click one to open its ticket</source>
        <translation>Low ratings (1 or 2 stars): %1 — double-click one to open its ticket</translation>
    </message>
    <message numerus="yes">
        <source>The previous period had %n rating(s).</source>
        <translation>
            <numerusform>The previous period had %n rating.</numerusform>
            <numerusform>The previous period had %n ratings.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ratings appear here once code users rate their resolved tickets.</source>
        <translation>Ratings appear here once code users rate their resolved tickets.</translation>
    </message>
    <message>
        <source>Try a longer period or fewer filters.</source>
        <translation>Try a longer period or fewer filters.</translation>
    </message>
    <message>
        <source>Try a longer period.</source>
        <translation>Try a longer period.</translation>
    </message>
    <message>
        <source>The statistics could not be loaded: %1</source>
        <translation>The statistics could not be loaded: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) resolved or closed in the period</source>
        <translation>
            <numerusform>%n ticket resolved or closed in the period</numerusform>
            <numerusform>%n tickets resolved or closed in the period</numerusform>
        </translation>
    </message>
    <message>
        <source>No ratings in the previous period</source>
        <translation>No ratings in the previous period</translation>
    </message>
    <message>
        <source>Previous period: %1</source>
        <translation>Previous period: %1</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <extracomment>Percentage points</extracomment>
        <translation>%1 pp</translation>
    </message>
    <message>
        <source>→ unchanged (previous period: %1)</source>
        <translation>→ unchanged (previous period: %1)</translation>
    </message>
    <message>
        <source>%1 %2 (previous period: %3)</source>
        <translation>%1 %2 (previous period: %3)</translation>
    </message>
    <message>
        <source>Compared with the previous period, %1</source>
        <translation>Compared with the previous period, %1</translation>
    </message>
    <message>
        <source>Breakdown: %1</source>
        <translation>Breakdown: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new rating(s): press F5 to take them in</source>
        <translation>
            <numerusform>%n new rating: press F5 to take it in</numerusform>
            <numerusform>%n new ratings: press F5 to take them in</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 as PNG…</source>
        <translation>%1 as PNG…</translation>
    </message>
    <message>
        <source>First reply in time</source>
        <translation>First reply in time</translation>
    </message>
    <message>
        <source>The share of first replies in the period that came by their due time (tickets with a first-reply target)</source>
        <translation>The share of first replies in the period that came by their due time (tickets with a first-reply target)</translation>
    </message>
    <message>
        <source>Resolved in time</source>
        <translation>Resolved in time</translation>
    </message>
    <message>
        <source>The share of tickets resolved or closed in the period by their due time (tickets with a resolution target)</source>
        <translation>The share of tickets resolved or closed in the period by their due time (tickets with a resolution target)</translation>
    </message>
    <message numerus="yes">
        <source>%n first reply(s) with a target in the period</source>
        <translation>
            <numerusform>%n first reply with a target in the period</numerusform>
            <numerusform>%n first replies with a target in the period</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) with a target resolved or closed in the period</source>
        <translation>
            <numerusform>%n ticket with a target resolved or closed in the period</numerusform>
            <numerusform>%n tickets with a target resolved or closed in the period</numerusform>
        </translation>
    </message>
    <message>
        <source>No tickets with a target in the previous period</source>
        <translation>No tickets with a target in the previous period</translation>
    </message>
</context>
<context>
    <name>StatusFlowWidget</name>
    <message>
        <source>Ticket status</source>
        <translation>Ticket status</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>Current status: %1</source>
        <translation>Current status: %1</translation>
    </message>
    <message>
        <source>Set status to %1</source>
        <translation>Set status to %1</translation>
    </message>
    <message>
        <source>Not possible from %1</source>
        <translation>Not possible from %1</translation>
    </message>
    <message>
        <source>Current status: %1.</source>
        <translation>Current status: %1.</translation>
    </message>
    <message>
        <source>Selected: %1, press Space to set it.</source>
        <translation>Selected: %1, press Space to set it.</translation>
    </message>
    <message>
        <source>Selected: %1, not possible.</source>
        <translation>Selected: %1, not possible.</translation>
    </message>
    <message>
        <source>Use Left and Right to choose a status, Space to set it.</source>
        <translation>Use Left and Right to choose a status, Space to set it.</translation>
    </message>
</context>
<context>
    <name>TableActions</name>
    <message>
        <source>Priority &amp;low</source>
        <translation>Priority &amp;low</translation>
    </message>
    <message>
        <source>Priority &amp;normal</source>
        <translation>Priority &amp;normal</translation>
    </message>
    <message>
        <source>Priority &amp;high</source>
        <translation>Priority &amp;high</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Assign to…</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>Assign to &amp;me</translation>
    </message>
    <message>
        <source>&amp;Status…</source>
        <translation>&amp;Status…</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Reply</translation>
    </message>
    <message>
        <source>Internal no&amp;te</source>
        <translation>Internal no&amp;te</translation>
    </message>
    <message>
        <source>R&amp;esolve</source>
        <translation>R&amp;esolve</translation>
    </message>
    <message>
        <source>Select or deselect the current ticket</source>
        <translation>Select or deselect the current ticket</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>Clear the selection</translation>
    </message>
    <message>
        <source>Select all loaded tickets</source>
        <translation>Select all loaded tickets</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <source>An internal note for each selected ticket</source>
        <translation>An internal note for each selected ticket</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibility</translation>
    </message>
    <message>
        <source>The last change to many tickets is still on its way.</source>
        <translation>The last change to many tickets is still on its way.</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Assign to…</translation>
    </message>
    <message>
        <source>Nobody (unassign)</source>
        <translation>Nobody (unassign)</translation>
    </message>
    <message>
        <source>Status…</source>
        <translation>Status…</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message numerus="yes">
        <source>An internal note for each of the %n selected ticket(s):</source>
        <translation>
            <numerusform>An internal note for the selected ticket:</numerusform>
            <numerusform>An internal note for each of the %n selected tickets:</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the tickets to apply the macro to.</source>
        <translation>Choose the tickets to apply the macro to.</translation>
    </message>
</context>
<context>
    <name>TextModulePicker</name>
    <message>
        <source>No text module matches.</source>
        <translation>No text module matches.</translation>
    </message>
    <message>
        <source>↑↓ choose · Enter inserts · Esc closes</source>
        <translation>↑↓ choose · Enter inserts · Esc closes</translation>
    </message>
    <message>
        <source>Preview with this ticket&apos;s values</source>
        <translation>Preview with this ticket&apos;s values</translation>
    </message>
</context>
<context>
    <name>TicketChanges</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Reapply</source>
        <translation>Reapply</translation>
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
            <numerusform>%n ticket not changed: </numerusform>
            <numerusform>%n tickets not changed: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed %n ticket(s) — Undo (%1)</source>
        <translation>
            <numerusform>Changed %n ticket — Undo (%1)</numerusform>
            <numerusform>Changed %n tickets — Undo (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed %n ticket(s).</source>
        <translation>
            <numerusform>Changed %n ticket.</numerusform>
            <numerusform>Changed %n tickets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n ticket(s) have their previous values again.</source>
        <translation>
            <numerusform>Undone: %n ticket has its previous values again.</numerusform>
            <numerusform>Undone: %n tickets have their previous values again.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed — Undo (%2)</source>
        <translation>%1 changed — Undo (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n ticket(s) have their previous values again; the notes and messages added stay.</source>
        <translation>
            <numerusform>Undone: %n ticket has its previous values again; the notes and messages added stay.</numerusform>
            <numerusform>Undone: %n tickets have their previous values again; the notes and messages added stay.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed %n ticket(s) — Undo (%1) keeps the notes and messages added</source>
        <translation>
            <numerusform>Changed %n ticket — Undo (%1) keeps the notes and messages added</numerusform>
            <numerusform>Changed %n tickets — Undo (%1) keeps the notes and messages added</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketHeaderWidget</name>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Your change is being sent to the server</source>
        <translation>Your change is being sent to the server</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>P&amp;riority:</translation>
    </message>
    <message>
        <source>Assi&amp;gnee:</source>
        <translation>Assi&amp;gnee:</translation>
    </message>
    <message>
        <source>Type to search staff members</source>
        <translation>Type to search staff members</translation>
    </message>
    <message>
        <source>Ass&amp;ign to me</source>
        <translation>Ass&amp;ign to me</translation>
    </message>
    <message>
        <source>Visi&amp;bility:</source>
        <translation>Visi&amp;bility:</translation>
    </message>
    <message>
        <source>Type a name</source>
        <translation>Type a name</translation>
    </message>
    <message>
        <source>Staff only: the device&apos;s code users do not see this ticket</source>
        <translation>Staff only: the device&apos;s code users do not see this ticket</translation>
    </message>
    <message>
        <source>The device&apos;s code users see this ticket</source>
        <translation>The device&apos;s code users see this ticket</translation>
    </message>
    <message>
        <source>Make public…</source>
        <translation>Make public…</translation>
    </message>
    <message>
        <source>Make internal…</source>
        <translation>Make internal…</translation>
    </message>
    <message>
        <source>Not assigned yet</source>
        <translation>Not assigned yet</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>assignment info, time</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Due:</translation>
    </message>
</context>
<context>
    <name>TicketInfoWidget</name>
    <message>
        <source>Device and customer</source>
        <translation>Device and customer</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Device:</translation>
    </message>
    <message>
        <source>Serial:</source>
        <translation>Serial:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Location:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>Fleet:</source>
        <translation>Fleet:</translation>
    </message>
    <message>
        <source>All tickets of this device</source>
        <translation>All tickets of this device</translation>
    </message>
    <message>
        <source>Show only the tickets of this device in the list</source>
        <translation>Show only the tickets of this device in the list</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <source>Customer no.:</source>
        <translation>Customer no.:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>All tickets of this customer</source>
        <translation>All tickets of this customer</translation>
    </message>
    <message>
        <source>Show only the tickets of this customer in the list</source>
        <translation>Show only the tickets of this customer in the list</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>form field caption</comment>
        <translation>%1:</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>No customer</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>No description.</translation>
    </message>
    <message>
        <source>Form: %1</source>
        <translation>Form: %1</translation>
    </message>
    <message>
        <source>%1  %2 of 5</source>
        <translation>%1  %2 of 5</translation>
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
        <translation>Open in &amp;window</translation>
    </message>
</context>
<context>
    <name>ToolWindowsController</name>
    <message>
        <source>Fleets are still loading. Try again in a moment.</source>
        <translation>Fleets are still loading. Try again in a moment.</translation>
    </message>
    <message>
        <source>Only administrators change the service levels.</source>
        <translation>Only administrators change the service levels.</translation>
    </message>
</context>
<context>
    <name>UnreadActions</name>
    <message>
        <source>Could not change the unread mark: %1</source>
        <translation>Could not change the unread mark: %1</translation>
    </message>
    <message>
        <source>Next &amp;unread</source>
        <translation>Next &amp;unread</translation>
    </message>
    <message>
        <source>Go to the next unread ticket of the list</source>
        <translation>Go to the next unread ticket of the list</translation>
    </message>
    <message>
        <source>Mar&amp;k as unread</source>
        <translation>Mar&amp;k as unread</translation>
    </message>
    <message>
        <source>Show the ticket as unread until it is opened again</source>
        <translation>Show the ticket as unread until it is opened again</translation>
    </message>
    <message>
        <source>No unread tickets in this list.</source>
        <translation>No unread tickets in this list.</translation>
    </message>
    <message>
        <source>Mark as &amp;read</source>
        <translation>Mark as &amp;read</translation>
    </message>
    <message>
        <source>At &amp;once when opened</source>
        <translation>At &amp;once when opened</translation>
    </message>
    <message>
        <source>After 1 &amp;second open</source>
        <translation>After 1 &amp;second open</translation>
    </message>
    <message>
        <source>After &amp;3 seconds open</source>
        <translation>After &amp;3 seconds open</translation>
    </message>
    <message>
        <source>After 1&amp;0 seconds open</source>
        <translation>After 1&amp;0 seconds open</translation>
    </message>
</context>
<context>
    <name>ViewsController</name>
    <message>
        <source>Go to view %1</source>
        <translation>Go to view %1</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Shared with all staff</source>
        <translation>&amp;Shared with all staff</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Delete view</translation>
    </message>
    <message>
        <source>Delete the view &quot;%1&quot;?</source>
        <translation>Delete the view &quot;%1&quot;?</translation>
    </message>
</context>
<context>
    <name>WindowStateController</name>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>The language changes the next time Ticket Backoffice starts.</source>
        <translation>The language changes the next time Ticket Backoffice starts.</translation>
    </message>
</context>
<context>
    <name>client::ApiClient</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>client::ApiJob</name>
    <message>
        <source>The server answered %1.</source>
        <translation>The server answered %1.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Canceled.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>The server&apos;s answer could not be read.</translation>
    </message>
    <message>
        <source>The server refused the connection: is it running?</source>
        <translation>The server refused the connection: is it running?</translation>
    </message>
    <message>
        <source>The server&apos;s address was not found.</source>
        <translation>The server&apos;s address was not found.</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>The server closed the connection.</translation>
    </message>
</context>
<context>
    <name>client::CredentialStore</name>
    <message>
        <source>The keychain did not answer in time.</source>
        <translation>The keychain did not answer in time.</translation>
    </message>
    <message>
        <source>No keychain available</source>
        <translation>No keychain available</translation>
    </message>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation>Access to the keychain was denied.</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>The keychain failed: %1</translation>
    </message>
</context>
<context>
    <name>client::LocalServer</name>
    <message>
        <source>The local server did not start within %1 seconds.</source>
        <translation>The local server did not start within %1 seconds.</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Cannot create the data folder %1.</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>Cannot run %1: %2</translation>
    </message>
    <message>
        <source>The local server crashed.</source>
        <translation>The local server crashed.</translation>
    </message>
    <message>
        <source>The local server ended (exit code %1).</source>
        <translation>The local server ended (exit code %1).</translation>
    </message>
</context>
<context>
    <name>client::ServerError</name>
    <message>
        <source>Something required is missing.</source>
        <translation>Something required is missing.</translation>
    </message>
    <message>
        <source>“%1” is required.</source>
        <translation>“%1” is required.</translation>
    </message>
    <message>
        <source>“%1” is too long.</source>
        <translation>“%1” is too long.</translation>
    </message>
    <message>
        <source>“%1” is too short.</source>
        <translation>“%1” is too short.</translation>
    </message>
    <message>
        <source>“%1” has too many entries.</source>
        <translation>“%1” has too many entries.</translation>
    </message>
    <message>
        <source>“%1” is out of range.</source>
        <translation>“%1” is out of range.</translation>
    </message>
    <message>
        <source>“%1” contains characters that are not allowed.</source>
        <translation>“%1” contains characters that are not allowed.</translation>
    </message>
    <message>
        <source>The server did not accept what was sent.</source>
        <translation>The server did not accept what was sent.</translation>
    </message>
    <message>
        <source>The server did not accept “%1”.</source>
        <translation>The server did not accept “%1”.</translation>
    </message>
    <message>
        <source>The session has ended: sign in again.</source>
        <translation>The session has ended: sign in again.</translation>
    </message>
    <message>
        <source>Login or password is wrong.</source>
        <translation>Login or password is wrong.</translation>
    </message>
    <message>
        <source>This device code is not known.</source>
        <translation>This device code is not known.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <source>This does not exist (any more), or it is not yours to see.</source>
        <translation>This does not exist (any more), or it is not yours to see.</translation>
    </message>
    <message>
        <source>The server does not offer this.</source>
        <translation>The server does not offer this.</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime.</source>
        <translation>Someone else changed this in the meantime.</translation>
    </message>
    <message>
        <source>The server needs to know which version was changed: reload and try again.</source>
        <translation>The server needs to know which version was changed: reload and try again.</translation>
    </message>
    <message>
        <source>The ticket cannot go to this status from its current one.</source>
        <translation>The ticket cannot go to this status from its current one.</translation>
    </message>
    <message>
        <source>The ticket is closed.</source>
        <translation>The ticket is closed.</translation>
    </message>
    <message>
        <source>Only a resolved or closed ticket can be rated.</source>
        <translation>Only a resolved or closed ticket can be rated.</translation>
    </message>
    <message>
        <source>This ticket has been rated already.</source>
        <translation>This ticket has been rated already.</translation>
    </message>
    <message>
        <source>The server does not take this kind of content.</source>
        <translation>The server does not take this kind of content.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>The server could not read the request.</source>
        <translation>The server could not read the request.</translation>
    </message>
    <message>
        <source>The request was sent twice with different contents.</source>
        <translation>The request was sent twice with different contents.</translation>
    </message>
    <message>
        <source>Too many attempts: wait a moment and try again.</source>
        <translation>Too many attempts: wait a moment and try again.</translation>
    </message>
    <message>
        <source>The server could not complete the request. Try again later.</source>
        <translation>The server could not complete the request. Try again later.</translation>
    </message>
    <message>
        <source>This is larger than the server accepts (at most %1).</source>
        <translation>This is larger than the server accepts (at most %1).</translation>
    </message>
    <message>
        <source>This is larger than the server accepts.</source>
        <translation>This is larger than the server accepts.</translation>
    </message>
    <message>
        <source>Too many files wait to be sent: send the files already added with a message first.</source>
        <translation>Too many files wait to be sent: send the files already added with a message first.</translation>
    </message>
    <message>
        <source>The server is busy with other sign-ins: try again in a moment.</source>
        <translation>The server is busy with other sign-ins: try again in a moment.</translation>
    </message>
    <message>
        <source>The ticket is internal: its code user cannot read a message. Make it public first.</source>
        <translation>The ticket is internal: its code user cannot read a message. Make it public first.</translation>
    </message>
    <message>
        <source>The server cannot take this right now: try again in a moment.</source>
        <translation>The server cannot take this right now: try again in a moment.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The Ticket Backoffice desktop client.</source>
        <translation>The Ticket Backoffice desktop client.</translation>
    </message>
    <message>
        <source>Connect to a shared server (e.g. https://tickets.example.com/api/v1) instead of starting the local demo server.</source>
        <translation>Connect to a shared server (e.g. https://tickets.example.com/api/v1) instead of starting the local demo server.</translation>
    </message>
    <message>
        <source>Login to suggest.</source>
        <translation>Login to suggest.</translation>
    </message>
    <message>
        <source>Folder for settings, drafts, the outbox and the local server&apos;s database.</source>
        <translation>Folder for settings, drafts, the outbox and the local server&apos;s database.</translation>
    </message>
    <message>
        <source>Language: de or en.</source>
        <translation>Language: de or en.</translation>
    </message>
    <message>
        <source>Print the milliseconds from process start to the first rows painted, then quit.</source>
        <translation>Print the milliseconds from process start to the first rows painted, then quit.</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message numerus="yes">
        <source>%1 is typing…</source>
        <translation>
            <numerusform>%1 is typing…</numerusform>
            <numerusform>%1 are typing…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is viewing</source>
        <translation>
            <numerusform>%1 is viewing</numerusform>
            <numerusform>%1 are viewing</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
(internal: staff only)</source>
        <translation>%1
(internal: staff only)</translation>
    </message>
    <message>
        <source>staff member %1</source>
        <translation>staff member %1</translation>
    </message>
    <message>
        <source>Nobody available in fleet %1 (%2): assign it by hand</source>
        <translation>Nobody available in fleet %1 (%2): assign it by hand</translation>
    </message>
    <message>
        <source>Nobody available in fleet %1 (%2, rule for %3): assign it by hand</source>
        <translation>Nobody available in fleet %1 (%2, rule for %3): assign it by hand</translation>
    </message>
    <message>
        <source>Automatically: fleet %1, %2</source>
        <translation>Automatically: fleet %1, %2</translation>
    </message>
    <message>
        <source>Automatically: fleet %1, %2, rule for %3</source>
        <translation>Automatically: fleet %1, %2, rule for %3</translation>
    </message>
    <message>
        <source>Unassigned by %1</source>
        <translation>Unassigned by %1</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>By %1</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Round robin</translation>
    </message>
    <message>
        <source>Fewest open tickets</source>
        <translation>Fewest open tickets</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>round robin</source>
        <comment>in a sentence</comment>
        <translation>round robin</translation>
    </message>
    <message>
        <source>fewest open tickets</source>
        <comment>in a sentence</comment>
        <translation>fewest open tickets</translation>
    </message>
    <message>
        <source>manual</source>
        <comment>in a sentence</comment>
        <translation>manual</translation>
    </message>
    <message>
        <source>Each new ticket goes to the next available member in turn.</source>
        <translation>Each new ticket goes to the next available member in turn.</translation>
    </message>
    <message>
        <source>Each new ticket goes to the available member with the fewest open tickets; on a tie, to the one who has waited longest.</source>
        <translation>Each new ticket goes to the available member with the fewest open tickets; on a tie, to the one who has waited longest.</translation>
    </message>
    <message>
        <source>New tickets are not assigned: they wait in “New and unassigned”.</source>
        <translation>New tickets are not assigned: they wait in “New and unassigned”.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>fleet (strategy)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2, rule for %3)</source>
        <comment>fleet (strategy, flow rule)</comment>
        <translation>%1 (%2, rule for %3)</translation>
    </message>
</context>
<context>
    <name>models::BreakdownModel</name>
    <message>
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>%1 (n = %2)</source>
        <extracomment>An average or share and the number of ratings it rests on</extracomment>
        <translation>%1 (n = %2)</translation>
    </message>
    <message numerus="yes">
        <source>Only %n rating(s): too few to go by</source>
        <translation>
            <numerusform>Only %n rating: too few to go by</numerusform>
            <numerusform>Only %n ratings: too few to go by</numerusform>
        </translation>
    </message>
    <message>
        <source>First reply in time</source>
        <translation>First reply in time</translation>
    </message>
    <message>
        <source>Resolved in time</source>
        <translation>Resolved in time</translation>
    </message>
    <message numerus="yes">
        <source>Of %n first reply(s) with a target</source>
        <translation>
            <numerusform>Of %n first reply with a target</numerusform>
            <numerusform>Of %n first replies with a target</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Of %n resolved ticket(s) with a target</source>
        <translation>
            <numerusform>Of %n resolved ticket with a target</numerusform>
            <numerusform>Of %n resolved tickets with a target</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::BulkEditor</name>
    <message>
        <source>More than %1 tickets: the server changes at most %1 at once. Narrow the filter and try again.</source>
        <translation>More than %1 tickets: the server changes at most %1 at once. Narrow the filter and try again.</translation>
    </message>
    <message>
        <source>The server cannot be reached: nothing was changed. Try again when the connection is back.</source>
        <translation>The server cannot be reached: nothing was changed. Try again when the connection is back.</translation>
    </message>
    <message>
        <source>Someone else changed it in the meantime.</source>
        <translation>Someone else changed it in the meantime.</translation>
    </message>
</context>
<context>
    <name>models::DueCell</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
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
        <translation>paused</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>overdue %1</translation>
    </message>
    <message>
        <source>First reply: %1</source>
        <translation>First reply: %1</translation>
    </message>
    <message>
        <source>First reply due: %1</source>
        <translation>First reply due: %1</translation>
    </message>
    <message>
        <source>Resolution due: %1</source>
        <translation>Resolution due: %1</translation>
    </message>
    <message>
        <source>Paused while waiting since %1</source>
        <translation>Paused while waiting since %1</translation>
    </message>
    <message>
        <source>The first reply came too late.</source>
        <translation>The first reply came too late.</translation>
    </message>
    <message>
        <source>The resolution is overdue.</source>
        <translation>The resolution is overdue.</translation>
    </message>
    <message>
        <source>No response targets apply.</source>
        <translation>No response targets apply.</translation>
    </message>
    <message>
        <source>%1 (breached)</source>
        <translation>%1 (breached)</translation>
    </message>
    <message>
        <source>%1 (due soon)</source>
        <translation>%1 (due soon)</translation>
    </message>
    <message>
        <source>−%1</source>
        <comment>overdue by</comment>
        <translation>−%1</translation>
    </message>
    <message>
        <source>first reply %1</source>
        <translation>first reply %1</translation>
    </message>
    <message>
        <source>first reply due %1</source>
        <translation>first reply due %1</translation>
    </message>
    <message>
        <source>resolution due %1</source>
        <translation>resolution due %1</translation>
    </message>
</context>
<context>
    <name>models::HistoryModel</name>
    <message>
        <source>nobody</source>
        <translation>nobody</translation>
    </message>
    <message>
        <source>staff member #%1</source>
        <translation>staff member #%1</translation>
    </message>
    <message>
        <source>The system</source>
        <translation>The system</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Someone</translation>
    </message>
    <message>
        <source>%1 created the ticket</source>
        <translation>%1 created the ticket</translation>
    </message>
    <message>
        <source>%1 set the status to %2</source>
        <translation>%1 set the status to %2</translation>
    </message>
    <message>
        <source>%1 changed the status from %2 to %3</source>
        <translation>%1 changed the status from %2 to %3</translation>
    </message>
    <message>
        <source>%1 set the priority to %2</source>
        <translation>%1 set the priority to %2</translation>
    </message>
    <message>
        <source>%1 changed the priority from %2 to %3</source>
        <translation>%1 changed the priority from %2 to %3</translation>
    </message>
    <message>
        <source>%1 set the visibility to %2</source>
        <translation>%1 set the visibility to %2</translation>
    </message>
    <message>
        <source>%1 changed the visibility from %2 to %3</source>
        <translation>%1 changed the visibility from %2 to %3</translation>
    </message>
    <message>
        <source>%1 assigned the ticket to %2</source>
        <translation>%1 assigned the ticket to %2</translation>
    </message>
    <message>
        <source>%1 left the ticket unassigned</source>
        <translation>%1 left the ticket unassigned</translation>
    </message>
    <message>
        <source>%1 unassigned the ticket from %2</source>
        <translation>%1 unassigned the ticket from %2</translation>
    </message>
    <message>
        <source>%1 changed the assignee from %2 to %3</source>
        <translation>%1 changed the assignee from %2 to %3</translation>
    </message>
    <message>
        <source>%1 changed the title to “%2”</source>
        <translation>%1 changed the title to “%2”</translation>
    </message>
    <message>
        <source>%1 changed %2</source>
        <translation>%1 changed %2</translation>
    </message>
    <message>
        <source>Fleet %1 assigned it to %2</source>
        <translation>Fleet %1 assigned it to %2</translation>
    </message>
    <message>
        <source>Reopened by %1&apos;s message · %2</source>
        <translation>Reopened by %1&apos;s message · %2</translation>
    </message>
    <message>
        <source>the code user</source>
        <translation>the code user</translation>
    </message>
    <message>
        <source>%1&apos;s message moved the status from %2 to %3</source>
        <translation>%1&apos;s message moved the status from %2 to %3</translation>
    </message>
</context>
<context>
    <name>models::LowRatingsModel</name>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message numerus="yes">
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n star</numerusform>
            <numerusform>%n stars</numerusform>
        </translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>(no comment)</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>Rated</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Credited to</source>
        <translation>Credited to</translation>
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
        <translation>Priority: %1</translation>
    </message>
    <message>
        <source>me</source>
        <translation>me</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nobody</translation>
    </message>
    <message>
        <source>Assignee: %1</source>
        <translation>Assignee: %1</translation>
    </message>
    <message>
        <source>Visibility: %1</source>
        <translation>Visibility: %1</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <source>Message to the code user</source>
        <translation>Message to the code user</translation>
    </message>
</context>
<context>
    <name>models::NotificationPolicy</name>
    <message>
        <source>New ticket in fleet %1</source>
        <translation>New ticket in fleet %1</translation>
    </message>
    <message>
        <source>Ticket %1 was assigned to you</source>
        <translation>Ticket %1 was assigned to you</translation>
    </message>
    <message>
        <source>%1 wrote on %2</source>
        <translation>%1 wrote on %2</translation>
    </message>
    <message>
        <source>%1 named you in a note on %2</source>
        <translation>%1 named you in a note on %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 breaches its target in %n minute(s)</source>
        <translation>
            <numerusform>%1 breaches its target in %n minute</numerusform>
            <numerusform>%1 breaches its target in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new ticket(s) in fleet %1</source>
        <translation>
            <numerusform>%n new ticket in fleet %1</numerusform>
            <numerusform>%n new tickets in fleet %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new ticket(s) in your fleets</source>
        <translation>
            <numerusform>%n new ticket in your fleets</numerusform>
            <numerusform>%n new tickets in your fleets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) assigned to you</source>
        <translation>
            <numerusform>%n ticket assigned to you</numerusform>
            <numerusform>%n tickets assigned to you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) on %1</source>
        <translation>
            <numerusform>%n new message on %1</numerusform>
            <numerusform>%n new messages on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) on your tickets</source>
        <translation>
            <numerusform>%n new message on your tickets</numerusform>
            <numerusform>%n new messages on your tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You were named in %n note(s)</source>
        <translation>
            <numerusform>You were named in %n note</numerusform>
            <numerusform>You were named in %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) about to breach their target</source>
        <translation>
            <numerusform>%n ticket about to breach its target</numerusform>
            <numerusform>%n tickets about to breach their target</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::PostListModel</name>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
</context>
<context>
    <name>models::QueueListModel</name>
    <message>
        <source>New and unassigned</source>
        <translation>New and unassigned</translation>
    </message>
    <message>
        <source>My tickets</source>
        <translation>My tickets</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>All open</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Recently resolved</source>
        <translation>Recently resolved</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>All tickets</translation>
    </message>
    <message>
        <source>Needs reply</source>
        <translation>Needs reply</translation>
    </message>
    <message>
        <source>Public tickets, not closed, whose last message is the code user&apos;s</source>
        <translation>Public tickets, not closed, whose last message is the code user&apos;s</translation>
    </message>
</context>
<context>
    <name>models::RatingStats</name>
    <message>
        <source>Staff member</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Fleet</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>No customer</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>A share in percent; German puts a space before the sign.</extracomment>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>models::RatingStatsCsv</name>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>This period</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Average stars</source>
        <translation>Average stars</translation>
    </message>
    <message>
        <source>Satisfied share</source>
        <translation>Satisfied share</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>Response rate</translation>
    </message>
    <message>
        <source>Resolved tickets</source>
        <translation>Resolved tickets</translation>
    </message>
    <message>
        <source>1 star</source>
        <translation>1 star</translation>
    </message>
    <message>
        <source>2 stars</source>
        <translation>2 stars</translation>
    </message>
    <message>
        <source>3 stars</source>
        <translation>3 stars</translation>
    </message>
    <message>
        <source>4 stars</source>
        <translation>4 stars</translation>
    </message>
    <message>
        <source>5 stars</source>
        <translation>5 stars</translation>
    </message>
    <message>
        <source>Rating statistics</source>
        <translation>Rating statistics</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Trend from</source>
        <translation>Trend from</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Credited to</source>
        <translation>Credited to</translation>
    </message>
    <message>
        <source>Low rating given (%1)</source>
        <extracomment>Heading of the column of times; %1 names the time zone (&quot;Europe/Berlin&quot;)</extracomment>
        <translation>Low rating given (%1)</translation>
    </message>
    <message>
        <source>First reply in time</source>
        <translation>First reply in time</translation>
    </message>
    <message>
        <source>First replies with a target</source>
        <translation>First replies with a target</translation>
    </message>
    <message>
        <source>Resolved in time</source>
        <translation>Resolved in time</translation>
    </message>
    <message>
        <source>Resolved tickets with a target</source>
        <translation>Resolved tickets with a target</translation>
    </message>
</context>
<context>
    <name>models::RatingStatsSource</name>
    <message>
        <source>The server&apos;s statistics could not be read.</source>
        <translation>The server&apos;s statistics could not be read.</translation>
    </message>
</context>
<context>
    <name>models::ServiceLevels</name>
    <message>
        <source>first reply</source>
        <translation>first reply</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>resolution</translation>
    </message>
    <message>
        <source>%1 priority, %2</source>
        <translation>%1 priority, %2</translation>
    </message>
</context>
<context>
    <name>models::StaffModel</name>
    <message>
        <source> (absent)</source>
        <translation> (absent)</translation>
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
        <translation>Priority</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Your change is waiting to be sent.</source>
        <translation>Your change is waiting to be sent.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>%1 (internal)</source>
        <translation>%1 (internal)</translation>
    </message>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1 (not sent yet)</translation>
    </message>
    <message>
        <source>%1 (changes not sent yet)</source>
        <translation>%1 (changes not sent yet)</translation>
    </message>
    <message>
        <source>Internal ticket: staff only.</source>
        <translation>Internal ticket: staff only.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Unread: %1</source>
        <translation>Unread: %1</translation>
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
        <translation>d MMM</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>1–2 stars</source>
        <translation>1–2 stars</translation>
    </message>
    <message>
        <source>3 stars</source>
        <translation>3 stars</translation>
    </message>
    <message>
        <source>4–5 stars (satisfied)</source>
        <translation>4–5 stars (satisfied)</translation>
    </message>
    <message>
        <source>Average stars over time</source>
        <translation>Average stars over time</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>This period</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 stars on average, %n rating(s)</source>
        <translation>
            <numerusform>%1: %2 stars on average, %n rating</numerusform>
            <numerusform>%1: %2 stars on average, %n ratings</numerusform>
        </translation>
    </message>
    <message>
        <source>Average stars</source>
        <translation>Average stars</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Satisfied (%)</source>
        <translation>Satisfied (%)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (the first %2 of %3)</source>
        <translation>%1 (the first %2 of %3)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rating(s)</source>
        <translation>
            <numerusform>%1: %n rating</numerusform>
            <numerusform>%1: %n ratings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 ★: %n rating(s)</source>
        <translation>
            <numerusform>%1 ★: %n rating</numerusform>
            <numerusform>%1 ★: %n ratings</numerusform>
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
        <translation>Dismiss</translation>
    </message>
</context>
</TS>

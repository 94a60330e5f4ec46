#include "demotexts.h"

using namespace Qt::StringLiterals;

namespace server::demo::texts {
namespace {

Pools makePools()
{
    Pools p;
    p.problemTitles = {
        {u"Drucker zieht Papier schief ein"_s, u"Druckbild streifig und blass"_s,
         u"Papierstau im Fach 2"_s, u"Fehlermeldung E-204 beim Einschalten"_s,
         u"Etiketten werden versetzt gedruckt"_s, u"Drucker reagiert nicht auf Druckaufträge"_s,
         u"Lautes Knacken beim Papiereinzug"_s, u"Toner verschmiert auf dem Ausdruck"_s,
         u"Barcodes nicht lesbar"_s, u"Drucker verliert ständig die WLAN-Verbindung"_s},
        {u"Aufzug bleibt zwischen Etagen stehen"_s, u"Tür schließt nicht vollständig"_s,
         u"Notrufknopf ohne Funktion"_s, u"Aufzug hält nicht im 3. OG"_s,
         u"Starkes Ruckeln beim Anfahren"_s, u"Kabinenbeleuchtung ausgefallen"_s,
         u"Etagenanzeige zeigt falsche Etage"_s, u"Quietschgeräusche im Schacht"_s,
         u"Aufzug fährt nur noch im Schritttempo"_s, u"Lichtschranke reagiert verzögert"_s},
        {u"Kaffee läuft nur tröpfchenweise"_s, u"Milchsystem schäumt nicht mehr"_s,
         u"Meldung „Brühgruppe einsetzen“ obwohl eingesetzt"_s, u"Mahlwerk blockiert"_s,
         u"Wasser tritt unten am Gerät aus"_s, u"Display bleibt schwarz"_s,
         u"Kaffee ist nur lauwarm"_s, u"Entkalkungsprogramm bricht ab"_s,
         u"Bezahlterminal am Automaten ohne Funktion"_s, u"Satzbehälter wird als voll gemeldet"_s},
    };
    p.partTitles = {
        {u"Bitte Druckkopf nachbestellen"_s, u"Ersatz-Einzugsrollen benötigt"_s,
         u"Tonerkartuschen, 4 Stück"_s, u"Etikettenrollen 100 x 50 mm"_s,
         u"Wartungskit 200k bestellen"_s, u"Papierkassette gebrochen, Ersatz benötigt"_s},
        {u"Ersatz für Türrolle"_s, u"Leuchtmittel für die Kabine"_s},
        {u"Brühgruppe als Ersatzteil"_s, u"Dichtungsset Milchsystem"_s, u"Wasserfilter, 6er-Pack"_s,
         u"Entkalkertabletten nachbestellen"_s, u"Satzbehälter gebrochen"_s,
         u"Neue Tropfschale benötigt"_s},
    };
    p.inquiryTitles = {
        u"Wann ist die nächste Wartung?"_s,   u"Frage zur Bedienungsanleitung"_s,
        u"Wartungsvertrag erweitern?"_s,      u"Rückfrage zur letzten Rechnung"_s,
        u"Schulung für neue Mitarbeitende"_s, u"Wer ist unser Ansprechpartner vor Ort?"_s,
        u"Termin für die TÜV-Prüfung"_s,      u"Angebot für ein zweites Gerät"_s};
    p.internalTitles = {u"Wartungsintervall anpassen"_s,
                        u"Ersatzteillager prüfen"_s,
                        u"Vertragsfrage intern klären"_s,
                        u"Technikereinsatz für KW planen"_s,
                        u"Garantiefall prüfen"_s,
                        u"Rechnungskorrektur vorbereiten"_s,
                        u"Wiederholter Fehler: Austausch erwägen"_s,
                        u"Prüfprotokoll nachreichen"_s};
    p.openers = {u"Seit heute Morgen tritt das Problem auf."_s,
                 u"Es passiert seit dem Wochenende mehrmals täglich."_s,
                 u"Nach dem Stromausfall gestern fing es an."_s,
                 u"Die Spätschicht hat es zuerst bemerkt."_s,
                 u"Das ist uns heute bei der Frühbesprechung aufgefallen."_s,
                 u"Seit der letzten Wartung ist das so."_s,
                 u"Wir haben eine Frage zu unserem Gerät."_s};
    p.details = {
        {u"Die Ausdrucke sind teilweise unbrauchbar."_s, u"Ein Neustart hat nichts geändert."_s,
         u"Im Display erscheint kurz eine Warnung."_s, u"Der Versand steht dadurch teilweise."_s,
         u"Wir drucken aktuell über das Ersatzgerät."_s},
        {u"Fahrgäste mussten das Treppenhaus nehmen."_s, u"Niemand war eingeschlossen."_s,
         u"Die Hausverwaltung ist informiert."_s, u"Im Haus wohnen mehrere ältere Menschen."_s,
         u"Der Aufzug ist vorsorglich abgesperrt."_s},
        {u"Die Kantine hat gerade keinen Ersatz."_s, u"Wir haben bereits entkalkt."_s,
         u"Der Wassertank ist voll."_s, u"Die Maschine wurde einmal aus- und eingeschaltet."_s,
         u"Die Kollegen weichen auf die Teeküche aus."_s},
    };
    p.closings = {
        u"Bitte um kurzfristige Rückmeldung."_s, u"Danke!"_s,
        u"Kein Notfall, aber bitte zeitnah."_s,  u"Ich bin bis 16 Uhr vor Ort erreichbar."_s,
        u"Viele Grüße aus der Haustechnik."_s,   QString()};
    p.codeUserLines = {u"Gibt es schon einen Termin?"_s,
                       u"Das Problem ist heute wieder aufgetreten."_s,
                       u"Foto vom Display ist angehängt."_s,
                       u"Danke für die schnelle Hilfe!"_s,
                       u"Wann kommt der Techniker ungefähr?"_s,
                       u"Ich bin bis 16 Uhr vor Ort erreichbar."_s,
                       u"Es funktioniert jetzt wieder, vielen Dank."_s,
                       u"Der Schlüssel liegt beim Empfang."_s,
                       u"Können Sie kurz zurückrufen? 0171 5550123"_s,
                       u"Heute früh lief es, mittags wieder der gleiche Fehler."_s};
    p.staffLines = {u"Danke für die Meldung, wir kümmern uns darum."_s,
                    u"Ein Techniker ist für morgen Vormittag eingeplant."_s,
                    u"Können Sie bitte ein Foto vom Display schicken?"_s,
                    u"Das Ersatzteil ist bestellt, Lieferung in 2–3 Werktagen."_s,
                    u"Bitte schalten Sie das Gerät einmal komplett aus und wieder ein."_s,
                    u"Wir haben den Fehler behoben. Läuft wieder alles?"_s,
                    u"Der Termin ist bestätigt: Donnerstag zwischen 8 und 10 Uhr."_s,
                    u"Seit wann genau tritt der Fehler auf?"_s,
                    u"Die Wartung ist für nächste Woche geplant."_s};
    p.notes = {u"Kunde hat Wartungsvertrag Premium, Reaktionszeit 4 h."_s,
               u"Teil im Lager Hamburg vorrätig."_s,
               u"Schon der dritte Fall an diesem Gerät, Austausch prüfen."_s,
               u"Techniker Herr Brandt informiert."_s,
               u"Rückruf beim Kunden erfolgt, wartet auf Termin."_s,
               u"Kulanz möglich, mit Anna abstimmen."_s,
               u"Garantie läuft bis Ende des Jahres."_s,
               u"Achtung: Ansprechpartner vor Ort wechselt häufig."_s};
    p.praise = {u"Sehr schnell erledigt, danke!"_s,
                u"Freundlich und kompetent."_s,
                u"Techniker war pünktlich und hat alles erklärt."_s,
                u"Alles bestens."_s,
                QString(),
                QString()};
    p.complaints = {u"Hat viel zu lange gedauert."_s, u"Niemand hat zurückgerufen."_s,
                    u"Das Problem besteht weiterhin."_s,
                    u"Drei Mal nachfragen müssen, enttäuschend."_s,
                    u"Techniker kam ohne das richtige Ersatzteil."_s};
    p.codeUserNames = {u"Herr Yılmaz"_s, u"M. Krüger"_s,          u"Frau Özdemir"_s,
                       u"S. Weiß"_s,     u"Hausmeister Peters"_s, u"Schichtleitung Halle 2"_s,
                       u"J. Nowak"_s,    u"Frau Dr. Lang"_s,      u"Empfang"_s,
                       u"T. Schulze"_s,  u"A. Bauer"_s,           u"Herr Şahin"_s,
                       u"K. Jäger"_s,    u"Frau Böhm"_s,          u"P. Wójcik"_s,
                       u"Haustechnik"_s, u"L. Nguyen"_s};
    p.partNumbers = {{u"ID9-DK-300"_s, u"ID9-ROL-042"_s, u"ID9-TN-4K"_s, u"ID9-WK-200"_s},
                     {u"LP6-TR-11"_s, u"LP6-LED-02"_s},
                     {u"CX7-BG-01"_s, u"CX7-DS-MS"_s, u"CX7-WF-6"_s, u"CX7-ENT-10"_s}};
    p.errorCodes = {u"E-204"_s, u"E-17"_s, u"F 31"_s, u"W-08"_s, u"ERR 5"_s, u"C-112"_s};
    p.triedSteps = {u"Aus- und wieder eingeschaltet, keine Änderung."_s,
                    u"Nichts, wir wollten nichts kaputt machen."_s,
                    u"Bedienungsanleitung gelesen, dort steht nichts dazu."_s,
                    u"Sicherung geprüft, alles in Ordnung."_s};
    p.deliveryNotes = {u"Bitte an den Wareneingang, Tor 3."_s, u"Lieferung nur vormittags."_s,
                       u"Zu Händen Haustechnik."_s};
    p.hostileTitles = {u"<b>Fett</b> & 'quotes' im Display"_s,
                       u"<script>alert('x')</script> Fehlermeldung"_s,
                       u"Robert'); DROP TABLE tickets;-- Drucker"_s,
                       u"Umlaute & Zeichen: äöü ß € „Zitat“ 😀 %s %n ${HOME} {{name}}"_s};
    p.hostileBodies = {
        u"<img src=x onerror=alert(1)> Das Display zeigt <i>nichts</i> an."_s,
        u"Link: <a href=\"javascript:alert(1)\">hier klicken</a> & \"Anführungszeichen\""_s,
        u"Zeile 1\nZeile 2\n\tEingerückt\n\n-- Ende --"_s,
        u"Donaudampfschifffahrtsgesellschaftskapitänsmützenaufbewahrungsschrankschlüssel"
        "reparaturauftragsnummernvergabestelle"_s,
        u"\u202eRTL-Override\u202c und NULL-Wort: null, undefined, NaN"_s};
    return p;
}

} // namespace

const Pools &pools()
{
    static const Pools p = makePools();
    return p;
}

const QString &title(int slot, const QString &flowKey, QRandomGenerator &rng)
{
    const Pools &p = pools();
    if (flowKey == u"spare_part_order")
        return pick(p.partTitles.at(slot), rng);
    if (flowKey == u"general_inquiry")
        return pick(p.inquiryTitles, rng);
    return pick(p.problemTitles.at(slot), rng);
}

QString description(int slot, QRandomGenerator &rng)
{
    const Pools &p = pools();
    QString text = pick(p.openers, rng) + u' ' + pick(p.details.at(slot), rng);
    const QString &closing = pick(p.closings, rng);
    if (!closing.isEmpty())
        text += u' ' + closing;
    return text;
}

QJsonObject fieldValues(const QList<core::FlowField> &fields, int slot, QRandomGenerator &rng)
{
    const Pools &p = pools();
    QJsonObject values;
    for (const core::FlowField &f : fields) {
        if (!f.required && rng.bounded(3) == 0)
            continue;
        if (f.type == u"boolean") {
            values.insert(f.key, rng.bounded(2) == 1);
        } else if (f.type == u"number") {
            values.insert(f.key, 1 + rng.bounded(6));
        } else if (f.type == u"select" && !f.options.isEmpty()) {
            values.insert(f.key, pick(f.options, rng));
        } else if (f.key == u"partNumber") {
            values.insert(f.key, pick(p.partNumbers.at(slot), rng));
        } else if (f.key == u"errorCode") {
            values.insert(f.key, pick(p.errorCodes, rng));
        } else if (f.key == u"phone") {
            values.insert(f.key, u"0171 555%1"_s.arg(1000 + rng.bounded(9000)));
        } else if (f.key == u"deliveryNote") {
            values.insert(f.key, pick(p.deliveryNotes, rng));
        } else if (f.type == u"textarea") {
            values.insert(f.key, pick(p.triedSteps, rng));
        } else {
            values.insert(f.key, pick(p.openers, rng).left(f.maxLength > 0 ? f.maxLength : 80));
        }
    }
    return values;
}

// A 16x16 RGB PNG (an orange diamond on blue), small enough to embed.
QByteArray samplePng()
{
    return QByteArray::fromHex(
        "89504e470d0a1a0a0000000d494844520000001000000010080200000090916836000000454944415478da63"
        "d00858401262a08e860f0b348088580d10d5b8f430e0518d550f037ed5987a1808aa46d3c3408c6a643de46a"
        "20d949e4789a9c602527e2c8491a544ead0035e34c90ead438640000000049454e44ae426082");
}

// A one-page PDF with one line of text and a correct cross-reference table.
QByteArray samplePdf(const QString &line)
{
    QByteArray text = line.toLatin1();
    text.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    const QByteArray stream = "BT /F1 14 Tf 50 750 Td (" + text + ") Tj ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream +
            "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace server::demo::texts

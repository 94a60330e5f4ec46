#include "demodata.h"

#include "demotexts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace server::demo {
namespace {

constexpr qint64 Day = 24 * 3600 * 1000LL;

struct StaffRow {
    const char16_t *login;
    const char16_t *name;
    const char16_t *role;
    bool active;
};

// The Argon2id hash (libsodium, OPSLIMIT/MEMLIMIT_INTERACTIVE) of "demo", computed once
// offline: hashing at seed time would cost a tenth of a second and 64 MiB per user, for
// every test server. Every demo account shares it (demo data, the password is public).
constexpr char DemoPasswordHash[] =
    "$argon2id$v=19$m=65536,t=2,p=1$mS/"
    "oNR2gTueW0BHgHFhjAQ$tAP8UvPuZk1mE1++YMM0kmivlDo9sO4iQhLG23lAYds";

// Ids are the positions (1-based). Lena is absent around "now"; Klaus has left.
const StaffRow staffRows[] = {
    {u"anna", u"Anna Schmidt", u"admin", true},    {u"jonas", u"Jonas Weber", u"agent", true},
    {u"lena", u"Lena Fischer", u"agent", true},    {u"murat", u"Murat Demir", u"agent", true},
    {u"sophie", u"Sophie Wagner", u"agent", true}, {u"tobias", u"Tobias Becker", u"agent", true},
    {u"mia", u"Mia Hoffmann", u"agent", true},     {u"klaus", u"Klaus Richter", u"agent", false},
};
constexpr qint64 AbsentStaffId = 3;

struct CustomerRow {
    const char16_t *name, *contact, *email, *phone, *address;
};
const CustomerRow customerRows[] = {
    {u"Hanse Logistik GmbH", u"Birte Hansen", u"b.hansen@hanse-logistik.example",
     u"+49 40 5550 1010", u"Am Sandtorkai 12, 20457 Hamburg"},
    {u"Weser Druckhaus KG", u"Olaf Meyer", u"meyer@weser-druckhaus.example", u"+49 421 5550 220",
     u"Hafenstraße 41, 28217 Bremen"},
    {u"Fördeklinikum Kiel gGmbH", u"Dr. Inga Petersen", u"technik@foerdeklinikum.example",
     u"+49 431 5550 330", u"Düsternbrooker Weg 8, 24105 Kiel"},
    {u"Holstentor Hotel GmbH", u"Jan-Erik Lorenzen", u"haustechnik@holstentor-hotel.example",
     u"+49 451 5550 440", u"Holstenstraße 3, 23552 Lübeck"},
    {u"Isartal Brauerei AG", u"Xaver Huber", u"x.huber@isartal-brauerei.example",
     u"+49 89 5550 5500", u"Lindwurmstraße 88, 80337 München"},
    {u"Schwabenwerk Maschinenbau GmbH", u"Katrin Maier", u"service@schwabenwerk.example",
     u"+49 711 5550 660", u"Pragstraße 140, 70376 Stuttgart"},
    {u"Augsburger Textilwerke GmbH", u"Stefan Lechner", u"s.lechner@atw-augsburg.example",
     u"+49 821 5550 770", u"Provinostraße 52, 86153 Augsburg"},
    {u"Schwarzwald Residenz Hotel & Spa", u"Julia Schäfer", u"j.schaefer@sw-residenz.example",
     u"+49 761 5550 880", u"Kaiser-Joseph-Straße 200, 79098 Freiburg"},
    {u"Rheinufer Büropark GmbH & Co. KG", u"Thomas Schmitz", u"facility@rheinufer-bp.example",
     u"+49 221 5550 990", u"Agrippinawerft 6, 50678 Köln"},
    {u"Kanzlei Dr. Berg & Partner", u"Dr. Nadine Berg", u"kanzlei@berg-partner.example",
     u"+49 211 5551 001", u"Königsallee 60, 40212 Düsseldorf"},
    {u"Ruhr Stahlhandel GmbH", u"Dirk Kowalski", u"d.kowalski@ruhr-stahl.example",
     u"+49 201 5551 112", u"Altendorfer Straße 97, 45143 Essen"},
    {u"Aachener Printenhaus Klein", u"Sabine Klein", u"info@printenhaus-klein.example",
     u"+49 241 5551 223", u"Büchel 14, 52062 Aachen"},
};

struct TemplateRow {
    const char16_t *name, *description;
    QList<qint64> flowIds;
};
// Flow ids: 1 problem_report, 2 general_inquiry, 3 spare_part_order. A lift offers no
// spare-part orders (parts are the technician's business), a coffee machine no inquiries.
const TemplateRow templateRows[] = {
    {u"Industriedrucker ID-900",
     u"Thermotransfer- und Laserdrucker für Versand, Etiketten und Lieferscheine.",
     {1, 3, 2}},
    {u"Aufzug LiftPro 630", u"Personen- und Lastenaufzug bis 630 kg, 8 Haltestellen.", {1, 2}},
    {u"Kaffeevollautomat CX-7", u"Kaffeevollautomat mit Milchsystem für Kantine und Büro.", {1, 3}},
};

struct FleetRow {
    const char16_t *name;
    core::FleetStrategy strategy;
    QList<qint64> memberIds;
};
// Each fleet has Lena, absent today, so that every strategy shows absent members skipped.
const FleetRow fleetRows[] = {
    {u"Nord", core::FleetStrategy::RoundRobin, {2, 3, 4, 6}},
    {u"Süd", core::FleetStrategy::LeastOpen, {5, 7, 6, 1, 3}},
    {u"West", core::FleetStrategy::Manual, {1, 4, 7, 8, 3}},
};
// Spare-part orders go to the parts desk (Tobias, in Süd with Mia as backup; in West,
// where assignment is manual, the rule names Murat and Mia for when it stops being so).
struct RuleRow {
    qint64 fleetId, flowId;
    QList<qint64> memberIds;
};
const RuleRow ruleRows[] = {{1, 3, {6}}, {2, 3, {6, 7}}, {3, 3, {4, 7}}};

// The name is the template's kind of device, the place and the city: "Aufzug Foyer (Köln)".
struct DeviceRow {
    const char16_t *serial, *location, *code; // location: "City, place"
    qint64 templateId, fleetId, customerId;   // customerId 0: unknown customer
    QString name() const
    {
        static const QString kinds[] = {u"Industriedrucker"_s, u"Aufzug"_s, u"Kaffeevollautomat"_s};
        const QStringList parts = QString::fromUtf16(location).split(u", "_s);
        return kinds[templateId - 1] + u' ' + parts.value(1) + u" ("_s + parts.value(0) + u')';
    }
};
// Fleets interleave so that devices 1, 2 and 3 are in Nord, Süd and West.
const DeviceRow deviceRows[] = {
    {u"ID9-2020-5917", u"Hamburg, Versand", u"NORD-AZ3Q-P5", 1, 1, 1},
    {u"ID9-2022-3064", u"München, Versand", u"SUED-CD9D-XF", 1, 2, 5},
    {u"ID9-2024-5012", u"Köln, Versand", u"WEST-83YN-53", 1, 3, 9},
    {u"LP6-2021-3568", u"Bremen, Haupthaus", u"NORD-3VMP-MD", 2, 1, 2},
    {u"LP6-2023-8303", u"Stuttgart, Haupthaus", u"SUED-SV7L-M9", 2, 2, 6},
    {u"LP6-2019-8856", u"Düsseldorf, Haupthaus", u"WEST-VEHK-AE", 2, 3, 10},
    {u"CX7-2022-5506", u"Kiel, Kantine", u"NORD-4RDV-8G", 3, 1, 3},
    {u"CX7-2024-8755", u"Augsburg, Kantine", u"SUED-VA9Z-WS", 3, 2, 7},
    {u"CX7-2020-4588", u"Essen, Kantine", u"WEST-ZVTN-68", 3, 3, 11},
    {u"ID9-2023-4981", u"Lübeck, Halle 2", u"NORD-3AA8-22", 1, 1, 4},
    {u"ID9-2019-5612", u"Freiburg, Halle 2", u"SUED-DDMR-C8", 1, 2, 8},
    {u"ID9-2021-4518", u"Aachen, Halle 2", u"WEST-8YBG-DK", 1, 3, 12},
    {u"LP6-2024-7918", u"Hamburg, Haus B", u"NORD-9BY9-KY", 2, 1, 1},
    {u"LP6-2020-5716", u"München, Haus B", u"SUED-XWL9-DZ", 2, 2, 5},
    {u"LP6-2022-3708", u"Köln, Haus B", u"WEST-88UQ-PV", 2, 3, 9},
    {u"CX7-2019-4804", u"Bremen, Teeküche 3. OG", u"NORD-A9H8-AG", 3, 1, 2},
    {u"CX7-2021-7174", u"Stuttgart, Teeküche 3. OG", u"SUED-Q7RC-ME", 3, 2, 6},
    {u"CX7-2023-9618", u"Düsseldorf, Teeküche 3. OG", u"WEST-P6T5-DJ", 3, 3, 10},
    {u"ID9-2020-6987", u"Kiel, Etikettierung", u"NORD-N8QN-FJ", 1, 1, 3},
    {u"ID9-2022-1197", u"Augsburg, Etikettierung", u"SUED-JR77-5B", 1, 2, 7},
    {u"ID9-2024-1324", u"Essen, Etikettierung", u"WEST-NGRJ-4P", 1, 3, 11},
    {u"LP6-2021-7702", u"Lübeck, Parkhaus", u"NORD-EQFN-MP", 2, 1, 4},
    {u"LP6-2023-1333", u"Freiburg, Parkhaus", u"SUED-VBEV-LW", 2, 2, 8},
    {u"LP6-2019-2216", u"Aachen, Parkhaus", u"WEST-VQ9Q-EP", 2, 3, 12},
    {u"CX7-2022-7632", u"Hamburg, Empfang", u"NORD-6SHX-K6", 3, 1, 1},
    {u"CX7-2024-5977", u"München, Empfang", u"SUED-9CVG-PJ", 3, 2, 5},
    {u"CX7-2020-7278", u"Köln, Empfang", u"WEST-NXC4-6E", 3, 3, 9},
    {u"ID9-2023-4459", u"Bremen, Wareneingang", u"NORD-2J5J-48", 1, 1, 2},
    {u"ID9-2019-7929", u"Stuttgart, Wareneingang", u"SUED-GQNT-CS", 1, 2, 6},
    {u"ID9-2021-4890", u"Düsseldorf, Wareneingang", u"WEST-EFL6-VL", 1, 3, 10},
    {u"LP6-2024-5439", u"Kiel, Lastenaufzug Lager", u"NORD-ZCN5-K4", 2, 1, 3},
    {u"LP6-2020-9274", u"Augsburg, Lastenaufzug Lager", u"SUED-9SXJ-BD", 2, 2, 7},
    {u"LP6-2022-5234", u"Essen, Lastenaufzug Lager", u"WEST-QN4X-E2", 2, 3, 11},
    {u"CX7-2019-9672", u"Lübeck, Besprechung Süd", u"NORD-6PLX-VF", 3, 1, 4},
    {u"CX7-2021-1858", u"Freiburg, Besprechung Süd", u"SUED-3G2N-A6", 3, 2, 8},
    {u"CX7-2023-3450", u"Aachen, Besprechung Süd", u"WEST-CBFB-TS", 3, 3, 12},
    {u"ID9-2020-4761", u"Hamburg, Druckstraße 1", u"NORD-C3FH-VV", 1, 1, 1},
    {u"ID9-2022-4293", u"München, Druckstraße 1", u"SUED-LEZC-FW", 1, 2, 5},
    {u"ID9-2024-3540", u"Köln, Druckstraße 1", u"WEST-VWNX-FR", 1, 3, 9},
    {u"LP6-2021-2329", u"Bremen, Bettenaufzug", u"NORD-8V7V-XL", 2, 1, 2},
    {u"LP6-2023-2727", u"Stuttgart, Bettenaufzug", u"SUED-UJ7T-XU", 2, 2, 6},
    {u"LP6-2019-4613", u"Düsseldorf, Bettenaufzug", u"WEST-R63B-B3", 2, 3, 10},
    {u"CX7-2022-2562", u"Kiel, Pausenraum Halle 1", u"NORD-7WTY-BG", 3, 1, 3},
    {u"CX7-2024-7677", u"Augsburg, Pausenraum Halle 1", u"SUED-ME9N-VP", 3, 2, 7},
    {u"CX7-2020-8797", u"Essen, Pausenraum Halle 1", u"WEST-S9E6-FF", 3, 3, 11},
    {u"ID9-2023-2917", u"Lübeck, Druckstraße 2", u"NORD-MURR-N5", 1, 1, 4},
    {u"ID9-2019-2263", u"Freiburg, Druckstraße 2", u"SUED-R8BW-7A", 1, 2, 8},
    {u"ID9-2021-7636", u"Aachen, Druckstraße 2", u"WEST-3SQV-DJ", 1, 3, 12},
    {u"LP6-2024-3068", u"Hamburg, Foyer", u"NORD-PKXP-5U", 2, 1, 1},
    {u"LP6-2020-3105", u"München, Foyer", u"SUED-SMWP-LC", 2, 2, 5},
    {u"LP6-2022-8528", u"Köln, Foyer", u"WEST-FDQL-PM", 2, 3, 9},
    {u"CX7-2019-2833", u"Bremen, Lounge", u"NORD-6XCB-5T", 3, 1, 2},
    {u"CX7-2021-7326", u"Stuttgart, Lounge", u"SUED-QM9J-DE", 3, 2, 6},
    {u"CX7-2023-9443", u"Düsseldorf, Lounge", u"WEST-FH95-X5", 3, 3, 10},
    {u"ID9-2020-1363", u"Kiel, Labor", u"NORD-PM24-6T", 1, 1, 3},
    {u"ID9-2022-7198", u"Augsburg, Labor", u"SUED-W9RS-AA", 1, 2, 7},
    {u"ID9-2024-6388", u"Essen, Labor", u"WEST-PDXW-2A", 1, 3, 11},
    {u"ID9-2021-9277", u"Lübeck, Poststelle", u"NORD-YBE6-TQ", 1, 1, 0},
    {u"ID9-2023-5768", u"Freiburg, Poststelle", u"SUED-APLR-MW", 1, 2, 0},
    {u"ID9-2019-5146", u"Aachen, Poststelle", u"WEST-SYAB-9W", 1, 3, 0},
};

QList<core::FlowField> flowFields(int flow)
{
    auto field = [](const QString &key, const QString &label, const QString &type, bool required,
                    const QStringList &options = {}, int maxLength = 0) {
        return core::FlowField{key, label, type, required, options, maxLength};
    };
    switch (flow) {
    case 1:
        return {
            field(u"errorCode"_s, u"Fehlercode im Display"_s, u"text"_s, false, {}, 40),
            field(u"since"_s, u"Seit wann besteht das Problem?"_s, u"select"_s, true,
                  {u"Heute"_s, u"Seit gestern"_s, u"Seit einigen Tagen"_s, u"Schon länger"_s}),
            field(u"usable"_s, u"Gerät noch nutzbar"_s, u"boolean"_s, true),
            field(u"tried"_s, u"Was haben Sie schon versucht?"_s, u"textarea"_s, false, {}, 2000)};
    case 2:
        return {field(u"topic"_s, u"Thema"_s, u"select"_s, true,
                      {u"Wartung"_s, u"Bedienung"_s, u"Vertrag"_s, u"Rechnung"_s, u"Sonstiges"_s}),
                field(u"callback"_s, u"Rückruf erwünscht"_s, u"boolean"_s, false),
                field(u"phone"_s, u"Telefon für Rückruf"_s, u"text"_s, false, {}, 40)};
    default:
        return {field(u"partNumber"_s, u"Teilenummer"_s, u"text"_s, true, {}, 40),
                field(u"quantity"_s, u"Menge"_s, u"number"_s, true),
                field(u"urgent"_s, u"Eilbestellung"_s, u"boolean"_s, false),
                field(u"deliveryNote"_s, u"Lieferhinweis"_s, u"textarea"_s, false, {}, 500)};
    }
}

QString fieldsText(int flow)
{
    QJsonArray a;
    for (const core::FlowField &f : flowFields(flow))
        a.append(f.toJson());
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QString idsText(const QList<qint64> &ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QString str(const char16_t *s)
{
    return QString::fromUtf16(s);
}

// INSERT INTO target ("table (columns)") VALUES (values); the driver's error into *error.
bool insert(QSqlDatabase &db, const QString &target, const QVariantList &values, QString *error)
{
    QSqlQuery q(db);
    bool ok = q.prepare(u"INSERT INTO "_s + target + u" VALUES ("_s +
                        QStringList(values.size(), u"?"_s).join(u", "_s) + u')');
    for (int i = 0; ok && i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (ok && q.exec())
        return true;
    *error = u"demo directory: "_s + q.lastError().text();
    return false;
}

} // namespace

QJsonObject demoAccountsJson()
{
    QJsonArray staff;
    for (const StaffRow &s : staffRows) {
        if (s.active)
            staff.append(QJsonObject{{u"login"_s, str(s.login)},
                                     {u"password"_s, u"demo"_s},
                                     {u"name"_s, str(s.name)},
                                     {u"role"_s, str(s.role)}});
    }
    // Devices 1..9: one of each template in each fleet, the first two in different fleets.
    QJsonArray devices;
    for (int i = 0; i < 9; ++i) {
        const DeviceRow &d = deviceRows[i];
        devices.append(QJsonObject{
            {u"code"_s, str(d.code)},
            {u"deviceId"_s, i + 1},
            {u"name"_s, d.name()},
            {u"fleet"_s, str(fleetRows[d.fleetId - 1].name)},
            {u"customer"_s, d.customerId ? str(customerRows[d.customerId - 1].name) : QString()}});
    }
    return {{u"staff"_s, staff}, {u"devices"_s, devices}};
}

bool insertDirectory(QSqlDatabase &db, qint64 nowMsecs, QString *error)
{
    qint64 id = 0;
    for (const StaffRow &s : staffRows) {
        ++id;
        const bool absent = id == AbsentStaffId;
        if (!insert(db,
                    u"staff (id, login, name, email, role, password_salt, password_hash, "
                    "password_iterations, active, absent_from, absent_to)"_s,
                    {id, str(s.login), str(s.name),
                     QString(str(s.login) + u"@demo-service.example"_s), str(s.role),
                     QByteArray(""), QByteArray(DemoPasswordHash), 0, s.active ? 1 : 0,
                     absent ? QVariant(nowMsecs - Day) : QVariant(),
                     absent ? QVariant(nowMsecs + 2 * Day) : QVariant()},
                    error))
            return false;
    }
    id = 0;
    for (const CustomerRow &c : customerRows) {
        ++id;
        if (!insert(db, u"customers (id, name, number, contact_name, email, phone, address)"_s,
                    {id, str(c.name), u"K-%1"_s.arg(10000 + id), str(c.contact), str(c.email),
                     str(c.phone), str(c.address)},
                    error))
            return false;
    }
    const QString flowKeys[] = {u"problem_report"_s, u"general_inquiry"_s, u"spare_part_order"_s};
    const QString flowNames[] = {u"Problembericht"_s, u"Allgemeine Anfrage"_s,
                                 u"Ersatzteilbestellung"_s};
    for (int f = 1; f <= 3; ++f) {
        if (!insert(db, u"flows (id, key, name, fields)"_s,
                    {f, flowKeys[f - 1], flowNames[f - 1], fieldsText(f)}, error))
            return false;
    }
    id = 0;
    for (const TemplateRow &t : templateRows) {
        ++id;
        if (!insert(db, u"templates (id, name, description)"_s,
                    {id, str(t.name), str(t.description)}, error))
            return false;
        for (int p = 0; p < t.flowIds.size(); ++p) {
            if (!insert(db, u"template_flows (template_id, flow_id, position)"_s,
                        {id, t.flowIds[p], p}, error))
                return false;
        }
    }
    id = 0;
    for (const FleetRow &f : fleetRows) {
        ++id;
        if (!insert(db, u"fleets (id, name, strategy)"_s,
                    {id, str(f.name), core::toString(f.strategy)}, error))
            return false;
        for (int p = 0; p < f.memberIds.size(); ++p) {
            if (!insert(db, u"fleet_members (fleet_id, staff_id, position)"_s,
                        {id, f.memberIds[p], p}, error))
                return false;
        }
    }
    for (const RuleRow &r : ruleRows) {
        if (!insert(db, u"fleet_flow_rules (fleet_id, flow_id, member_ids)"_s,
                    {r.fleetId, r.flowId, idsText(r.memberIds)}, error))
            return false;
    }
    id = 0;
    const QStringList &names = texts::pools().codeUserNames;
    qint64 codeUserId = 0;
    for (const DeviceRow &d : deviceRows) {
        ++id;
        if (!insert(
                db,
                u"devices (id, name, serial, location, code, template_id, fleet_id, customer_id)"_s,
                {id, d.name(), str(d.serial), str(d.location), str(d.code), d.templateId, d.fleetId,
                 d.customerId ? QVariant(d.customerId) : QVariant()},
                error))
            return false;
        // Two or three people per device who signed in with its code before the oldest ticket.
        const int count = 2 + int(id % 2);
        for (int k = 0; k < count; ++k) {
            ++codeUserId;
            const QString &name = names[(id * 7 + k * 5) % names.size()];
            if (!insert(db, u"code_users (id, device_id, name, created_at)"_s,
                        {codeUserId, id, name, nowMsecs - 200 * Day + codeUserId * 3600 * 1000LL},
                        error))
                return false;
        }
    }
    return true;
}

std::optional<Directory> loadDirectory(QSqlDatabase &db, QString *error)
{
    Directory dir;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    auto exec = [&](const QString &sql) {
        if (q.exec(sql))
            return true;
        *error = u"demo directory: "_s + q.lastError().text();
        return false;
    };
    if (!exec(u"SELECT id, name, active FROM staff ORDER BY id"_s))
        return std::nullopt;
    while (q.next()) {
        dir.staffNames.insert(q.value(0).toLongLong(), q.value(1).toString());
        if (q.value(2).toBool())
            dir.activeStaffIds.append(q.value(0).toLongLong());
    }
    if (!exec(u"SELECT id, key, name, fields FROM flows"_s))
        return std::nullopt;
    while (q.next()) {
        const QJsonObject o{
            {u"id"_s, q.value(0).toLongLong()},
            {u"key"_s, q.value(1).toString()},
            {u"name"_s, q.value(2).toString()},
            {u"fields"_s, QJsonDocument::fromJson(q.value(3).toByteArray()).array()}};
        dir.flows.insert(q.value(0).toLongLong(), core::Flow::fromJson(o));
    }
    if (!exec(u"SELECT template_id, flow_id FROM template_flows ORDER BY template_id, position"_s))
        return std::nullopt;
    while (q.next())
        dir.templateFlows[q.value(0).toLongLong()].append(q.value(1).toLongLong());
    if (!exec(u"SELECT id, name, strategy FROM fleets"_s))
        return std::nullopt;
    while (q.next()) {
        const qint64 fleetId = q.value(0).toLongLong();
        dir.fleets.insert(
            fleetId,
            {fleetId,
             q.value(1).toString(),
             core::parseFleetStrategy(q.value(2).toString()).value_or(core::FleetStrategy::Manual),
             {},
             {}});
    }
    if (!exec(u"SELECT fleet_id, staff_id FROM fleet_members ORDER BY fleet_id, position"_s))
        return std::nullopt;
    while (q.next())
        dir.fleets[q.value(0).toLongLong()].memberIds.append(q.value(1).toLongLong());
    if (!exec(u"SELECT fleet_id, flow_id, member_ids FROM fleet_flow_rules"_s))
        return std::nullopt;
    while (q.next()) {
        QList<qint64> ids;
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(2).toByteArray()).array())
            ids.append(v.toInteger());
        dir.fleets[q.value(0).toLongLong()].rules.insert(q.value(1).toLongLong(), ids);
    }
    if (!exec(u"SELECT id, template_id, fleet_id, customer_id FROM devices ORDER BY id"_s))
        return std::nullopt;
    QHash<qint64, qsizetype> deviceIndex;
    while (q.next()) {
        Directory::Device d;
        d.id = q.value(0).toLongLong();
        d.templateId = q.value(1).toLongLong();
        d.fleetId = q.value(2).toLongLong();
        if (!q.value(3).isNull())
            d.customerId = q.value(3).toLongLong();
        deviceIndex.insert(d.id, dir.devices.size());
        dir.devices.append(d);
    }
    if (!exec(u"SELECT id, device_id, name FROM code_users ORDER BY id"_s))
        return std::nullopt;
    while (q.next()) {
        const auto it = deviceIndex.constFind(q.value(1).toLongLong());
        if (it == deviceIndex.constEnd())
            continue;
        dir.devices[*it].codeUserIds.append(q.value(0).toLongLong());
        dir.codeUserNames.insert(q.value(0).toLongLong(), q.value(2).toString());
    }
    // A device needs a flow, a fleet with members and a code user to carry tickets.
    for (const Directory::Device &d : std::as_const(dir.devices)) {
        if (dir.templateFlows.value(d.templateId).isEmpty() ||
            dir.fleets.value(d.fleetId).memberIds.isEmpty() || d.codeUserIds.isEmpty()) {
            *error =
                u"demo directory: device %1 lacks flows, fleet members or code users"_s.arg(d.id);
            return std::nullopt;
        }
    }
    if (dir.devices.isEmpty()) {
        *error = u"demo directory: no devices (seed the demo directory first)"_s;
        return std::nullopt;
    }
    return dir;
}

} // namespace server::demo

#include "demolibrary.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::demo {
namespace {

struct Module {
    QString name, shortcut, language, body;
};

// A letter to the code user: greeting, `text`, the caret, closing and `signature`.
QString letter(bool german, const QString &text, const QString &signature = u"{me.name}"_s)
{
    return (german ? u"Guten Tag {codeUser.name},\n\n"_s : u"Hello {codeUser.name},\n\n"_s) + text +
           u" {cursor}\n\n"_s + (german ? u"Freundliche Grüße\n"_s : u"Kind regards\n"_s) +
           signature;
}

// clang-format off
const QList<Module> kModules{
    {u"Begrüßung"_s, u"hallo"_s, u"de"_s,
     letter(true, u"vielen Dank für Ihre Meldung zu {device.name} ({device.location})."_s)},
    {u"Techniker unterwegs"_s, u"techniker"_s, u"de"_s,
     letter(true, u"ein Techniker ist auf dem Weg zu {device.name} am Standort "
                   "{device.location}."_s)},
    {u"Ersatzteil bestellt"_s, u"ersatzteil"_s, u"de"_s,
     letter(true, u"das Ersatzteil für {device.name} (Seriennummer {device.serial}) ist "
                   "bestellt. Wir melden uns, sobald es eintrifft."_s)},
    {u"Rückfrage"_s, u"frage"_s, u"de"_s,
     letter(true, u"zu Ihrer Meldung {ticket.number} „{ticket.title}“ haben wir eine "
                   "Rückfrage:"_s)},
    {u"Foto erbeten"_s, u"foto"_s, u"de"_s,
     letter(true, u"könnten Sie uns ein Foto vom Typenschild an {device.name} schicken? Das "
                   "hilft uns, das richtige Teil zu finden."_s, u"{me.firstName}"_s)},
    {u"Problem behoben"_s, u"erledigt"_s, u"de"_s,
     letter(true, u"das Problem an {device.name} ist behoben. Bitte geben Sie uns Bescheid, "
                   "falls es erneut auftritt."_s)},
    {u"Greeting"_s, u"hello"_s, u"en"_s,
     letter(false, u"thank you for your report about {device.name} ({device.location})."_s)},
    {u"Technician on the way"_s, u"technician"_s, u"en"_s,
     letter(false, u"a technician is on the way to {device.name} at {device.location}."_s)},
    {u"Spare part ordered"_s, u"sparepart"_s, u"en"_s,
     letter(false, u"the spare part for {device.name} (serial number {device.serial}) is on "
                    "order. We will let you know as soon as it arrives."_s)},
    {u"Question"_s, u"question"_s, u"en"_s,
     letter(false, u"about your report {ticket.number} \"{ticket.title}\" we have a "
                    "question:"_s)},
    {u"Photo please"_s, u"photo"_s, u"en"_s,
     letter(false, u"could you send us a photo of the type plate on {device.name}? It helps us "
                    "find the right part."_s, u"{me.firstName}"_s)},
    {u"Problem solved"_s, u"solved"_s, u"en"_s,
     letter(false, u"the problem with {device.name} is solved. Please let us know should it "
                    "happen again."_s)},
};
// clang-format on

struct Macro {
    QString name;
    QJsonObject changes;
    QString note;
    QString message; // empty: none
};

QJsonValue post(const QString &body)
{
    return body.isEmpty() ? QJsonValue() : QJsonValue(QJsonObject{{u"body"_s, body}});
}

const QList<Macro> &macros()
{
    static const QList<Macro> all{
        {u"Ersatzteil bestellt"_s,
         {{u"status"_s, u"waiting"_s}, {u"assigneeId"_s, u"me"_s}},
         u"Ersatzteil bestellt."_s,
         kModules[2].body},
        {u"Techniker beauftragt"_s,
         {{u"status"_s, u"open"_s}, {u"priority"_s, u"high"_s}, {u"assigneeId"_s, u"me"_s}},
         u"Techniker beauftragt."_s,
         kModules[1].body},
        {u"Rückfrage an den Melder"_s, {{u"status"_s, u"waiting"_s}}, {}, kModules[3].body},
        {u"Anfrage beantwortet"_s,
         {{u"status"_s, u"resolved"_s}},
         u"Allgemeine Anfrage beantwortet."_s,
         {}},
    };
    return all;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

bool insertDemoLibrary(QSqlDatabase &db, qint64 nowMsecs, QString *error)
{
    QSqlQuery admin(db);
    if (!admin.exec(u"SELECT id FROM staff WHERE role = 'admin' ORDER BY id LIMIT 1"_s) ||
        !admin.next()) {
        *error = u"demo data: no admin owns the demo library"_s;
        return false;
    }
    const qint64 owner = admin.value(0).toLongLong();
    const auto insert = [&](const QString &table, const QString &name, qint64 position,
                            const QJsonObject &doc) {
        QSqlQuery q(db);
        q.prepare(u"INSERT INTO %1 (owner_id, shared, scope, name, position, doc, updated_at) "
                  "VALUES (?, 1, 0, ?, ?, ?, ?)"_s.arg(table));
        for (const QVariant &v : {QVariant(owner), QVariant(name), QVariant(position),
                                  QVariant(compact(doc)), QVariant(nowMsecs)})
            q.addBindValue(v);
        if (q.exec())
            return true;
        *error = u"demo data: "_s + q.lastError().text();
        return false;
    };
    for (const Module &m : kModules) {
        if (!insert(
                u"text_modules"_s, m.name, 0,
                {{u"shortcut"_s, m.shortcut}, {u"language"_s, m.language}, {u"body"_s, m.body}}))
            return false;
    }
    for (const Macro &m : macros()) {
        if (!insert(u"macros"_s, m.name, 0,
                    {{u"changes"_s, m.changes},
                     {u"note"_s, post(m.note)},
                     {u"message"_s, post(m.message)}}))
            return false;
    }
    return true;
}

} // namespace server::demo

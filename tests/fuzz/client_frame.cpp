// What the client reads from the server's event stream (src/client/eventstream.cpp onText):
// a text frame parsed as JSON, core::Event::fromJson, the presence user, and the domain types
// the models read from event data and API answers (core::*::fromJson). Written again with
// toJson and read back, an event is the same event.
#include "core/types.h"
#include "fuzzsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

template <typename T> void readAs(const QJsonValue &v)
{
    (void)T::fromJson(v.toObject());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(fuzz::bytes(data, size).toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return 0;
    const core::Event event = core::Event::fromJson(doc.object());
    const core::Event again = core::Event::fromJson(event.toJson());
    FUZZ_CHECK(again.seq == event.seq && again.type == event.type &&
                   again.ticketId == event.ticketId && again.at == event.at &&
                   again.data == event.data,
               QString::fromUtf8(QJsonDocument(event.toJson()).toJson()));

    // Presence names its user; the rest carry (parts of) tickets, posts, history, ratings.
    const core::UserRef user = core::UserRef::fromJson(event.data.value(u"user"_s).toObject());
    (void)user.toJson();
    for (const QJsonValue &v : {QJsonValue(event.data), event.data.value(u"ticket"_s),
                                event.data.value(u"post"_s), event.data.value(u"rating"_s)}) {
        const core::TicketSummary summary = core::TicketSummary::fromJson(v.toObject());
        (void)summary.toJson(true);
        QByteArray out;
        summary.appendJson(out, true);
        // The server's hand-written writer of list rows says what QJsonObject would.
        FUZZ_CHECK(QJsonDocument::fromJson(out).object() == summary.toJson(true),
                   QString::fromUtf8(out));
        const core::Ticket ticket = core::Ticket::fromJson(v.toObject());
        (void)ticket.toJson(true);
        readAs<core::Post>(v);
        readAs<core::HistoryEntry>(v);
        readAs<core::Rating>(v);
        readAs<core::Attachment>(v);
        readAs<core::StaffMember>(v);
        readAs<core::Customer>(v);
        readAs<core::Flow>(v);
        readAs<core::FlowRule>(v);
        readAs<core::Fleet>(v);
        readAs<core::Device>(v);
    }
    return 0;
}

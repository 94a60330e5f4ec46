#pragma once

#include "core/ticketquery.h"
#include "core/types.h"
#include "store/caller.h"

#include <QJsonValue>
#include <QSqlQuery>
#include <QString>

// Row mapping for tickets: the column lists the statements select and how a row becomes a
// domain value. Statements put the summary columns first, then their own.
namespace server::sqlite {
class Connection;
}

namespace server::sqlite::ticketrows {

// The summary columns with the joins that name flow, device, customer and assignee. LEFT
// JOINs keep `tickets` the outer loop, so ORDER BY can walk a tickets index.
extern const QString SummaryColumns;
extern const QString SummaryJoins; // the LEFT JOINs onto `tickets t`
extern const QString SummaryFrom;  // "FROM tickets t " + SummaryJoins
inline constexpr int SummaryColumnCount = 24;

core::TicketSummary summaryFrom(const QSqlQuery &q);
// One ticket's summary as staff see it (no visibility check).
std::optional<core::TicketSummary> readSummary(Connection &c, qint64 id);

// id, at, actor_kind, actor_id, actor_name, field, old_value, new_value, public_fact
extern const QString HistoryColumns;
core::HistoryEntry historyFrom(const QSqlQuery &q);

// id, name, size, content_type, sha256, internal, created_at, uploaded_by_kind,
// uploaded_by_id, uploaded_by_name
extern const QString AttachmentColumns;
core::Attachment attachmentFrom(const QSqlQuery &q);

// History values are stored as JSON texts ("\"open\"", "3", "null"); SQL NULL reads as null.
QString jsonText(const QJsonValue &value);
QJsonValue jsonValue(const QVariant &text);

// The value a summary has for a sort key, as the cursor stores it.
qint64 sortValue(const core::TicketSummary &t, core::SortKey::Field field);
// Whether a comes before b under `sort`, ties by id in the last key's direction.
bool comesBefore(const core::TicketSummary &a, const core::TicketSummary &b,
                 const QList<core::SortKey> &sort);

QString compactJson(const QJsonObject &o);
QJsonObject objectFrom(const QVariant &text); // empty for NULL

// The rows a ticket writes besides its own, inside the caller's transaction.
bool insertHistory(Connection &c, qint64 ticketId, const Caller &actor, qint64 at,
                   const QString &field, const QJsonValue &from, const QJsonValue &to,
                   bool publicFact, const QString &reason = {});
bool insertSearchText(Connection &c, qint64 ticketId, const QString &body);
// Rewrites the ticket's full-text row (kind 't') after its title changed.
bool rewriteSearchText(Connection &c, qint64 ticketId, const QString &body);

std::optional<qint64> optionalInteger(const QVariant &v);
QVariant nullable(const std::optional<qint64> &v);

} // namespace server::sqlite::ticketrows

#include "idempotencystore.h"

#include "connection.h"

#include <QRandomGenerator>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::sqlite {
namespace {
constexpr qint64 KeepMsecs = 48LL * 3600 * 1000;
} // namespace

std::optional<StoredResponse> SqliteIdempotencyStore::find(const QString &scope, const QString &key)
{
    QSqlQuery &q = m_c.prepared(
        u"SELECT request_hash, status, body FROM idempotency WHERE caller = ? AND key = ?"_s);
    q.addBindValue(scope);
    q.addBindValue(key);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    StoredResponse r{q.value(0).toByteArray(), q.value(1).toInt(), {}, {}};
    // The blob is "Name: value\r\n" lines, an empty line, then the body.
    const QByteArray blob = q.value(2).toByteArray();
    const qsizetype split = blob.indexOf("\r\n\r\n");
    if (split < 0) {
        r.body = blob;
        return r;
    }
    for (const QByteArray &line : blob.left(split).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            r.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    r.body = blob.mid(split + 4);
    return r;
}

void SqliteIdempotencyStore::save(const QString &scope, const QString &key,
                                  const StoredResponse &response, qint64 now)
{
    QSqlQuery &q = m_c.prepared(u"INSERT INTO idempotency (caller, key, request_hash, status, "
                                "body, created_at) VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(scope);
    q.addBindValue(key);
    q.addBindValue(response.requestHash);
    q.addBindValue(response.status);
    QByteArrayList lines;
    for (const auto &[name, value] : response.headers)
        lines.append(name + ": " + value);
    const QByteArray blob = lines.join("\r\n") + "\r\n\r\n" + response.body;
    q.addBindValue(blob);
    q.addBindValue(now);
    Connection::run(q);
    if (QRandomGenerator::global()->bounded(500) == 0) {
        // Keys are kept two days (the API promises at least one), then forgotten.
        QSqlQuery &prune = m_c.prepared(u"DELETE FROM idempotency WHERE created_at < ?"_s);
        prune.addBindValue(now - KeepMsecs);
        Connection::run(prune);
    }
}

} // namespace server::sqlite

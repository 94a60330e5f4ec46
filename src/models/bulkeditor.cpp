#include "bulkeditor.h"

#include "tickettablemodel.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "client/errortext.h"
#include "core/enums.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMap>
#include <QUrlQuery>
#include <memory>

using namespace Qt::StringLiterals;

namespace models {

BulkEditor::Target BulkEditor::Target::fromRows(const TicketTableModel *model,
                                                const QList<qint64> &ids)
{
    Target target;
    for (qint64 id : ids) {
        if (const core::TicketSummary *t = model->summary(id))
            target.tickets.append({id, t->version});
    }
    return target;
}

BulkEditor::Target BulkEditor::Target::fromQuery(const core::TicketQuery &query)
{
    Target target;
    target.query = query;
    return target;
}

BulkEditor::BulkEditor(client::ApiClient *api, TicketTableModel *table, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_table(table)
{
    m_undoTimer.setSingleShot(true);
    m_undoTimer.setInterval(DefaultUndoMs);
    connect(&m_undoTimer, &QTimer::timeout, this, [this] {
        m_undo.clear();
        Q_EMIT undoAvailableChanged(false);
    });
}

BulkEditor::~BulkEditor()
{
    if (m_job)
        m_job->abort();
}

QJsonObject BulkEditor::queryJson(const core::TicketQuery &query)
{
    QJsonObject json;
    // Relative days as local day starts: what the list shows is what is changed.
    const auto items =
        query.resolved(QDateTime::currentDateTime()).toUrlQuery().queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (name == u"sort" || name == u"limit" || name == u"cursor")
            continue;
        json.insert(name, value);
    }
    return json;
}

bool BulkEditor::apply(const Target &target, const QJsonObject &changes,
                       const std::optional<QString> &noteBody, const std::optional<qint64> &macroId)
{
    if (isBusy() || target.isEmpty() || (changes.isEmpty() && !noteBody && !macroId))
        return false;
    QJsonObject body;
    m_before.clear();
    // A macro's changes are the server's: every field it may change can be restored.
    const QJsonObject undoable = macroId ? QJsonObject{{u"priority"_s, 0},
                                                       {u"status"_s, 0},
                                                       {u"assigneeId"_s, 0},
                                                       {u"visibility"_s, 0}}
                                         : changes;
    if (target.query) {
        body.insert(u"query"_s, queryJson(*target.query));
        // The loaded rows' previous values; tickets beyond the loaded page have none here.
        if (m_table) {
            for (int row = 0; row < m_table->rowCount(); ++row) {
                const qint64 id = m_table->idAt(row);
                if (auto before = previousValues(id, undoable))
                    m_before.insert(id, *before);
            }
        }
    } else {
        QJsonArray tickets;
        for (const Target::Item &item : target.tickets) {
            tickets.append(QJsonObject{{u"id"_s, item.id}, {u"version"_s, item.version}});
            if (auto before = previousValues(item.id, undoable))
                m_before.insert(item.id, *before);
        }
        body.insert(u"tickets"_s, tickets);
    }
    if (!changes.isEmpty())
        body.insert(u"changes"_s, changes);
    if (noteBody)
        body.insert(u"note"_s, QJsonObject{{u"body"_s, *noteBody}});
    if (macroId)
        body.insert(u"macroId"_s, *macroId);
    m_changes = changes;
    m_undoable = undoable;
    m_note = noteBody;
    m_macroId = macroId;
    // Matches beyond the loaded rows: their values are read first, so that undo has them.
    if (target.query && m_table && m_table->canFetchMore({})) {
        readBefore(*target.query, body);
        return true;
    }
    return send(body, Kind::Apply);
}

void BulkEditor::readBefore(core::TicketQuery query, const QJsonObject &body)
{
    query.limit = core::TicketQuery::MaxLimit;
    client::ApiJob *job =
        m_api->get(u"/tickets"_s, query.resolved(QDateTime::currentDateTime()).toUrlQuery());
    connect(job, &client::ApiJob::finished, this,
            [this, query, body](const client::ApiResult &result) mutable {
                // Unread (no answer): the bulk call says what is wrong, or goes without undo.
                const QJsonArray items = result.items();
                for (const QJsonValue &v : items) {
                    const core::TicketSummary t = core::TicketSummary::fromJson(v.toObject());
                    if (auto before = valuesOf(&t, m_undoable))
                        m_before.insert(t.id, *before);
                }
                query.cursor = result.object().value(u"nextCursor"_s).toString();
                if (result.ok() && !query.cursor.isEmpty() && m_before.size() <= MaxTickets)
                    readBefore(query, body);
                else
                    send(body, Kind::Apply);
            });
    setJob(job);
}

std::optional<QJsonObject> BulkEditor::previousValues(qint64 id, const QJsonObject &changes) const
{
    const core::TicketSummary *t = m_table ? m_table->summary(id) : nullptr;
    if (!t)
        return std::nullopt;
    return valuesOf(t, changes);
}

std::optional<QJsonObject> BulkEditor::valuesOf(const core::TicketSummary *t,
                                                const QJsonObject &changes)
{
    QJsonObject before;
    if (changes.contains(u"priority"_s))
        before.insert(u"priority"_s, core::toString(t->priority));
    if (changes.contains(u"status"_s))
        before.insert(u"status"_s, core::toString(t->status));
    if (changes.contains(u"visibility"_s))
        before.insert(u"visibility"_s, core::toString(t->visibility));
    if (changes.contains(u"assigneeId"_s))
        before.insert(u"assigneeId"_s, t->assigneeId ? QJsonValue(*t->assigneeId) : QJsonValue());
    if (before.isEmpty())
        return std::nullopt;
    return before;
}

bool BulkEditor::send(const QJsonObject &body, Kind kind)
{
    client::ApiJob *job =
        m_api->post(u"/tickets/bulk"_s, body, client::ApiClient::newIdempotencyKey());
    connect(job, &client::ApiJob::finished, this,
            [this, kind](const client::ApiResult &result) { onAnswer(result, kind); });
    setJob(job);
    return true;
}

void BulkEditor::setJob(client::ApiJob *job)
{
    const bool wasBusy = isBusy();
    m_job = job;
    if (wasBusy != isBusy())
        Q_EMIT busyChanged(isBusy());
}

void BulkEditor::onAnswer(const client::ApiResult &result, Kind kind)
{
    setJob(nullptr);
    if (!result.ok()) {
        client::ApiError error = result.error;
        if (error.code == u"too_many")
            error.message = tr("More than %1 tickets: the server changes at most %1 at once. "
                               "Narrow the filter and try again.")
                                .arg(QLocale().toString(MaxTickets));
        else if (error.kind == client::ApiError::Kind::Network ||
                 error.kind == client::ApiError::Kind::Timeout)
            error.message = tr("The server cannot be reached: nothing was changed. Try again "
                               "when the connection is back.");
        m_restoring.clear();
        Q_EMIT refused(error);
        return;
    }
    if (kind != Kind::Undo) {
        m_failures.clear();
        m_applied = 0;
    }
    QList<Restore> undo;
    const QJsonArray results = result.object().value(u"results"_s).toArray();
    for (const QJsonValue &v : results) {
        const QJsonObject r = v.toObject();
        const qint64 id = r.value(u"id"_s).toInteger();
        const int status = r.value(u"status"_s).toInt();
        if (status == 200) {
            const QJsonObject ticket = r.value(u"ticket"_s).toObject();
            if (m_table && !ticket.isEmpty())
                m_table->applyTicket(ticket);
            if (kind != Kind::Undo && m_before.contains(id))
                undo.append({id, ticket.value(u"version"_s).toInteger(), m_before.value(id)});
            ++m_applied;
            Q_EMIT ticketApplied(id, ticket);
            continue;
        }
        Failure failure;
        failure.id = id;
        failure.status = status;
        const QJsonObject error = r.value(u"error"_s).toObject();
        failure.code = error.value(u"code"_s).toString();
        if (const core::TicketSummary *t = m_table ? m_table->summary(id) : nullptr)
            failure.number = t->number;
        failure.reason = client::serverErrorText(error, status);
        if (failure.reason.isEmpty())
            failure.reason = status == 412 ? tr("Someone else changed it in the meantime.")
                                           : error.value(u"message"_s).toString();
        m_failures.append(failure);
    }
    if (kind == Kind::Undo) {
        if (!m_restoring.isEmpty()) {
            sendRestores();
            return;
        }
        setUndo({});
    } else if (kind == Kind::Apply) {
        setUndo(undo);
    } else if (!undo.isEmpty()) { // a reapply adds to what the last change can undo
        QList<Restore> all = m_undo;
        all.append(undo);
        setUndo(all);
    }
    Q_EMIT finished(m_applied, int(m_failures.size()));
}

void BulkEditor::setUndo(QList<Restore> undo)
{
    const bool was = canUndo();
    m_undo = std::move(undo);
    if (m_undo.isEmpty())
        m_undoTimer.stop();
    else
        m_undoTimer.start();
    if (was != canUndo() || canUndo())
        Q_EMIT undoAvailableChanged(canUndo());
}

int BulkEditor::staleCount() const
{
    return int(std::count_if(m_failures.cbegin(), m_failures.cend(),
                             [](const Failure &f) { return f.status == 412; }));
}

bool BulkEditor::reapply()
{
    if (isBusy() || staleCount() == 0)
        return false;
    // Fresh versions first (GET each), then the same change on them.
    auto pending = std::make_shared<int>(0);
    auto fresh = std::make_shared<QJsonArray>();
    QList<qint64> ids;
    for (const Failure &f : std::as_const(m_failures)) {
        if (f.status == 412)
            ids.append(f.id);
    }
    *pending = int(ids.size());
    setJob(nullptr);
    for (qint64 id : ids) {
        client::ApiJob *job = m_api->get(u"/tickets/"_s + QString::number(id));
        m_job = job; // busy while reading
        connect(job, &client::ApiJob::finished, this,
                [this, pending, fresh](const client::ApiResult &r) {
                    if (r.ok()) {
                        const QJsonObject ticket = r.object();
                        if (m_table)
                            m_table->applyTicket(ticket);
                        const qint64 id = ticket.value(u"id"_s).toInteger();
                        if (auto before = previousValues(id, m_undoable))
                            m_before.insert(id, *before);
                        fresh->append(
                            QJsonObject{{u"id"_s, id}, {u"version"_s, ticket.value(u"version"_s)}});
                    }
                    if (--*pending > 0)
                        return;
                    m_job = nullptr;
                    if (fresh->isEmpty()) {
                        Q_EMIT busyChanged(false);
                        Q_EMIT refused(r.error);
                        return;
                    }
                    QJsonObject body{{u"tickets"_s, *fresh}};
                    if (!m_changes.isEmpty())
                        body.insert(u"changes"_s, m_changes);
                    if (m_note)
                        body.insert(u"note"_s, QJsonObject{{u"body"_s, *m_note}});
                    if (m_macroId)
                        body.insert(u"macroId"_s, *m_macroId);
                    send(body, Kind::Reapply);
                });
    }
    Q_EMIT busyChanged(true);
    return true;
}

bool BulkEditor::undo()
{
    if (isBusy() || !canUndo())
        return false;
    m_undoTimer.stop();
    m_restoring = std::exchange(m_undo, {});
    Q_EMIT undoAvailableChanged(false);
    m_failures.clear();
    m_applied = 0;
    sendRestores();
    return true;
}

void BulkEditor::sendRestores()
{
    // Tickets with the same previous values go together: one call per distinct set.
    QMap<QByteArray, QList<qint64>> groups;
    QHash<QByteArray, QJsonObject> values;
    for (const Restore &r : std::as_const(m_restoring)) {
        const QByteArray key = QJsonDocument(r.values).toJson(QJsonDocument::Compact);
        groups[key].append(r.id);
        values.insert(key, r.values);
    }
    const QByteArray key = groups.firstKey();
    const QList<qint64> ids = groups.value(key);
    QJsonArray tickets;
    for (const Restore &r : std::as_const(m_restoring)) {
        if (ids.contains(r.id))
            tickets.append(QJsonObject{{u"id"_s, r.id}, {u"version"_s, r.version}});
    }
    m_restoring.removeIf([&ids](const Restore &r) { return ids.contains(r.id); });
    send(QJsonObject{{u"tickets"_s, tickets}, {u"changes"_s, values.value(key)}}, Kind::Undo);
}

void BulkEditor::countMatching(const core::TicketQuery &query)
{
    QUrlQuery params = query.resolved(QDateTime::currentDateTime()).toUrlQuery();
    params.removeAllQueryItems(u"sort"_s);
    params.removeAllQueryItems(u"limit"_s);
    params.removeAllQueryItems(u"cursor"_s);
    client::ApiJob *job = m_api->get(u"/tickets/facets"_s, params);
    connect(job, &client::ApiJob::finished, this, [this, query](const client::ApiResult &r) {
        if (r.ok())
            Q_EMIT matchingCount(query, r.object().value(u"total"_s).toInt());
    });
}

} // namespace models

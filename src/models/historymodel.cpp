#include "historymodel.h"

#include "assignmentinfo.h"
#include "client/apiclient.h"
#include "client/apijob.h"
#include "labels.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace models {

namespace {

// Ids travel as numbers, but a value typed as text ("7") means the same.
std::optional<qint64> idFrom(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toInteger();
    if (v.isString()) {
        bool ok = false;
        const qint64 id = v.toString().toLongLong(&ok);
        if (ok)
            return id;
    }
    return std::nullopt;
}

QString statusText(const QJsonValue &v)
{
    const auto s = core::parseStatus(v.toString());
    return s ? statusLabel(*s) : v.toString();
}

QString priorityText(const QJsonValue &v)
{
    const auto p = core::parsePriority(v.toString());
    return p ? priorityLabel(*p) : v.toString();
}

QString visibilityText(const QJsonValue &v)
{
    const auto vis = core::parseVisibility(v.toString());
    return vis ? visibilityLabel(*vis) : v.toString();
}

} // namespace

HistoryModel::HistoryModel(client::ApiClient *api, QObject *parent)
    : QAbstractListModel(parent)
    , m_api(api)
{}

HistoryModel::~HistoryModel()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
}

void HistoryModel::setTicket(qint64 ticketId)
{
    ++m_generation;
    m_fetchAgain = false;
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
        m_job = nullptr;
    }
    beginResetModel();
    m_ticketId = ticketId;
    m_entries.clear();
    endResetModel();
    if (ticketId != 0)
        fetch();
}

void HistoryModel::fetch()
{
    m_job = m_api->get(u"/tickets/%1/history"_s.arg(m_ticketId));
    const quint64 generation = m_generation;
    connect(m_job, &client::ApiJob::finished, this,
            [this, generation](const client::ApiResult &result) {
                if (generation == m_generation)
                    onFetched(result);
            });
}

void HistoryModel::onFetched(const client::ApiResult &result)
{
    m_job = nullptr;
    if (!result.ok()) {
        m_fetchAgain = false;
        Q_EMIT errorOccurred(result.error);
        return;
    }
    QList<core::HistoryEntry> entries;
    const QJsonArray items = result.items();
    entries.reserve(items.size());
    for (const QJsonValue &v : items)
        entries.append(core::HistoryEntry::fromJson(v.toObject()));
    entries = withoutRepeats(entries);

    // The history only grows: what we have is normally a prefix of the answer.
    bool prefix = entries.size() >= m_entries.size();
    for (qsizetype i = 0; prefix && i < m_entries.size(); ++i)
        prefix = entries.at(i).id == m_entries.at(i).id;
    if (prefix) {
        if (entries.size() > m_entries.size()) {
            beginInsertRows({}, int(m_entries.size()), int(entries.size()) - 1);
            m_entries = entries;
            endInsertRows();
        }
    } else {
        beginResetModel();
        m_entries = entries;
        endResetModel();
    }

    if (std::exchange(m_fetchAgain, false))
        fetch();
}

QList<core::HistoryEntry> HistoryModel::withoutRepeats(const QList<core::HistoryEntry> &entries)
{
    // Each assignment is written twice: the assignee change and the record of how it was
    // made. A person's change says it all in its assignee row; a rule's in its record (the
    // assignee row beside it names the ticket's creator as the actor, which misleads).
    const auto byRule = [](const core::HistoryEntry &e) {
        return e.field == u"assignment" && e.to.toObject().value(u"by").toString() == u"rule";
    };
    QList<core::HistoryEntry> out;
    out.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const core::HistoryEntry &e = entries.at(i);
        if (e.field == u"assignment" && !byRule(e))
            continue;
        if (e.field == u"assigneeId" && i + 1 < entries.size() && byRule(entries.at(i + 1)) &&
            entries.at(i + 1).at == e.at)
            continue;
        out.append(e);
    }
    return out;
}

void HistoryModel::applyEvent(const core::Event &event)
{
    if (m_ticketId == 0 || event.ticketId != m_ticketId || event.type != u"ticket.updated")
        return;
    if (m_job)
        m_fetchAgain = true; // the running fetch may have been answered before this change
    else
        fetch();
}

void HistoryModel::setStaffNames(const QHash<qint64, QString> &names)
{
    if (names == m_names)
        return;
    m_names = names;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_entries.size()) - 1), {Qt::DisplayRole});
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::HistoryEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return sentence(entry);
    case Qt::ToolTipRole:
        // The whole sentence: the list elides long ones (a title, a flow rule).
        return plainToolTip(sentence(entry) + u'\n' + longDateTime(entry.at));
    case AtRole:
        return QDateTime::fromMSecsSinceEpoch(entry.at, Qt::UTC).toLocalTime();
    case ActorRole:
        return entry.actor.name;
    case FieldRole:
        return entry.field;
    case FromRole:
        return entry.from.toVariant();
    case ToRole:
        return entry.to.toVariant();
    default:
        return {};
    }
}

QString HistoryModel::assigneeText(const QJsonValue &value) const
{
    const std::optional<qint64> id = idFrom(value);
    if (!id)
        return tr("nobody");
    const QString name = m_names.value(*id);
    return name.isEmpty() ? tr("staff member #%1").arg(*id) : name;
}

QString HistoryModel::statusReason() const
{
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (it->field != u"status")
            continue;
        if (it->reason != u"code_user_message")
            return {};
        return tr("Reopened by %1's message \u00b7 %2")
            .arg(it->actor.name.isEmpty() ? tr("the code user") : it->actor.name,
                 shortDateTime(it->at));
    }
    return {};
}

QString HistoryModel::sentence(const core::HistoryEntry &e) const
{
    QString actor = e.actor.name;
    if (actor.isEmpty())
        actor = e.actor.type == u"system" ? tr("The system") : tr("Someone");
    const bool fromNone = e.from.isNull() || e.from.isUndefined();

    if (e.field == u"created")
        return tr("%1 created the ticket").arg(actor);
    if (e.field == u"status") {
        if (e.reason == u"code_user_message") // reopened by the code user's answer
            return tr("%1's message moved the status from %2 to %3")
                .arg(actor, statusText(e.from), statusText(e.to));
        if (fromNone)
            return tr("%1 set the status to %2").arg(actor, statusText(e.to));
        return tr("%1 changed the status from %2 to %3")
            .arg(actor, statusText(e.from), statusText(e.to));
    }
    if (e.field == u"priority") {
        if (fromNone)
            return tr("%1 set the priority to %2").arg(actor, priorityText(e.to));
        return tr("%1 changed the priority from %2 to %3")
            .arg(actor, priorityText(e.from), priorityText(e.to));
    }
    if (e.field == u"visibility") {
        if (fromNone)
            return tr("%1 set the visibility to %2").arg(actor, visibilityText(e.to));
        return tr("%1 changed the visibility from %2 to %3")
            .arg(actor, visibilityText(e.from), visibilityText(e.to));
    }
    if (e.field == u"assigneeId") {
        if (!idFrom(e.from))
            return idFrom(e.to) ? tr("%1 assigned the ticket to %2").arg(actor, assigneeText(e.to))
                                : tr("%1 left the ticket unassigned").arg(actor);
        if (!idFrom(e.to))
            return tr("%1 unassigned the ticket from %2").arg(actor, assigneeText(e.from));
        return tr("%1 changed the assignee from %2 to %3")
            .arg(actor, assigneeText(e.from), assigneeText(e.to));
    }
    if (e.field == u"assignment") {
        const QJsonObject record = e.to.toObject();
        const AssignmentInfo info =
            describeAssignment(record, [this](qint64 id) { return m_names.value(id); });
        if (info.flagged)
            return info.text;
        return tr("Fleet %1 assigned it to %2")
            .arg(info.rule, assigneeText(record.value(u"assigneeId")));
    }
    if (e.field == u"title")
        return tr("%1 changed the title to \u201c%2\u201d").arg(actor, e.to.toString());
    // A field this client does not know yet: still say who did something.
    return tr("%1 changed %2").arg(actor, e.field);
}

} // namespace models

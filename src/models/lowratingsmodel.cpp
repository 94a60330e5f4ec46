#include "lowratingsmodel.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "labels.h"

#include <QFont>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace models {

namespace {

// A comment on one line of the table; the tooltip shows it whole.
QString oneLine(QString text)
{
    text.replace(u"\r\n"_s, u" "_s);
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text.simplified();
}

} // namespace

LowRatingsModel::LowRatingsModel(client::ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{}

LowRatingsModel::~LowRatingsModel()
{
    cancelJob();
}

void LowRatingsModel::setStaffNames(const QHash<qint64, QString> &names)
{
    m_staffNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, AssigneeColumn), index(rowCount() - 1, AssigneeColumn),
                           {Qt::DisplayRole, SortRole});
}

void LowRatingsModel::cancelJob()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    m_job.clear();
}

void LowRatingsModel::setFirstPage(const RatingStatsQuery &query, const QList<LowRating> &ratings,
                                   const QString &nextCursor)
{
    cancelJob();
    // A new period or filter is a different list.
    beginResetModel();
    m_query = query;
    m_rows.clear();
    m_rowByTicket.clear();
    for (const LowRating &r : ratings) {
        if (m_rowByTicket.contains(r.ticketId))
            continue;
        m_rowByTicket.insert(r.ticketId, int(m_rows.size()));
        m_rows.append(r);
    }
    m_nextCursor = nextCursor;
    endResetModel();
}

void LowRatingsModel::clear()
{
    setFirstPage({}, {}, {});
}

qint64 LowRatingsModel::ticketIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).ticketId : 0;
}

int LowRatingsModel::rowOfTicket(qint64 ticketId) const
{
    return m_rowByTicket.value(ticketId, -1);
}

QString LowRatingsModel::assigneeName(const LowRating &rating) const
{
    if (rating.assigneeId == 0)
        return tr("Unassigned");
    QString name = m_staffNames.value(rating.assigneeId);
    if (name.isEmpty())
        name = rating.assigneeName;
    return name.isEmpty() ? u"#%1"_s.arg(rating.assigneeId) : name;
}

int LowRatingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LowRatingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LowRatingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LowRating &r = m_rows.at(index.row());
    if (role == TicketIdRole)
        return r.ticketId;
    switch (Column(index.column())) {
    case StarsColumn:
        if (role == Qt::DisplayRole)
            return starsText(r.stars);
        if (role == Qt::ToolTipRole)
            return tr("%n star(s)", nullptr, r.stars);
        if (role == SortRole)
            return r.stars;
        break;
    case DateColumn:
        if (role == Qt::DisplayRole)
            return shortDateTime(r.createdAt);
        if (role == Qt::ToolTipRole)
            return longDateTime(r.createdAt);
        if (role == SortRole)
            return r.createdAt;
        break;
    case TicketColumn:
        if (role == Qt::DisplayRole)
            return QString(r.number + u"  "_s + oneLine(r.title));
        if (role == Qt::ToolTipRole)
            return plainToolTip(r.number + u'\n' + r.title);
        if (role == SortRole)
            return r.number;
        break;
    case CommentColumn:
        if (role == Qt::DisplayRole)
            return r.comment.trimmed().isEmpty() ? tr("(no comment)") : oneLine(r.comment);
        if (role == Qt::ToolTipRole)
            return plainToolTip(r.comment);
        if (role == Qt::FontRole && r.comment.trimmed().isEmpty()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (role == SortRole)
            return r.comment;
        break;
    case AssigneeColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return assigneeName(r);
        break;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LowRatingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return {};
    switch (Column(section)) {
    case StarsColumn:
        return tr("Stars");
    case DateColumn:
        return tr("Rated");
    case TicketColumn:
        return tr("Ticket");
    case CommentColumn:
        return tr("Comment");
    case AssigneeColumn:
        return tr("Credited to");
    case ColumnCount:
        break;
    }
    return {};
}

bool LowRatingsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_nextCursor.isEmpty() && !m_job;
}

void LowRatingsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    RatingStatsQuery query = m_query;
    query.cursor = m_nextCursor;
    m_job = m_api->get(u"/stats/ratings"_s, query.toUrlQuery());
    connect(m_job, &client::ApiJob::finished, this, [this](const client::ApiResult &result) {
        m_job.clear();
        if (!result.ok()) {
            Q_EMIT errorOccurred(result.error);
            return;
        }
        appendPage(result);
    });
}

void LowRatingsModel::appendPage(const client::ApiResult &result)
{
    const QJsonObject low = result.object().value(u"lowRatings"_s).toObject();
    const QJsonArray items = low.value(u"items"_s).toArray();
    QList<LowRating> fresh;
    for (const QJsonValue &v : items) {
        LowRating r = parseLowRating(v.toObject());
        // A rating given meanwhile must not appear twice.
        if (!m_rowByTicket.contains(r.ticketId))
            fresh.append(r);
    }
    m_nextCursor = low.value(u"nextCursor"_s).toString();
    if (!fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const LowRating &r : std::as_const(fresh)) {
            m_rowByTicket.insert(r.ticketId, int(m_rows.size()));
            m_rows.append(r);
        }
        endInsertRows();
    }
    Q_EMIT pageLoaded(int(fresh.size()));
}

} // namespace models

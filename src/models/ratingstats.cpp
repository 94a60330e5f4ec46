#include "ratingstats.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "core/timeutil.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace models {

namespace {

std::optional<double> optionalNumber(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    return v.toDouble();
}

InTimeFigures parseInTime(const QJsonObject &o)
{
    InTimeFigures f;
    f.firstReplyCount = o.value(u"firstReplyCount"_s).toInt();
    f.firstReplyInTimeShare = optionalNumber(o.value(u"firstReplyInTimeShare"_s));
    f.resolvedWithTargetCount = o.value(u"resolvedWithTargetCount"_s).toInt();
    f.resolvedInTimeShare = optionalNumber(o.value(u"resolvedInTimeShare"_s));
    return f;
}

PeriodFigures parseFigures(const QJsonObject &o, bool *ok)
{
    PeriodFigures f;
    f.count = o.value(u"count"_s).toInt();
    f.average = optionalNumber(o.value(u"average"_s));
    f.satisfiedShare = optionalNumber(o.value(u"satisfiedShare"_s));
    f.resolvedCount = o.value(u"resolvedCount"_s).toInt();
    f.responseRate = optionalNumber(o.value(u"responseRate"_s));
    f.inTime = parseInTime(o);
    const QJsonArray distribution = o.value(u"distribution"_s).toArray();
    if (distribution.size() != 5 || !o.value(u"count"_s).isDouble())
        *ok = false;
    for (int i = 0; i < 5 && i < distribution.size(); ++i)
        f.distribution[size_t(i)] = distribution.at(i).toInt();
    return f;
}

QList<BreakdownRow> parseBreakdown(const QJsonArray &items)
{
    QList<BreakdownRow> rows;
    rows.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        BreakdownRow row;
        row.id = o.value(u"id"_s).toInteger();
        row.name = o.value(u"name"_s).toString();
        row.count = o.value(u"count"_s).toInt();
        row.average = optionalNumber(o.value(u"average"_s));
        row.satisfiedShare = optionalNumber(o.value(u"satisfiedShare"_s));
        row.inTime = parseInTime(o);
        rows.append(row);
    }
    return rows;
}

QString isoDate(QDate date)
{
    return date.toString(Qt::ISODate);
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(u',');
}

} // namespace

QString dimensionKey(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Staff:
        return u"staff"_s;
    case Dimension::Flow:
        return u"flow"_s;
    case Dimension::Fleet:
        return u"fleet"_s;
    case Dimension::Template:
        return u"template"_s;
    case Dimension::Customer:
        return u"customer"_s;
    }
    return {};
}

QString dimensionFilterParameter(Dimension dimension)
{
    // Ratings are credited to the staff member assigned when they were given.
    return dimension == Dimension::Staff ? u"assignee"_s : dimensionKey(dimension);
}

QString dimensionLabel(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Staff:
        return QCoreApplication::translate("models::RatingStats", "Staff member");
    case Dimension::Flow:
        return QCoreApplication::translate("models::RatingStats", "Category");
    case Dimension::Fleet:
        return QCoreApplication::translate("models::RatingStats", "Fleet");
    case Dimension::Template:
        return QCoreApplication::translate("models::RatingStats", "Template");
    case Dimension::Customer:
        return QCoreApplication::translate("models::RatingStats", "Customer");
    }
    return {};
}

QString dimensionNoneLabel(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Staff:
        return QCoreApplication::translate("models::RatingStats", "Unassigned");
    case Dimension::Customer:
        return QCoreApplication::translate("models::RatingStats", "No customer");
    case Dimension::Flow:
    case Dimension::Fleet:
    case Dimension::Template:
        break;
    }
    return QCoreApplication::translate("models::RatingStats", "None");
}

QString groupByKey(GroupBy groupBy)
{
    switch (groupBy) {
    case GroupBy::Day:
        return u"day"_s;
    case GroupBy::Week:
        return u"week"_s;
    case GroupBy::Month:
        return u"month"_s;
    }
    return {};
}

QString averageText(std::optional<double> average)
{
    if (!average)
        return u"\u2013"_s;
    return QLocale().toString(*average, 'f', 2);
}

QString shareText(std::optional<double> share)
{
    if (!share)
        return u"\u2013"_s;
    //: A share in percent; German puts a space before the sign.
    return QCoreApplication::translate("models::RatingStats", "%1%")
        .arg(QLocale().toString(*share * 100.0, 'f', 1));
}

QList<SeriesPoint> parseSeries(const QJsonArray &series)
{
    QList<SeriesPoint> points;
    points.reserve(series.size());
    for (const QJsonValue &v : series) {
        const QJsonObject o = v.toObject();
        SeriesPoint p;
        p.bucket = QDate::fromString(o.value(u"bucket"_s).toString(), Qt::ISODate);
        p.count = o.value(u"count"_s).toInt();
        p.average = optionalNumber(o.value(u"average"_s));
        p.inTime = parseInTime(o);
        points.append(p);
    }
    return points;
}

LowRating parseLowRating(const QJsonObject &o)
{
    LowRating r;
    r.ticketId = o.value(u"ticketId"_s).toInteger();
    r.number = o.value(u"number"_s).toString();
    r.title = o.value(u"title"_s).toString();
    r.stars = o.value(u"stars"_s).toInt();
    r.comment = o.value(u"comment"_s).toString();
    r.assigneeId = o.value(u"assigneeId"_s).toInteger();
    r.assigneeName = o.value(u"assignee"_s).toObject().value(u"name"_s).toString();
    r.createdAt = core::parseIsoUtc(o.value(u"createdAt"_s).toString()).value_or(0);
    return r;
}

RatingStats parseRatingStats(const QJsonObject &json, bool *ok)
{
    bool valid = json.value(u"summary"_s).isObject() && json.value(u"period"_s).isObject() &&
                 json.value(u"series"_s).isArray() && json.value(u"breakdown"_s).isObject() &&
                 json.value(u"lowRatings"_s).isObject();
    RatingStats stats;
    const QJsonObject period = json.value(u"period"_s).toObject();
    const auto from = core::parseIsoUtc(period.value(u"from"_s).toString());
    const auto to = core::parseIsoUtc(period.value(u"to"_s).toString());
    valid = valid && from && to;
    stats.from = from.value_or(0);
    stats.to = to.value_or(0);
    stats.previousFrom = core::parseIsoUtc(period.value(u"previousFrom"_s).toString()).value_or(0);
    stats.previousTo = core::parseIsoUtc(period.value(u"previousTo"_s).toString()).value_or(0);
    const QString groupBy = period.value(u"groupBy"_s).toString();
    stats.groupBy = groupBy == u"month"_s  ? GroupBy::Month
                    : groupBy == u"week"_s ? GroupBy::Week
                                           : GroupBy::Day;
    stats.timeZone = period.value(u"timeZone"_s).toString();

    const QJsonObject summary = json.value(u"summary"_s).toObject();
    static_cast<PeriodFigures &>(stats.summary) = parseFigures(summary, &valid);
    stats.summary.previous = parseFigures(summary.value(u"previous"_s).toObject(), &valid);
    stats.series = parseSeries(json.value(u"series"_s).toArray());

    const QJsonObject breakdown = json.value(u"breakdown"_s).toObject();
    for (int d = 0; d < DimensionCount; ++d)
        stats.breakdown[size_t(d)] =
            parseBreakdown(breakdown.value(dimensionKey(Dimension(d))).toArray());

    const QJsonObject low = json.value(u"lowRatings"_s).toObject();
    const QJsonArray items = low.value(u"items"_s).toArray();
    for (const QJsonValue &v : items)
        stats.lowRatings.append(parseLowRating(v.toObject()));
    stats.nextCursor = low.value(u"nextCursor"_s).toString();

    if (ok)
        *ok = valid;
    return valid ? stats : RatingStats{};
}

RatingStatsQuery RatingStatsQuery::forPreset(Preset preset, QDate today, QDate customFrom,
                                             QDate customTo)
{
    RatingStatsQuery q;
    q.to = today.addDays(1);
    switch (preset) {
    case Preset::Last7Days:
        q.from = today.addDays(-6);
        break;
    case Preset::Last30Days:
        q.from = today.addDays(-29);
        break;
    case Preset::Last90Days:
        q.from = today.addDays(-89);
        break;
    case Preset::Last12Months:
        // Whole calendar months, so that every bucket of the trend is a full month but the
        // current one.
        q.from = QDate(today.year(), today.month(), 1).addMonths(-11);
        q.groupBy = GroupBy::Month;
        return q;
    case Preset::Custom:
        q.from = std::min(customFrom, customTo);
        q.to = std::max(customFrom, customTo).addDays(1);
        break;
    }
    q.groupBy = groupByFor(q.from, q.to);
    return q;
}

GroupBy RatingStatsQuery::groupByFor(QDate from, QDate to)
{
    const qint64 days = from.daysTo(to);
    if (days <= 62)
        return GroupBy::Day;
    if (days <= 186)
        return GroupBy::Week;
    return GroupBy::Month;
}

void RatingStatsQuery::setFilter(Dimension dimension, qint64 id)
{
    QList<qint64> &ids = filters[size_t(dimension)];
    ids.clear();
    if (id > 0)
        ids.append(id);
}

QUrlQuery RatingStatsQuery::toUrlQuery() const
{
    QUrlQuery q;
    if (from.isValid())
        q.addQueryItem(u"from"_s, isoDate(from));
    if (to.isValid())
        q.addQueryItem(u"to"_s, isoDate(to));
    q.addQueryItem(u"groupBy"_s, groupByKey(groupBy));
    for (int d = 0; d < DimensionCount; ++d) {
        if (!filters[size_t(d)].isEmpty())
            q.addQueryItem(dimensionFilterParameter(Dimension(d)), idList(filters[size_t(d)]));
    }
    if (limit > 0)
        q.addQueryItem(u"limit"_s, QString::number(limit));
    if (!cursor.isEmpty())
        q.addQueryItem(u"cursor"_s, QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    return q;
}

RatingStatsQuery RatingStatsQuery::previousPeriod() const
{
    RatingStatsQuery q = *this;
    q.to = from;
    if (groupBy == GroupBy::Month && from.day() == 1) {
        // From the first of a month: as many months before (the current one counted whole),
        // so that the buckets line up month by month.
        const int months =
            (to.year() - from.year()) * 12 + to.month() - from.month() + (to.day() > 1 ? 1 : 0);
        q.from = from.addMonths(-months);
    } else {
        q.from = from.addDays(-from.daysTo(to));
    }
    q.cursor.clear();
    q.limit = 1; // only the series is wanted
    return q;
}

RatingStatsSource::RatingStatsSource(client::ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{}

RatingStatsSource::~RatingStatsSource()
{
    cancel();
}

void RatingStatsSource::cancel(bool abort)
{
    // Disconnect first: abort() emits finished(), whose answer is no longer wanted.
    for (client::ApiJob *job : {m_job.data(), m_previousJob.data()}) {
        if (!job)
            continue;
        job->disconnect(this);
        if (abort)
            job->abort();
    }
    m_job.clear();
    m_previousJob.clear();
}

void RatingStatsSource::load(const RatingStatsQuery &query)
{
    const bool wasLoading = isLoading();
    cancel();
    m_query = query;
    m_query.cursor.clear();
    m_haveCurrent = false;
    m_havePrevious = false;
    m_pending = {};
    m_pendingPrevious.clear();

    const auto failed = [this](const client::ApiResult &result) {
        // The other request's answer is not wanted either; it may be on its way already.
        cancel(false);
        Q_EMIT loadingChanged(false);
        Q_EMIT errorOccurred(result.error);
    };
    m_job = m_api->get(u"/stats/ratings"_s, m_query.toUrlQuery());
    connect(m_job, &client::ApiJob::finished, this,
            [this, failed](const client::ApiResult &result) {
                m_job.clear();
                if (!result.ok())
                    return failed(result);
                bool ok = false;
                m_pending = parseRatingStats(result.object(), &ok);
                if (!ok) {
                    client::ApiResult bad = result;
                    bad.error.kind = client::ApiError::Kind::Parse;
                    bad.error.message = tr("The server's statistics could not be read.");
                    return failed(bad);
                }
                m_haveCurrent = true;
                finishIfComplete();
            });
    m_previousJob = m_api->get(u"/stats/ratings"_s, m_query.previousPeriod().toUrlQuery());
    connect(m_previousJob, &client::ApiJob::finished, this,
            [this, failed](const client::ApiResult &result) {
                m_previousJob.clear();
                if (!result.ok())
                    return failed(result);
                m_pendingPrevious = parseSeries(result.object().value(u"series"_s).toArray());
                m_havePrevious = true;
                finishIfComplete();
            });
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
}

void RatingStatsSource::finishIfComplete()
{
    if (!m_haveCurrent || !m_havePrevious)
        return;
    m_stats = std::move(m_pending);
    m_stats.previousSeries = std::move(m_pendingPrevious);
    m_pending = {};
    m_pendingPrevious.clear();
    Q_EMIT loadingChanged(false);
    Q_EMIT loaded(m_stats);
}

} // namespace models

#include "ratingstatscsv.h"

#include "core/timeutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>
#include <cmath>

using namespace Qt::StringLiterals;

namespace models {

namespace csv {

QString field(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') &&
        !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString line(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString &f : fields)
        out.append(field(f));
    return out.join(u',') + u"\r\n"_s;
}

QString guardFormula(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.front();
    if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
        first == u'\r')
        return u'\'' + text;
    return text;
}

QList<QStringList> parse(const QString &input)
{
    QStringView text(input);
    if (text.startsWith(QChar(0xfeff)))
        text = text.mid(1);
    QList<QStringList> rows;
    QStringList row;
    QString current;
    bool quoted = false;
    bool fieldStarted = false;
    const auto endRow = [&] {
        if (fieldStarted || !row.isEmpty())
            row.append(current);
        rows.append(row);
        row.clear();
        current.clear();
        fieldStarted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    current.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                current.append(c);
            }
            continue;
        }
        if (c == u'"') {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            row.append(current);
            current.clear();
            fieldStarted = true; // a comma promises another field, even an empty one
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            endRow();
        } else {
            current.append(c);
            fieldStarted = true;
        }
    }
    if (fieldStarted || !row.isEmpty())
        endRow();
    return rows;
}

} // namespace csv

namespace {

// Four decimals are more than any reader of the figures needs; no exponent, no grouping.
QString number(std::optional<double> v)
{
    if (!v)
        return {};
    return QString::number(std::round(*v * 10000.0) / 10000.0, 'g', 12);
}

QString number(int v)
{
    return QString::number(v);
}

QDate dayIn(qint64 msecs, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, zone).date();
}

// The headings' translation context.
class RatingStatsCsv
{
    Q_DECLARE_TR_FUNCTIONS(models::RatingStatsCsv)

public:
    static QByteArray write(const RatingStatsCsvInput &input);

private:
    static void appendFigures(QString &out, const Summary &s);
};

void RatingStatsCsv::appendFigures(QString &out, const Summary &s)
{
    out += csv::line({tr("Figure"), tr("This period"), tr("Previous period")});
    const PeriodFigures &p = s.previous;
    out += csv::line({tr("Ratings"), number(s.count), number(p.count)});
    out += csv::line({tr("Average stars"), number(s.average), number(p.average)});
    out += csv::line({tr("Satisfied share"), number(s.satisfiedShare), number(p.satisfiedShare)});
    out += csv::line({tr("Response rate"), number(s.responseRate), number(p.responseRate)});
    out += csv::line({tr("Resolved tickets"), number(s.resolvedCount), number(p.resolvedCount)});
    out += csv::line({tr("First reply in time"), number(s.inTime.firstReplyInTimeShare),
                      number(p.inTime.firstReplyInTimeShare)});
    out += csv::line({tr("First replies with a target"), number(s.inTime.firstReplyCount),
                      number(p.inTime.firstReplyCount)});
    out += csv::line({tr("Resolved in time"), number(s.inTime.resolvedInTimeShare),
                      number(p.inTime.resolvedInTimeShare)});
    out +=
        csv::line({tr("Resolved tickets with a target"), number(s.inTime.resolvedWithTargetCount),
                   number(p.inTime.resolvedWithTargetCount)});
    // Spelled out: %n plurals need a translation even in English.
    const QStringList starLabels{tr("1 star"), tr("2 stars"), tr("3 stars"), tr("4 stars"),
                                 tr("5 stars")};
    for (size_t i = 0; i < 5; ++i) {
        out += csv::line(
            {starLabels.at(qsizetype(i)), number(s.distribution[i]), number(p.distribution[i])});
    }
}

QByteArray RatingStatsCsv::write(const RatingStatsCsvInput &input)
{
    const RatingStats &stats = *input.stats;
    QTimeZone zone(stats.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    QString out;
    // The period's last day: `to` is exclusive.
    out += csv::line({tr("Rating statistics"), dayIn(stats.from, zone).toString(Qt::ISODate),
                      dayIn(stats.to - 1, zone).toString(Qt::ISODate)});
    if (stats.previousFrom != 0 && stats.previousTo != 0) {
        out +=
            csv::line({tr("Previous period"), dayIn(stats.previousFrom, zone).toString(Qt::ISODate),
                       dayIn(stats.previousTo - 1, zone).toString(Qt::ISODate)});
    }
    out += csv::line({tr("Filters"), csv::guardFormula(input.filterDescription)});
    out += u"\r\n"_s;
    appendFigures(out, stats.summary);

    out += u"\r\n"_s;
    out += csv::line({tr("Trend from"), tr("Ratings"), tr("Average stars"),
                      tr("First reply in time"), tr("Resolved in time")});
    for (const SeriesPoint &p : stats.series)
        out += csv::line({p.bucket.toString(Qt::ISODate), number(p.count), number(p.average),
                          number(p.inTime.firstReplyInTimeShare),
                          number(p.inTime.resolvedInTimeShare)});

    for (int d = 0; d < DimensionCount; ++d) {
        const auto dimension = Dimension(d);
        out += u"\r\n"_s;
        out +=
            csv::line({dimensionLabel(dimension), tr("Ratings"), tr("Average stars"),
                       tr("Satisfied share"), tr("First reply in time"), tr("Resolved in time")});
        const QList<BreakdownRow> &shown = input.breakdowns[size_t(d)];
        const QList<BreakdownRow> &rows = shown.isEmpty() ? stats.breakdownFor(dimension) : shown;
        for (const BreakdownRow &row : rows) {
            const QString name = row.id == 0 && row.name.isEmpty() ? dimensionNoneLabel(dimension)
                                                                   : csv::guardFormula(row.name);
            out += csv::line({name, number(row.count), number(row.average),
                              number(row.satisfiedShare), number(row.inTime.firstReplyInTimeShare),
                              number(row.inTime.resolvedInTimeShare)});
        }
    }

    out += u"\r\n"_s;
    const QTimeZone &shownZone = input.timeZone;
    const QString zoneName = QString::fromUtf8(shownZone.id());
    //: Heading of the column of times; %1 names the time zone ("Europe/Berlin")
    out += csv::line({tr("Low rating given (%1)").arg(zoneName), tr("Stars"), tr("Ticket"),
                      tr("Title"), tr("Comment"), tr("Credited to")});
    for (const LowRating &r : input.lowRatings) {
        QString assignee = input.staffNames.value(r.assigneeId, r.assigneeName);
        if (r.assigneeId == 0)
            assignee = dimensionNoneLabel(Dimension::Staff);
        else if (assignee.isEmpty())
            assignee = u"#%1"_s.arg(r.assigneeId);
        const QString given =
            QDateTime::fromMSecsSinceEpoch(r.createdAt, shownZone).toString(u"yyyy-MM-dd HH:mm"_s);
        out += csv::line({given, number(r.stars), r.number, csv::guardFormula(r.title),
                          csv::guardFormula(r.comment), csv::guardFormula(assignee)});
    }
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

} // namespace

QByteArray ratingStatsCsv(const RatingStatsCsvInput &input)
{
    return RatingStatsCsv::write(input);
}

} // namespace models

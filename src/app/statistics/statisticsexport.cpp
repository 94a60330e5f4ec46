#include "statistics/statisticsexport.h"

#include "models/breakdownmodel.h"
#include "models/directory.h"
#include "models/lowratingsmodel.h"
#include "models/ratingstats.h"
#include "models/ratingstatscsv.h"
#include "statistics/statisticsfigures.h"
#include "statistics/statisticsfilters.h"
#include "widgets/messagebanner.h"

#include <QAction>
#include <QDir>
#include <QMenu>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace statistics {

StatisticsExport::StatisticsExport(Sources sources)
    : m_sources(std::move(sources))
{}

void StatisticsExport::setUpMenu(QMenu *menu, const AskFileName &ask)
{
    QWidget *view = m_sources.view;
    menu->addAction(tr("Figures and breakdowns as &CSV…"), view, [this, ask] {
        const QString name =
            ask(tr("Export rating statistics"), suggestedFileName(tr("ratings"), u"csv"_s),
                tr("CSV files (*.csv)"));
        if (!name.isEmpty())
            exportCsv(name);
    });
    menu->addSeparator();
    const std::array<std::pair<Chart, QString>, ChartCount> charts{
        {{Chart::Stars, tr("Star chart")},
         {Chart::Trend, tr("Trend chart")},
         {Chart::Breakdown, tr("Breakdown chart")}}};
    for (const auto &[chart, label] : charts) {
        const auto save = [this, ask, chart = chart, label = label] {
            const QString name =
                ask(tr("Save %1").arg(label),
                    suggestedFileName(QString(label).toLower().replace(u' ', u'-'), u"png"_s),
                    tr("PNG images (*.png)"));
            if (!name.isEmpty())
                saveChartImage(chart, name);
        };
        menu->addAction(tr("%1 as PNG…").arg(label), view, save);
        // The same from the chart's own context menu.
        QWidget *chartView = m_sources.charts->view(chart);
        auto *action = new QAction(tr("Save as PNG…"), chartView);
        QObject::connect(action, &QAction::triggered, view, save);
        chartView->addAction(action);
        chartView->setContextMenuPolicy(Qt::ActionsContextMenu);
    }
    menu->addSeparator();
    menu->addAction(tr("Print to P&DF…"), view, [this, ask] {
        const QString name =
            ask(tr("Print rating statistics to PDF"), suggestedFileName(tr("ratings"), u"pdf"_s),
                tr("PDF files (*.pdf)"));
        if (!name.isEmpty())
            printPdf(name);
    });
}

QString StatisticsExport::suggestedFileName(const QString &what, const QString &suffix) const
{
    const models::RatingStatsQuery &q = m_sources.source->query();
    if (!q.from.isValid())
        return what + u'.' + suffix;
    return u"%1-%2-%3.%4"_s.arg(what, q.from.toString(Qt::ISODate),
                                q.to.addDays(-1).toString(Qt::ISODate), suffix);
}

void StatisticsExport::reportSaved(const QString &fileName)
{
    m_sources.banner->setMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)),
                                 MessageBanner::Kind::Info);
}

bool StatisticsExport::exportCsv(const QString &fileName)
{
    const models::RatingStats &stats = m_sources.source->stats();
    if (stats.to == 0) {
        m_sources.banner->setMessage(tr("There are no statistics to export yet."),
                                     MessageBanner::Kind::Warning);
        return false;
    }
    // What the view shows, as it shows it: the breakdowns in the table's order, the times
    // in the local zone of the low ratings' table.
    models::RatingStatsCsvInput input;
    input.stats = &stats;
    input.lowRatings = m_sources.lowRatings->ratings();
    input.staffNames = m_sources.directory->staffNames();
    input.filterDescription = m_sources.filters->description();
    for (int d = 0; d < models::DimensionCount; ++d)
        input.breakdowns[size_t(d)] = m_sources.breakdown->rowsFor(models::Dimension(d));
    input.timeZone = QTimeZone::systemTimeZone();
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(models::ratingStatsCsv(input)) < 0 ||
        !file.commit()) {
        m_sources.banner->setMessage(
            tr("Could not write %1: %2")
                .arg(QDir::toNativeSeparators(fileName), file.errorString()),
            MessageBanner::Kind::Error);
        return false;
    }
    reportSaved(fileName);
    return true;
}

bool StatisticsExport::saveChartImage(Chart chart, const QString &fileName)
{
    const QPixmap image = m_sources.charts->grab(chart);
    if (image.isNull() || !image.save(fileName, "PNG")) {
        m_sources.banner->setMessage(
            tr("Could not write %1.").arg(QDir::toNativeSeparators(fileName)),
            MessageBanner::Kind::Error);
        return false;
    }
    reportSaved(fileName);
    return true;
}

bool StatisticsExport::printPdf(const QString &fileName)
{
    if (m_sources.source->stats().to == 0) {
        m_sources.banner->setMessage(tr("There are no statistics to print yet."),
                                     MessageBanner::Kind::Warning);
        return false;
    }
    QPdfWriter pdf(fileName);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    // Screen resolution: the charts draw as on screen (as vectors), fonts keep their size.
    pdf.setResolution(96);
    pdf.setTitle(tr("Rating statistics"));
    pdf.setCreator(u"Ticket Backoffice"_s);
    QPainter painter;
    if (!painter.begin(&pdf)) {
        m_sources.banner->setMessage(
            tr("Could not write %1.").arg(QDir::toNativeSeparators(fileName)),
            MessageBanner::Kind::Error);
        return false;
    }
    const StatisticsReport::Content content = reportContent();
    StatisticsReport(painter, pdf, content).paint();
    painter.end();
    reportSaved(fileName);
    return true;
}

StatisticsReport::Content StatisticsExport::reportContent() const
{
    StatisticsReport::Content c;
    const models::RatingStats &stats = m_sources.source->stats();
    c.stats = &stats;
    c.subtitle = StatisticsFigures::periodText(stats, stats.from, stats.to);
    if (const QString filters = m_sources.filters->description(); !filters.isEmpty())
        c.subtitle += u" · "_s + filters;
    for (int i = 0; i < StatisticsFigures::KindCount; ++i) {
        const auto kind = StatisticsFigures::Kind(i);
        c.captions.append(m_sources.figures->caption(kind));
        c.values.append(m_sources.figures->value(kind));
        c.changes.append(m_sources.figures->change(kind));
    }
    c.emptyText = m_sources.emptyText();
    c.breakdown = m_sources.breakdown;
    c.lowRatings = m_sources.lowRatings;
    c.charts = m_sources.charts;
    c.font = m_sources.view->font();
    return c;
}

} // namespace statistics

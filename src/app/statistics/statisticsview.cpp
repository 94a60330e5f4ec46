#include "statistics/statisticsview.h"

#include "ui_statisticsview.h"

#include "client/apiclient.h"
#include "dialogs.h"
#include "models/breakdownmodel.h"
#include "models/directory.h"
#include "models/lowratingsmodel.h"
#include "models/ratingstats.h"
#include "statistics/statisticsbreakdown.h"
#include "statistics/statisticsexport.h"
#include "statistics/statisticsfigures.h"
#include "statistics/statisticsfilters.h"
#include "statistics/statisticsperiod.h"
#include "widgets/messagebanner.h"
#include "widgets/screenfit.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QShortcut>
#include <QTime>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;
using statistics::Chart;

namespace {

constexpr int RefreshDelayMs = 300;

} // namespace

StatisticsView::StatisticsView(client::ApiClient *api, models::Directory *directory,
                               QSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::StatisticsView>())
    , m_api(api)
    , m_directory(directory)
    , m_settings(settings)
    , m_source(std::make_unique<models::RatingStatsSource>(api))
    , m_breakdown(std::make_unique<models::BreakdownModel>())
    , m_lowRatings(std::make_unique<models::LowRatingsModel>(api))
{
    m_ui->setupUi(this);
    m_ui->messageBanner->hide();
    m_ui->statusLabel->setForegroundRole(QPalette::PlaceholderText);

    m_charts = new statistics::StatisticsCharts(this);
    m_ui->chartsSplitter->addWidget(m_charts->view(Chart::Stars));
    m_ui->chartsSplitter->addWidget(m_charts->view(Chart::Trend));
    m_ui->chartsSplitter->setStretchFactor(0, 2);
    m_ui->chartsSplitter->setStretchFactor(1, 3);
    m_ui->breakdownSplitter->insertWidget(0, m_charts->view(Chart::Breakdown));
    // The table beside the bars holds the ratings and the in-time shares: half each.
    m_ui->breakdownSplitter->setStretchFactor(0, 1);
    m_ui->breakdownSplitter->setStretchFactor(1, 1);
    m_ui->contentSplitter->setStretchFactor(0, 3);
    m_ui->contentSplitter->setStretchFactor(1, 3);
    m_ui->contentSplitter->setStretchFactor(2, 2);

    m_breakdownSection = new statistics::StatisticsBreakdown(
        m_breakdown.get(), m_ui->breakdownTableView, m_ui->dimensionComboBox, m_ui->sortComboBox,
        m_charts, this);
    setUpLowRatingsTable();
    m_period = std::make_unique<statistics::StatisticsPeriod>(
        m_ui->periodComboBox, m_ui->fromDateEdit, m_ui->periodDashLabel, m_ui->toDateEdit,
        m_ui->periodRangeLabel);

    m_ui->emptyHintLabel->setForegroundRole(QPalette::PlaceholderText);

    m_figures = std::make_unique<statistics::StatisticsFigures>(this, m_ui->figuresLayout);
    // The filter boxes take the row's width (the spacer none).
    m_ui->filtersSpacer->changeSize(0, 0, QSizePolicy::Minimum, QSizePolicy::Minimum);
    m_ui->filtersLayout->invalidate();
    m_filters = std::make_unique<statistics::StatisticsFilters>(
        m_ui->fleetComboBox, m_ui->flowComboBox, m_ui->assigneeComboBox, m_ui->templateComboBox,
        m_ui->customerComboBox);
    statistics::StatisticsExport::Sources sources;
    sources.view = this;
    sources.source = m_source.get();
    sources.breakdown = m_breakdown.get();
    sources.lowRatings = m_lowRatings.get();
    sources.directory = m_directory;
    sources.charts = m_charts;
    sources.banner = m_ui->messageBanner;
    sources.figures = m_figures.get();
    sources.filters = m_filters.get();
    sources.emptyText = [this]() -> QString {
        return m_ui->emptyLabel->text() + u"\n"_s + m_ui->emptyHintLabel->text();
    };
    m_export = std::make_unique<statistics::StatisticsExport>(std::move(sources));
    auto *exportMenu = new QMenu(this);
    m_export->setUpMenu(
        exportMenu, [this](const QString &title, const QString &suggested, const QString &filter) {
            return askSaveFileName(title, suggested, filter);
        });
    m_ui->exportButton->setMenu(exportMenu);
    setUpShortcuts();

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(RefreshDelayMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &StatisticsView::refresh);

    connect(m_ui->periodComboBox, &QComboBox::currentIndexChanged, this,
            &StatisticsView::onPeriodChanged);
    for (QDateEdit *edit : {m_ui->fromDateEdit, m_ui->toDateEdit})
        connect(edit, &QDateEdit::dateChanged, this, &StatisticsView::scheduleRefresh);
    for (QComboBox *combo : m_filters->comboBoxes())
        connect(combo, &QComboBox::currentIndexChanged, this, &StatisticsView::scheduleRefresh);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &StatisticsView::refresh);

    connect(m_ui->lowRatingsTableView, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) {
                if (const qint64 id = m_lowRatings->ticketIdAt(index.row()))
                    Q_EMIT openTicketRequested(id);
            });

    connect(m_source.get(), &models::RatingStatsSource::loaded, this, &StatisticsView::onLoaded);
    connect(m_source.get(), &models::RatingStatsSource::errorOccurred, this,
            &StatisticsView::onError);
    connect(m_source.get(), &models::RatingStatsSource::loadingChanged, this, [this](bool on) {
        if (on)
            m_ui->statusLabel->setText(tr("Loading…"));
    });
    connect(m_lowRatings.get(), &models::LowRatingsModel::errorOccurred, this,
            &StatisticsView::onError);
    const auto fillFilters = [this] {
        m_filters->fill(*m_directory);
        m_lowRatings->setStaffNames(m_directory->staffNames());
    };
    connect(m_directory, &models::Directory::loaded, this, fillFilters);
    fillFilters();

    restoreState();
    onPeriodChanged();
    m_refreshTimer->stop(); // the owner asks for the first load
    m_ui->stackedWidget->setCurrentWidget(m_ui->contentPage);
}

StatisticsView::~StatisticsView()
{
    if (m_shown)
        saveState();
}

void StatisticsView::onPeriodChanged()
{
    m_period->update(m_restoring);
    scheduleRefresh();
}

void StatisticsView::scheduleRefresh()
{
    if (!m_restoring)
        m_refreshTimer->start();
}

models::RatingStatsQuery StatisticsView::currentQuery() const
{
    models::RatingStatsQuery q = m_period->query();
    m_filters->applyTo(q);
    return q;
}

void StatisticsView::refresh()
{
    m_refreshTimer->stop();
    m_newRatings = 0;
    m_source->load(currentQuery());
}

void StatisticsView::noteNewRating()
{
    ++m_newRatings;
    if (!m_source->isLoading()) // else the answer shows it (it may not hold this rating)
        m_ui->statusLabel->setText(newRatingsText());
}

QString StatisticsView::newRatingsText() const
{
    return tr("%n new rating(s): press F5 to take them in", nullptr, m_newRatings);
}

void StatisticsView::onLoaded(const models::RatingStats &stats)
{
    // The first answer names the server's zone: where its today is another day, this
    // answer is for the wrong days; ask again (once, the zone is kept).
    const QTimeZone zone(stats.timeZone.toUtf8());
    if (zone.isValid() && zone != m_period->timeZone()) {
        const QDate before = m_period->today();
        m_period->setTimeZone(zone);
        m_period->saveState(*m_settings);
        if (m_period->today() != before && !m_source->isLoading()) {
            m_period->update(m_restoring);
            refresh();
            return;
        }
    }
    m_ui->messageBanner->clear();
    m_ui->statusLabel->setText(
        m_newRatings > 0
            ? newRatingsText()
            : tr("Updated %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    m_ui->periodRangeLabel->setText(
        statistics::StatisticsFigures::periodText(stats, stats.from, stats.to));
    m_figures->show(stats);
    m_breakdown->setStats(stats);
    m_lowRatings->setFirstPage(m_source->query(), stats.lowRatings, stats.nextCursor);
    const int low = stats.summary.distribution[0] + stats.summary.distribution[1];
    m_ui->lowRatingsLabel->setText(
        tr("Low ratings (1 or 2 stars): %1 — double-click one to open its ticket")
            .arg(QLocale().toString(low)));
    m_charts->setDistribution(stats.summary.distribution);
    m_charts->setTrend(stats.series, stats.previousSeries, stats.groupBy);

    if (stats.isEmpty()) {
        const bool filtered = !m_filters->description().isEmpty();
        QString hint =
            stats.summary.previous.count > 0
                ? tr("The previous period had %n rating(s).", nullptr, stats.summary.previous.count)
                : tr("Ratings appear here once code users rate their resolved "
                     "tickets.");
        hint += u' ' + (filtered ? tr("Try a longer period or fewer filters.")
                                 : tr("Try a longer period."));
        m_ui->emptyHintLabel->setText(hint);
        m_ui->stackedWidget->setCurrentWidget(m_ui->emptyPage);
    } else {
        m_ui->stackedWidget->setCurrentWidget(m_ui->contentPage);
    }
}

void StatisticsView::onError(const client::ApiError &error)
{
    m_ui->statusLabel->clear();
    if (error.kind == client::ApiError::Kind::Canceled)
        return;
    m_ui->messageBanner->setMessage(tr("The statistics could not be loaded: %1").arg(error.message),
                                    MessageBanner::Kind::Error);
}

bool StatisticsView::isShowingEmptyState() const
{
    return m_ui->stackedWidget->currentWidget() == m_ui->emptyPage;
}

void StatisticsView::saveState() const
{
    QSettings *s = m_settings;
    s->setValue(u"statistics/geometry"_s, saveGeometry());
    s->setValue(u"statistics/contentSplitter"_s, m_ui->contentSplitter->saveState());
    s->setValue(u"statistics/chartsSplitter"_s, m_ui->chartsSplitter->saveState());
    s->setValue(u"statistics/breakdownSplitter"_s, m_ui->breakdownSplitter->saveState());
    s->setValue(u"statistics/lowRatingsHeader"_s,
                m_ui->lowRatingsTableView->horizontalHeader()->saveState());
    m_period->saveState(*s);
    m_breakdownSection->saveState(*s);
}

void StatisticsView::restoreState()
{
    m_restoring = true;
    QSettings *s = m_settings;
    if (!restoreGeometry(s->value(u"statistics/geometry"_s).toByteArray()))
        resizeWithinScreen(this, QSize(1280, 900));
    // First time: charts get most of the room, the tables what they need.
    if (!m_ui->contentSplitter->restoreState(
            s->value(u"statistics/contentSplitter"_s).toByteArray()))
        m_ui->contentSplitter->setSizes({360, 380, 240});
    if (!m_ui->chartsSplitter->restoreState(s->value(u"statistics/chartsSplitter"_s).toByteArray()))
        m_ui->chartsSplitter->setSizes({540, 740});
    if (!m_ui->breakdownSplitter->restoreState(
            s->value(u"statistics/breakdownSplitter"_s).toByteArray()))
        m_ui->breakdownSplitter->setSizes({600, 680});
    m_ui->lowRatingsTableView->horizontalHeader()->restoreState(
        s->value(u"statistics/lowRatingsHeader"_s).toByteArray());
    m_period->restoreState(*s);
    m_breakdownSection->restoreState(*s);
    m_restoring = false;
}

void StatisticsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_shown = true;
}

void StatisticsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_shown)
        saveState();
}

void StatisticsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_charts->applyPalette();
        if (m_source->stats().to != 0)
            m_figures->show(m_source->stats());
    }
}

QStringList StatisticsView::chartLabelsShown(Chart chart) const
{
    return m_charts->labelsShown(chart);
}

QList<statistics::SeriesValues> StatisticsView::chartSeries(Chart chart) const
{
    return m_charts->seriesValues(chart);
}

QStringList StatisticsView::chartCategories(Chart chart) const
{
    return m_charts->categories(chart);
}

void StatisticsView::setUpLowRatingsTable()
{
    m_ui->lowRatingsTableView->setModel(m_lowRatings.get());
    QHeaderView *lowHeader = m_ui->lowRatingsTableView->horizontalHeader();
    lowHeader->setSectionResizeMode(QHeaderView::Interactive);
    lowHeader->resizeSection(models::LowRatingsModel::StarsColumn, 90);
    lowHeader->resizeSection(models::LowRatingsModel::DateColumn, 130);
    lowHeader->resizeSection(models::LowRatingsModel::TicketColumn, 300);
    lowHeader->resizeSection(models::LowRatingsModel::CommentColumn, 420);
    // The credited staff member next to the date, where a lead looks first; the comment
    // takes the rest of the width.
    lowHeader->moveSection(models::LowRatingsModel::AssigneeColumn, 2);
    for (QTableView *table : {m_ui->breakdownTableView, m_ui->lowRatingsTableView})
        table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
}

void StatisticsView::setUpShortcuts()
{
    auto *refreshShortcut = new QShortcut(QKeySequence::Refresh, this);
    connect(refreshShortcut, &QShortcut::activated, this, &StatisticsView::refresh);
    // A window of its own: Esc and Ctrl+W close it, as they close dialogs and tabs.
    for (const QKeySequence &keys :
         {QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W)}) {
        auto *closeShortcut = new QShortcut(keys, this);
        connect(closeShortcut, &QShortcut::activated, this, &QWidget::close);
    }
}

QString StatisticsView::askSaveFileName(const QString &title, const QString &suggested,
                                        const QString &filter)
{
    const QString dir = m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory;
    const QString name =
        Dialogs::of(this).saveFileName(this, title, QDir(dir).filePath(suggested), filter);
    if (!name.isEmpty())
        m_lastDirectory = QFileInfo(name).absolutePath();
    return name;
}

bool StatisticsView::exportCsv(const QString &fileName)
{
    return m_export->exportCsv(fileName);
}

bool StatisticsView::saveChartImage(Chart chart, const QString &fileName)
{
    return m_export->saveChartImage(chart, fileName);
}

bool StatisticsView::printPdf(const QString &fileName)
{
    return m_export->printPdf(fileName);
}

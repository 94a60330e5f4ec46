#include "statistics/statisticsview.h"

#include "ui_statisticsview.h"

#include "client/apiclient.h"
#include "models/breakdownmodel.h"
#include "models/directory.h"
#include "models/lowratingsmodel.h"
#include "models/ratingstats.h"
#include "widgets/messagebanner.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QSet>
#include <QSettings>
#include <QShortcut>
#include <QTimeZone>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;
using models::Dimension;
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
    m_ui->breakdownSplitter->setStretchFactor(0, 3);
    m_ui->breakdownSplitter->setStretchFactor(1, 2);
    m_ui->contentSplitter->setStretchFactor(0, 3);
    m_ui->contentSplitter->setStretchFactor(1, 3);
    m_ui->contentSplitter->setStretchFactor(2, 2);

    m_ui->breakdownTableView->setModel(m_breakdown.get());
    QHeaderView *header = m_ui->breakdownTableView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(models::BreakdownModel::NameColumn, QHeaderView::Stretch);
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
    // The locale's short date, but with the whole year: "3/1/01" reads as anything.
    QString dateFormat = QLocale().dateFormat(QLocale::ShortFormat);
    if (!dateFormat.contains(u"yyyy"_s))
        dateFormat.replace(u"yy"_s, u"yyyy"_s);
    m_ui->fromDateEdit->setDisplayFormat(dateFormat);
    m_ui->toDateEdit->setDisplayFormat(dateFormat);

    for (int d = 0; d < models::DimensionCount; ++d)
        m_ui->dimensionComboBox->addItem(models::dimensionLabel(Dimension(d)), d);
    m_ui->emptyHintLabel->setForegroundRole(QPalette::PlaceholderText);

    setUpFigures();
    setUpExportMenu();

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(RefreshDelayMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &StatisticsView::refresh);

    connect(m_ui->periodComboBox, &QComboBox::currentIndexChanged, this,
            &StatisticsView::onPeriodChanged);
    for (QDateEdit *edit : {m_ui->fromDateEdit, m_ui->toDateEdit})
        connect(edit, &QDateEdit::dateChanged, this, &StatisticsView::scheduleRefresh);
    for (QComboBox *combo : {m_ui->fleetComboBox, m_ui->flowComboBox, m_ui->assigneeComboBox,
                             m_ui->templateComboBox, m_ui->customerComboBox})
        connect(combo, &QComboBox::currentIndexChanged, this, &StatisticsView::scheduleRefresh);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &StatisticsView::refresh);
    auto *refreshShortcut = new QShortcut(QKeySequence::Refresh, this);
    connect(refreshShortcut, &QShortcut::activated, this, &StatisticsView::refresh);

    connect(m_ui->dimensionComboBox, &QComboBox::currentIndexChanged, this, [this] {
        m_breakdown->setDimension(Dimension(m_ui->dimensionComboBox->currentData().toInt()));
    });
    connect(m_ui->sortComboBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        static constexpr std::array<int, 4> columns{
            models::BreakdownModel::AverageColumn, models::BreakdownModel::CountColumn,
            models::BreakdownModel::SatisfiedColumn, models::BreakdownModel::NameColumn};
        const int column = columns[size_t(std::clamp(index, 0, 3))];
        m_ui->breakdownTableView->sortByColumn(column, column == models::BreakdownModel::NameColumn
                                                           ? Qt::AscendingOrder
                                                           : Qt::DescendingOrder);
    });
    connect(header, &QHeaderView::sortIndicatorChanged, this, &StatisticsView::syncSortCombo);
    connect(m_breakdown.get(), &QAbstractItemModel::modelReset, this,
            &StatisticsView::updateBreakdownChart);
    connect(m_breakdown.get(), &QAbstractItemModel::layoutChanged, this,
            &StatisticsView::updateBreakdownChart);
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
    connect(m_directory, &models::Directory::loaded, this, &StatisticsView::fillFilters);
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

void StatisticsView::fillCombo(QComboBox *combo, const QString &all,
                               const QList<QPair<qint64, QString>> &items)
{
    const qint64 current = combo->currentData().toLongLong();
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(all, qint64(0));
    for (const auto &[id, name] : items)
        combo->addItem(name, id);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

void StatisticsView::fillFilters()
{
    const auto sorted = [](QList<QPair<qint64, QString>> items) {
        std::sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
            return a.second.localeAwareCompare(b.second) < 0;
        });
        return items;
    };
    QList<QPair<qint64, QString>> fleets, flows, staff, templates, customers;
    for (const core::Fleet &f : m_directory->fleets())
        fleets.append({f.id, f.name});
    for (const core::Flow &f : m_directory->flows())
        flows.append({f.id, f.name});
    for (const core::StaffMember &m : m_directory->staffModel()->staff())
        staff.append({m.id, m.name});
    // Templates are known through the devices that use them (ratings come from devices).
    QSet<qint64> seen;
    for (const core::Device &d : m_directory->devices()) {
        if (d.templateId > 0 && !seen.contains(d.templateId)) {
            seen.insert(d.templateId);
            templates.append({d.templateId, d.templateName});
        }
    }
    for (const core::Customer &c : m_directory->customers())
        customers.append({c.id, c.name});
    fillCombo(m_ui->fleetComboBox, tr("All fleets"), sorted(fleets));
    fillCombo(m_ui->flowComboBox, tr("All categories"), sorted(flows));
    fillCombo(m_ui->assigneeComboBox, tr("All staff"), sorted(staff));
    fillCombo(m_ui->templateComboBox, tr("All templates"), sorted(templates));
    fillCombo(m_ui->customerComboBox, tr("All customers"), sorted(customers));
    m_lowRatings->setStaffNames(m_directory->staffNames());
}

void StatisticsView::onPeriodChanged()
{
    const auto preset =
        models::RatingStatsQuery::Preset(std::max(0, m_ui->periodComboBox->currentIndex()));
    const bool custom = preset == models::RatingStatsQuery::Preset::Custom;
    if (!custom && !m_restoring) {
        // A custom period starts from the preset chosen last.
        const models::RatingStatsQuery q =
            models::RatingStatsQuery::forPreset(preset, QDate::currentDate());
        const QSignalBlocker blockFrom(m_ui->fromDateEdit);
        const QSignalBlocker blockTo(m_ui->toDateEdit);
        m_ui->fromDateEdit->setDate(q.from);
        m_ui->toDateEdit->setDate(q.to.addDays(-1));
    }
    m_ui->fromDateEdit->setVisible(custom);
    m_ui->periodDashLabel->setVisible(custom);
    m_ui->toDateEdit->setVisible(custom);
    m_ui->periodRangeLabel->setVisible(!custom);
    scheduleRefresh();
}

void StatisticsView::scheduleRefresh()
{
    if (!m_restoring)
        m_refreshTimer->start();
}

models::RatingStatsQuery StatisticsView::currentQuery() const
{
    const auto preset =
        models::RatingStatsQuery::Preset(std::max(0, m_ui->periodComboBox->currentIndex()));
    models::RatingStatsQuery q = models::RatingStatsQuery::forPreset(
        preset, QDate::currentDate(), m_ui->fromDateEdit->date(), m_ui->toDateEdit->date());
    q.setFilter(Dimension::Fleet, m_ui->fleetComboBox->currentData().toLongLong());
    q.setFilter(Dimension::Flow, m_ui->flowComboBox->currentData().toLongLong());
    q.setFilter(Dimension::Staff, m_ui->assigneeComboBox->currentData().toLongLong());
    q.setFilter(Dimension::Template, m_ui->templateComboBox->currentData().toLongLong());
    q.setFilter(Dimension::Customer, m_ui->customerComboBox->currentData().toLongLong());
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

QString StatisticsView::filterDescription() const
{
    QStringList parts;
    const std::array<std::pair<Dimension, QComboBox *>, 5> filters{
        {{Dimension::Fleet, m_ui->fleetComboBox},
         {Dimension::Flow, m_ui->flowComboBox},
         {Dimension::Staff, m_ui->assigneeComboBox},
         {Dimension::Template, m_ui->templateComboBox},
         {Dimension::Customer, m_ui->customerComboBox}}};
    for (const auto &[dimension, combo] : filters) {
        if (combo->currentData().toLongLong() > 0)
            parts.append(tr("%1: %2").arg(models::dimensionLabel(dimension), combo->currentText()));
    }
    return parts.join(u"; "_s);
}

QString StatisticsView::periodText(qint64 from, qint64 to) const
{
    QTimeZone zone(m_source->stats().timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::systemTimeZone();
    //: A day of the period shown (QLocale date format)
    const QString format = tr("d MMM yyyy");
    const QLocale locale;
    // `to` is exclusive: the period ends the day before.
    return tr("%1 – %2").arg(
        locale.toString(QDateTime::fromMSecsSinceEpoch(from, zone).date(), format),
        locale.toString(QDateTime::fromMSecsSinceEpoch(to - 1, zone).date(), format));
}

void StatisticsView::onLoaded(const models::RatingStats &stats)
{
    m_ui->messageBanner->clear();
    m_ui->statusLabel->setText(
        m_newRatings > 0
            ? newRatingsText()
            : tr("Updated %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    m_ui->periodRangeLabel->setText(periodText(stats.from, stats.to));
    showFigures(stats);
    m_breakdown->setStats(stats);
    m_lowRatings->setFirstPage(m_source->query(), stats.lowRatings, stats.nextCursor);
    const int low = stats.summary.distribution[0] + stats.summary.distribution[1];
    m_ui->lowRatingsLabel->setText(
        tr("Low ratings (1 or 2 stars): %1 — double-click one to open its ticket")
            .arg(QLocale().toString(low)));
    m_charts->setDistribution(stats.summary.distribution);
    m_charts->setTrend(stats.series, stats.previousSeries, stats.groupBy);

    if (stats.isEmpty()) {
        const bool filtered = !filterDescription().isEmpty();
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
    s->setValue(u"statistics/period"_s, m_ui->periodComboBox->currentIndex());
    s->setValue(u"statistics/customFrom"_s, m_ui->fromDateEdit->date());
    s->setValue(u"statistics/customTo"_s, m_ui->toDateEdit->date());
    s->setValue(u"statistics/dimension"_s, m_ui->dimensionComboBox->currentIndex());
    s->setValue(u"statistics/sortColumn"_s, m_breakdown->sortColumn());
    s->setValue(u"statistics/sortOrder"_s, int(m_breakdown->sortOrder()));
}

void StatisticsView::restoreState()
{
    m_restoring = true;
    QSettings *s = m_settings;
    if (!restoreGeometry(s->value(u"statistics/geometry"_s).toByteArray()))
        resize(1280, 900);
    // First time: charts get most of the room, the tables what they need.
    if (!m_ui->contentSplitter->restoreState(
            s->value(u"statistics/contentSplitter"_s).toByteArray()))
        m_ui->contentSplitter->setSizes({400, 340, 240});
    if (!m_ui->chartsSplitter->restoreState(s->value(u"statistics/chartsSplitter"_s).toByteArray()))
        m_ui->chartsSplitter->setSizes({540, 740});
    if (!m_ui->breakdownSplitter->restoreState(
            s->value(u"statistics/breakdownSplitter"_s).toByteArray()))
        m_ui->breakdownSplitter->setSizes({760, 520});
    m_ui->lowRatingsTableView->horizontalHeader()->restoreState(
        s->value(u"statistics/lowRatingsHeader"_s).toByteArray());
    const QDate today = QDate::currentDate();
    m_ui->fromDateEdit->setDate(s->value(u"statistics/customFrom"_s, today.addDays(-29)).toDate());
    m_ui->toDateEdit->setDate(s->value(u"statistics/customTo"_s, today).toDate());
    // 30 days unless chosen otherwise: the server's default period.
    m_ui->periodComboBox->setCurrentIndex(std::clamp(s->value(u"statistics/period"_s, 1).toInt(), 0,
                                                     m_ui->periodComboBox->count() - 1));
    m_ui->dimensionComboBox->setCurrentIndex(std::clamp(
        s->value(u"statistics/dimension"_s, 0).toInt(), 0, m_ui->dimensionComboBox->count() - 1));
    const int column =
        s->value(u"statistics/sortColumn"_s, models::BreakdownModel::AverageColumn).toInt();
    const auto order =
        Qt::SortOrder(s->value(u"statistics/sortOrder"_s, Qt::DescendingOrder).toInt());
    m_ui->breakdownTableView->sortByColumn(
        std::clamp(column, 0, int(models::BreakdownModel::ColumnCount) - 1), order);
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
            showFigures(m_source->stats());
    }
}

QList<statistics::SeriesValues> StatisticsView::chartSeries(Chart chart) const
{
    return m_charts->seriesValues(chart);
}

QStringList StatisticsView::chartCategories(Chart chart) const
{
    return m_charts->categories(chart);
}

// The statistics view, offscreen, against a real ticket-server with the demo data (97
// ratings over the last months): the charts' series hold the server's figures, the empty
// state shows for a period without ratings, a double click on a low rating opens its
// ticket, the exports write their files and the layout persists.
#include "testsupport.h"

#include "client/apiclient.h"
#include "client/draftstore.h"
#include "client/eventstream.h"
#include "client/outbox.h"
#include "guiclient.h"
#include "mainwindow.h"
#include "models/breakdownmodel.h"
#include "models/directory.h"
#include "models/lowratingsmodel.h"
#include "models/ratingstats.h"
#include "models/ratingstatscsv.h"
#include "models/ticketdocument.h"
#include "scripteddialogs.h"
#include "statistics/statisticsview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>
#include <QTranslator>
#include <ctime>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using models::RatingStats;
using statistics::Chart;

namespace {

constexpr int Last90Days = 2; // indexes in the period combo box
constexpr int Last12Months = 3;
constexpr int CustomPeriod = 4;

bool waitFor(const std::function<bool()> &condition, int ms = 15000)
{
    return QTest::qWaitFor(condition, ms);
}

// Before a picture: the window is on the (offscreen) screen and its layouts are done.
bool settled(QWidget *view)
{
    if (!QTest::qWaitForWindowExposed(view))
        return false;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return true;
}

// Saves `view` as NAME-LANG.png in TICKET_SCREENSHOT_DIR, if set (docs/screenshots).
void saveScreenshot(QWidget *view, const QString &name, const QString &language)
{
    const QString folder = qEnvironmentVariable("TICKET_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    ASSERT_TRUE(settled(view));
    EXPECT_TRUE(view->grab().save(QDir(folder).filePath(u"%1-%2.png"_s.arg(name, language))));
}

// A time zone for the test's process (local times in the CSV), put back afterwards.
class TimeZoneGuard
{
public:
    explicit TimeZoneGuard(const QByteArray &zone)
        : m_old(qgetenv("TZ"))
        , m_had(qEnvironmentVariableIsSet("TZ"))
    {
        qputenv("TZ", zone);
        tzset();
    }
    ~TimeZoneGuard()
    {
        if (m_had)
            qputenv("TZ", m_old);
        else
            qunsetenv("TZ");
        tzset();
    }

private:
    QByteArray m_old;
    bool m_had;
};

// As a window system delivers it: press and release, then the double click (QTest's
// mouseDClick alone is taken for a first press by the item view).
void doubleClick(QAbstractItemView *view, const QPoint &at)
{
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
}

class StatisticsViewTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(http.loginStaff(u"anna"_s).isEmpty());
        api.setBaseUrl(QUrl(server.baseUrl()));
        bool done = false;
        client::ApiJob *job = api.login(u"anna"_s, u"demo"_s);
        QObject::connect(job, &client::ApiJob::finished, job, [&](const client::ApiResult &r) {
            EXPECT_TRUE(r.ok());
            done = true;
        });
        ASSERT_TRUE(waitFor([&] { return done; }));
        QSignalSpy loaded(&directory, &models::Directory::loaded);
        directory.load();
        ASSERT_TRUE(waitFor([&] { return loaded.size() == 1; }));
    }
    void TearDown() override { QLocale::setDefault(QLocale::system()); }

    std::unique_ptr<StatisticsView> makeView(QSize size = QSize(1400, 1000))
    {
        auto v = std::make_unique<StatisticsView>(&api, &directory, &settings);
        Dialogs::install(v.get(), &dialogs);
        v->resize(size);
        v->show();
        return v;
    }
    // The rows of the CSV section that starts with a row whose first field is `heading`.
    static QList<QStringList> csvSection(const QList<QStringList> &rows, const QString &heading)
    {
        QList<QStringList> out;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows.at(i).value(0) != heading)
                continue;
            for (qsizetype j = i; j < rows.size() && !rows.at(j).isEmpty(); ++j)
                out.append(rows.at(j));
            break;
        }
        return out;
    }
    // Exports the CSV through the Export menu and reads it back.
    QList<QStringList> exportCsv(StatisticsView *v)
    {
        QMenu *menu = child<QToolButton>(v, "exportButton")->menu();
        const QString path = dir.filePath(u"shown.csv"_s);
        QFile::remove(path);
        dialogs.nextSaveFileName(path);
        menu->actions().first()->trigger();
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        return models::csv::parse(QString::fromUtf8(file.readAll()));
    }
    template <typename T> T *child(StatisticsView *v, const char *name)
    {
        T *w = v->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }
    // Chooses a period and waits for its answer.
    void load(StatisticsView *v, int period)
    {
        QSignalSpy loaded(v->source(), &models::RatingStatsSource::loaded);
        child<QComboBox>(v, "periodComboBox")->setCurrentIndex(period);
        v->refresh();
        ASSERT_TRUE(waitFor([&] { return loaded.size() >= 1 && !v->source()->isLoading(); }));
    }
    // The server's own answer for a query.
    RatingStats answer(const models::RatingStatsQuery &query)
    {
        const testsupport::HttpResult r =
            http.get(u"/stats/ratings?"_s + query.toUrlQuery().toString(QUrl::FullyEncoded));
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        bool ok = false;
        RatingStats stats = models::parseRatingStats(r.object(), &ok);
        EXPECT_TRUE(ok);
        return stats;
    }
    static QList<double> ys(const statistics::SeriesValues &series)
    {
        QList<double> out;
        for (const QPointF &p : series.points)
            out.append(p.y());
        return out;
    }

    testsupport::TestServer server;
    testsupport::ApiClient http{server.baseUrl()};
    QNetworkAccessManager nam;
    client::ApiClient api{&nam};
    models::Directory directory{&api};
    QTemporaryDir dir;
    QSettings settings{dir.filePath(u"settings.ini"_s), QSettings::IniFormat};
    guitest::ScriptedDialogs dialogs;
};

TEST_F(StatisticsViewTest, ChartsHoldTheServersFigures)
{
    auto view = makeView();
    load(view.get(), Last12Months);
    const RatingStats expected = answer(view->source()->query());
    ASSERT_GT(expected.summary.count, 50); // the demo data
    EXPECT_FALSE(view->isShowingEmptyState());

    // Headline figures, in the user's locale.
    EXPECT_EQ(child<QLabel>(view.get(), "countValueLabel")->text(),
              QLocale().toString(expected.summary.count));
    EXPECT_EQ(child<QLabel>(view.get(), "averageValueLabel")->text(),
              models::averageText(expected.summary.average));
    EXPECT_EQ(child<QLabel>(view.get(), "satisfiedValueLabel")->text(),
              models::shareText(expected.summary.satisfiedShare));
    EXPECT_EQ(child<QLabel>(view.get(), "responseRateValueLabel")->text(),
              models::shareText(expected.summary.responseRate));
    EXPECT_FALSE(child<QLabel>(view.get(), "averageChangeLabel")->text().isEmpty());

    // The histogram: three stacked sets (1–2, 3, 4–5 stars) that add up to the distribution.
    const QList<statistics::SeriesValues> stars = view->chartSeries(Chart::Stars);
    ASSERT_EQ(stars.size(), 3);
    for (int i = 0; i < 5; ++i) {
        double sum = 0;
        for (const auto &set : stars)
            sum += set.points.value(i).y();
        EXPECT_EQ(sum, expected.summary.distribution[size_t(i)]) << i + 1 << " stars";
    }
    EXPECT_EQ(view->chartCategories(Chart::Stars).size(), 5);

    // The trend: one point per month with ratings, the previous period behind it.
    const QList<statistics::SeriesValues> trend = view->chartSeries(Chart::Trend);
    ASSERT_EQ(trend.size(), 2);
    QList<QPointF> current;
    for (qsizetype i = 0; i < expected.series.size(); ++i) {
        if (expected.series.at(i).average)
            current.append(QPointF(double(i), *expected.series.at(i).average));
    }
    EXPECT_EQ(trend.at(1).points, current);
    EXPECT_EQ(expected.series.size(), 12);
    const RatingStats previous = answer(view->source()->query().previousPeriod());
    QList<QPointF> before;
    for (qsizetype i = 0; i < previous.series.size() && i < expected.series.size(); ++i) {
        if (previous.series.at(i).average)
            before.append(QPointF(double(i), *previous.series.at(i).average));
    }
    EXPECT_EQ(trend.at(0).points, before);

    // Per staff member, sorted by average (best first): the model's first rows are the
    // chart's bars (as many as have room), an average from few ratings marked "(n = 4)".
    const auto *breakdown = view->breakdownModel();
    ASSERT_EQ(breakdown->rows().size(), expected.breakdownFor(models::Dimension::Staff).size());
    const qsizetype shown = view->chartCategories(Chart::Breakdown).size();
    ASSERT_GE(shown, std::min<qsizetype>(5, breakdown->rowCount()));
    QList<double> averages;
    QStringList names;
    for (int row = 0; row < breakdown->rowCount() && row < shown; ++row) {
        const models::BreakdownRow &r = breakdown->rows().at(row);
        averages.append(r.average.value_or(0));
        names.append(breakdown->nameAt(row) +
                     (r.count < 5 ? u" (n = %1)"_s.arg(r.count) : QString()));
    }
    EXPECT_TRUE(std::is_sorted(averages.rbegin(), averages.rend()));
    const QList<statistics::SeriesValues> bars = view->chartSeries(Chart::Breakdown);
    ASSERT_EQ(bars.size(), 1);
    EXPECT_EQ(ys(bars.at(0)), averages);
    EXPECT_EQ(view->chartCategories(Chart::Breakdown), names);

    // Sorted by the number of ratings, the bars show the counts.
    child<QComboBox>(view.get(), "sortComboBox")->setCurrentIndex(1);
    QList<double> counts;
    for (const models::BreakdownRow &row : breakdown->rows())
        counts.append(row.count);
    counts = counts.mid(0, view->chartCategories(Chart::Breakdown).size());
    EXPECT_TRUE(std::is_sorted(counts.rbegin(), counts.rend()));
    EXPECT_EQ(ys(view->chartSeries(Chart::Breakdown).at(0)), counts);

    // Switched to customers.
    auto *dimension = child<QComboBox>(view.get(), "dimensionComboBox");
    dimension->setCurrentIndex(dimension->findData(int(models::Dimension::Customer)));
    const auto &customers = expected.breakdownFor(models::Dimension::Customer);
    EXPECT_EQ(breakdown->rowCount(), customers.size());
    const QStringList customerBars = view->chartCategories(Chart::Breakdown);
    EXPECT_TRUE(std::any_of(customerBars.begin(), customerBars.end(), [&](const QString &bar) {
        return bar.startsWith(customers.first().name);
    }));

    // The low ratings, newest first.
    ASSERT_FALSE(expected.lowRatings.isEmpty());
    EXPECT_EQ(view->lowRatingsModel()->ticketIdAt(0), expected.lowRatings.first().ticketId);
}

TEST_F(StatisticsViewTest, EmptyPeriodShowsTheEmptyState)
{
    auto view = makeView();
    auto *from = child<QDateEdit>(view.get(), "fromDateEdit");
    auto *to = child<QDateEdit>(view.get(), "toDateEdit");
    child<QComboBox>(view.get(), "periodComboBox")->setCurrentIndex(CustomPeriod);
    EXPECT_TRUE(from->isVisible());
    from->setDate(QDate(2001, 3, 1));
    to->setDate(QDate(2001, 3, 31));
    load(view.get(), CustomPeriod);
    EXPECT_EQ(view->source()->query().from, QDate(2001, 3, 1));
    EXPECT_EQ(view->source()->query().to, QDate(2001, 4, 1));
    EXPECT_TRUE(view->isShowingEmptyState());
    EXPECT_TRUE(child<QLabel>(view.get(), "emptyLabel")->isVisible());
    EXPECT_EQ(child<QLabel>(view.get(), "emptyLabel")->text(), u"No ratings in this period"_s);
    EXPECT_EQ(child<QLabel>(view.get(), "countValueLabel")->text(), u"0"_s);
    EXPECT_EQ(view->lowRatingsModel()->rowCount(), 0);

    // Back to a period with ratings: the charts return.
    load(view.get(), Last12Months);
    EXPECT_FALSE(view->isShowingEmptyState());
}

TEST_F(StatisticsViewTest, DoubleClickOnALowRatingAsksForItsTicket)
{
    auto view = makeView();
    load(view.get(), Last12Months);
    auto *table = child<QTableView>(view.get(), "lowRatingsTableView");
    ASSERT_GT(view->lowRatingsModel()->rowCount(), 1);
    QSignalSpy open(view.get(), &StatisticsView::openTicketRequested);
    const QModelIndex index =
        view->lowRatingsModel()->index(1, models::LowRatingsModel::CommentColumn);
    table->scrollTo(index);
    const QPoint at = table->visualRect(index).center();
    doubleClick(table, at);
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.at(0).at(0).toLongLong(), view->lowRatingsModel()->ticketIdAt(1));
}

TEST_F(StatisticsViewTest, ExportsWriteTheirFiles)
{
    auto view = makeView();
    load(view.get(), Last12Months);
    const RatingStats &stats = view->source()->stats();
    QMenu *menu = child<QToolButton>(view.get(), "exportButton")->menu();
    ASSERT_NE(menu, nullptr);
    QList<QAction *> actions;
    for (QAction *a : menu->actions()) {
        if (!a->isSeparator())
            actions.append(a);
    }
    ASSERT_EQ(actions.size(), 5); // CSV, three charts, PDF

    const QString csvPath = dir.filePath(u"ratings.csv"_s);
    dialogs.nextSaveFileName(csvPath);
    actions.at(0)->trigger();
    QFile csv(csvPath);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = models::csv::parse(QString::fromUtf8(csv.readAll()));
    bool foundCount = false;
    for (const QStringList &row : rows) {
        if (row.value(0) == u"Ratings"_s && row.size() == 3) {
            EXPECT_EQ(row.at(1), QString::number(stats.summary.count));
            foundCount = true;
            break;
        }
    }
    EXPECT_TRUE(foundCount);

    for (int i = 0; i < statistics::ChartCount; ++i) {
        const QString png = dir.filePath(u"chart%1.png"_s.arg(i));
        dialogs.nextSaveFileName(png);
        actions.at(1 + i)->trigger();
        const QImage image(png);
        EXPECT_FALSE(image.isNull()) << png.toStdString();
        EXPECT_GT(image.width(), 100);
    }

    const QString pdfPath = dir.filePath(u"ratings.pdf"_s);
    dialogs.nextSaveFileName(pdfPath);
    actions.at(4)->trigger();
    QFile pdf(pdfPath);
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdf.read(5) == "%PDF-");
    EXPECT_GT(pdf.size(), 5000);
}

TEST_F(StatisticsViewTest, ChoicesAndLayoutPersist)
{
    {
        auto view = makeView();
        load(view.get(), Last12Months);
        auto *dimension = child<QComboBox>(view.get(), "dimensionComboBox");
        dimension->setCurrentIndex(dimension->findData(int(models::Dimension::Fleet)));
        child<QComboBox>(view.get(), "sortComboBox")->setCurrentIndex(1);
        view->hide();
    }
    EXPECT_EQ(settings.value(u"statistics/period"_s).toInt(), Last12Months);
    auto view = makeView();
    EXPECT_EQ(child<QComboBox>(view.get(), "periodComboBox")->currentIndex(), Last12Months);
    EXPECT_EQ(view->breakdownModel()->dimension(), models::Dimension::Fleet);
    EXPECT_EQ(view->breakdownModel()->sortColumn(), models::BreakdownModel::CountColumn);
    EXPECT_EQ(child<QComboBox>(view.get(), "sortComboBox")->currentIndex(), 1);
}

TEST_F(StatisticsViewTest, MainWindowOpensTheStatisticsAndTheirTickets)
{
    client::EventStream events;
    client::Outbox outbox(&api, dir.filePath(u"outbox.json"_s));
    client::DraftStore drafts(dir.filePath(u"drafts.json"_s));
    events.setEndpoint(api.baseUrl(), api.token());
    MainWindow window(AppContext{&api, &events, &outbox, &drafts, &settings, u"test"_s, u"anna"_s});
    window.resize(1400, 900);
    window.show();
    window.start();

    auto *action = window.findChild<QAction *>(u"statisticsAction"_s);
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->shortcut(), QKeySequence(u"Ctrl+Shift+S"_s));
    action->trigger();
    StatisticsView *view = window.statisticsView();
    ASSERT_NE(view, nullptr);
    EXPECT_TRUE(view->isWindow());
    EXPECT_TRUE(view->isVisible());
    load(view, Last12Months);
    ASSERT_GT(view->lowRatingsModel()->rowCount(), 0);

    // A resolved ticket is not in the default queue: it opens in the detail pane anyway.
    const qint64 id = view->lowRatingsModel()->ticketIdAt(0);
    auto *table = child<QTableView>(view, "lowRatingsTableView");
    const QModelIndex index = view->lowRatingsModel()->index(0, 0);
    doubleClick(table, table->visualRect(index).center());
    ASSERT_TRUE(
        waitFor([&] { return window.document()->id() == id && window.document()->isLoaded(); }));
    window.close();
}

TEST_F(StatisticsViewTest, ANewRatingIsAnnouncedAndTakenInOnRefresh)
{
    QTemporaryDir clientDir;
    guitest::Client c(server.baseUrl(), clientDir.path());
    c.window->showStatistics();
    StatisticsView *view = c.window->statisticsView();
    ASSERT_NE(view, nullptr);
    load(view, Last12Months);
    const int before = view->source()->stats().summary.count;
    ASSERT_TRUE(waitFor([&] { return c.events.state() == client::EventStream::State::Connected; }));

    // A code user's ticket, resolved by staff and rated by its code user.
    testsupport::ApiClient user(server.baseUrl());
    ASSERT_FALSE(user.loginDevice(testsupport::demoDeviceCode(0)).isEmpty());
    const qint64 id = testsupport::createTicket(user, u"Bitte bewerten"_s)[u"id"_s].toInteger();
    ASSERT_EQ(http.editTicket(id, {{u"status"_s, u"resolved"_s}}).status, 200);
    ASSERT_EQ(user.post(u"/tickets/%1/rating"_s.arg(id), {{u"stars"_s, 5}}).status, 201);

    // Announced, not reloaded under the reader's eyes.
    ASSERT_TRUE(waitFor([&] { return view->newRatings() == 1; }));
    // (No translator here: the source text, "%n new rating(s)…".)
    EXPECT_TRUE(child<QLabel>(view, "statusLabel")->text().startsWith(u"1 new rating"_s))
        << child<QLabel>(view, "statusLabel")->text().toStdString();
    EXPECT_EQ(view->source()->stats().summary.count, before);

    QSignalSpy loaded(view->source(), &models::RatingStatsSource::loaded);
    view->refresh();
    ASSERT_TRUE(waitFor([&] { return loaded.size() == 1 && !view->source()->isLoading(); }));
    EXPECT_EQ(view->source()->stats().summary.count, before + 1);
    EXPECT_EQ(view->newRatings(), 0);
    EXPECT_TRUE(child<QLabel>(view, "statusLabel")->text().startsWith(u"Updated"_s));
}

// Staff names on the bar chart are readable on a small screen and a large one: QtCharts
// puts "..." for a name whose row is too low or too narrow, which it did for every name
// below about 1,400 px. Long names are shortened in the middle, keeping their start.
TEST_F(StatisticsViewTest, BarChartNamesAreReadableOnSmallAndLargeWindows)
{
    for (const QSize size : {QSize(1024, 640), QSize(1600, 1000)}) {
        SCOPED_TRACE(size.width());
        auto view = makeView(size);
        load(view.get(), Last12Months);
        ASSERT_TRUE(settled(view.get()));
        const QStringList names = view->chartCategories(Chart::Breakdown);
        const QStringList shown = view->chartLabelsShown(Chart::Breakdown);
        ASSERT_GE(names.size(), 3);
        ASSERT_EQ(shown.size(), names.size()) << shown.join(u" | "_s).toStdString();
        for (qsizetype i = 0; i < names.size(); ++i) {
            const QString &label = shown.at(i);
            EXPECT_FALSE(label.startsWith(u"..."_s) || label.startsWith(u"…"_s))
                << label.toStdString();
            // The whole name, or its first several characters.
            EXPECT_TRUE(label == names.at(i) || label.left(6) == names.at(i).left(6))
                << label.toStdString() << " for " << names.at(i).toStdString();
        }
        // More bars fit on the larger window.
        if (size.width() == 1600) {
            EXPECT_GE(names.size(), std::min(6, view->breakdownModel()->rowCount()));
        }
    }
}

// The CSV holds what the screen shows: the staff in the table's order (also after the user
// sorts it by a click on a header), times in the local zone, which the heading names.
TEST_F(StatisticsViewTest, CsvExportsWhatIsShownInItsOrderAndLocalTime)
{
    const TimeZoneGuard zone("Europe/Berlin");
    auto view = makeView();
    load(view.get(), Last12Months);
    auto *table = child<QTableView>(view.get(), "breakdownTableView");
    const auto shownNames = [&] {
        QStringList out;
        for (int row = 0; row < view->breakdownModel()->rowCount(); ++row)
            out.append(view->breakdownModel()->nameAt(row));
        return out;
    };
    const auto writtenNames = [&] {
        QStringList out;
        const QList<QStringList> rows = csvSection(exportCsv(view.get()), u"Staff member"_s);
        for (qsizetype i = 1; i < rows.size(); ++i)
            out.append(rows.at(i).first());
        return out;
    };
    ASSERT_GT(view->breakdownModel()->rowCount(), 2);
    EXPECT_EQ(writtenNames(), shownNames()); // by average, best first

    // A click on the "Ratings" header sorts the table: the CSV follows.
    QHeaderView *header = table->horizontalHeader();
    const int x = header->sectionViewportPosition(models::BreakdownModel::CountColumn) +
                  header->sectionSize(models::BreakdownModel::CountColumn) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    ASSERT_EQ(view->breakdownModel()->sortColumn(), models::BreakdownModel::CountColumn);
    EXPECT_EQ(writtenNames(), shownNames());

    // The low ratings' times as the table shows them: local, the zone in the heading.
    const QList<QStringList> rows = exportCsv(view.get());
    const QList<QStringList> low = csvSection(rows, u"Low rating given (Europe/Berlin)"_s);
    ASSERT_GT(low.size(), 1);
    const models::LowRating &first = view->lowRatingsModel()->ratings().first();
    const QDateTime local =
        QDateTime::fromMSecsSinceEpoch(first.createdAt, QTimeZone("Europe/Berlin"));
    ASSERT_NE(local.offsetFromUtc(), 0);
    EXPECT_EQ(low.at(1).first(), local.toString(u"yyyy-MM-dd HH:mm"_s));
    EXPECT_EQ(low.at(1).value(2), first.number);
}

// An average or share from fewer than five ratings is marked in the table and the chart.
TEST_F(StatisticsViewTest, FewRatingsAreMarkedInTableAndChart)
{
    auto view = makeView();
    load(view.get(), Last12Months);
    auto *dimension = child<QComboBox>(view.get(), "dimensionComboBox");
    auto *table = child<QTableView>(view.get(), "breakdownTableView");
    const auto *breakdown = view->breakdownModel();
    bool found = false;
    for (int d = 0; d < models::DimensionCount && !found; ++d) {
        dimension->setCurrentIndex(dimension->findData(d));
        const QStringList bars = view->chartCategories(Chart::Breakdown);
        for (int row = 0; row < breakdown->rowCount() && row < bars.size(); ++row) {
            const int count = breakdown->rows().at(row).count;
            const QString average =
                table->model()->index(row, models::BreakdownModel::AverageColumn).data().toString();
            if (count >= 5) {
                EXPECT_FALSE(average.contains(u"n ="_s)) << average.toStdString();
                EXPECT_FALSE(bars.at(row).contains(u"n ="_s)) << bars.at(row).toStdString();
                continue;
            }
            found = true;
            const QString n = u"(n = %1)"_s.arg(count);
            EXPECT_TRUE(average.endsWith(n)) << average.toStdString();
            EXPECT_TRUE(bars.at(row).endsWith(n)) << bars.at(row).toStdString();
            EXPECT_TRUE(table->model()
                            ->index(row, models::BreakdownModel::AverageColumn)
                            .data(Qt::ForegroundRole)
                            .isValid());
        }
    }
    EXPECT_TRUE(found) << "the demo data has no row with fewer than 5 ratings";
}

// Esc and Ctrl+W close the statistics, a window of its own.
TEST_F(StatisticsViewTest, EscapeAndCtrlWCloseTheWindow)
{
    QTemporaryDir clientDir;
    guitest::Client c(server.baseUrl(), clientDir.path());
    for (const QKeyCombination keys :
         {QKeyCombination(Qt::Key_Escape), QKeyCombination(Qt::ControlModifier, Qt::Key_W)}) {
        c.window->showStatistics();
        StatisticsView *view = c.window->statisticsView();
        ASSERT_NE(view, nullptr);
        // Window shortcuts go to the active window (the main window may take activation
        // back right after the statistics opened).
        ASSERT_TRUE(waitFor([view] {
            view->activateWindow();
            return QApplication::activeWindow() == view;
        }));
        auto *table = child<QTableView>(view, "breakdownTableView");
        table->setFocus();
        QTest::keyClick(table, keys.key(), keys.keyboardModifiers());
        EXPECT_TRUE(waitFor([&] { return !view->isVisible(); }))
            << QKeySequence(keys).toString().toStdString();
    }
}

// The view on the demo data in English and German (the translations are in the binary);
// with TICKET_SCREENSHOT_DIR set, the pictures are kept there for a look.
TEST_F(StatisticsViewTest, RendersInEnglishAndGerman)
{
    const QString folder = qEnvironmentVariable("TICKET_SCREENSHOT_DIR");
    for (const QString &language : {u"en"_s, u"de"_s}) {
        QTranslator translator;
        ASSERT_TRUE(translator.load(u":/i18n/ticket-backoffice_"_s + language));
        QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(language));
        {
            auto view = makeView();
            load(view.get(), Last12Months);
            ASSERT_TRUE(settled(view.get()));
            EXPECT_EQ(view->windowTitle(),
                      language == u"de"_s ? u"Bewertungsstatistik"_s : u"Rating statistics"_s);
            if (!folder.isEmpty()) {
                EXPECT_TRUE(
                    view->grab().save(QDir(folder).filePath(u"statistics-%1.png"_s.arg(language))));
                EXPECT_TRUE(
                    view->printPdf(QDir(folder).filePath(u"statistics-%1.pdf"_s.arg(language))));
            }
            // A small screen and a large one (docs/screenshots).
            for (const QSize size : {QSize(1024, 640), QSize(1600, 1000)}) {
                auto sized = makeView(size);
                load(sized.get(), Last12Months);
                saveScreenshot(sized.get(),
                               u"statistics-%1x%2"_s.arg(size.width()).arg(size.height()),
                               language);
            }
            // 90 days by week: the previous period lies faint behind the trend.
            load(view.get(), Last90Days);
            EXPECT_EQ(view->chartSeries(Chart::Trend).size(), 2);
            ASSERT_TRUE(settled(view.get()));
            if (!folder.isEmpty()) {
                EXPECT_TRUE(view->grab().save(
                    QDir(folder).filePath(u"statistics-90days-%1.png"_s.arg(language))));
            }
            // The empty state, too.
            auto *period = child<QComboBox>(view.get(), "periodComboBox");
            period->setCurrentIndex(CustomPeriod);
            child<QDateEdit>(view.get(), "fromDateEdit")->setDate(QDate(2001, 3, 1));
            child<QDateEdit>(view.get(), "toDateEdit")->setDate(QDate(2001, 3, 31));
            load(view.get(), CustomPeriod);
            EXPECT_TRUE(view->isShowingEmptyState());
            ASSERT_TRUE(settled(view.get()));
            if (!folder.isEmpty()) {
                EXPECT_TRUE(view->grab().save(
                    QDir(folder).filePath(u"statistics-empty-%1.png"_s.arg(language))));
            }
        }
        QCoreApplication::removeTranslator(&translator);
    }
}

} // namespace

// What the statistics view shows, and how: readable bar names at any width, the CSV as
// shown, few ratings marked, Esc and Ctrl+W, both languages.
#include "statisticsviewfixture.h"

using namespace statisticstest;

namespace {

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

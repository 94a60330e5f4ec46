#pragma once
// The statistics view's test fixture: a real ticket-server with the demo data (97 ratings
// over the last months), a signed-in client, settings in a temporary folder and scripted
// dialogs. Used by statisticsview_test and statisticsshown_test.
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

namespace statisticstest {

using namespace Qt::StringLiterals;
using models::RatingStats;
using statistics::Chart;

constexpr int Last90Days = 2; // indexes in the period combo box
constexpr int Last12Months = 3;
constexpr int CustomPeriod = 4;

inline bool waitFor(const std::function<bool()> &condition, int ms = 15000)
{
    return QTest::qWaitFor(condition, ms);
}

// Before a picture: the window is on the (offscreen) screen and its layouts are done.
inline bool settled(QWidget *view)
{
    if (!QTest::qWaitForWindowExposed(view))
        return false;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return true;
}

// Saves `view` as NAME-LANG.png in TICKET_SCREENSHOT_DIR, if set (docs/screenshots).
inline void saveScreenshot(QWidget *view, const QString &name, const QString &language)
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
inline void doubleClick(QAbstractItemView *view, const QPoint &at)
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

} // namespace statisticstest

#pragma once
// One signed-in backoffice client for GUI tests: the services the composition root would
// create (API client, event stream, outbox, drafts, settings) and the real main window.
#include "client/apiclient.h"
#include "client/apijob.h"
#include "client/draftstore.h"
#include "client/eventstream.h"
#include "client/outbox.h"
#include "mainwindow.h"
#include "models/ticketdocument.h"
#include "models/tickettablemodel.h"
#include "scripteddialogs.h"
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <functional>
#include <gtest/gtest.h>
#include <memory>

namespace guitest {

inline bool waitFor(const std::function<bool()> &condition, int ms = 10000)
{
    return QTest::qWaitFor(condition, ms);
}

// For docs/screenshots: with TICKET_SCREENSHOT_DIR set, saves `widget` there as
// NAME-LANG.png (LANG from TICKET_SCREENSHOT_LANGUAGE, default en). Does nothing otherwise.
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("TICKET_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    const QString language =
        qEnvironmentVariable("TICKET_SCREENSHOT_LANGUAGE", QStringLiteral("en"));
    // Pending layouts and posted events first (grab() paints at once).
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
    widget->grab().save(dir + u'/' + name + u'-' + language + QStringLiteral(".png"));
}

// The language of TICKET_SCREENSHOT_LANGUAGE, for screenshots (tests run in English).
inline void installScreenshotLanguage()
{
    static QTranslator translator;
    const QString language = qEnvironmentVariable("TICKET_SCREENSHOT_LANGUAGE");
    if (language.isEmpty() || !translator.isEmpty())
        return;
    QLocale::setDefault(QLocale(language));
    if (translator.load(QLocale(language), QStringLiteral("ticket-backoffice"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
}

// The client's translation (German, or English for anything else) and Qt's, for the life
// of the object; create it before the windows.
class Language
{
public:
    explicit Language(const QString &code)
    {
        const QLocale locale(code);
        QLocale::setDefault(locale);
        const QLocale translated = i18n::loadAppTranslator(m_app, locale);
        EXPECT_FALSE(m_app.isEmpty()) << code.toStdString();
        QCoreApplication::installTranslator(&m_app);
        if (m_qt.load(translated, QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
    }
    ~Language()
    {
        QCoreApplication::removeTranslator(&m_app);
        QCoreApplication::removeTranslator(&m_qt);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    Q_DISABLE_COPY_MOVE(Language)

private:
    QTranslator m_app;
    QTranslator m_qt;
};

// One signed-in client and its main window, shown and started.
struct Client {
    Client(const QString &baseUrl, const QString &dataDir,
           const QString &login = QStringLiteral("anna"))
        : api(&nam)
        , outbox(&api, dataDir + QStringLiteral("/outbox.json"))
        , drafts(dataDir + QStringLiteral("/drafts.json"))
        , settings(dataDir + QStringLiteral("/settings.ini"), QSettings::IniFormat)
    {
        installScreenshotLanguage();
        api.setBaseUrl(QUrl(baseUrl));
        bool done = false;
        client::ApiJob *job = api.login(login, QStringLiteral("demo"));
        QObject::connect(job, &client::ApiJob::finished, job, [&](const client::ApiResult &r) {
            EXPECT_TRUE(r.ok()) << r.error.message.toStdString();
            done = true;
        });
        EXPECT_TRUE(waitFor([&] { return done; }));
        events.setEndpoint(api.baseUrl(), api.token());
        events.setBackoff(50, 500);
        window = std::make_unique<MainWindow>(AppContext{&api, &events, &outbox, &drafts, &settings,
                                                         QStringLiteral("test server"), login,
                                                         &dialogs});
        window->resize(1400, 900);
        window->show();
        window->start();
    }
    ~Client()
    {
        window->close();
        window.reset();
    }

    template <typename T> T *find(const char *name) const
    {
        T *w = window->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }
    models::TicketTableModel *table() const { return window->tableModel(); }
    bool waitForRows() const
    {
        return waitFor([this] { return table()->rowCount() > 0 && !table()->isLoading(); });
    }
    // Picks a ticket in the table as a user would: a click on its row.
    void open(qint64 id) const
    {
        auto *view = find<QTableView>("ticketTableView");
        const int row = table()->rowOf(id);
        ASSERT_GE(row, 0);
        const QModelIndex index = table()->index(row, models::TicketTableModel::TitleColumn);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        ASSERT_TRUE(waitFor([this, id] {
            return window->document()->id() == id && window->document()->isLoaded();
        }));
    }

    QNetworkAccessManager nam;
    client::ApiClient api;
    client::EventStream events;
    client::Outbox outbox;
    client::DraftStore drafts;
    QSettings settings;
    ScriptedDialogs dialogs;
    std::unique_ptr<MainWindow> window;
};

} // namespace guitest

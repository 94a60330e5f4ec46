// ticket-backoffice: the staff desktop client. With no --server it starts a local
// ticket-server on demo data and signs in as a demo staff member.
#include "application.h"
#include "core/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"ticket-backoffice"_s);
    QApplication::setOrganizationName(u"ticket-backoffice"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(core::Version));
    QApplication::setApplicationDisplayName(u"Ticket Backoffice"_s);
    // The id of the desktop file and AppStream data (packaging/): Wayland's app id.
    QGuiApplication::setDesktopFileName(u"org.ticketbackoffice.TicketBackoffice"_s);
    QIcon icon;
    for (const int size : {16, 22, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/%1.png"_s.arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "The Ticket Backoffice desktop client."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        u"server"_s,
        QApplication::translate("main", "Connect to a shared server (e.g. "
                                        "https://tickets.example.com/api/v1) instead of "
                                        "starting the local demo server."),
        u"url"_s);
    const QCommandLineOption login(u"login"_s, QApplication::translate("main", "Login to suggest."),
                                   u"name"_s);
    const QCommandLineOption dataDir(
        u"data-dir"_s,
        QApplication::translate("main", "Folder for settings, drafts, the outbox and the "
                                        "local server's database."),
        u"dir"_s);
    const QCommandLineOption language(
        u"language"_s, QApplication::translate("main", "Language: de or en."), u"code"_s);
    const QCommandLineOption measure(
        u"measure-startup"_s,
        QApplication::translate("main", "Print the milliseconds from process start to the "
                                        "first rows painted, then quit."));
    parser.addOptions({server, login, dataDir, language, measure});
    parser.process(app);

    Application::Options options;
    options.server = parser.value(server);
    options.login = parser.value(login);
    options.dataDir = parser.value(dataDir);
    options.language = parser.value(language);
    options.measureStartup = parser.isSet(measure);
    Application application(options);
    application.start();
    return app.exec();
}

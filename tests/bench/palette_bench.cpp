// palette_bench: the command palette (Ctrl+K) with many entries (not a test; the figures go
// to docs/performance.md). The real main window against a ticket-server on the demo data,
// (2,000 generated tickets), its palette fed with N generated entries besides the menus' actions;
// measures opening (Ctrl+K to painted) and each keystroke (typed to filtered and painted).
#include "benchserver.h"
#include "figures.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "client/draftstore.h"
#include "client/eventstream.h"
#include "client/outbox.h"
#include "mainwindow.h"
#include "models/tickettablemodel.h"
#include "palette/palettecontroller.h"
#include "palette/palettewidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

using bench::Figures;

void print(const char *name, const Figures &f, double target)
{
    std::printf("%-30s n=%-4lld p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (target <= %.0f)\n", name,
                static_cast<long long>(f.samples.size()), f.percentile(0.5), f.percentile(0.95),
                f.percentile(1.0), target);
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Entries like the ones views and text modules will bring, with umlauts and numbers.
QList<models::PaletteModel::Entry> generatedEntries(int count)
{
    static const QStringList words{
        u"Drucker"_s,   u"Priorität"_s, u"Rückruf"_s,  u"Ersatzteil"_s,  u"Störung"_s,
        u"Wartung"_s,   u"Kunde"_s,     u"Garantie"_s, u"Lieferung"_s,   u"Rechnung"_s,
        u"Gerät"_s,     u"Anfahrt"_s,   u"Termin"_s,   u"Zählerstand"_s, u"Austausch"_s,
        u"Begrüßung"_s, u"Abschluss"_s, u"Nachfrage"_s};
    QRandomGenerator random(42);
    QList<models::PaletteModel::Entry> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        const bool view = i % 3 == 0;
        QString text = view ? u"Go to view "_s : u"Insert text module "_s;
        for (int w = 0; w < 3; ++w)
            text += words.at(random.bounded(int(words.size()))) + u' ';
        text += QString::number(i);
        out.append({u"bench"_s, text, view ? u"View"_s : u"Text module"_s, QString::number(i)});
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qEnvironmentVariable("QT_QPA_PLATFORM", u"offscreen"_s).toUtf8());
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Benchmark of the command palette."_s);
    parser.addHelpOption();
    const QCommandLineOption entriesOpt(u"entries"_s, u"Generated entries."_s, u"n"_s, u"10000"_s);
    const QCommandLineOption runsOpt(u"runs"_s, u"Openings, and typings of each query."_s, u"n"_s,
                                     u"30"_s);
    parser.addOptions({entriesOpt, runsOpt});
    parser.process(app);
    const int entries = std::max(1, parser.value(entriesOpt).toInt());
    const int runs = std::max(3, parser.value(runsOpt).toInt());

    bench::ServerProcess server;
    QString error;
    if (!server.start(QStringLiteral(TICKET_SERVER_EXECUTABLE), QString(), 2000, 600, &error)) {
        std::fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir temp;
    QNetworkAccessManager nam;
    client::ApiClient api(&nam);
    api.setBaseUrl(QUrl(u"http://127.0.0.1:%1/api/v1"_s.arg(server.port())));
    bool signedIn = false;
    QObject::connect(api.login(u"anna"_s, u"demo"_s), &client::ApiJob::finished, &app,
                     [&](const client::ApiResult &r) { signedIn = r.ok(); });
    if (!QTest::qWaitFor([&] { return signedIn; }, 30000))
        return 1;
    client::EventStream events;
    events.setEndpoint(api.baseUrl(), api.token());
    client::Outbox outbox(&api, temp.filePath(u"outbox.json"_s));
    client::DraftStore drafts(temp.filePath(u"drafts.json"_s));
    QSettings settings(temp.filePath(u"settings.ini"_s), QSettings::IniFormat);
    MainWindow window(
        AppContext{&api, &events, &outbox, &drafts, &settings, u"bench"_s, u"Anna"_s});
    window.resize(1400, 900);
    window.show();
    window.start();
    models::TicketTableModel *table = window.tableModel();
    if (!QTest::qWaitFor([&] { return table->rowCount() > 0 && !table->isLoading(); }, 30000))
        return 1;

    PaletteController *palette = window.palette();
    QElapsedTimer feed;
    feed.start();
    palette->setEntries(u"bench"_s, generatedEntries(entries), [](const QString &) {});
    const double feedMs = msSince(feed);
    auto *popup = palette->widget();
    auto *edit = popup->findChild<QLineEdit *>(u"paletteLineEdit"_s);
    auto *list = popup->findChild<QListView *>(u"paletteListView"_s);

    // Opening: Ctrl+K (the action) until the panel and its first rows are painted.
    Figures open;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        palette->paletteAction()->trigger();
        popup->repaint();
        open.samples.append(msSince(t));
        popup->dismiss();
        QCoreApplication::processEvents();
    }

    // Keystrokes: each typed character until the list is filtered and painted.
    const QStringList queries{u"prio"_s,    u"stoerung"_s,   u"gtv"_s,  u"insert text"_s,
                              u"statist"_s, u"zaehler 12"_s, u"xyzq"_s, u"T-000012"_s};
    Figures keystroke;
    Figures firstKey; // the first character: the widest result, the most to sort
    int matchedFirst = 0;
    for (int i = 0; i < runs; ++i) {
        for (const QString &query : queries) {
            palette->open();
            for (qsizetype k = 0; k < query.size(); ++k) {
                QElapsedTimer t;
                t.start();
                QTest::keyClick(edit, query.at(k).toLatin1());
                list->viewport()->repaint();
                popup->repaint();
                const double ms = msSince(t);
                keystroke.samples.append(ms);
                if (k == 0) {
                    firstKey.samples.append(ms);
                    matchedFirst = std::max(matchedFirst, palette->model()->rowCount());
                }
            }
            popup->dismiss();
            QCoreApplication::processEvents();
        }
    }

    // The model alone (no view): what the filtering itself costs per keystroke.
    Figures modelOnly;
    models::PaletteModel model;
    model.setEntries(u"bench"_s, generatedEntries(entries));
    for (int i = 0; i < runs; ++i) {
        for (const QString &query : queries) {
            for (qsizetype k = 1; k <= query.size(); ++k) {
                QElapsedTimer t;
                t.start();
                model.setFilter(query.left(k));
                modelOnly.samples.append(msSince(t));
            }
        }
    }

    std::printf("palette entries: %d generated + %d from the menus (fed in %.1f ms)\n", entries,
                palette->model()->entryCount() - entries, feedMs);
    print("open (Ctrl+K to painted)", open, 50);
    print("keystroke (filter + paint)", keystroke, 16);
    print("first keystroke (widest)", firstKey, 16);
    print("filter only (the model)", modelOnly, 16);
    std::printf("most rows after a first keystroke: %d\n", matchedFirst);
    window.close();
    server.stop();
    return 0;
}

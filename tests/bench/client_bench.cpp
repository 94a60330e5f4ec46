// client_bench: what a person feels of ticket-backoffice with many tickets (not a test; the
// figures go to docs/performance.md). Start-up runs the real executable (with its own local
// server on the prepared data); the rest drives the real main window in this process.
#include "benchserver.h"
#include "figures.h"

#include "client/apiclient.h"
#include "client/draftstore.h"
#include "client/eventstream.h"
#include "client/outbox.h"
#include "mainwindow.h"
#include "models/bulkeditor.h"
#include "models/postlistmodel.h"
#include "models/queuefilter.h"
#include "models/ticketdocument.h"
#include "models/tickettablemodel.h"
#include "tableactions.h"
#include "ticketlistcontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QListView>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

using bench::Figures;

void print(const char *name, const Figures &f, double target)
{
    std::printf("%-28s n=%-3lld p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (target p95 <= %.0f)\n",
                name, static_cast<long long>(f.samples.size()), f.percentile(0.5),
                f.percentile(0.95), f.percentile(1.0), target);
}

// Waits in the event loop; returns milliseconds taken, or -1 on timeout.
double waitMs(const std::function<bool()> &done, int timeoutMs = 30000)
{
    QElapsedTimer t;
    t.start();
    if (!QTest::qWaitFor(done, timeoutMs))
        return -1;
    return double(t.nsecsElapsed()) / 1e6;
}

// Lets pending paints run (the figure is "shown", not "received").
void settle()
{
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qEnvironmentVariable("QT_QPA_PLATFORM", u"offscreen"_s).toUtf8());
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Benchmark of the ticket-backoffice client."_s);
    parser.addHelpOption();
    const QCommandLineOption ticketsOpt(u"tickets"_s, u"Generated tickets."_s, u"n"_s, u"100000"_s);
    const QCommandLineOption keepOpt(u"keep-data"_s,
                                     u"Data folder to keep and reuse between runs."_s, u"dir"_s);
    const QCommandLineOption runsOpt(u"runs"_s, u"Start-up runs."_s, u"n"_s, u"5"_s);
    const QCommandLineOption samplesOpt(u"samples"_s, u"Samples per figure."_s, u"n"_s, u"40"_s);
    const QCommandLineOption rowsOpt(u"scroll-rows"_s, u"Rows to scroll to."_s, u"n"_s, u"10000"_s);
    const QCommandLineOption bulkOpt(u"bulk-samples"_s, u"Bulk edits of 500 rows."_s, u"n"_s,
                                     u"10"_s);
    parser.addOptions({ticketsOpt, keepOpt, runsOpt, samplesOpt, rowsOpt, bulkOpt});
    parser.process(app);
    const qint64 tickets = parser.value(ticketsOpt).toLongLong();
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    const int samples = std::max(5, parser.value(samplesOpt).toInt());
    const int scrollRows = std::max(100, parser.value(rowsOpt).toInt());
    const int bulkSamples = std::max(1, parser.value(bulkOpt).toInt());

    QTemporaryDir temp;
    const QString root = parser.isSet(keepOpt) ? parser.value(keepOpt) : temp.path();
    const QString serverDir = root + u"/local-server"_s;
    QDir().mkpath(serverDir);

    // 1. The data: demo seed plus generated tickets, prepared once by the server itself.
    bench::ServerProcess server;
    QString error;
    std::printf("preparing %lld tickets in %s …\n", static_cast<long long>(tickets),
                qPrintable(serverDir));
    std::fflush(stdout);
    if (!server.start(QStringLiteral(TICKET_SERVER_EXECUTABLE), serverDir, tickets, 3600, &error)) {
        std::fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }
    server.stop();

    // 2. Start-up of the real executable, which starts its own local server on that data.
    Figures startup;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TICKET_BACKOFFICE_EXECUTABLE),
                {u"--measure-startup"_s, u"--data-dir"_s, root, u"--language"_s, u"en"_s});
        if (!p.waitForFinished(120000)) {
            std::fprintf(stderr, "ticket-backoffice did not finish\n");
            return 1;
        }
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const qsizetype at = out.indexOf(u"startup_ms="_s);
        if (at < 0) {
            std::fprintf(stderr, "no startup_ms: %s\n",
                         qPrintable(QString::fromUtf8(p.readAllStandardError())));
            return 1;
        }
        startup.samples.append(out.mid(at + 11).section(u'\n', 0, 0).toDouble());
    }

    // 3. The window in this process against the same data.
    if (!server.start(QStringLiteral(TICKET_SERVER_EXECUTABLE), serverDir, 0, 600, &error)) {
        std::fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }
    QNetworkAccessManager nam;
    client::ApiClient api(&nam);
    api.setBaseUrl(QUrl(u"http://127.0.0.1:%1/api/v1"_s.arg(server.port())));
    bool signedIn = false;
    QObject::connect(api.login(u"anna"_s, u"demo"_s), &client::ApiJob::finished, &app,
                     [&](const client::ApiResult &r) { signedIn = r.ok(); });
    if (waitMs([&] { return signedIn; }, 30000) < 0)
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
    if (waitMs([&] { return table->rowCount() > 0 && !table->isLoading(); }) < 0)
        return 1;
    settle();

    // Ticket open: select → header, conversation and notes filled.
    auto *messages = window.findChild<QListView *>(u"messageListView"_s);
    auto *messageModel = qobject_cast<models::PostListModel *>(messages->model());
    auto *notes = window.findChild<QListView *>(u"noteListView"_s);
    auto *noteModel = qobject_cast<models::PostListModel *>(notes->model());
    Figures open;
    for (int i = 0; i < samples && i < table->rowCount(); ++i) {
        const qint64 id = table->idAt(i);
        QElapsedTimer t;
        t.start();
        window.ticketList()->selectTicket(id);
        waitMs([&] {
            return window.document()->id() == id && window.document()->isLoaded() &&
                   messageModel->ticketId() == id && !messageModel->isLoading() &&
                   !noteModel->isLoading();
        });
        settle();
        open.samples.append(double(t.nsecsElapsed()) / 1e6);
    }

    // Filter change: another queue → its first page shown.
    auto *queues = window.findChild<QListView *>(u"queueListView"_s);
    Figures filter;
    bool firstPage = false;
    QObject::connect(table, &models::TicketTableModel::pageLoaded, &app,
                     [&](bool first) { firstPage = firstPage || first; });
    const int queueCount = queues->model()->rowCount();
    for (int i = 0; i < samples; ++i) {
        firstPage = false;
        QElapsedTimer t;
        t.start();
        queues->setCurrentIndex(queues->model()->index((i + 1) % queueCount, 0));
        if (waitMs([&] { return firstPage; }) < 0)
            continue; // the same query again: nothing to load
        settle();
        filter.samples.append(double(t.nsecsElapsed()) / 1e6);
    }

    // Scrolling to row N in "All tickets": the longest stall of the event loop.
    queues->setCurrentIndex(queues->model()->index(
        qobject_cast<models::QueueListModel *>(queues->model())->rowOf(models::Queue::All), 0));
    waitMs([&] { return table->rowCount() > 0 && !table->isLoading(); });
    auto *view = window.findChild<QTableView *>(u"ticketTableView"_s);
    QElapsedTimer beat;
    beat.start();
    double longestStall = 0;
    qint64 last = beat.nsecsElapsed();
    QTimer heartbeat;
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, &app, [&] {
        const qint64 now = beat.nsecsElapsed();
        longestStall = std::max(longestStall, double(now - last) / 1e6);
        last = now;
    });
    QElapsedTimer scrolling;
    scrolling.start();
    heartbeat.start();
    last = beat.nsecsElapsed();
    while (table->rowCount() < scrollRows && scrolling.elapsed() < 120000) {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        QTest::qWait(5);
    }
    heartbeat.stop();
    const double scrollMs = double(scrolling.elapsed());
    if (table->rowCount() < scrollRows)
        std::fprintf(stderr, "scrolling stopped at %d rows (more: %d, loading: %d)\n",
                     table->rowCount(), int(table->canFetchMore({})), int(table->isLoading()));

    // Bulk edit: 500 selected rows, the key `3` (or `2`) pressed in the table → all 500 rows
    // show the new priority (the BulkEditor's POST /tickets/bulk and its results applied).
    Figures bulk;
    Figures bulkApply;
    {
        const int count = std::min<int>(500, table->rowCount());
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            std::fprintf(stderr, "bulk: the window is not active; the keys will not act\n");
        view->setFocus(Qt::OtherFocusReason);
        view->selectionModel()->select(
            QItemSelection(table->index(0, 0), table->index(count - 1, 0)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QList<qint64> ids;
        for (int row = 0; row < count; ++row)
            ids.append(table->idAt(row));
        models::BulkEditor *editor = window.tableActions()->bulkEditor();
        // The client's own share: from the answer in hand to every result applied.
        QElapsedTimer applyTimer;
        QObject::connect(editor, &models::BulkEditor::busyChanged, &app, [&](bool busy) {
            if (!busy)
                applyTimer.start();
        });
        QObject::connect(editor, &models::BulkEditor::finished, &app, [&] {
            bulkApply.samples.append(double(applyTimer.nsecsElapsed()) / 1e6);
        });
        for (int i = 0; i < bulkSamples; ++i) {
            const bool high = i % 2 == 0;
            const core::Priority wanted = high ? core::Priority::High : core::Priority::Normal;
            QElapsedTimer t;
            t.start();
            QTest::keyClick(view, high ? Qt::Key_3 : Qt::Key_2);
            const double ms = waitMs([&] {
                return !editor->isBusy() && std::all_of(ids.cbegin(), ids.cend(), [&](qint64 id) {
                    const core::TicketSummary *s = table->summary(id);
                    return s && s->priority == wanted;
                });
            });
            if (ms < 0) {
                std::fprintf(stderr, "bulk: rows not changed (%d failures)\n",
                             int(editor->failures().size()));
                break;
            }
            settle();
            bulk.samples.append(double(t.nsecsElapsed()) / 1e6);
        }
    }

    const qint64 rss = bench::procStatusKb(::getpid(), "VmRSS");
    const qint64 hwm = bench::procStatusKb(::getpid(), "VmHWM");
    const qint64 serverRss = bench::procStatusKb(server.pid(), "VmRSS");

    std::printf("\nclient_bench: %lld tickets, %s\n", static_cast<long long>(tickets),
                qPrintable(bench::loadAverage()));
    print("start-up to first rows", startup, 1500);
    print("ticket open", open, 100);
    print("filter change", filter, 150);
    std::printf("%-28s %d rows in %.0f ms, longest stall %.1f ms (target <= 50)\n", "scroll to row",
                table->rowCount(), scrollMs, longestStall);
    print("bulk 500 rows (key 3)", bulk, 500);
    print("  of which applying results", bulkApply, 500);
    std::printf("%-28s RSS %.1f MB, peak %.1f MB (target <= 200); server RSS %.1f MB\n",
                "client memory", double(rss) / 1024.0, double(hwm) / 1024.0,
                double(serverRss) / 1024.0);
    window.close();
    return 0;
}

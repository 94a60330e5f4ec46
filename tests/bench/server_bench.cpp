// server_bench: the load benchmark of ticket-server (see docs/performance.md).
//
// Starts ticket-server with a fresh data folder and N generated tickets (or uses --url),
// signs in as a demo admin and a demo code user, then runs each scenario closed-loop over
// C keep-alive connections for S seconds and prints requests, req/s, p50/p95/p99 and
// errors (non-2xx), the server's resident memory, and the targets of the issue.

#include "benchoptions.h"
#include "benchserver.h"
#include "bulkscenario.h"
#include "delivery.h"
#include "httpload.h"
#include "report.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <cstdio>
#include <functional>
#include <random>

using namespace Qt::StringLiterals;
using namespace bench;

namespace {

constexpr quint64 RandomSeed = 20261126;
const QByteArray ListTarget =
    "/api/v1/tickets?status=new,open&priority=high&sort=-priority,createdAt";
const QByteArray FacetsTarget = "/api/v1/tickets/facets?status=new,open&priority=high";

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

HttpRequest get(const QByteArray &target)
{
    return {"GET", target, {}, {}};
}
HttpRequest post(const QByteArray &target, const QJsonObject &body)
{
    return {"POST", target, json(body), {}};
}

QJsonArray itemsOf(const HttpResponse &r)
{
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    return doc.isArray() ? doc.array() : doc.object().value(u"items"_s).toArray();
}

QString describe(const HttpResponse &r)
{
    return r.status == 0 ? u"no answer"_s
                         : u"HTTP %1 %2"_s.arg(r.status).arg(QString::fromUtf8(r.body.left(400)));
}

// A body the first flow of the code user's device accepts: every required field filled.
QJsonObject ticketBody(const QJsonObject &flow, qint64 n)
{
    QJsonObject fields;
    const QJsonArray defs = flow.value(u"fields"_s).toArray();
    for (const QJsonValue &v : defs) {
        const QJsonObject f = v.toObject();
        if (!f.value(u"required"_s).toBool())
            continue;
        const QString type = f.value(u"type"_s).toString();
        const QString key = f.value(u"key"_s).toString();
        if (type == u"select")
            fields.insert(key, f.value(u"options"_s).toArray().at(0));
        else if (type == u"boolean")
            fields.insert(key, true);
        else if (type == u"number")
            fields.insert(key, 1);
        else
            fields.insert(key, u"BENCH-%1"_s.arg(n));
    }
    return {{u"flowId"_s, flow.value(u"id"_s)},
            {u"title"_s, u"Benchmark ticket %1"_s.arg(n)},
            {u"description"_s, u"Created by server_bench, request %1."_s.arg(n)},
            {u"fields"_s, fields}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const BenchOptions options = parseOptions(app);
    const qint64 tickets = options.tickets;
    const double seconds = options.seconds;
    const double warmup = options.warmup;
    const int connections = options.connections;
    const qint64 maxRequests = options.maxRequests;
    const QString &exe = options.exe;
    auto wanted = [&](const QString &name) {
        return options.wanted(name);
    };

    print(u"server_bench: %1 connections, %2 s per scenario (+%3 s warm-up), load average %4"_s
              .arg(connections)
              .arg(seconds)
              .arg(warmup)
              .arg(loadAverage()));

    // The server: started here, or the one at --url (loopback only).
    ServerProcess server;
    const QString host = u"127.0.0.1"_s;
    quint16 port = 0;
    if (options.urlSet) {
        const QUrl url(options.url);
        if (url.host() != u"127.0.0.1" && url.host() != u"localhost") {
            std::fprintf(stderr, "server_bench: only 127.0.0.1 is benchmarked\n");
            return 2;
        }
        port = quint16(url.port());
    } else {
        print(u"starting %1 with %2 generated tickets ..."_s.arg(exe).arg(tickets));
        QString error;
        const QStringList serverArgs =
            options.workers > 0 ? QStringList{u"--workers"_s, QString::number(options.workers)}
                                : QStringList{};
        if (!server.start(exe, options.keepData, tickets, 3600, &error, serverArgs,
                          options.serverCpus)) {
            std::fprintf(stderr, "server_bench: %s\n", qPrintable(error));
            return 2;
        }
        port = server.port();
        static const QRegularExpression generated(u"Generated (\\d+) tickets in ([0-9.]+) s"_s);
        const auto m = generated.match(server.output());
        if (m.hasMatch())
            print(u"generator: %1 tickets in %2 s"_s.arg(m.captured(1), m.captured(2)));
        print(u"server ready in %1 s (seeding and generating included%2), data: %3, RSS %4 MB"_s
                  .arg(server.startupSeconds(), 0, 'f', 1)
                  .arg(server.reused() ? u", database reused"_s : QString())
                  .arg(server.dataDir())
                  .arg(double(procStatusKb(server.pid(), "VmRSS")) / 1024.0, 0, 'f', 1));
    }

    // Sign in: a demo admin (staff) and a code user of a demo device (its fleet's strategy
    // assigns the created tickets).
    const QJsonObject accounts = demoAccounts(exe);
    QString adminLogin;
    for (const QJsonValue &v : accounts.value(u"staff"_s).toArray()) {
        if (adminLogin.isEmpty() && v.toObject().value(u"role"_s).toString() == u"admin")
            adminLogin = v.toObject().value(u"login"_s).toString();
    }
    const QString deviceCode = accounts.value(u"devices"_s)
                                   .toArray()
                                   .at(options.device)
                                   .toObject()
                                   .value(u"code"_s)
                                   .toString();
    HttpConnection setup(host, port, {});
    QByteArray staffToken = options.staffToken;
    QByteArray codeToken = options.codeToken;
    if (staffToken.isEmpty()) {
        const HttpResponse r =
            call(setup, post("/api/v1/auth/login",
                             {{u"login"_s, adminLogin}, {u"password"_s, u"demo"_s}}));
        staffToken =
            QJsonDocument::fromJson(r.body).object().value(u"token"_s).toString().toLatin1();
        if (staffToken.isEmpty()) {
            std::fprintf(stderr, "server_bench: staff login failed: %s\n", qPrintable(describe(r)));
            return 2;
        }
    }
    if (codeToken.isEmpty()) {
        const HttpResponse r =
            call(setup, post("/api/v1/auth/device-code",
                             {{u"code"_s, deviceCode}, {u"name"_s, u"Bench"_s}}));
        codeToken =
            QJsonDocument::fromJson(r.body).object().value(u"token"_s).toString().toLatin1();
        if (codeToken.isEmpty()) {
            std::fprintf(stderr, "server_bench: device-code sign-in failed: %s\n",
                         qPrintable(describe(r)));
            return 2;
        }
    }

    // What the scenarios need: the id range, open public tickets, the code user's flow.
    setup.setToken(staffToken);
    const HttpResponse firstPage = call(setup, get(ListTarget));
    if (firstPage.status != 200) {
        std::fprintf(stderr, "server_bench: GET /tickets does not answer: %s\n",
                     qPrintable(describe(firstPage)));
        return 2;
    }
    qint64 maxId = 0;
    for (const QJsonValue &v :
         itemsOf(call(setup, get("/api/v1/tickets?sort=-createdAt&limit=200"))))
        maxId = std::max(maxId, v.toObject().value(u"id"_s).toInteger());
    QList<qint64> pool; // public, not closed: staff may patch them and write on them
    for (const QJsonValue &v :
         itemsOf(call(setup, get("/api/v1/tickets?status=new,open,waiting"
                                 "&visibility=public&sort=createdAt&limit=200"))))
        pool.append(v.toObject().value(u"id"_s).toInteger());
    setup.setToken(codeToken);
    const QJsonArray flows = itemsOf(call(setup, get("/api/v1/flows")));
    const QJsonObject flow = flows.at(0).toObject();
    const HttpResponse created = call(setup, post("/api/v1/tickets", ticketBody(flow, 0)));
    const qint64 deliveryTicket =
        QJsonDocument::fromJson(created.body).object().value(u"id"_s).toInteger();
    print(u"first page: %1 items; highest id %2; %3 open public tickets in the pool; flow %4; "
          "delivery ticket %5"_s.arg(itemsOf(firstPage).size())
              .arg(maxId)
              .arg(pool.size())
              .arg(flow.value(u"id"_s).toInteger())
              .arg(deliveryTicket));
    if (maxId <= 0 || pool.size() < connections || flows.isEmpty() || deliveryTicket <= 0) {
        std::fprintf(stderr,
                     "server_bench: the server is not ready for the scenarios (create: %s)\n",
                     qPrintable(describe(created)));
        return 2;
    }

    // Per-connection random generators with a fixed seed.
    std::vector<std::mt19937_64> rng;
    for (int c = 0; c < connections; ++c)
        rng.emplace_back(RandomSeed + quint64(c));
    auto pick = [&](int c, qint64 lo, qint64 hi) {
        return std::uniform_int_distribution<qint64>(lo, hi)(rng[size_t(c)]);
    };

    // PATCH: each connection owns a few tickets of the pool (no 412 between connections);
    // their versions are fetched first, and the ETag of each answer is kept.
    struct Owned {
        qint64 id;
        QByteArray etag;
        QString priority;
        QString sent;
    };
    std::vector<QList<Owned>> owned(static_cast<size_t>(connections));
    const int perConnection = int(std::min<qsizetype>(4, pool.size() / connections));
    setup.setToken(staffToken);
    for (int c = 0; c < connections && wanted(u"patch"_s); ++c) {
        for (int k = 0; k < perConnection; ++k) {
            const qint64 id = pool[c * perConnection + k];
            const HttpResponse r = call(setup, get("/api/v1/tickets/" + QByteArray::number(id)));
            const QJsonObject t = QJsonDocument::fromJson(r.body).object();
            QByteArray etag = r.etag;
            if (etag.isEmpty())
                etag = '"' + QByteArray::number(t.value(u"version"_s).toInteger()) + '"';
            owned[size_t(c)].append({id, etag, t.value(u"priority"_s).toString(), {}});
        }
    }

    QList<LoadSpec> specs;
    auto add = [&](const QString &name, auto next,
                   std::function<void(int, const HttpResponse &)> seen = {}) {
        if (wanted(name))
            specs.append({name, connections, seconds, maxRequests, next, seen});
    };
    add(u"list"_s, [](int, qint64) { return get(ListTarget); });
    // The same first page on one connection: its latency without queueing behind others.
    if (wanted(u"list-1conn"_s))
        specs.append({u"list-1conn"_s,
                      1,
                      seconds,
                      maxRequests,
                      [](int, qint64) { return get(ListTarget); },
                      {}});
    // Unread per staff member and the needs-reply queue, first pages on one connection
    // (every staff list carries `unread`; these filter by it): the list's filters with
    // unread=true, every ticket unread newest first, and the needs-reply queue.
    const QList<std::pair<QString, QByteArray>> unreadTargets{
        {u"list-unread-1conn"_s, ListTarget + "&unread=true"},
        {u"unread-all-1conn"_s, "/api/v1/tickets?unread=true"},
        {u"needs-reply-1conn"_s, "/api/v1/tickets?awaiting=staff"},
        // Response clocks: the open queue by next due time, and what is breached.
        {u"due-1conn"_s, "/api/v1/tickets?status=new,open&sort=due"},
        {u"breached-1conn"_s, "/api/v1/tickets?due=breached&sort=due"}};
    for (const auto &[name, target] : unreadTargets) {
        if (wanted(name))
            specs.append(
                {name, 1, seconds, maxRequests, [target](int, qint64) { return get(target); }, {}});
    }
    add(u"facets"_s, [](int, qint64) { return get(FacetsTarget); });
    // An admin changes the targets (high first reply 60 or 90 minutes, in turn): every
    // open ticket's clocks are recomputed in the request's transaction. One connection;
    // bound it with --max-requests.
    if (wanted(u"service-levels"_s)) {
        specs.append({u"service-levels"_s,
                      1,
                      seconds,
                      maxRequests,
                      [](int, qint64 n) {
                          auto level = [](int first, int resolution) {
                              return QJsonObject{{u"firstReplyMinutes"_s, first},
                                                 {u"resolutionMinutes"_s, resolution}};
                          };
                          return HttpRequest{"PUT",
                                             "/api/v1/service-levels",
                                             json({{u"high"_s, level(n % 2 ? 90 : 60, 480)},
                                                   {u"normal"_s, level(240, 4320)},
                                                   {u"low"_s, level(1440, 14400)}}),
                                             {}};
                      },
                      {}});
    }
    // Rating statistics on 1 connection (their service time): the default period (the last
    // 30 days), the last 12 months by month (the current one included), and the same for
    // one staff member (a filter: the per-combination aggregates instead of the roll-ups).
    const QDate today = QDateTime::currentDateTime().toTimeZone(QTimeZone("Europe/Berlin")).date();
    const QDate month(today.year(), today.month(), 1);
    const QByteArray months12 =
        "/api/v1/stats/ratings?from=" + month.addMonths(-11).toString(Qt::ISODate).toLatin1() +
        "&to=" + month.addMonths(1).toString(Qt::ISODate).toLatin1() + "&groupBy=month";
    setup.setToken(staffToken);
    const QJsonArray staffList = itemsOf(call(setup, get("/api/v1/staff")));
    const QByteArray staffId =
        QByteArray::number(staffList.at(1).toObject().value(u"id"_s).toInteger());
    const QList<std::pair<QString, QByteArray>> statsTargets{
        {u"stats"_s, "/api/v1/stats/ratings"},
        {u"stats-12m"_s, months12},
        {u"stats-12m-staff"_s, months12 + "&assignee=" + staffId}};
    for (const auto &[name, target] : statsTargets) {
        if (wanted(name))
            specs.append(
                {name, 1, seconds, maxRequests, [target](int, qint64) { return get(target); }, {}});
    }
    // The search box on 1 connection (service time): a ticket number, a device name that
    // matches about a third of the tickets, and a common word of ticket texts.
    const QList<std::pair<QString, QByteArray>> searchTargets{
        {u"search-device"_s, "/api/v1/tickets?q=Kaffeevollautomat"},
        {u"search-text"_s, "/api/v1/tickets?q=bitte"}};
    if (wanted(u"search-number"_s))
        specs.append({u"search-number"_s,
                      1,
                      seconds,
                      maxRequests,
                      [&](int c, qint64) {
                          return get("/api/v1/tickets?q=" + QByteArray::number(pick(c, 1, maxId)));
                      },
                      {}});
    for (const auto &[name, target] : searchTargets) {
        if (wanted(name))
            specs.append(
                {name, 1, seconds, maxRequests, [target](int, qint64) { return get(target); }, {}});
    }
    // Staff sign-ins on 4 connections: the cost is the password check (Argon2id, 64 MiB,
    // on the server's bounded hashing pool); a sign-in beyond its queue would be a 503.
    if (wanted(u"login"_s)) {
        const QJsonObject credentials{{u"login"_s, adminLogin}, {u"password"_s, u"demo"_s}};
        specs.append(
            {u"login"_s,
             4,
             seconds,
             maxRequests,
             [credentials](int, qint64) { return post("/api/v1/auth/login", credentials); },
             {}});
    }
    add(u"read"_s, [&](int c, qint64) {
        return get("/api/v1/tickets/" + QByteArray::number(pick(c, 1, maxId)));
    });
    add(
        u"patch"_s,
        [&](int c, qint64 n) {
            Owned &t = owned[size_t(c)][n % perConnection];
            t.sent = t.priority == u"high" ? u"normal"_s : u"high"_s;
            return HttpRequest{"PATCH",
                               "/api/v1/tickets/" + QByteArray::number(t.id),
                               json({{u"priority"_s, t.sent}}),
                               {{"If-Match", t.etag}}};
        },
        [&](int c, const HttpResponse &r) {
            // The request just answered is the one whose `sent` is set.
            for (Owned &t : owned[size_t(c)]) {
                if (t.sent.isEmpty())
                    continue;
                if (r.ok()) {
                    t.priority = t.sent;
                    t.etag = !r.etag.isEmpty()
                                 ? r.etag
                                 : '"' +
                                       QByteArray::number(QJsonDocument::fromJson(r.body)
                                                              .object()
                                                              .value(u"version"_s)
                                                              .toInteger()) +
                                       '"';
                }
                t.sent.clear();
            }
        });
    add(u"message"_s, [&](int c, qint64 n) {
        const qint64 id = pool[pick(c, 0, pool.size() - 1)];
        return post("/api/v1/tickets/" + QByteArray::number(id) + "/messages",
                    {{u"body"_s, u"Benchmark message %1 of connection %2."_s.arg(n).arg(c)}});
    });
    add(u"create"_s, [&](int c, qint64 n) {
        return post("/api/v1/tickets", ticketBody(flow, qint64(c) * 10'000'000 + n + 1));
    });
    // A priority change of 500 tickets in one bulk call (tests/bench/bulkscenario.cpp).
    if (wanted(u"bulk"_s)) {
        setup.setToken(staffToken);
        QSet<qint64> avoid(pool.begin(), pool.end());
        avoid.insert(deliveryTicket);
        if (auto spec = bulkSpec(setup, avoid, 500, seconds, maxRequests))
            specs.append(*spec);
        else
            print(u"bulk: fewer than 500 tickets to change, left out"_s);
    }

    // CPU time of the server and of this client per run: the cost of a request,
    // whatever else the machine is doing at the time.
    const qint64 self = QCoreApplication::applicationPid();
    auto measured = [&](const std::function<LoadResult()> &run) {
        const double server0 = procCpuMs(server.pid());
        const double client0 = procCpuMs(self);
        LoadResult r = run();
        if (server0 >= 0 && server.running())
            r.serverCpuMs = procCpuMs(server.pid()) - server0;
        r.clientCpuMs = procCpuMs(self) - client0;
        return r;
    };
    QList<LoadResult> results;
    for (const LoadSpec &spec : std::as_const(specs)) {
        const QByteArray &token = spec.name == u"create" ? codeToken : staffToken;
        if (warmup > 0) {
            LoadSpec warm = spec;
            warm.seconds = warmup;
            runLoad(host, port, token, warm);
        }
        results.append(measured([&] { return runLoad(host, port, token, spec); }));
        print(u"  %1: %2 requests"_s.arg(spec.name).arg(results.last().requests));
    }
    if (wanted(u"delivery"_s)) {
        DeliverySpec d{host, port, codeToken, staffToken, deliveryTicket, seconds, 5000, 5000};
        if (warmup > 0) {
            DeliverySpec warm = d;
            warm.seconds = warmup;
            runDelivery(warm);
        }
        results.append(measured([&] { return runDelivery(d); }));
        results.last().name = u"delivery"_s;
        print(u"  delivery: %1 posts"_s.arg(results.last().requests));
    }

    printTable(results);

    // Memory of the server after the runs.
    double rssMb = -1;
    if (server.running()) {
        rssMb = double(procStatusKb(server.pid(), "VmRSS")) / 1024.0;
        auto mb = [&](const QByteArray &field) {
            return QString::number(double(procStatusKb(server.pid(), field)) / 1024.0, 'f', 1);
        };
        // RssFile is mostly the database's mmap and shared libraries; RssAnon the heap
        // (SQLite page cache included).
        print(
            u"\nserver resident memory after the runs: VmRSS %1 MB (RssAnon %2 MB, RssFile %3 MB), "
            "peak VmHWM %4 MB"_s.arg(QString::number(rssMb, 'f', 1), mb("RssAnon"), mb("RssFile"),
                                     mb("VmHWM")));
    }

    printTargets(results, tickets, rssMb);
    const QString late = server.takeNewOutput().trimmed();
    if (!late.isEmpty())
        print(u"\nserver output during the runs (last 1500 chars):\n"_s + late.right(1500));
    print(u"\nbench: %1 scenarios run"_s.arg(results.size()));
    return 0;
}

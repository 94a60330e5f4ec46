// The operator's view: the access log on standard error (--log-format text|json) and
// GET /metrics on its own listener (--metrics-listen), against a real ticket-server.
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

QList<QByteArray> logLines(const TestServer &server)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : server.errorOutput().split('\n'))
        if (!line.isEmpty())
            lines.append(line);
    return lines;
}

// The port of "ticket-server metrics on http://127.0.0.1:PORT/metrics", 0 when none.
quint16 metricsPort(const TestServer &server)
{
    static const QRegularExpression line(u"metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics"_s);
    const auto match = line.match(server.output());
    return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
}

// Samples of the Prometheus text format: "name{labels}" -> value (label values are quoted
// and may hold braces: {id}).
QHash<QString, double> parseMetrics(const QByteArray &text)
{
    static const QRegularExpression sample(
        u"^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*\\})?) "
        "(-?[0-9.eE+-]+|\\+Inf|NaN)$"_s);
    QHash<QString, double> values;
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.isEmpty() || line.startsWith(u"# HELP "_s) || line.startsWith(u"# TYPE "_s))
            continue;
        const auto match = sample.match(line);
        EXPECT_TRUE(match.hasMatch()) << "not a sample: " << line.toStdString();
        values.insert(match.captured(1), match.captured(2).toDouble());
    }
    return values;
}

class MetricsTest : public ::testing::Test
{
protected:
    TestServer server{TestServer::Options{true, {u"--metrics-listen"_s, u"127.0.0.1:0"_s}}};
    ApiClient api{server.baseUrl()};

    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_GT(metricsPort(server), 0) << server.output().toStdString();
    }
    QHash<QString, double> scrape()
    {
        ApiClient metrics(u"http://127.0.0.1:%1"_s.arg(metricsPort(server)));
        const HttpResult r = metrics.get(u"/metrics"_s);
        EXPECT_EQ(r.status, 200);
        EXPECT_TRUE(r.header("content-type").startsWith("text/plain; version=0.0.4"));
        return parseMetrics(r.body);
    }
};

const QString HealthOk =
    u"ticket_http_requests_total{method=\"GET\",route=\"/api/v1/health\",status=\"200\"}"_s;

} // namespace

TEST(AccessLogTest, OneTextLinePerRequestWithTheRouteTemplateAndNoSecrets)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ApiClient api(server.baseUrl());
    const QString login = demoLogin(u"agent"_s);
    EXPECT_EQ(
        api.post(u"/auth/login"_s, {{u"login"_s, login}, {u"password"_s, u"Geheim-4711"_s}}).status,
        401);
    const QByteArray token = api.loginStaff(login);
    ASSERT_FALSE(token.isEmpty());
    const qint64 staffId = api.get(u"/me"_s).object().value(u"id"_s).toInteger();
    EXPECT_EQ(api.get(u"/tickets/1?q=Suchwort-0815"_s).status, 200);
    EXPECT_EQ(api.get(u"/tickets?q=Suchwort-0815"_s).status, 200);
    EXPECT_EQ(ApiClient(server.baseUrl()).get(u"/nothing/here"_s).status, 404);
    EventClient events;
    ASSERT_TRUE(events.open(server.baseUrl(), token, 987654321));
    ASSERT_FALSE(ApiClient(server.baseUrl()).loginDevice(demoDeviceCode(0)).isEmpty());

    const QByteArray log = server.errorOutput();
    const QString user = u"staff:%1"_s.arg(staffId);
    static const QString time = u"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"_s;
    const auto has = [&](const QString &rest) {
        const QRegularExpression line(u"^"_s + time + u" 127\\.0\\.0\\.1 "_s + rest + u"$"_s,
                                      QRegularExpression::MultilineOption);
        return line.match(QString::fromUtf8(log)).hasMatch();
    };
    EXPECT_TRUE(has(u"POST /api/v1/auth/login 401 \\d+\\.\\dms -"_s)) << log.constData();
    // A sign-in names whom it signed in.
    EXPECT_TRUE(has(u"POST /api/v1/auth/login 200 \\d+\\.\\dms "_s + user)) << log.constData();
    EXPECT_TRUE(has(u"POST /api/v1/auth/device-code 200 \\d+\\.\\dms code_user:\\d+"_s))
        << log.constData();
    EXPECT_TRUE(has(u"GET /api/v1/me 200 \\d+\\.\\dms "_s + user)) << log.constData();
    EXPECT_TRUE(has(u"GET /api/v1/tickets/\\{id\\} 200 \\d+\\.\\dms "_s + user)) << log.constData();
    EXPECT_TRUE(has(u"GET /api/v1/tickets 200 \\d+\\.\\dms "_s + user)) << log.constData();
    EXPECT_TRUE(has(u"GET - 404 \\d+\\.\\dms -"_s)) << log.constData();
    EXPECT_TRUE(has(u"GET /api/v1/events 101 \\d+\\.\\dms "_s + user)) << log.constData();
    for (const QByteArray &secret : {token, QByteArray("Geheim-4711"), QByteArray("Suchwort"),
                                     QByteArray("987654321"), QByteArray("nothing")})
        EXPECT_FALSE(log.contains(secret)) << secret.constData() << " in:\n" << log.constData();
}

TEST(AccessLogTest, JsonLinesHaveEveryField)
{
    TestServer server(TestServer::Options{true, {u"--log-format"_s, u"json"_s}});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ApiClient api(server.baseUrl());
    ASSERT_FALSE(api.loginStaff(demoLogin(u"admin"_s)).isEmpty());
    EXPECT_EQ(api.get(u"/tickets/2"_s).status, 200);
    EXPECT_EQ(ApiClient(server.baseUrl()).get(u"/health"_s).status, 200);

    QList<QJsonObject> entries;
    for (const QByteArray &line : logLines(server)) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (doc.isObject() && doc.object().contains(u"route"_s))
            entries.append(doc.object());
    }
    ASSERT_EQ(entries.size(), 3) << server.errorOutput().constData();
    const QJsonObject ticket = entries[1];
    EXPECT_EQ(ticket.value(u"method"_s).toString(), u"GET"_s);
    EXPECT_EQ(ticket.value(u"route"_s).toString(), u"/api/v1/tickets/{id}"_s);
    EXPECT_EQ(ticket.value(u"status"_s).toInt(), 200);
    EXPECT_EQ(ticket.value(u"client"_s).toString(), u"127.0.0.1"_s);
    EXPECT_TRUE(ticket.value(u"ms"_s).isDouble());
    EXPECT_TRUE(ticket.value(u"user"_s).toString().startsWith(u"staff:"_s));
    EXPECT_TRUE(
        QDateTime::fromString(ticket.value(u"time"_s).toString(), Qt::ISODateWithMs).isValid());
    EXPECT_TRUE(ticket.value(u"time"_s).toString().endsWith(u'Z'));
    EXPECT_TRUE(entries[2].value(u"user"_s).isNull());
}

TEST(AccessLogTest, OffWritesNothingAndABadFormatStopsTheStart)
{
    TestServer quiet(TestServer::Options{true, {u"--log-format"_s, u"off"_s}});
    ASSERT_TRUE(quiet.isRunning()) << quiet.output().toStdString();
    EXPECT_EQ(ApiClient(quiet.baseUrl()).get(u"/health"_s).status, 200);
    EXPECT_FALSE(quiet.errorOutput().contains("/api/v1/health"));

    for (const QStringList &args : {QStringList{u"--log-format"_s, u"xml"_s},
                                    QStringList{u"--metrics-listen"_s, u"somewhere"_s}}) {
        QProcess p;
        p.start(serverExecutable(), QStringList{u"--data-dir"_s, quiet.dataDir() + u"/x"_s} + args);
        ASSERT_TRUE(p.waitForFinished(30000));
        EXPECT_EQ(p.exitCode(), 1);
        EXPECT_TRUE(p.readAllStandardError().contains(args.first().toUtf8()));
    }
}

TEST(MetricsOffTest, NothingListensUnlessAskedAndTheApiPortHasNoMetrics)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    EXPECT_EQ(metricsPort(server), 0);
    EXPECT_FALSE(server.output().contains(u"metrics"_s));
    ApiClient root(u"http://127.0.0.1:%1"_s.arg(server.port()));
    EXPECT_EQ(root.get(u"/metrics"_s).status, 404);
    EXPECT_EQ(root.get(u"/api/v1/metrics"_s).status, 404);
}

TEST_F(MetricsTest, AMetricsPortInUseStopsTheStart)
{
    QProcess p;
    p.start(serverExecutable(),
            {u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, server.dataDir() + u"/other"_s,
             u"--metrics-listen"_s, u"127.0.0.1:%1"_s.arg(metricsPort(server))});
    ASSERT_TRUE(p.waitForFinished(30000));
    EXPECT_EQ(p.exitCode(), 1);
    EXPECT_TRUE(p.readAllStandardError().contains("cannot listen for metrics"));
}

TEST_F(MetricsTest, TheApiPortStillHasNoMetrics)
{
    ApiClient root(u"http://127.0.0.1:%1"_s.arg(server.port()));
    EXPECT_EQ(root.get(u"/metrics"_s).status, 404);
    EXPECT_EQ(root.get(u"/api/v1/metrics"_s).status, 404);
    ApiClient metrics(u"http://127.0.0.1:%1"_s.arg(metricsPort(server)));
    EXPECT_EQ(metrics.get(u"/api/v1/health"_s).status, 404);
}

TEST_F(MetricsTest, RequestCountersAndTheLatencyHistogramGrow)
{
    const QHash<QString, double> before = scrape();
    EXPECT_EQ(before.value(HealthOk, 0), 0);
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(api.get(u"/health"_s).status, 200);
    ASSERT_EQ(api.get(u"/tickets"_s).status, 401);
    const QHash<QString, double> after = scrape();
    EXPECT_EQ(after.value(HealthOk), 3);
    EXPECT_EQ(after.value(u"ticket_http_requests_total{method=\"GET\",route=\"/api/v1/tickets\","
                          "status=\"401\"}"_s),
              1);
    const QString labels = u"method=\"GET\",route=\"/api/v1/health\""_s;
    EXPECT_EQ(after.value(u"ticket_http_request_duration_seconds_count{%1}"_s.arg(labels)), 3);
    EXPECT_EQ(
        after.value(u"ticket_http_request_duration_seconds_bucket{%1,le=\"+Inf\"}"_s.arg(labels)),
        3);
    EXPECT_GE(after.value(u"ticket_http_request_duration_seconds_sum{%1}"_s.arg(labels)), 0);
    // Buckets are cumulative.
    double previous = 0;
    for (const char *le : {"0.001", "0.005", "0.01", "0.1", "1", "10"}) {
        const double n =
            after.value(u"ticket_http_request_duration_seconds_bucket{%1,le=\"%2\"}"_s.arg(
                            labels, QLatin1String(le)),
                        -1);
        EXPECT_GE(n, previous) << le;
        previous = n;
    }
    EXPECT_EQ(previous, 3);
}

TEST_F(MetricsTest, GaugesFollowTicketsStreamsAndTheDatabase)
{
    const QHash<QString, double> before = scrape();
    EXPECT_GT(before.value(u"ticket_database_size_bytes"_s), 0);
    EXPECT_EQ(before.value(u"ticket_event_streams_open"_s, -1), 0);
    const QString fresh = u"ticket_tickets{status=\"new\"}"_s;
    ASSERT_TRUE(before.contains(fresh));
    double total = 0;
    for (const char *status : {"new", "open", "waiting", "resolved", "closed"})
        total += before.value(u"ticket_tickets{status=\"%1\"}"_s.arg(QLatin1String(status)));

    const QByteArray token = api.loginStaff(demoLogin(u"agent"_s));
    ASSERT_FALSE(token.isEmpty());
    HttpResult failure;
    ASSERT_FALSE(
        createTicket(api, u"Gezählt"_s, {{u"deviceId"_s, demoDeviceId(0)}}, &failure).isEmpty())
        << failure.body.toStdString();
    const HttpResult all = api.get(u"/tickets?limit=1"_s);
    ASSERT_EQ(all.status, 200);
    auto events = std::make_unique<EventClient>();
    ASSERT_TRUE(events->open(server.baseUrl(), token));

    const QHash<QString, double> after = scrape();
    EXPECT_EQ(after.value(fresh), before.value(fresh) + 1);
    double totalAfter = 0;
    for (const char *status : {"new", "open", "waiting", "resolved", "closed"})
        totalAfter += after.value(u"ticket_tickets{status=\"%1\"}"_s.arg(QLatin1String(status)));
    EXPECT_EQ(totalAfter, total + 1);
    EXPECT_EQ(after.value(u"ticket_event_streams_open"_s), 1);
    EXPECT_EQ(after.value(u"ticket_http_requests_total{method=\"GET\",route=\"/api/v1/events\","
                          "status=\"101\"}"_s),
              1);

    events.reset(); // closes the stream
    QDeadlineTimer deadline(10000);
    double open = 1;
    while (open != 0 && !deadline.hasExpired())
        open = scrape().value(u"ticket_event_streams_open"_s, -1);
    EXPECT_EQ(open, 0);
}

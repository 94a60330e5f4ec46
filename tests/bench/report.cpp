#include "report.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace bench {
namespace {

struct Target {
    QString what;
    double measured;
    double limit;
    bool atLeast; // measured >= limit (throughput) or <= limit (latency, memory)
    QString unit;
};

} // namespace

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

void printTable(const QList<LoadResult> &results)
{
    print(u"\n%1 %2 %3 %4 %5 %6 %7 %8 %9"_s.arg(u"scenario"_s, -15)
              .arg(u"requests"_s, 9)
              .arg(u"req/s"_s, 8)
              .arg(u"p50 ms"_s, 8)
              .arg(u"p95 ms"_s, 8)
              .arg(u"p99 ms"_s, 8)
              .arg(u"errors"_s, 7)
              .arg(u"srv CPU"_s, 8)
              .arg(u"srv/cli CPU ms per req"_s, 24));
    auto perRequest = [](const LoadResult &r, double ms) {
        return ms < 0 || r.requests == 0 ? u"-"_s
                                         : QString::number(ms / double(r.requests), 'f', 3);
    };
    for (const LoadResult &r : std::as_const(results)) {
        const QString cpu =
            r.serverCpuMs < 0 || r.seconds <= 0
                ? u"-"_s
                : QString::number(r.serverCpuMs / (r.seconds * 10.0), 'f', 0) + u'%';
        print(u"%1 %2 %3 %4 %5 %6 %7 %8 %9"_s.arg(r.name, -15)
                  .arg(r.requests, 9)
                  .arg(r.perSecond(), 8, 'f', 0)
                  .arg(r.percentileMs(50), 8, 'f', 2)
                  .arg(r.percentileMs(95), 8, 'f', 2)
                  .arg(r.percentileMs(99), 8, 'f', 2)
                  .arg(r.errors, 7)
                  .arg(cpu, 8)
                  .arg(perRequest(r, r.serverCpuMs) + u" / "_s + perRequest(r, r.clientCpuMs), 24));
    }
    for (const LoadResult &r : std::as_const(results)) {
        if (r.errors > 0)
            print(u"first error of %1: HTTP %2 %3"_s.arg(r.name)
                      .arg(r.firstErrorStatus)
                      .arg(QString::fromUtf8(r.firstErrorBody)));
        if (r.reconnects > 0)
            print(u"%1: the server closed keep-alive connections %2 times"_s.arg(r.name).arg(
                r.reconnects));
    }
}

void printTargets(const QList<LoadResult> &results, qint64 tickets, double rssMb)
{
    auto find = [&](const QString &name) -> const LoadResult * {
        for (const LoadResult &r : std::as_const(results))
            if (r.name == name && !r.latencyNs.empty())
                return &r;
        return nullptr;
    };
    QList<Target> targets;
    if (const auto *r = find(u"list"_s)) {
        targets.append({u"list req/s"_s, r->perSecond(), 2000, true, {}});
        targets.append({u"list p99"_s, r->percentileMs(99), 20, false, u" ms"_s});
        if (tickets >= 1'000'000)
            targets.append({u"list p50 at %1 tickets"_s.arg(tickets), r->percentileMs(50), 10,
                            false, u" ms"_s});
    }
    if (const auto *r = find(u"list-1conn"_s); r && tickets >= 1'000'000)
        targets.append({u"  the same on 1 connection"_s, r->percentileMs(50), 10, false, u" ms"_s});
    if (const auto *r = find(u"read"_s))
        targets.append({u"read req/s"_s, r->perSecond(), 4000, true, {}});
    if (const auto *r = find(u"facets"_s))
        targets.append({u"facets p50"_s, r->percentileMs(50), 20, false, u" ms"_s});
    if (const auto *r = find(u"patch"_s))
        targets.append({u"patch p50"_s, r->percentileMs(50), 10, false, u" ms"_s});
    if (const auto *r = find(u"bulk"_s))
        targets.append({u"bulk (500 tickets) p50"_s, r->percentileMs(50), 300, false, u" ms"_s});
    if (const auto *r = find(u"message"_s)) {
        targets.append({u"message req/s"_s, r->perSecond(), 500, true, {}});
        targets.append({u"message p99"_s, r->percentileMs(99), 50, false, u" ms"_s});
    }
    if (const auto *r = find(u"create"_s))
        targets.append({u"create req/s"_s, r->perSecond(), 300, true, {}});
    if (const auto *r = find(u"delivery"_s))
        targets.append({u"delivery p95"_s, r->percentileMs(95), 20, false, u" ms"_s});
    if (const auto *r = find(u"stats"_s))
        targets.append({u"stats p50 (30 days)"_s, r->percentileMs(50), 200, false, u" ms"_s});
    if (const auto *r = find(u"stats-12m"_s))
        targets.append(
            {u"stats p50 (12 months by month)"_s, r->percentileMs(50), 200, false, u" ms"_s});
    if (rssMb >= 0)
        targets.append({u"server RSS"_s, rssMb, 300, false, u" MB"_s});
    print(u"\ntargets (%1 tickets):"_s.arg(tickets));
    for (const Target &t : std::as_const(targets)) {
        const bool met = t.atLeast ? t.measured >= t.limit : t.measured <= t.limit;
        print(u"  %1 %2 %3 %4"_s.arg(t.what, -28)
                  .arg(QString::number(t.measured, 'f', t.unit.isEmpty() ? 0 : 2) + t.unit, 12)
                  .arg((t.atLeast ? u">= "_s : u"<= "_s) + QString::number(t.limit) + t.unit, -12)
                  .arg(met ? u"met"_s : u"MISSED"_s));
    }
}

} // namespace bench

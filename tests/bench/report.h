#pragma once

// The output of server_bench: the table of the runs and the targets of the issue.

#include "httpload.h"

#include <QList>
#include <QString>

namespace bench {

void print(const QString &line); // to stdout, flushed

// scenario, requests, req/s, p50/p95/p99, errors, server CPU share and CPU per request;
// then the first error body of each scenario that had errors.
void printTable(const QList<LoadResult> &results);

// Each target of the issue that the results cover: measured, limit, met or MISSED.
// rssMb < 0: memory unknown (a server not started here).
void printTargets(const QList<LoadResult> &results, qint64 tickets, double rssMb);

} // namespace bench

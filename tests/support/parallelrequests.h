#pragma once
// Many requests at once, each on a connection of its own: for tests of concurrent writers
// (faults_test, workers_test).
#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QString>

namespace testsupport {

struct ParallelAnswer {
    int status = 0; // 0: no answer
    QByteArray body;
};

// A JSON request to `url` with a bearer token.
QNetworkRequest jsonRequest(const QString &url, const QByteArray &token);

// Sends every request at once, each on its own connection manager (so on its own
// connection), and waits for all answers, in the order of `requests`.
QList<ParallelAnswer> sendInParallel(const QList<QNetworkRequest> &requests,
                                     const QByteArray &method, const QList<QByteArray> &bodies);

} // namespace testsupport

#include "tlsoptions.h"

#include "http/httpserver.h"
#include "http/tlscontext.h"

#include <QObject>
#include <QPointer>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace server {
namespace {

int g_hangupPipe[2] = {-1, -1};

void onHangup(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_hangupPipe[1], &c, 1);
}

void reload(const QString &certFile, const QString &keyFile, http::HttpServer &http)
{
    QString error;
    auto tls = http::loadTlsContext(certFile, keyFile, &error);
    if (!tls) {
        std::fprintf(stderr, "ticket-server: SIGHUP: keeping the previous certificate: %s\n",
                     qPrintable(error));
        return;
    }
    http.setTls(std::move(tls));
    std::fprintf(stderr, "ticket-server: SIGHUP: reloaded the certificate %s\n",
                 qPrintable(certFile));
}

} // namespace

bool setUpTls(const QString &certFile, const QString &keyFile, http::HttpServer &http,
              QObject *owner, QString *error)
{
    if (certFile.isEmpty() && keyFile.isEmpty())
        return true;
    if (certFile.isEmpty() || keyFile.isEmpty()) {
        *error = u"--tls-cert and --tls-key go together: give both or neither"_s;
        return false;
    }
    auto tls = http::loadTlsContext(certFile, keyFile, error);
    if (!tls)
        return false;
    http.setTls(std::move(tls));
    if (::pipe(g_hangupPipe) != 0) {
        *error = u"cannot watch for SIGHUP"_s;
        return false;
    }
    auto *notifier = new QSocketNotifier(g_hangupPipe[0], QSocketNotifier::Read, owner);
    QObject::connect(notifier, &QSocketNotifier::activated, owner,
                     [certFile, keyFile, server = QPointer<http::HttpServer>(&http)] {
                         char drained[64];
                         [[maybe_unused]] auto n = ::read(g_hangupPipe[0], drained, sizeof drained);
                         if (server)
                             reload(certFile, keyFile, *server);
                     });
    struct sigaction action {};
    action.sa_handler = onHangup;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGHUP, &action, nullptr);
    return true;
}

} // namespace server

// For tests/server/orphans_test.cpp: starts a TestServer, prints the server's process id
// and waits to be killed. Whoever kills this process checks that the server went with it.
#include "testsupport.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    testsupport::TestServer server(testsupport::TestServer::Options{.seedDemo = false});
    if (!server.isRunning())
        return 1;
    std::printf("server pid %lld\n", static_cast<long long>(server.pid()));
    std::fflush(stdout);
    return app.exec(); // until SIGKILL
}

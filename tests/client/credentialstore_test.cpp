// client::CredentialStore: whatever the machine offers (a secret service, none at all),
// every call comes back, once, in bounded time.
#include "client/credentialstore.h"

#include <QElapsedTimer>
#include <QTest>
#include <QUuid>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using client::CredentialStore;

namespace {

TEST(CredentialStoreTest, ReadOfAnUnknownEntryComesBackEmpty)
{
    CredentialStore store;
    const QString login = QUuid::createUuid().toString(QUuid::WithoutBraces);
    int calls = 0;
    QString token = u"unset"_s;
    QString error;
    QElapsedTimer clock;
    clock.start();
    store.readToken(u"http://127.0.0.1:1/api/v1"_s, login, [&](const QString &t, const QString &e) {
        ++calls;
        token = t;
        error = e;
    });
    EXPECT_EQ(calls, 0) << "callbacks come from the event loop, never from inside the call";
    ASSERT_TRUE(QTest::qWaitFor([&] { return calls > 0; }, 8000)) << "the keychain hung";
    EXPECT_TRUE(token.isEmpty());
    if (!CredentialStore::isCompiledIn()) {
        EXPECT_FALSE(error.isEmpty());
    }
    // Without a secret service (CI) this is an error text; with one, simply nothing found.
    // A second read is answered next: the first callback came once.
    QStringList answers;
    store.readToken(u"http://127.0.0.1:1/api/v1"_s, login + u"-2"_s,
                    [&](const QString &, const QString &) { answers.append(u"second"_s); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return !answers.isEmpty(); }, 8000)) << "the keychain hung";
    EXPECT_EQ(calls, 1);
}

TEST(CredentialStoreTest, WriteComesBackOnce)
{
    CredentialStore store;
    const QString server = u"http://127.0.0.1:1/api/v1"_s;
    const QString login = u"test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    int calls = 0;
    QString error;
    store.writeToken(server, login, u"secret"_s, [&](const QString &e) {
        ++calls;
        error = e;
    });
    ASSERT_TRUE(QTest::qWaitFor([&] { return calls > 0; }, 8000)) << "the keychain hung";
    if (error.isEmpty()) {
        // A working keychain: read it back and clean up.
        QString token;
        bool read = false;
        store.readToken(server, login, [&](const QString &t, const QString &) {
            token = t;
            read = true;
        });
        ASSERT_TRUE(QTest::qWaitFor([&] { return read; }, 8000));
        EXPECT_EQ(token, u"secret"_s);
        store.deleteToken(server, login);
        // The delete is done when a read after it finds nothing.
        bool gone = false;
        store.readToken(server, login,
                        [&](const QString &t, const QString &) { gone = t.isEmpty(); });
        EXPECT_TRUE(QTest::qWaitFor([&] { return gone; }, 8000));
    }
    EXPECT_EQ(calls, 1);
}

} // namespace

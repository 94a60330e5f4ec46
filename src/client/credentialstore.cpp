#include "credentialstore.h"

#include <QCoreApplication>
#include <QTimer>
#include <memory>

#ifdef TICKET_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

using namespace Qt::StringLiterals;

namespace client {

namespace {

#ifdef TICKET_HAVE_KEYCHAIN
const auto ServiceName = u"ticket-backoffice"_s;
// A secret service that is installed but never answers (no session bus, a locked wallet
// waiting for a prompt nobody sees) must not leave the login dialog waiting forever.
constexpr int KeychainTimeoutMs = 4000;

QString entryKey(const QString &server, const QString &login)
{
    return server + u'|' + login;
}

QString timeoutText()
{
    return QCoreApplication::translate("client::CredentialStore",
                                       "The keychain did not answer in time.");
}

QString errorText(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return QCoreApplication::translate("client::CredentialStore", "No keychain available");
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return QCoreApplication::translate("client::CredentialStore",
                                           "Access to the keychain was denied.");
    default:
        return QCoreApplication::translate("client::CredentialStore", "The keychain failed: %1")
            .arg(job->errorString());
    }
}

// Runs `job` and calls `done` exactly once: with the job's outcome, or with a timeout if
// the keychain does not answer. Nothing is called once `context` is gone.
void runGuarded(QObject *context, QKeychain::Job *job,
                std::function<void(QKeychain::Job *job, const QString &timeoutError)> done)
{
    auto answered = std::make_shared<bool>(false);
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [answered, done](QKeychain::Job *finished) {
                         if (*answered)
                             return;
                         *answered = true;
                         done(finished, {});
                     });
    QTimer::singleShot(KeychainTimeoutMs, context, [answered, done] {
        if (*answered)
            return;
        *answered = true;
        done(nullptr, timeoutText());
    });
    job->start();
}
#else
QString unavailableText()
{
    return QCoreApplication::translate("client::CredentialStore", "No keychain available");
}
#endif

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{}

bool CredentialStore::isCompiledIn()
{
#ifdef TICKET_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

void CredentialStore::readToken(const QString &server, const QString &login,
                                std::function<void(const QString &, const QString &)> done)
{
#ifdef TICKET_HAVE_KEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(ServiceName);
    job->setKey(entryKey(server, login));
    runGuarded(this, job, [done](QKeychain::Job *finished, const QString &timeoutError) {
        if (!finished) {
            done({}, timeoutError);
            return;
        }
        if (finished->error() == QKeychain::EntryNotFound) {
            done({}, {}); // nothing stored: no error worth showing
            return;
        }
        if (finished->error() != QKeychain::NoError) {
            done({}, errorText(finished));
            return;
        }
        done(static_cast<QKeychain::ReadPasswordJob *>(finished)->textData(), {});
    });
#else
    Q_UNUSED(server)
    Q_UNUSED(login)
    const QString error = unavailableText();
    // Asynchronous like the real thing, so callers see one behaviour.
    QTimer::singleShot(0, this, [done, error] { done({}, error); });
#endif
}

void CredentialStore::writeToken(const QString &server, const QString &login, const QString &token,
                                 std::function<void(const QString &)> done)
{
#ifdef TICKET_HAVE_KEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(ServiceName);
    job->setKey(entryKey(server, login));
    job->setTextData(token);
    runGuarded(this, job, [done](QKeychain::Job *finished, const QString &timeoutError) {
        if (!done)
            return;
        if (!finished)
            done(timeoutError);
        else
            done(finished->error() == QKeychain::NoError ? QString() : errorText(finished));
    });
#else
    Q_UNUSED(server)
    Q_UNUSED(login)
    Q_UNUSED(token)
    if (!done)
        return;
    const QString error = unavailableText();
    QTimer::singleShot(0, this, [done, error] { done(error); });
#endif
}

void CredentialStore::deleteToken(const QString &server, const QString &login)
{
#ifdef TICKET_HAVE_KEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(ServiceName);
    job->setKey(entryKey(server, login));
    // Best effort: a token left behind is revoked on the server at logout anyway.
    runGuarded(this, job, [](QKeychain::Job *, const QString &) {});
#else
    Q_UNUSED(server)
    Q_UNUSED(login)
#endif
}

} // namespace client

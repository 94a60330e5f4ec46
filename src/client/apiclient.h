#pragma once

#include "apijob.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;

namespace client {

// The server API, one ApiJob per request. The network access manager is injected (tests
// give it a fake transport). Paths are relative to the base URL, e.g. "/tickets/7".
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    static constexpr int DefaultTimeoutMs = 15000;

    explicit ApiClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &apiBase); // http://host:port/api/v1
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QByteArray &token) { m_token = token; }
    QByteArray token() const { return m_token; }
    void setTimeout(int msecs) { m_timeoutMs = msecs; }
    int timeout() const { return m_timeoutMs; }
    // The signed-in staff member's id (0: unknown). Set by whoever signs in.
    void setMyId(qint64 id) { m_myId = id; }
    qint64 myId() const { return m_myId; }
    // Whether the last request got any answer (see reachabilityChanged()).
    bool isReachable() const { return m_reachable; }
    // Requests sent and not yet answered (or canceled); their finished() has gone out to
    // every receiver once a job no longer counts.
    int jobsInFlight() const { return int(m_inFlight.size()); }

    ApiJob *get(const QString &path, const QUrlQuery &query = {});
    // Idempotency-Key is sent when not empty.
    ApiJob *post(const QString &path, const QJsonObject &body,
                 const QByteArray &idempotencyKey = {});
    // Sends If-Match: "<version>" when a version is given (tickets; fleets and staff have none).
    ApiJob *patch(const QString &path, const QJsonObject &body, qint64 ifMatchVersion = 0,
                  const QByteArray &idempotencyKey = {});
    // PUT path with a JSON body: a whole settings resource (service levels, business hours)
    // or a mark (/tickets/{id}/seen).
    ApiJob *put(const QString &path, const QJsonObject &body);
    // DELETE path (no body).
    ApiJob *deleteResource(const QString &path);
    // Streams a file to POST /tickets/{id}/attachments[?internal=true]; progress() reports bytes.
    ApiJob *upload(qint64 ticketId, const QString &filePath, bool internal,
                   const QByteArray &idempotencyKey = {});
    ApiJob *uploadData(qint64 ticketId, const QString &fileName, const QByteArray &data,
                       const QString &contentType, bool internal,
                       const QByteArray &idempotencyKey = {});
    // GET /attachments/{id} into targetPath (written to a temporary file, renamed when complete).
    ApiJob *download(const QString &attachmentId, const QString &targetPath);

    // POST /auth/login; on success the token and my id are taken over.
    ApiJob *login(const QString &login, const QString &password);
    ApiJob *logout();

    static QByteArray newIdempotencyKey();

Q_SIGNALS:
    // A request carrying a token got 401: the session is over.
    void unauthorized();
    // Whether the last request got any answer from the server (false: refused/timeout).
    void reachabilityChanged(bool reachable);
    // A POST or PATCH went out (the user's own change: its echo on the event stream is not
    // news to them; see NotificationController).
    void changeSent(const QString &path, const QJsonObject &body);

private:
    QNetworkRequest request(const QString &path, const QUrlQuery &query = {}) const;
    ApiJob *track(ApiJob *job);
    ApiJob *sendBody(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                     const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &headers);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QByteArray m_token;
    qint64 m_myId = 0;
    int m_timeoutMs = DefaultTimeoutMs;
    bool m_reachable = true;
    QSet<const ApiJob *> m_inFlight;
};

} // namespace client

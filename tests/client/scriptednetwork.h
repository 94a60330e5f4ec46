#pragma once

// A scripted transport for the client suites: a QNetworkAccessManager whose replies answer
// what the test says, when it says, or never (no Q_OBJECT: the suites skip moc).

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <cstring>
#include <functional>

namespace clienttest {

// A reply that answers what the test says, when the test says, or never.
class ScriptedReply final : public QNetworkReply
{
public:
    ScriptedReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request,
                  QObject *parent)
        : QNetworkReply(parent)
    {
        setRequest(request);
        setOperation(op);
        setUrl(request.url());
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    void respond(int status, const QByteArray &body,
                 const QByteArray &contentType = "application/json")
    {
        QTimer::singleShot(0, this, [this, status, body, contentType] {
            setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
            setRawHeader("Content-Type", contentType);
            m_data = body;
            if (status >= 400)
                setError(QNetworkReply::ProtocolInvalidOperationError,
                         QStringLiteral("HTTP %1").arg(status));
            Q_EMIT metaDataChanged();
            Q_EMIT readyRead();
            done();
        });
    }

    void failWith(QNetworkReply::NetworkError code, const QString &text)
    {
        QTimer::singleShot(0, this, [this, code, text] {
            setError(code, text);
            Q_EMIT errorOccurred(code);
            done();
        });
    }

    void abort() override
    {
        if (isFinished())
            return;
        setError(OperationCanceledError, QStringLiteral("Operation canceled"));
        done();
    }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_pos + QIODevice::bytesAvailable();
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_pos);
        if (n <= 0)
            return isFinished() ? -1 : 0;
        memcpy(data, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }

private:
    void done()
    {
        setFinished(true);
        Q_EMIT finished();
    }

    QByteArray m_data;
    qint64 m_pos = 0;
};

// Hands every request to `script`, which decides how its reply behaves.
class ScriptedNetwork final : public QNetworkAccessManager
{
public:
    std::function<void(ScriptedReply *)> script;
    QList<QNetworkRequest> requests;
    int finishedReplies = 0; // counted as each reply's finished() goes out

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *) override
    {
        requests.append(request);
        auto *reply = new ScriptedReply(op, request, this);
        QObject::connect(reply, &QNetworkReply::finished, this, [this] { ++finishedReplies; });
        if (script)
            script(reply);
        return reply;
    }
};

} // namespace clienttest

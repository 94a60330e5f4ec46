#pragma once

// A blocking POSIX socket for the front's tests: exact bytes out, whatever comes back, from
// a chosen loopback source address, with a small receive buffer when asked.

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fronttest {

class RawSocket
{
public:
    explicit RawSocket(quint16 port, const char *source = nullptr, int receiveBuffer = 0)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0)
            return;
        if (receiveBuffer > 0)
            ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        if (source) {
            sockaddr_in local{};
            local.sin_family = AF_INET;
            ::inet_pton(AF_INET, source, &local.sin_addr);
            if (::bind(m_fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0) {
                close();
                return;
            }
        }
        sockaddr_in remote{};
        remote.sin_family = AF_INET;
        remote.sin_port = htons(port);
        ::inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&remote), sizeof remote) != 0)
            close();
    }
    ~RawSocket() { close(); }
    RawSocket(const RawSocket &) = delete;
    RawSocket &operator=(const RawSocket &) = delete;

    bool isValid() const { return m_fd >= 0; }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

    bool send(const QByteArray &bytes)
    {
        qsizetype done = 0;
        while (m_fd >= 0 && done < bytes.size()) {
            const ssize_t n =
                ::send(m_fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            done += n;
        }
        return m_fd >= 0;
    }

    // Reads what arrives until the peer closes or `msecs` pass; m_eof says which.
    QByteArray readFor(int msecs)
    {
        return readUntil([](const QByteArray &) { return false; }, msecs);
    }

    template <class Done> QByteArray readUntil(Done done, int msecs)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_fd >= 0 && !done(m_received) && timer.elapsed() < msecs) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, int(std::max<qint64>(1, msecs - timer.elapsed()))) <= 0)
                continue;
            char buffer[65536];
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                m_eof = true;
                break;
            }
            m_received.append(buffer, n);
        }
        return m_received;
    }

    // True when the server closed (or reset) the connection within `msecs`.
    bool closedWithin(int msecs)
    {
        readFor(msecs);
        return m_eof;
    }
    bool peerClosed() const { return m_eof; }
    const QByteArray &received() const { return m_received; }
    int fd() const { return m_fd; }

private:
    int m_fd = -1;
    bool m_eof = false;
    QByteArray m_received;
};

// The status codes of the HTTP answers in `stream`, in order (bodies by Content-Length).
inline QList<int> statuses(const QByteArray &stream)
{
    QList<int> result;
    qsizetype at = 0;
    while (at < stream.size()) {
        const qsizetype end = stream.indexOf("\r\n\r\n", at);
        if (end < 0 || !stream.mid(at, 9).startsWith("HTTP/1.1 "))
            break;
        const QByteArray head = stream.mid(at, end - at).toLower();
        result.append(stream.mid(at + 9, 3).toInt());
        qsizetype length = 0;
        const qsizetype cl = head.indexOf("\r\ncontent-length:");
        if (cl >= 0)
            length =
                head.mid(cl + 17, head.indexOf("\r\n", cl + 2) - cl - 17).trimmed().toLongLong();
        at = end + 4 + length;
    }
    return result;
}

inline bool hasCompleteAnswer(const QByteArray &stream)
{
    return !statuses(stream).isEmpty() && stream.contains("\r\n\r\n") && [&] {
        const qsizetype end = stream.indexOf("\r\n\r\n");
        const QByteArray head = stream.left(end).toLower();
        const qsizetype cl = head.indexOf("\r\ncontent-length:");
        const qsizetype length =
            cl < 0
                ? 0
                : head.mid(cl + 17, head.indexOf("\r\n", cl + 2) - cl - 17).trimmed().toLongLong();
        return stream.size() >= end + 4 + length;
    }();
}

} // namespace fronttest

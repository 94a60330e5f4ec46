#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace server::http {

// The reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For the server believes
// (--trusted-proxy). Only a request whose TCP peer is one of them may name another client:
// anyone else could write any X-Forwarded-For, e.g. to escape the sign-in limiter.
class TrustedProxies
{
public:
    TrustedProxies() = default;
    // "10.0.0.1,::1,192.168.0.0/16,fd00::/8": nullopt and `error` for anything else.
    static std::optional<TrustedProxies> parse(const QString &list, QString *error);

    bool isEmpty() const { return m_ranges.isEmpty(); }
    bool contains(const QHostAddress &address) const;

    // The client's address: the peer, unless the peer is a trusted proxy; then the
    // right-most address of X-Forwarded-For (`forwardedFor`: every such header's value, in
    // order, joined by commas) that is not itself a trusted proxy, or the left-most one when
    // all are. No X-Forwarded-For, or a malformed entry before that address is found: the
    // peer (a proxy that writes nonsense is not to be believed).
    QHostAddress clientOf(const QHostAddress &peer, const QByteArray &forwardedFor) const;

private:
    QList<std::pair<QHostAddress, int>> m_ranges; // network and prefix length
};

} // namespace server::http

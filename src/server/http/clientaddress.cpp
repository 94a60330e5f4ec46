#include "clientaddress.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace server::http {
namespace {

// IPv4 peers of a dual-stack socket come as ::ffff:a.b.c.d: compare them as IPv4.
QHostAddress plain(const QHostAddress &address)
{
    bool v4 = false;
    const quint32 ip = address.toIPv4Address(&v4);
    if (address.protocol() == QAbstractSocket::IPv6Protocol && v4)
        return QHostAddress(ip);
    QHostAddress out = address;
    out.setScopeId(QString());
    return out;
}

// One X-Forwarded-For entry: an IPv4 or IPv6 address, IPv6 possibly in brackets. Ports,
// "unknown" and obfuscated names are not addresses.
std::optional<QHostAddress> parseEntry(QString text)
{
    if (text.startsWith(u'[') && text.endsWith(u']'))
        text = text.mid(1, text.size() - 2);
    if (text.isEmpty() || text.contains(u'/') || text.contains(u'%'))
        return std::nullopt;
    QHostAddress address;
    if (!address.setAddress(text))
        return std::nullopt;
    return plain(address);
}

} // namespace

std::optional<TrustedProxies> TrustedProxies::parse(const QString &list, QString *error)
{
    TrustedProxies proxies;
    for (const QString &raw : list.split(u',')) {
        const QString item = raw.trimmed();
        std::pair<QHostAddress, int> range;
        if (item.contains(u'/')) {
            range = QHostAddress::parseSubnet(item);
        } else if (QHostAddress address; !item.contains(u'%') && address.setAddress(item)) {
            address = plain(address);
            range = {address, address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        }
        if (item.isEmpty() || range.first.isNull() || range.second < 0) {
            *error = u"wants IP addresses or CIDR ranges, comma-separated, e.g. "
                     "127.0.0.1,10.0.0.0/8,::1 (not \"%1\")"_s.arg(item);
            return std::nullopt;
        }
        proxies.m_ranges.append(range);
    }
    return proxies;
}

bool TrustedProxies::contains(const QHostAddress &address) const
{
    const QHostAddress a = plain(address);
    for (const auto &[network, length] : m_ranges) {
        if (a.isInSubnet(network, length))
            return true;
    }
    return false;
}

QHostAddress TrustedProxies::clientOf(const QHostAddress &peer,
                                      const QByteArray &forwardedFor) const
{
    if (m_ranges.isEmpty() || !contains(peer))
        return peer;
    // Empty list elements (",,", a blank header) are allowed and mean nothing (RFC 9110 5.6.1).
    const QStringList entries = QString::fromLatin1(forwardedFor).split(u',', Qt::SkipEmptyParts);
    QHostAddress found;
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        const QString text = entries[i].trimmed();
        if (text.isEmpty())
            continue;
        const std::optional<QHostAddress> hop = parseEntry(text);
        if (!hop)
            return peer;
        found = *hop;
        if (!contains(found))
            return found;
    }
    return found.isNull() ? peer : found;
}

} // namespace server::http

#include "presencetracker.h"

#include "core/timeutil.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace models {

PresenceTracker::PresenceTracker(QObject *parent)
    : QObject(parent)
{
    m_expiry.setInterval(2000);
    connect(&m_expiry, &QTimer::timeout, this, &PresenceTracker::expire);
}

void PresenceTracker::update(qint64 ticketId, const core::UserRef &user, const QString &state)
{
    auto &people = m_tickets[ticketId];
    if (state == u"left") {
        if (people.remove(user.id) == 0)
            return;
    } else {
        const qint64 ttl = state == u"typing" ? TypingTtlMs : ViewingTtlMs;
        people.insert(user.id, Entry{user.name, state, core::nowMsecs() + ttl});
        if (!m_expiry.isActive())
            m_expiry.start();
    }
    if (people.isEmpty())
        m_tickets.remove(ticketId);
    Q_EMIT changed(ticketId);
}

QString PresenceTracker::text(qint64 ticketId) const
{
    const auto it = m_tickets.constFind(ticketId);
    if (it == m_tickets.constEnd())
        return {};
    QStringList typing, viewing;
    for (const Entry &e : *it)
        (e.state == u"typing" ? typing : viewing).append(e.name);
    typing.sort();
    viewing.sort();
    QStringList parts;
    if (!typing.isEmpty())
        parts.append(
            QCoreApplication::translate("models", "%1 is typing…", nullptr, int(typing.size()))
                .arg(QLocale().createSeparatedList(typing)));
    if (!viewing.isEmpty())
        parts.append(
            QCoreApplication::translate("models", "%1 is viewing", nullptr, int(viewing.size()))
                .arg(QLocale().createSeparatedList(viewing)));
    return parts.join(u" · "_s);
}

void PresenceTracker::expire()
{
    const qint64 now = core::nowMsecs();
    QList<qint64> changedTickets;
    for (auto it = m_tickets.begin(); it != m_tickets.end();) {
        const auto before = it->size();
        it->removeIf([now](const auto &e) { return e.value().until < now; });
        if (it->size() != before)
            changedTickets.append(it.key());
        it = it->isEmpty() ? m_tickets.erase(it) : std::next(it);
    }
    if (m_tickets.isEmpty())
        m_expiry.stop();
    for (qint64 id : std::as_const(changedTickets))
        Q_EMIT changed(id);
}

} // namespace models

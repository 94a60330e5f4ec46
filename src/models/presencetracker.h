#pragma once

#include "core/types.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace models {

// Who else is on which ticket: "viewing" or "typing", from the presence events of other
// staff. An entry fades after a while without news (a client that died says nothing).
class PresenceTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresenceTracker)

public:
    static constexpr int ViewingTtlMs = 90000;
    static constexpr int TypingTtlMs = 8000;

    explicit PresenceTracker(QObject *parent = nullptr);
    void update(qint64 ticketId, const core::UserRef &user, const QString &state);
    // "Anna Schmidt is viewing", "Anna Schmidt is typing…", "Anna Schmidt and Jonas Weber
    // are viewing"; empty when nobody else is there.
    QString text(qint64 ticketId) const;

Q_SIGNALS:
    void changed(qint64 ticketId);

private:
    struct Entry {
        QString name;
        QString state;
        qint64 until = 0;
    };
    void expire();
    QHash<qint64, QHash<qint64, Entry>> m_tickets; // ticket -> staff id -> entry
    QTimer m_expiry;
};

} // namespace models

#pragma once

#include "core/types.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <array>
#include <functional>
#include <optional>

namespace models {

// What may be notified; each kind can be switched off (View › Notifications…).
// ClockBreaching comes from checkClocks() (the app polls my tickets due soon).
enum class NotificationKind { NewInFleet, AssignedToMe, CodeUserMessage, Mention, ClockBreaching };
inline constexpr int NotificationKindCount = 5;

// One desktop notification: one event, or a burst of one kind summarised.
struct Notification {
    NotificationKind kind = NotificationKind::NewInFleet;
    qint64 ticketId = 0; // the ticket all of it is about; 0 when it is about several
    int count = 1;       // events summarised
    QString summary;     // the headline
    QString body;        // plain text
};

// Decides which events of the stream become desktop notifications, and words them. Plain
// logic: it knows who I am (id, login, fleets, absence), the ticket open in front of me,
// the switches per kind and the clock (injectable), and emits `notificationReady`.
// - Nothing for my own actions (my notes, changes I sent: noteOwnChange) or for the
//   ticket in front of me, nothing while I am absent, nothing for a kind switched off.
// - At most one notification per kind every MinIntervalMs: what comes sooner waits and is
//   summarised into the next one ("5 new tickets in fleet Nord"); call flush() when
//   msUntilDue() has passed (the app arms a timer on `flushWanted`).
// - Events lack some facts: posts name only the ticket, ticket events not its fleet (that of
//   its device). What is not known yet comes through `ticketLookupNeeded` →
//   setTicketFacts(); the event waits for it.
class NotificationPolicy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationPolicy)

public:
    static constexpr qint64 MinIntervalMs = 10'000;
    static constexpr qint64 OwnChangeMs = 30'000; // a ticket.updated this soon is my change
    using Clock = std::function<qint64()>;        // msecs since the epoch

    explicit NotificationPolicy(QObject *parent = nullptr);
    ~NotificationPolicy() override;

    void setClock(Clock clock);
    // Me: id, login (for @login in notes), fleets and absence.
    void setMe(const core::StaffMember &me);
    // The ticket shown in the active window (0: none, or the window is not active).
    void setTicketInFront(qint64 ticketId);
    void setEnabled(NotificationKind kind, bool enabled);
    bool isEnabled(NotificationKind kind) const;
    // I just sent a change to this ticket: its next update is mine, not news.
    void noteOwnChange(qint64 ticketId);
    // The answer to `ticketLookupNeeded`: the ticket (its device's fleet included); the
    // events that waited for it are decided now.
    void setTicketFacts(const core::Ticket &ticket);
    // The lookup of `ticketId` failed (gone, no longer visible): its waiting events are
    // dropped; new tickets on the same device are looked up through another of them.
    void lookupFailed(qint64 ticketId);
    void handleEvent(const core::Event &event);
    // A clock on my ticket breaches within minutes (not yet reported by the server).
    void offerClockWarning(const core::TicketSummary &ticket, int minutesLeft);
    // Tickets with their clocks (staff summaries): each one assigned to me whose next
    // running due time (dueOrder) is still ahead but at most ClockWarningMs away is offered
    // once per ticket and due time (a due time that moves warns again).
    void checkClocks(const QList<core::TicketSummary> &tickets);
    static constexpr qint64 ClockWarningMs = 15 * 60'000;

    // Sends each kind's waiting burst whose interval has passed.
    void flush();
    // Msecs until flush() has something to send (-1: nothing waits).
    qint64 msUntilDue() const;

    // New unassigned tickets in my fleets seen since acknowledgeNew() (and still so).
    int newInMyFleets() const { return int(m_newInFleets.size()); }
    void acknowledgeNew();

    // True when `body` names `login` as "@login" (not "@loginmore", not "x@login").
    static bool mentions(const QString &body, const QString &login);

Q_SIGNALS:
    void notificationReady(const models::Notification &notification);
    // Something waits: call flush() in `msecs`.
    void flushWanted(qint64 msecs);
    void ticketLookupNeeded(qint64 ticketId);
    void newInMyFleetsChanged(int count);

private:
    struct Item {
        qint64 ticketId = 0;
        QString number;
        QString title;
        QString group; // the fleet (NewInFleet), the author (posts)
        QString text;  // the message or note
        int minutes = 0;
    };
    struct Slot {
        std::optional<qint64> lastShown;
        QList<Item> waiting;
    };
    struct Facts {
        QString number;
        QString title;
        std::optional<qint64> assigneeId;
    };

    void offer(NotificationKind kind, const Item &item);
    void onTicketEvent(const core::Event &event);
    // Keeps `event` until the ticket's facts arrive; false when they are known.
    bool awaitFacts(qint64 ticketId, const core::Event &event, bool known);
    void onPost(const core::Event &event);
    bool paused() const;
    bool isMine(qint64 ticketId) const;
    void setNew(qint64 ticketId, bool isNew);
    Notification compose(NotificationKind kind, const QList<Item> &items) const;
    static Notification composeOne(NotificationKind kind, const Item &item);

    Clock m_clock;
    core::StaffMember m_me;
    qint64 m_inFront = 0;
    std::array<bool, NotificationKindCount> m_enabled{true, true, true, true, true};
    std::array<Slot, NotificationKindCount> m_slots;
    QHash<qint64, qint64> m_ownChanges; // ticket → when
    QHash<qint64, Facts> m_facts;
    QHash<qint64, std::pair<qint64, QString>> m_deviceFleets; // device → fleet id, name
    QHash<qint64, QList<core::Event>> m_awaitingFacts;        // events on tickets not known yet
    // ticket.created events on devices whose fleet is not known yet: one lookup per device
    // (a burst of new tickets on one device asks once), through the ticket in m_deviceLookups.
    QHash<qint64, QList<core::Event>> m_awaitingDevice; // device → its new tickets' events
    QHash<qint64, qint64> m_deviceLookups;              // ticket looked up → its device
    QSet<qint64> m_newInFleets;
    QSet<std::pair<qint64, qint64>> m_clockWarned; // (ticket, due) already offered
};

} // namespace models

Q_DECLARE_METATYPE(models::Notification)

#include "notificationpolicy.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace models {

namespace {

constexpr int MaxLines = 5;  // tickets listed in a summary's body
constexpr int MaxText = 200; // characters of a message or note shown

int slotOf(NotificationKind kind)
{
    return static_cast<int>(kind);
}

QString shortText(const QString &text)
{
    const QString simple = text.simplified();
    return simple.size() <= MaxText ? simple : simple.left(MaxText - 1) + u'…';
}

QString ticketLine(const QString &number, const QString &title)
{
    return number.isEmpty() ? title : number + u' ' + title;
}

} // namespace

NotificationPolicy::NotificationPolicy(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

NotificationPolicy::~NotificationPolicy() = default;

void NotificationPolicy::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void NotificationPolicy::setMe(const core::StaffMember &me)
{
    m_me = me;
    if (paused()) {
        for (Slot &slot : m_slots)
            slot.waiting.clear();
    }
}

void NotificationPolicy::setTicketInFront(qint64 ticketId)
{
    m_inFront = ticketId;
}

void NotificationPolicy::setEnabled(NotificationKind kind, bool enabled)
{
    m_enabled[slotOf(kind)] = enabled;
    if (!enabled)
        m_slots[slotOf(kind)].waiting.clear();
}

bool NotificationPolicy::isEnabled(NotificationKind kind) const
{
    return m_enabled[slotOf(kind)];
}

void NotificationPolicy::noteOwnChange(qint64 ticketId)
{
    m_ownChanges.insert(ticketId, m_clock());
}

void NotificationPolicy::acknowledgeNew()
{
    if (m_newInFleets.isEmpty())
        return;
    m_newInFleets.clear();
    Q_EMIT newInMyFleetsChanged(0);
}

bool NotificationPolicy::mentions(const QString &body, const QString &login)
{
    if (login.isEmpty())
        return false;
    // "@anna" alone, before punctuation or a sentence's full stop; not "@annabelle",
    // "@anna.b" (another login) or "mail@anna".
    const QRegularExpression re(
        u"(?<![\\w.@-])@"_s + QRegularExpression::escape(login) + u"(?![\\w@-])(?!\\.\\w)"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re.match(body).hasMatch();
}

bool NotificationPolicy::paused() const
{
    return m_me.isAbsentAt(m_clock());
}

bool NotificationPolicy::isMine(qint64 ticketId) const
{
    const auto it = m_facts.constFind(ticketId);
    return it != m_facts.cend() && m_me.id && it->assigneeId == m_me.id;
}

void NotificationPolicy::setNew(qint64 ticketId, bool isNew)
{
    const qsizetype before = m_newInFleets.size();
    if (isNew)
        m_newInFleets.insert(ticketId);
    else
        m_newInFleets.remove(ticketId);
    if (m_newInFleets.size() != before)
        Q_EMIT newInMyFleetsChanged(int(m_newInFleets.size()));
}

void NotificationPolicy::setTicketFacts(const core::Ticket &ticket)
{
    const core::TicketSummary &t = ticket.summary;
    m_facts.insert(t.id, {t.number, t.title, t.assigneeId});
    m_deviceFleets.insert(ticket.device.id, {ticket.device.fleetId, ticket.device.fleetName});
    const qint64 device = m_deviceLookups.take(t.id);
    for (const qint64 d : {device, ticket.device.id}) {
        const QList<core::Event> created = m_awaitingDevice.take(d);
        for (const core::Event &event : created)
            handleEvent(event);
    }
    const QList<core::Event> waiting = m_awaitingFacts.take(t.id);
    for (const core::Event &event : waiting)
        handleEvent(event);
}

void NotificationPolicy::lookupFailed(qint64 ticketId)
{
    m_awaitingFacts.remove(ticketId);
    const auto lookup = m_deviceLookups.constFind(ticketId);
    if (lookup == m_deviceLookups.cend())
        return;
    const qint64 device = *lookup;
    m_deviceLookups.erase(lookup);
    QList<core::Event> &waiting = m_awaitingDevice[device];
    waiting.removeIf([ticketId](const core::Event &e) {
        return core::TicketSummary::fromJson(e.data).id == ticketId;
    });
    if (waiting.isEmpty()) {
        m_awaitingDevice.remove(device);
        return;
    }
    const qint64 next = core::TicketSummary::fromJson(waiting.first().data).id;
    m_deviceLookups.insert(next, device);
    Q_EMIT ticketLookupNeeded(next);
}

bool NotificationPolicy::awaitFacts(qint64 ticketId, const core::Event &event, bool known)
{
    if (known)
        return false;
    QList<core::Event> &waiting = m_awaitingFacts[ticketId];
    waiting.append(event);
    if (waiting.size() == 1)
        Q_EMIT ticketLookupNeeded(ticketId);
    return true;
}

void NotificationPolicy::handleEvent(const core::Event &event)
{
    if (event.type == u"ticket.created" || event.type == u"ticket.updated")
        onTicketEvent(event);
    else if (event.type == u"message.created" || event.type == u"note.created")
        onPost(event);
}

void NotificationPolicy::onTicketEvent(const core::Event &event)
{
    core::TicketSummary t = core::TicketSummary::fromJson(event.data);
    if (t.id == 0)
        return;
    const bool created = event.type == u"ticket.created";
    if (created && !m_deviceFleets.contains(t.deviceId)) {
        QList<core::Event> &waiting = m_awaitingDevice[t.deviceId];
        waiting.append(event);
        if (waiting.size() == 1) {
            m_deviceLookups.insert(t.id, t.deviceId);
            Q_EMIT ticketLookupNeeded(t.id);
        }
        return;
    }
    const bool known = m_facts.contains(t.id);
    const std::optional<qint64> assigneeBefore =
        known ? m_facts.value(t.id).assigneeId : std::nullopt;
    if (created && known)
        t.assigneeId = assigneeBefore; // looked up after the event: fresher
    m_facts.insert(t.id, {t.number, t.title, t.assigneeId});

    const auto [fleetId, fleetName] = m_deviceFleets.value(t.deviceId);
    const bool inMyFleet = fleetId && m_me.fleetIds.contains(fleetId);
    const bool open = t.status != core::Status::Resolved && t.status != core::Status::Closed;
    const Item item{t.id, t.number, t.title, fleetName, {}, 0};
    if (created) {
        if (!t.assigneeId && inMyFleet && open) {
            setNew(t.id, true);
            offer(NotificationKind::NewInFleet, item);
        } else if (m_me.id && t.assigneeId == m_me.id) {
            offer(NotificationKind::AssignedToMe, item); // by an assignment rule
        }
        return;
    }
    // The clocks of a first staff message (`changes` {clocks} only): nobody's edit, so it
    // must not use up the mark of an edit of mine still on its way.
    const QJsonObject changes = event.data.value(u"changes").toObject();
    if (changes.size() == 1 && changes.contains(u"clocks"))
        return;
    // An update: was it mine? (The stream does not say who changed a ticket.)
    const auto own = m_ownChanges.constFind(t.id);
    const bool mine = own != m_ownChanges.cend() && m_clock() - *own <= OwnChangeMs;
    if (mine)
        m_ownChanges.remove(t.id);
    if (t.assigneeId || !open)
        setNew(t.id, false);
    const bool assignedNow = changes.contains(u"assigneeId");
    if (assignedNow && !mine && m_me.id && t.assigneeId == m_me.id && assigneeBefore != m_me.id)
        offer(NotificationKind::AssignedToMe, item);
}

void NotificationPolicy::onPost(const core::Event &event)
{
    const core::Post post = core::Post::fromJson(event.data);
    const qint64 ticketId = post.ticketId ? post.ticketId : event.ticketId;
    const bool message = event.type == u"message.created";
    if (post.author.type == u"staff" && post.author.id == m_me.id)
        return; // mine
    if (message && post.author.type != u"code_user")
        return;
    if (!message && !mentions(post.body, m_me.login))
        return;
    const NotificationKind kind =
        message ? NotificationKind::CodeUserMessage : NotificationKind::Mention;
    if (!isEnabled(kind) || paused() || ticketId == m_inFront)
        return;
    if (awaitFacts(ticketId, event, m_facts.contains(ticketId)))
        return;
    if (message && !isMine(ticketId))
        return;
    const Facts facts = m_facts.value(ticketId);
    offer(kind, {ticketId, facts.number, facts.title, post.author.name, post.body, 0});
}

void NotificationPolicy::offerClockWarning(const core::TicketSummary &ticket, int minutesLeft)
{
    m_facts.insert(ticket.id, {ticket.number, ticket.title, ticket.assigneeId});
    if (isMine(ticket.id))
        offer(NotificationKind::ClockBreaching,
              {ticket.id, ticket.number, ticket.title, {}, {}, minutesLeft});
}

void NotificationPolicy::checkClocks(const QList<core::TicketSummary> &tickets)
{
    const qint64 now = m_clock();
    // Forget the warnings whose due time has long passed.
    m_clockWarned.removeIf(
        [now](const std::pair<qint64, qint64> &w) { return w.second < now - ClockWarningMs; });
    for (const core::TicketSummary &t : tickets) {
        const qint64 due = t.dueOrder;
        if (!t.clocks || due == core::TicketSummary::NoDueOrder || due <= now ||
            due - now > ClockWarningMs || !m_me.id || t.assigneeId != m_me.id)
            continue;
        if (m_clockWarned.contains({t.id, due}))
            continue;
        m_clockWarned.insert({t.id, due});
        offerClockWarning(t, int((due - now + 59'999) / 60'000));
    }
}

void NotificationPolicy::offer(NotificationKind kind, const Item &item)
{
    if (!isEnabled(kind) || paused() || item.ticketId == m_inFront)
        return;
    Slot &slot = m_slots[slotOf(kind)];
    const qint64 now = m_clock();
    if (slot.waiting.isEmpty() && (!slot.lastShown || now - *slot.lastShown >= MinIntervalMs)) {
        slot.lastShown = now;
        Q_EMIT notificationReady(compose(kind, {item}));
        return;
    }
    slot.waiting.append(item);
    Q_EMIT flushWanted(msUntilDue());
}

void NotificationPolicy::flush()
{
    const qint64 now = m_clock();
    for (int k = 0; k < NotificationKindCount; ++k) {
        Slot &slot = m_slots[k];
        if (slot.waiting.isEmpty() || (slot.lastShown && now - *slot.lastShown < MinIntervalMs))
            continue;
        const QList<Item> items = std::exchange(slot.waiting, {});
        slot.lastShown = now;
        if (!paused())
            Q_EMIT notificationReady(compose(static_cast<NotificationKind>(k), items));
    }
    const qint64 next = msUntilDue();
    if (next >= 0)
        Q_EMIT flushWanted(next);
}

qint64 NotificationPolicy::msUntilDue() const
{
    qint64 due = -1;
    const qint64 now = m_clock();
    for (const Slot &slot : m_slots) {
        if (slot.waiting.isEmpty())
            continue;
        const qint64 in =
            slot.lastShown ? std::max<qint64>(0, *slot.lastShown + MinIntervalMs - now) : 0;
        due = due < 0 ? in : std::min(due, in);
    }
    return due;
}

Notification NotificationPolicy::composeOne(NotificationKind kind, const Item &item)
{
    Notification n{kind, item.ticketId, 1, {}, ticketLine(item.number, item.title)};
    switch (kind) {
    case NotificationKind::NewInFleet:
        n.summary = tr("New ticket in fleet %1").arg(item.group);
        break;
    case NotificationKind::AssignedToMe:
        n.summary = tr("Ticket %1 was assigned to you").arg(item.number);
        break;
    case NotificationKind::CodeUserMessage:
        n.summary = tr("%1 wrote on %2").arg(item.group, item.number);
        n.body = shortText(item.text);
        break;
    case NotificationKind::Mention:
        n.summary = tr("%1 named you in a note on %2").arg(item.group, item.number);
        n.body = shortText(item.text);
        break;
    case NotificationKind::ClockBreaching:
        n.summary =
            tr("%1 breaches its target in %n minute(s)", nullptr, item.minutes).arg(item.number);
        break;
    }
    return n;
}

Notification NotificationPolicy::compose(NotificationKind kind, const QList<Item> &items) const
{
    if (items.size() == 1)
        return composeOne(kind, items.first());
    const int count = int(items.size());
    QSet<qint64> tickets;
    QSet<QString> groups;
    QStringList lines;
    for (const Item &item : items) {
        tickets.insert(item.ticketId);
        groups.insert(item.group);
        const QString line = ticketLine(item.number, item.title);
        if (lines.size() < MaxLines && !lines.contains(line))
            lines.append(line);
    }
    if (tickets.size() > MaxLines)
        lines.append(tr("and %n more", nullptr, int(tickets.size()) - MaxLines));
    Notification n{
        kind, tickets.size() == 1 ? items.first().ticketId : 0, count, {}, lines.join(u'\n')};
    switch (kind) {
    case NotificationKind::NewInFleet:
        n.summary =
            groups.size() == 1
                ? tr("%n new ticket(s) in fleet %1", nullptr, count).arg(items.first().group)
                : tr("%n new ticket(s) in your fleets", nullptr, count);
        break;
    case NotificationKind::AssignedToMe:
        n.summary = tr("%n ticket(s) assigned to you", nullptr, count);
        break;
    case NotificationKind::CodeUserMessage:
        n.summary = tickets.size() == 1
                        ? tr("%n new message(s) on %1", nullptr, count).arg(items.first().number)
                        : tr("%n new message(s) on your tickets", nullptr, count);
        break;
    case NotificationKind::Mention:
        n.summary = tr("You were named in %n note(s)", nullptr, count);
        break;
    case NotificationKind::ClockBreaching:
        n.summary = tr("%n ticket(s) about to breach their target", nullptr, count);
        break;
    }
    return n;
}

} // namespace models

#include "ticketdocument.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "client/outbox.h"

using namespace Qt::StringLiterals;

namespace models {

namespace {

// Later keys win: the user's latest choice for a field is the one to send.
QJsonObject merged(QJsonObject base, const QJsonObject &later)
{
    for (auto it = later.begin(); it != later.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

void drop(QPointer<client::ApiJob> &job, QObject *receiver)
{
    if (job) {
        // Disconnect first: the abort's finished() must not reach us.
        job->disconnect(receiver);
        job->abort();
    }
    job = nullptr;
}

} // namespace

TicketDocument::TicketDocument(client::ApiClient *api, client::Outbox *outbox, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_outbox(outbox)
{
    if (!m_outbox)
        return;
    connect(m_outbox, &client::Outbox::changed, this, [this](qint64 ticketId) {
        if (m_loaded && ticketId == m_id)
            Q_EMIT changed();
    });
    connect(m_outbox, &client::Outbox::edited, this, &TicketDocument::onOutboxEdited);
    connect(m_outbox, &client::Outbox::failed, this,
            [this](const client::OutboxItem &item, const client::ApiError &error) {
                onOutboxFailed(item, error.status);
            });
}

QJsonObject TicketDocument::unsentChange() const
{
    return m_outbox && m_id ? m_outbox->pendingEdit(m_id) : QJsonObject();
}

core::TicketSummary TicketDocument::shownSummary() const
{
    return client::withChanges(m_ticket.summary, unsentChange());
}

bool TicketDocument::queueInOutbox(const QJsonObject &changes)
{
    if (!m_outbox)
        return false;
    m_outbox->enqueueEdit(m_id, changes, version());
    return true;
}

void TicketDocument::onOutboxEdited(const client::OutboxItem &item, const QJsonObject &ticket)
{
    if (item.ticketId != m_id || !m_loaded)
        return;
    const core::Ticket fresh = core::Ticket::fromJson(ticket);
    if (fresh.summary.version > version())
        m_ticket = fresh;
    Q_EMIT changed();
}

void TicketDocument::onOutboxFailed(const client::OutboxItem &item, int status)
{
    if (item.kind != client::OutboxItem::Kind::Edit || item.ticketId != m_id || !m_loaded)
        return;
    if (status == 412) {
        adoptConflicts();
        return;
    }
    // Refused for good (e.g. an illegal transition): said, and the server's value shown.
    m_outbox->discard(item.key);
    client::ApiError error;
    error.kind = client::ApiError::Kind::Http;
    error.status = status;
    error.message = item.error;
    Q_EMIT errorOccurred(error);
}

void TicketDocument::adoptConflicts()
{
    if (!m_outbox || !m_loaded)
        return;
    bool any = false;
    const QList<client::OutboxItem> edits = m_outbox->items(m_id, client::OutboxItem::Kind::Edit);
    for (const client::OutboxItem &item : edits) {
        if (item.errorStatus != 412)
            continue;
        m_pending = merged(m_pending, item.changes);
        m_outbox->discard(item.key);
        any = true;
    }
    if (any) {
        m_heldEvents.clear();
        Q_EMIT conflict(m_pending);
    }
}

TicketDocument::~TicketDocument()
{
    drop(m_job, this);
    drop(m_loadJob, this);
}

void TicketDocument::cancelJobs()
{
    const bool wasBusy = isBusy();
    drop(m_job, this);
    drop(m_loadJob, this);
    if (wasBusy)
        Q_EMIT busyChanged(false);
}

void TicketDocument::open(qint64 ticketId)
{
    ++m_generation;
    cancelJobs();
    const bool hadTicket = m_loaded || m_id != 0;
    m_id = ticketId;
    m_loaded = false;
    m_ticket = {};
    m_pending = {};
    m_queued = {};
    m_heldEvents.clear();
    if (ticketId == 0) {
        if (hadTicket)
            Q_EMIT changed();
        return;
    }
    load(true);
}

void TicketDocument::load(bool fresh)
{
    drop(m_loadJob, this);
    m_loadJob = m_api->get(u"/tickets/%1"_s.arg(m_id));
    const quint64 generation = m_generation;
    connect(m_loadJob, &client::ApiJob::finished, this,
            [this, generation, fresh](const client::ApiResult &result) {
                if (generation != m_generation)
                    return;
                m_loadJob = nullptr;
                if (!result.ok()) {
                    Q_EMIT errorOccurred(result.error);
                    return;
                }
                takeTicket(result);
                m_loaded = true;
                if (fresh)
                    Q_EMIT loaded();
                else
                    Q_EMIT changed();
                adoptConflicts();
                if (!isBusy())
                    replayEvents();
            });
}

void TicketDocument::takeTicket(const client::ApiResult &result)
{
    const QJsonObject o = result.object();
    m_ticket = core::Ticket::fromJson(o);
    if (!o.value(u"version"_s).isDouble() && result.etagVersion() > 0)
        m_ticket.summary.version = result.etagVersion();
}

void TicketDocument::setJob(client::ApiJob *job)
{
    const bool wasBusy = isBusy();
    m_job = job;
    if (wasBusy != isBusy())
        Q_EMIT busyChanged(isBusy());
}

void TicketDocument::setPriority(core::Priority priority)
{
    patch({{u"priority"_s, core::toString(priority)}});
}

void TicketDocument::setStatus(core::Status status)
{
    patch({{u"status"_s, core::toString(status)}});
}

void TicketDocument::setAssignee(std::optional<qint64> staffId)
{
    patch({{u"assigneeId"_s, core::optionalId(staffId)}});
}

void TicketDocument::setVisibility(core::Visibility visibility)
{
    patch({{u"visibility"_s, core::toString(visibility)}});
}

void TicketDocument::setTitle(const QString &title)
{
    patch({{u"title"_s, title}});
}

void TicketDocument::patch(const QJsonObject &changes)
{
    if (!m_loaded || changes.isEmpty())
        return;
    if (!m_pending.isEmpty()) {
        // Our version is known to be stale: sending would only get another 412. The edit
        // joins the kept change, and the user decides for both.
        m_pending = merged(m_pending, changes);
        Q_EMIT conflict(m_pending);
        return;
    }
    if (isBusy()) {
        // Sent when the PATCH on its way is answered, with the version it brings.
        m_queued = merged(m_queued, changes);
        return;
    }
    if (!unsentChange().isEmpty()) {
        // Made on top of edits that wait for the server: they go out together, in order.
        queueInOutbox(changes);
        return;
    }
    send(changes);
}

void TicketDocument::send(const QJsonObject &changes)
{
    client::ApiJob *job = m_api->patch(u"/tickets/%1"_s.arg(m_id), changes, version());
    const quint64 generation = m_generation;
    connect(job, &client::ApiJob::finished, this,
            [this, generation, changes](const client::ApiResult &result) {
                if (generation == m_generation)
                    onPatched(changes, result);
            });
    setJob(job);
}

void TicketDocument::onPatched(const QJsonObject &sent, const client::ApiResult &result)
{
    if (result.ok()) {
        takeTicket(result);
        Q_EMIT changed();
    } else if (result.error.status == 412) {
        m_pending = merged(merged(m_pending, sent), std::exchange(m_queued, {}));
        // Updates that came meanwhile are in the version a reload will bring.
        m_heldEvents.clear();
        setJob(nullptr);
        Q_EMIT conflict(m_pending);
        return;
    } else if (result.error.isTransient() &&
               queueInOutbox(merged(sent, std::exchange(m_queued, {})))) {
        // The server is out of reach: the outbox keeps the edit and sends it when it is back.
        setJob(nullptr);
        Q_EMIT changed();
        return;
    } else {
        Q_EMIT errorOccurred(result.error);
    }
    if (!m_queued.isEmpty()) {
        send(std::exchange(m_queued, {}));
        return;
    }
    setJob(nullptr);
    replayEvents();
}

void TicketDocument::reloadDiscarding()
{
    if (m_id == 0)
        return;
    m_pending = {};
    m_queued = {};
    m_heldEvents.clear();
    if (isBusy()) {
        drop(m_job, this);
        Q_EMIT busyChanged(false);
    }
    load(false);
}

void TicketDocument::refreshClocks()
{
    if (m_id == 0 || !m_loaded || isBusy() || !m_pending.isEmpty() || !m_queued.isEmpty())
        return;
    load(false);
}

void TicketDocument::reapply()
{
    if (m_id == 0 || m_pending.isEmpty() || isBusy())
        return;
    // The newest version first, so that the kept change goes out with a current If-Match.
    drop(m_loadJob, this);
    client::ApiJob *job = m_api->get(u"/tickets/%1"_s.arg(m_id));
    const quint64 generation = m_generation;
    connect(job, &client::ApiJob::finished, this,
            [this, generation](const client::ApiResult &result) {
                if (generation != m_generation)
                    return;
                if (!result.ok()) {
                    setJob(nullptr);
                    Q_EMIT errorOccurred(result.error);
                    return;
                }
                takeTicket(result);
                m_loaded = true;
                m_heldEvents.clear();
                Q_EMIT changed();
                send(std::exchange(m_pending, {}));
            });
    setJob(job);
}

void TicketDocument::applyEvent(const core::Event &event)
{
    if (m_id == 0 || event.ticketId != m_id)
        return;
    // Until the ticket is in, and while an edit is out, the version to compare with is not
    // known yet: such updates wait.
    if (!m_loaded || (isBusy() && event.type == u"ticket.updated")) {
        m_heldEvents.append(event);
        return;
    }
    if (applyNow(event))
        Q_EMIT changed();
}

bool TicketDocument::applyNow(const core::Event &event)
{
    if (event.type == u"ticket.updated") {
        if (!m_pending.isEmpty())
            return false; // the user decides between their change and the server's first
        const qint64 v = event.data.value(u"version"_s).toInteger();
        if (v <= version())
            return false;
        m_ticket.summary = core::TicketSummary::fromJson(event.data);
        // The event says who holds it now, not how that came about (the record is for staff
        // only, the event also goes to code users): read the ticket again for it.
        if (event.data.value(u"changes"_s).toObject().contains(u"assigneeId"_s))
            load(false);
        return true;
    }
    if (event.type == u"attachment.created") {
        const core::Attachment a = core::Attachment::fromJson(event.data);
        if (a.id.isEmpty())
            return false;
        for (const core::Attachment &known : std::as_const(m_ticket.attachments)) {
            if (known.id == a.id)
                return false;
        }
        m_ticket.attachments.append(a);
        return true;
    }
    if (event.type == u"rating.created") {
        const core::Rating r = core::Rating::fromJson(event.data);
        m_ticket.rating = r;
        m_ticket.summary.ratingStars = r.stars;
        return true;
    }
    return false;
}

void TicketDocument::replayEvents()
{
    const QList<core::Event> events = std::exchange(m_heldEvents, {});
    bool any = false;
    for (const core::Event &e : events) {
        if (e.ticketId == m_id)
            any = applyNow(e) || any;
    }
    if (any)
        Q_EMIT changed();
}

} // namespace models

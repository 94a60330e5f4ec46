#include "eventrouter.h"

#include "client/eventstream.h"
#include "client/outbox.h"
#include "core/types.h"
#include "models/directory.h"
#include "models/historymodel.h"
#include "models/librarylist.h"
#include "models/postlistmodel.h"
#include "models/presencetracker.h"
#include "models/queuefilter.h"
#include "models/ticketdocument.h"
#include "models/tickettablemodel.h"

using namespace Qt::StringLiterals;

EventRouter::EventRouter(client::EventStream *events, const Targets &targets, QObject *parent)
    : QObject(parent)
    , m_targets(targets)
{
    m_views.append({targets.document, targets.messages, targets.notes, targets.history});
    // Staff names for the table's unsent assignee changes, kept current like the events'.
    if (m_targets.directory)
        m_targets.table->setDirectory(m_targets.directory);
    connect(events, &client::EventStream::eventReceived, this, &EventRouter::route);
    connect(events, &client::EventStream::presenceReceived, this,
            [this](qint64 ticketId, const core::UserRef &user, const QString &state) {
                m_targets.presence->update(ticketId, user, state);
            });
    connect(events, &client::EventStream::resyncRequired, this, &EventRouter::catchUp);
    connect(events, &client::EventStream::reconnected, this, [this] {
        // `since` delivers what was missed; the outbox goes out again now that we can.
        m_targets.outbox->retryAll();
        m_targets.filter->refreshCounts();
    });
    connect(events, &client::EventStream::stateChanged, this,
            [this](client::EventStream::State state) {
                // The first page may have been read before the stream was up: read again.
                if (state == client::EventStream::State::Connected && !m_connectedOnce) {
                    m_connectedOnce = true;
                    if (m_targets.table->rowCount() > 0)
                        m_targets.table->reload();
                }
            });
}

void EventRouter::route(const core::Event &event)
{
    // Fleet and staff changes belong to no ticket (their ticketId is 0, like "none open").
    if (m_targets.directory && m_targets.directory->applyEvent(event))
        return;
    for (models::LibraryList *library : std::as_const(m_targets.libraries)) {
        if (library->applyEvent(event))
            return;
    }
    if (event.type == u"serviceLevels.updated") {
        // The clocks of open tickets moved (no ticket.updated for each): read them again.
        m_targets.table->reload();
        m_targets.filter->refreshCounts();
        for (const TicketView &view : std::as_const(m_views))
            view.document->refreshClocks();
        return;
    }
    m_targets.table->applyEvent(event);
    if (event.type.startsWith(u"ticket.") || event.type == u"rating.created")
        m_targets.filter->refreshCounts();
    for (const TicketView &view : std::as_const(m_views)) {
        if (event.ticketId == view.document->id())
            apply(view, event);
    }
}

void EventRouter::apply(const TicketView &view, const core::Event &event)
{
    view.document->applyEvent(event);
    view.messages->applyEvent(event);
    view.notes->applyEvent(event);
    view.history->applyEvent(event);
}

void EventRouter::reopen(const TicketView &view)
{
    const qint64 open = view.document->id();
    if (open == 0)
        return;
    view.document->open(open);
    view.messages->setTicket(open);
    view.notes->setTicket(open);
    view.history->setTicket(open);
}

void EventRouter::addTicketView(const TicketView &view)
{
    m_views.append(view);
}

void EventRouter::removeTicketView(const models::TicketDocument *document)
{
    // The main window's view stays for the router's life.
    for (qsizetype i = m_views.size() - 1; i > 0; --i) {
        if (m_views.at(i).document == document)
            m_views.removeAt(i);
    }
}

void EventRouter::catchUp()
{
    m_targets.table->reload();
    m_targets.filter->refreshCounts(0);
    for (models::LibraryList *library : std::as_const(m_targets.libraries))
        library->reload();
    for (const TicketView &view : std::as_const(m_views))
        reopen(view);
    m_targets.outbox->retryAll();
}

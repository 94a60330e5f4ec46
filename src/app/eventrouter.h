#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

namespace client {
class EventStream;
class Outbox;
} // namespace client
namespace core {
struct Event;
}
namespace models {
class Directory;
class HistoryModel;
class LibraryList;
class PostListModel;
class PresenceTracker;
class QueueFilter;
class TicketDocument;
class TicketTableModel;
} // namespace models

// Hands each event of the stream to the models it concerns, and repairs what a drop or a
// resync left behind: reloads the loaded rows, the open ticket and its conversation, and
// sends the outbox again. Besides the main window's ticket, every ticket open in a window of
// its own (addTicketView) gets its ticket's events and is reloaded after a resync.
class EventRouter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventRouter)

public:
    struct Targets {
        models::TicketTableModel *table = nullptr;
        models::QueueFilter *filter = nullptr;
        models::TicketDocument *document = nullptr;
        models::PostListModel *messages = nullptr;
        models::PostListModel *notes = nullptr;
        models::HistoryModel *history = nullptr;
        models::PresenceTracker *presence = nullptr;
        client::Outbox *outbox = nullptr;
        models::Directory *directory = nullptr;
        // Text modules, macros: kept live on their textModule.* / macro.* events.
        QList<models::LibraryList *> libraries;
    };
    EventRouter(client::EventStream *events, const Targets &targets, QObject *parent = nullptr);

    // One more open ticket, outside the main window (its models are not owned).
    struct TicketView {
        models::TicketDocument *document = nullptr;
        models::PostListModel *messages = nullptr;
        models::PostListModel *notes = nullptr;
        models::HistoryModel *history = nullptr;
    };
    void addTicketView(const TicketView &view);
    // Forgets the view of `document` (before its models go).
    void removeTicketView(const models::TicketDocument *document);

private:
    void route(const core::Event &event);
    void catchUp();
    static void apply(const TicketView &view, const core::Event &event);
    static void reopen(const TicketView &view);

    Targets m_targets;
    QList<TicketView> m_views; // [0]: the main window's
    bool m_connectedOnce = false;
};

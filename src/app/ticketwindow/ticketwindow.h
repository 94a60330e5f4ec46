#pragma once

#include "eventrouter.h"

#include <QWidget>
#include <memory>

namespace client {
class ApiClient;
class DraftStore;
class EventStream;
class Outbox;
} // namespace client
namespace models {
class Directory;
class HistoryModel;
class PostListModel;
class PresenceTracker;
class TicketDocument;
} // namespace models
class ConversationTabs;
class DetailPane;
class MessageBanner;

// One ticket in a top-level window of its own (for a second screen): the detail pane over
// the conversation, with its own document and lists on the session's services. Live
// through the main window's EventRouter (TicketWindows registers view()); drafts in the
// session's one DraftStore, so its composers and the main window's show the same text.
// Ctrl+W and Esc close it; closing saves the drafts.
class TicketWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketWindow)

public:
    // The session's services and shared state (not owned).
    struct Services {
        client::ApiClient *api = nullptr;
        client::Outbox *outbox = nullptr;
        client::DraftStore *drafts = nullptr;
        client::EventStream *events = nullptr;
        models::PresenceTracker *presence = nullptr;
        models::Directory *directory = nullptr;
    };
    TicketWindow(const Services &services, qint64 ticketId, QWidget *parent = nullptr);
    ~TicketWindow() override;

    qint64 ticketId() const { return m_ticketId; }
    models::TicketDocument *document() const { return m_document.get(); }
    ConversationTabs *conversation() const { return m_conversation; }
    // Its models, for the event router.
    EventRouter::TicketView view() const;

Q_SIGNALS:
    // It is closing (drafts saved); it deletes itself afterwards.
    void closing(TicketWindow *window);
    // "All tickets of this device / customer": for the main window's list.
    void deviceTicketsRequested(qint64 deviceId);
    void customerTicketsRequested(qint64 customerId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateTitle();
    void showError(const QString &text);

    qint64 m_ticketId;
    std::unique_ptr<models::TicketDocument> m_document;
    std::unique_ptr<models::PostListModel> m_messages;
    std::unique_ptr<models::PostListModel> m_notes;
    std::unique_ptr<models::HistoryModel> m_history;
    MessageBanner *m_banner;
    DetailPane *m_detail;
    ConversationTabs *m_conversation;
};

#pragma once

#include "client/draftstore.h"

#include <QHash>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>

#include "core/textplaceholders.h"

namespace Ui {
class ConversationTabs;
}
namespace client {
class EventStream;
class Outbox;
} // namespace client
namespace models {
class HistoryModel;
class TextModuleList;
class TicketDocument;
class PostListModel;
class PresenceTracker;
} // namespace models
class QPlainTextEdit;
class QListView;
class TextModulePicker;

// The lower half of the ticket detail: Messenger (the conversation with the code user),
// Internal notes (staff only, visibly different) and History. Composers keep their text
// as a draft per ticket (surviving a restart) and send through the outbox: Ctrl+Enter or
// the button sends once, the text shows as pending until the server confirms it; Esc
// goes back to the ticket list. Tab titles count the rows their lists hold, live.
class ConversationTabs final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationTabs)

public:
    enum class Tab { Messenger, Notes, History };

    ConversationTabs(models::PostListModel *messages, models::PostListModel *notes,
                     models::HistoryModel *history, client::Outbox *outbox,
                     client::DraftStore *drafts, client::EventStream *events,
                     models::PresenceTracker *presence, QWidget *parent = nullptr);
    ~ConversationTabs() override;

    // The messenger's composer says whom a message reaches: on an internal ticket the code
    // user sees messages only once it is public again. Follows `document`'s visibility.
    void followVisibility(models::TicketDocument *document);
    // Saves the drafts of the ticket being left, then shows `ticketId` (0: none).
    void setTicket(qint64 ticketId);
    qint64 ticketId() const { return m_ticketId; }
    void showTab(Tab tab);
    // Writes pending draft edits now (before quitting).
    void flushDrafts();
    // Gives both composers a text-module picker ("/" or Ctrl+Space): `values` fills the
    // placeholders from the open ticket; modules in the language `language` names when the
    // picker opens come first.
    void setTextModules(models::TextModuleList *modules,
                        const std::function<core::PlaceholderValues()> &values,
                        const std::function<QString()> &language);
    TextModulePicker *messagePicker() const { return m_messagePicker; }
    TextModulePicker *notePicker() const { return m_notePicker; }
    // Inserts a text module in the composer of the tab shown (the messenger's unless the
    // notes are shown) and puts the focus there; false without a ticket or module.
    bool insertTextModule(qint64 moduleId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // The user asked for an attachment of a message or note: to open it, or to save it.
    void attachmentRequested(const QString &attachmentId, const QString &name, bool open);
    // Esc in the reply or note box: back to the ticket list (the draft stays).
    void leaveRequested();

private:
    struct Composer {
        QPlainTextEdit *edit = nullptr;
        QListView *list = nullptr;
        bool notes = false;
    };
    void setUpComposer(const Composer &composer, models::PostListModel *model);
    // Keeps the list at its newest post while the reader has not scrolled up, also when
    // rows grow after they came in (wrapping, a scroll bar taking width).
    void followNewest(QListView *list, models::PostListModel *model);
    void send(const Composer &composer);
    void saveDraft(const Composer &composer);
    void takeDraft(qint64 ticketId, client::DraftStore::Kind kind);
    void replaceText(const Composer &composer, const QString &text);
    void onTyping();
    void announceViewing();
    void updatePresence();
    void updateTabTitles();
    void showAttachmentMenu(QListView *list, const QPoint &pos);

    std::unique_ptr<Ui::ConversationTabs> m_ui;
    models::PostListModel *m_messages;
    models::PostListModel *m_notes;
    models::HistoryModel *m_history;
    client::Outbox *m_outbox;
    client::DraftStore *m_drafts;
    client::EventStream *m_events;
    models::PresenceTracker *m_presence;
    Composer m_messageComposer;
    Composer m_noteComposer;
    qint64 m_ticketId = 0;
    bool m_loadingDraft = false;
    QTimer m_draftTimer;
    QTimer m_presenceTimer;
    qint64 m_lastTypingSent = 0;
    QHash<QListView *, std::function<void()>> m_scrollToNewest;
    TextModulePicker *m_messagePicker = nullptr;
    TextModulePicker *m_notePicker = nullptr;
};

#pragma once

#include <QObject>
#include <QString>

class MessageBanner;
class QAction;
class QStatusBar;
class QToolButton;
namespace client {
struct ApiError;
class Outbox;
struct OutboxItem;
} // namespace client
namespace models {
class TicketDocument;
}

// The main window's message bar: notices, errors (with a button), undo offers, the
// outbox's refusals, and the local server's absence ("Restart local server" there and in
// the status bar).
class MessageController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageController)

public:
    MessageController(MessageBanner *banner, QStatusBar *statusBar, QObject *parent = nullptr);
    ~MessageController() override;

    // A notice (plain text).
    void showInfo(const QString &text);
    // Something done as asked: the calm kind of message, which hides by itself.
    void showDone(const QString &text);
    // An error (empty text: nothing shown).
    void showError(const QString &text);
    // An error of a layer that loads or sends; `serverAway`: it only says that the server
    // cannot be reached now. The local server's absence, once said, is not replaced by that.
    void showLayerError(const QString &text, bool serverAway);
    // An error with a button for `action` (not owned), until the next message.
    void showErrorWithAction(const QString &text, QAction *action);
    // An Info with `undo` while undo is offered (empty text: withdrawn).
    void showUndo(const QString &text, QAction *undo);
    // The local server is down: says so with `message`, and offers "Restart local server"
    // here and in the status bar until it is up again (down == false).
    void setLocalServerDown(bool down, const QString &message = {});
    // Changes the outbox could not deliver; the open ticket's (`document`) are said by the
    // detail pane itself.
    void watchOutbox(client::Outbox *outbox, const models::TicketDocument *document);

Q_SIGNALS:
    // The user asked for the local server to be started again now.
    void restartLocalServerRequested();

private:
    void onOutboxFailed(const client::OutboxItem &item, const client::ApiError &error);

    MessageBanner *m_banner;
    QStatusBar *m_statusBar;
    client::Outbox *m_outbox = nullptr;
    const models::TicketDocument *m_document = nullptr;
    QAction *m_restartLocalServerAction = nullptr;
    QToolButton *m_restartLocalServerButton = nullptr;
    bool m_localServerDown = false;
};

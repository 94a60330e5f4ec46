#include "messagecontroller.h"

#include "widgets/messagebanner.h"

#include "client/apiresult.h"
#include "client/outbox.h"
#include "models/bulkeditor.h"
#include "models/ticketdocument.h"

#include <QAction>
#include <QStatusBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

MessageController::MessageController(MessageBanner *banner, QStatusBar *statusBar, QObject *parent)
    : QObject(parent)
    , m_banner(banner)
    , m_statusBar(statusBar)
{
    m_banner->hide();
}

MessageController::~MessageController() = default;

void MessageController::showInfo(const QString &text)
{
    m_banner->setProperty("offersUndo", false);
    m_banner->setMessage(text, MessageBanner::Kind::Warning);
}

void MessageController::showDone(const QString &text)
{
    m_banner->setProperty("offersUndo", false);
    m_banner->setMessage(text, MessageBanner::Kind::Info);
}

void MessageController::showError(const QString &text)
{
    m_banner->setProperty("offersUndo", false);
    if (!text.isEmpty())
        m_banner->setMessage(text, MessageBanner::Kind::Error);
}

void MessageController::showLayerError(const QString &text, bool serverAway)
{
    // The notice says it already, and offers the restart: the user would lose that button
    // to a repetition (the notice kept the bar while a refusal goes to where it belongs).
    if (serverAway && m_localServerDown)
        return;
    showError(text);
}

void MessageController::showErrorWithAction(const QString &text, QAction *action)
{
    m_banner->setProperty("offersUndo", false);
    m_banner->setMessage(text, MessageBanner::Kind::Error);
    m_banner->setAction(action);
}

void MessageController::showUndo(const QString &text, QAction *undo)
{
    // Other notices keep their own time: the bar's interval is the undo's only meanwhile.
    const QVariant usual = m_banner->property("usualAutoHide");
    if (text.isEmpty()) { // withdrawn: the bar goes if it still offers it
        if (m_banner->isVisible() && m_banner->kind() == MessageBanner::Kind::Info &&
            m_banner->property("offersUndo").toBool())
            m_banner->clear();
        if (usual.isValid())
            m_banner->setAutoHideInterval(usual.toInt());
        return;
    }
    if (!usual.isValid())
        m_banner->setProperty("usualAutoHide", m_banner->autoHideInterval());
    m_banner->setAutoHideInterval(models::BulkEditor::DefaultUndoMs);
    m_banner->setMessage(text, MessageBanner::Kind::Info);
    m_banner->setAction(undo);
    m_banner->setProperty("offersUndo", true);
}

void MessageController::setLocalServerDown(bool down, const QString &message)
{
    if (!m_restartLocalServerAction) {
        // Owned by the window (the banner's), as the status bar's button is.
        m_restartLocalServerAction = new QAction(tr("Restart local server"), m_banner->window());
        m_restartLocalServerAction->setObjectName(u"restartLocalServerAction"_s);
        connect(m_restartLocalServerAction, &QAction::triggered, this,
                &MessageController::restartLocalServerRequested);
        m_restartLocalServerButton = new QToolButton(m_statusBar);
        m_restartLocalServerButton->setObjectName(u"restartLocalServerButton"_s);
        m_restartLocalServerButton->setDefaultAction(m_restartLocalServerAction);
        m_statusBar->addPermanentWidget(m_restartLocalServerButton);
    }
    m_restartLocalServerButton->setVisible(down);
    m_localServerDown = down;
    if (down) {
        m_banner->setMessage(message, MessageBanner::Kind::Error);
        m_banner->setAction(m_restartLocalServerAction);
    } else {
        m_banner->setMessage(tr("The local server runs again."), MessageBanner::Kind::Info);
    }
}

void MessageController::watchOutbox(client::Outbox *outbox, const models::TicketDocument *document)
{
    m_outbox = outbox;
    m_document = document;
    connect(outbox, &client::Outbox::failed, this, &MessageController::onOutboxFailed);
}

void MessageController::onOutboxFailed(const client::OutboxItem &item,
                                       const client::ApiError &error)
{
    if (item.kind != client::OutboxItem::Kind::Edit) {
        showError(tr("A message was not accepted by the server: %1").arg(error.message));
        return;
    }
    if (item.ticketId == m_document->id())
        return; // the detail pane says it itself
    if (error.status == 412) {
        // Kept: opening the ticket brings the conflict banner with the change.
        showError(tr("Someone else changed a ticket that you edited while offline. "
                     "Open it to re-apply or drop your change."));
        return;
    }
    showError(
        tr("A change made while offline was not accepted by the server: %1").arg(error.message));
    m_outbox->discard(item.key); // said; the server's value stands
}

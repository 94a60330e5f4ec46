#include "ticketwindow.h"

#include "conversationtabs.h"
#include "detailpane.h"
#include "widgets/messagebanner.h"

#include "client/apiresult.h"
#include "models/directory.h"
#include "models/historymodel.h"
#include "models/postlistmodel.h"
#include "models/ticketdocument.h"

#include <QCloseEvent>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

TicketWindow::TicketWindow(const Services &services, qint64 ticketId, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_ticketId(ticketId)
    , m_document(std::make_unique<models::TicketDocument>(services.api, services.outbox))
    , m_messages(std::make_unique<models::PostListModel>(services.api, services.outbox,
                                                         models::PostListModel::Kind::Messages))
    , m_notes(std::make_unique<models::PostListModel>(services.api, services.outbox,
                                                      models::PostListModel::Kind::Notes))
    , m_history(std::make_unique<models::HistoryModel>(services.api))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setAttribute(Qt::WA_QuitOnClose, false); // the main window keeps the program running

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"ticketWindowMessageBanner"_s);
    m_banner->hide();
    layout->addWidget(m_banner);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"ticketWindowSplitter"_s);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);
    m_detail = new DetailPane(m_document.get(), services.directory, services.api, splitter);
    m_detail->setObjectName(u"detailPane"_s);
    m_conversation =
        new ConversationTabs(m_messages.get(), m_notes.get(), m_history.get(), services.outbox,
                             services.drafts, services.events, services.presence, splitter);
    m_conversation->setObjectName(u"conversationTabs"_s);
    m_conversation->followVisibility(m_document.get());
    splitter->addWidget(m_detail);
    splitter->addWidget(m_conversation);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    models::Directory *directory = services.directory;
    if (directory->isLoaded())
        m_history->setStaffNames(directory->staffNames());
    connect(directory, &models::Directory::loaded, this,
            [this, directory] { m_history->setStaffNames(directory->staffNames()); });
    connect(m_document.get(), &models::TicketDocument::loaded, this, &TicketWindow::updateTitle);
    connect(m_document.get(), &models::TicketDocument::changed, this, &TicketWindow::updateTitle);
    auto toBanner = [this](const client::ApiError &error) {
        showError(error.message);
    };
    connect(m_messages.get(), &models::PostListModel::errorOccurred, this, toBanner);
    connect(m_notes.get(), &models::PostListModel::errorOccurred, this, toBanner);
    connect(m_history.get(), &models::HistoryModel::errorOccurred, this, toBanner);
    connect(m_detail, &DetailPane::errorMessage, this, &TicketWindow::showError);
    connect(m_detail, &DetailPane::deviceTicketsRequested, this,
            &TicketWindow::deviceTicketsRequested);
    connect(m_detail, &DetailPane::customerTicketsRequested, this,
            &TicketWindow::customerTicketsRequested);
    connect(m_conversation, &ConversationTabs::attachmentRequested, m_detail,
            &DetailPane::downloadAttachment);
    // Esc in a composer leaves the ticket: here that is the window (the draft stays).
    connect(m_conversation, &ConversationTabs::leaveRequested, this, &QWidget::close);
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence(Qt::Key_Escape)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, &QWidget::close);
    }

    updateTitle();
    m_document->open(ticketId);
    m_conversation->setTicket(ticketId);
}

TicketWindow::~TicketWindow()
{
    // The widgets go before the models they show.
    delete m_conversation;
    delete m_detail;
}

EventRouter::TicketView TicketWindow::view() const
{
    return {m_document.get(), m_messages.get(), m_notes.get(), m_history.get()};
}

void TicketWindow::updateTitle()
{
    const core::TicketSummary &t = m_document->ticket().summary;
    if (!m_document->isLoaded() || t.number.isEmpty()) {
        setWindowTitle(tr("Ticket – Ticket Backoffice"));
        return;
    }
    setWindowTitle(tr("%1 – %2 – Ticket Backoffice").arg(t.number, t.title));
}

void TicketWindow::showError(const QString &text)
{
    if (!text.isEmpty())
        m_banner->setMessage(text, MessageBanner::Kind::Error);
}

void TicketWindow::closeEvent(QCloseEvent *event)
{
    m_conversation->flushDrafts();
    Q_EMIT closing(this);
    event->accept();
}

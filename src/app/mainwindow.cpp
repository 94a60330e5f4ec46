#include "mainwindow.h"

#include "ui_mainwindow.h"

#include "connectioncontroller.h"
#include "conversationtabs.h"
#include "detailpane.h"
#include "dialogs.h"
#include "eventrouter.h"
#include "focuskeeper.h"
#include "helpcontroller.h"
#include "librarycontroller.h"
#include "messagecontroller.h"
#include "notify/notificationcontroller.h"
#include "palette/palettecontroller.h"
#include "sidebarcontroller.h"
#include "tableactions.h"
#include "tableheadercontroller.h"
#include "ticketlistcontroller.h"
#include "ticketwindow/ticketwindows.h"
#include "toolwindowscontroller.h"
#include "unreadactions.h"
#include "viewscontroller.h"
#include "windowstatecontroller.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "client/eventstream.h"
#include "core/types.h"
#include "models/directory.h"
#include "models/historymodel.h"
#include "models/macrolist.h"
#include "models/postlistmodel.h"
#include "models/presencetracker.h"
#include "models/queuefilter.h"
#include "models/textmodulelist.h"
#include "models/ticketdocument.h"
#include "models/tickettablemodel.h"
#include "models/viewlist.h"
#include "widgets/messagebanner.h"

#include <QCloseEvent>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(const AppContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_directory(std::make_unique<models::Directory>(context.api))
    , m_filter(std::make_unique<models::QueueFilter>(context.api))
    , m_table(std::make_unique<models::TicketTableModel>(context.api))
    , m_document(std::make_unique<models::TicketDocument>(context.api, context.outbox))
    , m_messages(std::make_unique<models::PostListModel>(context.api, context.outbox,
                                                         models::PostListModel::Kind::Messages))
    , m_notes(std::make_unique<models::PostListModel>(context.api, context.outbox,
                                                      models::PostListModel::Kind::Notes))
    , m_history(std::make_unique<models::HistoryModel>(context.api))
    , m_presence(std::make_unique<models::PresenceTracker>())
    , m_textModules(std::make_unique<models::TextModuleList>(context.api, context.settings))
    , m_macros(std::make_unique<models::MacroList>(context.api))
    , m_views(std::make_unique<models::ViewList>(context.api))
{
    m_ui->setupUi(this);
    if (context.dialogs)
        Dialogs::install(this, context.dialogs);
    m_messageBar = new MessageController(m_ui->messageBanner, m_ui->statusBar, this);
    connect(m_messageBar, &MessageController::restartLocalServerRequested, this,
            &MainWindow::restartLocalServerRequested);
    m_table->setMyId(context.api->myId());
    m_table->setOutbox(context.outbox);

    m_detail =
        new DetailPane(m_document.get(), m_directory.get(), context.api, m_ui->detailSplitter);
    m_detail->setObjectName(u"detailPane"_s);
    m_conversation = new ConversationTabs(m_messages.get(), m_notes.get(), m_history.get(),
                                          context.outbox, context.drafts, context.events,
                                          m_presence.get(), m_ui->detailSplitter);
    m_conversation->setObjectName(u"conversationTabs"_s);
    m_conversation->followVisibility(m_document.get());
    // A code user's answer that reopened the ticket, said under the status stepper.
    const auto statusReason = [this] {
        m_detail->setStatusReason(m_history->statusReason());
    };
    connect(m_history.get(), &QAbstractItemModel::modelReset, this, statusReason);
    connect(m_history.get(), &QAbstractItemModel::rowsInserted, this, statusReason);
    m_ui->detailSplitter->addWidget(m_detail);
    m_ui->detailSplitter->addWidget(m_conversation);
    // The conversation gets the larger share: on a small screen the newest message must fit
    // whole, while the ticket's details above scroll.
    m_ui->detailSplitter->setStretchFactor(0, 2);
    m_ui->detailSplitter->setStretchFactor(1, 3);
    m_ui->detailSplitter->setSizes({420, 500});
    m_ui->mainSplitter->setStretchFactor(0, 0);
    m_ui->mainSplitter->setStretchFactor(1, 3);
    m_ui->mainSplitter->setStretchFactor(2, 2);
    m_ui->mainSplitter->setSizes({230, 760, 590});

    m_sidebar = std::make_unique<SidebarController>(m_ui.get(), m_filter.get(), m_directory.get(),
                                                    context.settings);
    m_viewsController =
        new ViewsController(m_ui.get(), m_views.get(), m_filter.get(), context.api, this);
    m_ticketList =
        std::make_unique<TicketListController>(m_ui.get(), m_table.get(), m_filter.get());
    m_tableHeader = std::make_unique<TableHeaderController>(m_ui->ticketTableView, m_table.get(),
                                                            m_filter.get(), context.settings);
    m_tableActions = std::make_unique<TableActions>(TableActions::Parts{
        m_ui->ticketTableView, m_ticketList.get(), m_table.get(), m_document.get(),
        m_directory.get(), m_filter.get(), m_conversation, context.api});
    connect(m_tableActions.get(), &TableActions::infoMessage, m_messageBar,
            &MessageController::showInfo);
    connect(m_tableActions.get(), &TableActions::doneMessage, m_messageBar,
            &MessageController::showDone);
    connect(m_tableActions.get(), &TableActions::errorMessage, m_messageBar,
            &MessageController::showError);
    connect(m_tableActions.get(), &TableActions::errorWithAction, m_messageBar,
            &MessageController::showErrorWithAction);
    connect(m_tableActions.get(), &TableActions::undoOffered, m_messageBar,
            &MessageController::showUndo);
    m_connection = std::make_unique<ConnectionController>(m_ui->statusBar, context.api,
                                                          context.events, context.outbox,
                                                          context.serverLabel, context.userName);
    m_router = std::make_unique<EventRouter>(
        context.events, EventRouter::Targets{m_table.get(),
                                             m_filter.get(),
                                             m_document.get(),
                                             m_messages.get(),
                                             m_notes.get(),
                                             m_history.get(),
                                             m_presence.get(),
                                             context.outbox,
                                             m_directory.get(),
                                             {m_textModules.get(), m_macros.get()}});

    // After the router: the table takes an event before the unread marks are judged.
    m_unread = new UnreadActions({this, m_ui->ticketTableView, m_ticketList.get(), m_table.get(),
                                  m_filter.get(), m_tableActions.get(), context.api, context.events,
                                  context.settings, m_ui->ticketMenu, m_ui->viewMenu},
                                 this);
    connect(m_unread, &UnreadActions::infoMessage, m_messageBar, &MessageController::showInfo);
    connect(m_unread, &UnreadActions::errorMessage, m_messageBar, &MessageController::showError);

    connect(m_filter.get(), &models::QueueFilter::queryChanged, m_table.get(),
            &models::TicketTableModel::setQuery);
    connect(m_ticketList.get(), &TicketListController::currentTicketChanged, this,
            &MainWindow::openTicket);
    connect(m_ticketList.get(), &TicketListController::numberNotListed, this,
            &MainWindow::openTicketNumber);
    connect(m_directory.get(), &models::Directory::loaded, this, [this] {
        m_sidebar->fillFilterChoices();
        m_history->setStaffNames(m_directory->staffNames());
        const std::optional<core::StaffMember> me = m_directory->staffMember(m_context.api->myId());
        m_viewsController->setAdmin(me && me->role == core::Role::Admin);
        m_ui->serviceLevelsAction->setVisible(me && me->role == core::Role::Admin);
    });
    // Saved views count along with the queues, and follow shared views changed elsewhere.
    connect(m_filter.get(), &models::QueueFilter::countsRequested, m_views.get(),
            &models::ViewList::refreshCounts);
    connect(context.events, &client::EventStream::eventReceived, m_views.get(),
            [this](const core::Event &event) {
                if (event.type.startsWith(u"view."))
                    m_views->load();
            });
    connect(m_table.get(), &models::TicketTableModel::pageLoaded, this, [this](bool first) {
        if (!first || m_firstRowsShown)
            return;
        m_firstRowsShown = true;
        // After the rows are painted, not merely inserted.
        QTimer::singleShot(0, this, [this] { Q_EMIT firstRowsShown(); });
    });

    // Errors of every layer end up in one visible place.
    auto toBanner = [this](const client::ApiError &error) {
        m_messageBar->showLayerError(error.message, error.isTransient());
    };
    connect(m_table.get(), &models::TicketTableModel::errorOccurred, this, toBanner);
    connect(m_filter.get(), &models::QueueFilter::errorOccurred, this, toBanner);
    connect(m_directory.get(), &models::Directory::errorOccurred, this, toBanner);
    connect(m_views.get(), &models::ViewList::errorOccurred, this, toBanner);
    connect(m_messages.get(), &models::PostListModel::errorOccurred, this, toBanner);
    connect(m_notes.get(), &models::PostListModel::errorOccurred, this, toBanner);
    connect(m_history.get(), &models::HistoryModel::errorOccurred, this, toBanner);
    m_messageBar->watchOutbox(context.outbox, m_document.get());
    connect(m_detail, &DetailPane::errorMessage, m_messageBar, &MessageController::showLayerError);
    connect(m_detail, &DetailPane::deviceTicketsRequested, m_sidebar.get(),
            &SidebarController::showDeviceTickets);
    connect(m_detail, &DetailPane::customerTicketsRequested, m_sidebar.get(),
            &SidebarController::showCustomerTickets);
    connect(m_conversation, &ConversationTabs::attachmentRequested, m_detail,
            &DetailPane::downloadAttachment);
    connect(m_conversation, &ConversationTabs::leaveRequested, this,
            [this] { m_ui->ticketTableView->setFocus(Qt::ShortcutFocusReason); });

    m_toolWindows = new ToolWindowsController(
        this, {context.api, context.events, m_directory.get(), context.settings});
    connect(m_toolWindows, &ToolWindowsController::openTicketRequested, this,
            &MainWindow::showTicket);
    connect(m_toolWindows, &ToolWindowsController::infoMessage, m_messageBar,
            &MessageController::showInfo);
    setUpActions();
    m_windowState = new WindowStateController(
        {this, m_ui.get(), context.settings, m_sidebar.get(), m_tableHeader.get()});
    m_palette = std::make_unique<PaletteController>(this, m_ui->editMenu, context.api,
                                                    [this](qint64 id) { showTicket(id); });
    connect(m_palette.get(), &PaletteController::message, m_messageBar,
            &MessageController::showInfo);
    m_ticketWindows = std::make_unique<TicketWindows>(
        this,
        TicketWindow::Services{context.api, context.outbox, context.drafts, context.events,
                               m_presence.get(), m_directory.get()},
        m_router.get(), context.settings, m_ui->ticketMenu);
    // Found using it: a ticket read in its own window stayed unread.
    connect(m_ticketWindows.get(), &TicketWindows::windowOpened, m_unread,
            [this](TicketWindow *w) { m_unread->addWindowTicket(w->ticketId()); });
    connect(m_ticketWindows.get(), &TicketWindows::windowClosed, m_unread,
            &UnreadActions::removeWindowTicket);
    connect(m_ticketWindows.get(), &TicketWindows::deviceTicketsRequested, m_sidebar.get(),
            &SidebarController::showDeviceTickets);
    connect(m_ticketWindows.get(), &TicketWindows::customerTicketsRequested, m_sidebar.get(),
            &SidebarController::showCustomerTickets);
    m_library = new LibraryController({m_textModules.get(), m_macros.get(), m_views.get(),
                                       m_viewsController, m_tableActions.get(), m_conversation,
                                       m_palette.get(), m_ticketWindows.get(), m_ui->ticketMenu,
                                       context.userName,
                                       QLocale().language() == QLocale::German ? u"de"_s : u"en"_s},
                                      this);
    m_library->giveModules(m_conversation, m_document.get());
    m_notifications = new NotificationController({this, m_ui->viewMenu, context.api, context.events,
                                                  m_directory.get(), m_document.get(),
                                                  m_filter.get(), context.settings},
                                                 this);
    connect(m_notifications, &NotificationController::openTicketRequested, this,
            &MainWindow::showTicket);
    connect(m_library, &LibraryController::infoMessage, m_messageBar, &MessageController::showInfo);
    m_windowState->restoreState();
    m_table->setQuery(m_filter->query());
}

MainWindow::~MainWindow() = default;

void MainWindow::start()
{
    m_directory->load();
    m_textModules->reload();
    m_macros->reload();
    m_views->load();
    m_filter->refreshCounts(0);
    m_context.events->start();
    m_help->start();
}

void MainWindow::setUpActions()
{
    m_ui->quitAction->setShortcut(QKeySequence::Quit);
    m_ui->quitAction->setMenuRole(QAction::QuitRole);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    m_ui->findAction->setShortcut(QKeySequence::Find);
    connect(m_ui->findAction, &QAction::triggered, m_sidebar.get(),
            &SidebarController::focusSearch);
    m_ui->reloadAction->setShortcut(QKeySequence::Refresh);
    connect(m_ui->reloadAction, &QAction::triggered, this, &MainWindow::reload);
    connect(m_ui->assignToMeAction, &QAction::triggered, this, [this] {
        if (m_document->isLoaded())
            m_document->setAssignee(m_context.api->myId());
    });
    // j/k live on the table itself (see TicketListController); the menu shows them.
    m_ui->nextTicketAction->setShortcutContext(Qt::WidgetShortcut);
    m_ui->previousTicketAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_ui->nextTicketAction, &QAction::triggered, m_ticketList.get(),
            &TicketListController::selectNext);
    connect(m_ui->previousTicketAction, &QAction::triggered, m_ticketList.get(),
            &TicketListController::selectPrevious);
    connect(m_ui->messengerTabAction, &QAction::triggered, this,
            [this] { m_conversation->showTab(ConversationTabs::Tab::Messenger); });
    connect(m_ui->notesTabAction, &QAction::triggered, this,
            [this] { m_conversation->showTab(ConversationTabs::Tab::Notes); });
    connect(m_ui->historyTabAction, &QAction::triggered, this,
            [this] { m_conversation->showTab(ConversationTabs::Tab::History); });
    connect(m_ui->statisticsAction, &QAction::triggered, m_toolWindows,
            &ToolWindowsController::showStatistics);
    connect(m_ui->fleetsAction, &QAction::triggered, m_toolWindows,
            &ToolWindowsController::showFleets);
    connect(m_ui->serviceLevelsAction, &QAction::triggered, m_toolWindows,
            &ToolWindowsController::showServiceLevels);
    connect(m_ui->columnsMenu, &QMenu::aboutToShow, this,
            [this] { m_tableHeader->fillColumnsMenu(m_ui->columnsMenu); });
    m_help = new HelpController(this, m_ui->helpMenu, m_ui->aboutAction, m_tableActions.get(),
                                m_context.api, m_context.serverLabel);
    new FocusKeeper(this);
}

ShortcutsDialog *MainWindow::shortcutsDialog() const
{
    return m_help->shortcutsDialog();
}

void MainWindow::openTicket(qint64 id)
{
    m_unread->setOpenTicket(id);
    m_document->open(id);
    m_conversation->setTicket(id);
    m_ticketWindows->setCurrentTicket(id);
}

void MainWindow::reload()
{
    // Ask the server first: a reload that cannot reach it keeps what is shown.
    const qint64 id = m_document->id();
    client::ApiJob *probe = id ? m_context.api->get(u"/tickets/%1"_s.arg(id))
                               : m_context.api->get(u"/tickets"_s, QUrlQuery(u"limit=1"_s));
    connect(probe, &client::ApiJob::finished, this, [this, id](const client::ApiResult &result) {
        if (!result.ok() && result.error.isTransient()) {
            m_ui->messageBanner->setMessage(
                tr("Could not refresh: the server is unreachable. What you see is kept as it "
                   "was."),
                MessageBanner::Kind::Error);
            return;
        }
        m_table->reload();
        m_filter->refreshCounts(0);
        if (id && id == m_document->id())
            openTicket(id);
    });
}

void MainWindow::openTicketNumber(const QString &number)
{
    // The search box's number names a ticket the filters hide: find it without them.
    core::TicketQuery query;
    query.text = number;
    query.limit = core::TicketQuery::MaxLimit;
    client::ApiJob *job = m_context.api->get(u"/tickets"_s, query.toUrlQuery());
    connect(job, &client::ApiJob::finished, this, [this, number](const client::ApiResult &r) {
        if (!r.ok() || core::ticketNumberIn(m_filter->query().text) != number)
            return; // failed, or the search moved on
        for (const QJsonValue &v : r.items()) {
            const QJsonObject t = v.toObject();
            if (t.value(u"number").toString() == number) {
                m_ticketList->clearSelection();
                m_ticketList->keepTicketOpenedElsewhere();
                openTicket(t.value(u"id").toInteger());
                m_ticketList->noteOpenedElsewhere(number);
                return;
            }
        }
    });
}

void MainWindow::showTicket(qint64 id)
{
    if (!m_ticketList->selectTicket(id)) {
        m_ticketList->clearSelection(); // the list does not hold it: no row stays marked
        m_ticketList->keepTicketOpenedElsewhere();
        openTicket(id);
    }
    raise();
    activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_conversation->flushDrafts();
    m_ticketWindows->closeAll(); // each saves its drafts
    m_toolWindows->closeAll();   // they belong to this window
    m_windowState->saveState();
    if (m_document->id())
        m_context.events->sendPresence(m_document->id(), u"left"_s);
    event->accept();
}

void MainWindow::showInfo(const QString &text)
{
    m_messageBar->showInfo(text);
}

void MainWindow::showErrorWithAction(const QString &text, QAction *action)
{
    m_messageBar->showErrorWithAction(text, action);
}

void MainWindow::setLocalServerDown(bool down, const QString &message)
{
    m_messageBar->setLocalServerDown(down, message);
}

void MainWindow::showStatistics()
{
    m_toolWindows->showStatistics();
}

StatisticsView *MainWindow::statisticsView() const
{
    return m_toolWindows->statisticsView();
}

void MainWindow::showFleets()
{
    m_toolWindows->showFleets();
}

FleetAdminDialog *MainWindow::fleetsDialog() const
{
    return m_toolWindows->fleetsDialog();
}

#include "mainwindow.h"

#include "ui_mainwindow.h"

#include "connectioncontroller.h"
#include "conversationtabs.h"
#include "detailpane.h"
#include "dialogs.h"
#include "eventrouter.h"
#include "fleets/fleetadmindialog.h"
#include "helpcontroller.h"
#include "librarycontroller.h"
#include "palette/palettecontroller.h"
#include "sidebarcontroller.h"
#include "statistics/statisticsview.h"
#include "tableactions.h"
#include "ticketlistcontroller.h"
#include "ticketwindow/ticketwindows.h"
#include "viewscontroller.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "client/eventstream.h"
#include "client/outbox.h"
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

#include <QActionGroup>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <QToolButton>
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
    m_ui->messageBanner->hide();
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
    m_ticketList = std::make_unique<TicketListController>(m_ui.get(), m_table.get(), m_filter.get(),
                                                          context.settings);
    m_tableActions = std::make_unique<TableActions>(TableActions::Parts{
        m_ui->ticketTableView, m_ticketList.get(), m_table.get(), m_document.get(),
        m_directory.get(), m_filter.get(), m_conversation, context.api});
    connect(m_tableActions.get(), &TableActions::infoMessage, this, &MainWindow::showInfo);
    connect(m_tableActions.get(), &TableActions::errorMessage, this, &MainWindow::showError);
    connect(m_tableActions.get(), &TableActions::errorWithAction, this,
            &MainWindow::showErrorWithAction);
    connect(m_tableActions.get(), &TableActions::undoOffered, this, &MainWindow::showUndo);
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
        showError(error.message);
    };
    connect(m_table.get(), &models::TicketTableModel::errorOccurred, this, toBanner);
    connect(m_filter.get(), &models::QueueFilter::errorOccurred, this, toBanner);
    connect(m_directory.get(), &models::Directory::errorOccurred, this, toBanner);
    connect(m_views.get(), &models::ViewList::errorOccurred, this, toBanner);
    connect(m_messages.get(), &models::PostListModel::errorOccurred, this, toBanner);
    connect(m_notes.get(), &models::PostListModel::errorOccurred, this, toBanner);
    connect(m_history.get(), &models::HistoryModel::errorOccurred, this, toBanner);
    connect(context.outbox, &client::Outbox::failed, this,
            [this](const client::OutboxItem &item, const client::ApiError &error) {
                if (item.kind != client::OutboxItem::Kind::Edit) {
                    showError(
                        tr("A message was not accepted by the server: %1").arg(error.message));
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
                showError(tr("A change made while offline was not accepted by the server: %1")
                              .arg(error.message));
                m_context.outbox->discard(item.key); // said; the server's value stands
            });
    connect(m_detail, &DetailPane::errorMessage, this, &MainWindow::showError);
    connect(m_detail, &DetailPane::deviceTicketsRequested, m_sidebar.get(),
            &SidebarController::showDeviceTickets);
    connect(m_detail, &DetailPane::customerTicketsRequested, m_sidebar.get(),
            &SidebarController::showCustomerTickets);
    connect(m_conversation, &ConversationTabs::attachmentRequested, m_detail,
            &DetailPane::downloadAttachment);
    connect(m_conversation, &ConversationTabs::leaveRequested, this,
            [this] { m_ui->ticketTableView->setFocus(Qt::ShortcutFocusReason); });

    setUpActions();
    setUpLanguageMenu();
    m_palette = std::make_unique<PaletteController>(this, m_ui->editMenu, context.api,
                                                    [this](qint64 id) { showTicket(id); });
    connect(m_palette.get(), &PaletteController::message, this, &MainWindow::showInfo);
    m_ticketWindows = std::make_unique<TicketWindows>(
        this,
        TicketWindow::Services{context.api, context.outbox, context.drafts, context.events,
                               m_presence.get(), m_directory.get()},
        m_router.get(), context.settings, m_ui->ticketMenu);
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
    connect(m_library, &LibraryController::infoMessage, this, &MainWindow::showInfo);
    restoreState();
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
    connect(m_ui->statisticsAction, &QAction::triggered, this, &MainWindow::showStatistics);
    connect(m_ui->fleetsAction, &QAction::triggered, this, &MainWindow::showFleets);
    connect(m_ui->columnsMenu, &QMenu::aboutToShow, this,
            [this] { m_ticketList->fillColumnsMenu(m_ui->columnsMenu); });
    m_help = new HelpController(this, m_ui->helpMenu, m_ui->aboutAction, m_tableActions.get(),
                                m_context.api, m_context.serverLabel);
}

void MainWindow::showUndo(const QString &text, QAction *undo)
{
    MessageBanner *banner = m_ui->messageBanner;
    // Other notices keep their own time: the bar's interval is the undo's only meanwhile.
    const QVariant usual = banner->property("usualAutoHide");
    if (text.isEmpty()) { // withdrawn: the bar goes if it still offers it
        if (banner->isVisible() && banner->kind() == MessageBanner::Kind::Info &&
            banner->property("offersUndo").toBool())
            banner->clear();
        if (usual.isValid())
            banner->setAutoHideInterval(usual.toInt());
        return;
    }
    if (!usual.isValid())
        banner->setProperty("usualAutoHide", banner->autoHideInterval());
    banner->setAutoHideInterval(models::BulkEditor::DefaultUndoMs);
    banner->setMessage(text, MessageBanner::Kind::Info);
    banner->setAction(undo);
    banner->setProperty("offersUndo", true);
}

ShortcutsDialog *MainWindow::shortcutsDialog() const
{
    return m_help->shortcutsDialog();
}

void MainWindow::setUpLanguageMenu()
{
    auto *group = new QActionGroup(this);
    const QString current = m_context.settings->value(u"language"_s).toString();
    const QList<QPair<QString, QString>> choices{
        {QString(), tr("System language")}, {u"en"_s, u"English"_s}, {u"de"_s, u"Deutsch"_s}};
    for (const auto &[code, name] : choices) {
        QAction *action = m_ui->languageMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            m_context.settings->setValue(u"language"_s, code);
            m_ui->messageBanner->setMessage(
                tr("The language changes the next time Ticket Backoffice starts."),
                MessageBanner::Kind::Info);
        });
    }
}

void MainWindow::openTicket(qint64 id)
{
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
        openTicket(id);
    }
    raise();
    activateWindow();
}

void MainWindow::showStatistics()
{
    if (!m_statistics) {
        // A window of its own, owned by this one; it does not keep the application running.
        m_statistics =
            new StatisticsView(m_context.api, m_directory.get(), m_context.settings, this);
        m_statistics->setObjectName(u"statisticsView"_s);
        m_statistics->setWindowFlag(Qt::Window);
        m_statistics->setAttribute(Qt::WA_QuitOnClose, false);
        connect(m_statistics, &StatisticsView::openTicketRequested, this, &MainWindow::showTicket);
        connect(m_context.events, &client::EventStream::eventReceived, m_statistics,
                [this](const core::Event &event) {
                    if (event.type == u"rating.created")
                        m_statistics->noteNewRating();
                });
    }
    m_statistics->show();
    m_statistics->raise();
    m_statistics->activateWindow();
    m_statistics->refresh();
}

void MainWindow::showFleets()
{
    if (!m_directory->isLoaded()) {
        showInfo(tr("Fleets are still loading. Try again in a moment."));
        return;
    }
    if (!m_fleets) {
        const std::optional<core::StaffMember> me = m_directory->staffMember(m_context.api->myId());
        const bool admin = me && me->role == core::Role::Admin;
        m_fleets = new FleetAdminDialog(m_context.api, m_directory.get(), admin, this);
        m_fleets->setObjectName(u"fleetAdminDialog"_s);
        m_fleets->setAttribute(Qt::WA_QuitOnClose, false);
    }
    m_fleets->show();
    m_fleets->raise();
    m_fleets->activateWindow();
}

void MainWindow::showInfo(const QString &text)
{
    m_ui->messageBanner->setProperty("offersUndo", false);
    m_ui->messageBanner->setMessage(text, MessageBanner::Kind::Warning);
}

void MainWindow::setLocalServerDown(bool down, const QString &message)
{
    if (!m_restartLocalServerAction) {
        m_restartLocalServerAction = new QAction(tr("Restart local server"), this);
        m_restartLocalServerAction->setObjectName(u"restartLocalServerAction"_s);
        connect(m_restartLocalServerAction, &QAction::triggered, this,
                &MainWindow::restartLocalServerRequested);
        m_restartLocalServerButton = new QToolButton(m_ui->statusBar);
        m_restartLocalServerButton->setObjectName(u"restartLocalServerButton"_s);
        m_restartLocalServerButton->setDefaultAction(m_restartLocalServerAction);
        m_ui->statusBar->addPermanentWidget(m_restartLocalServerButton);
    }
    m_restartLocalServerButton->setVisible(down);
    if (down) {
        m_ui->messageBanner->setMessage(message, MessageBanner::Kind::Error);
        m_ui->messageBanner->setAction(m_restartLocalServerAction);
    } else {
        m_ui->messageBanner->setMessage(tr("The local server runs again."),
                                        MessageBanner::Kind::Info);
    }
}

void MainWindow::showErrorWithAction(const QString &text, QAction *action)
{
    m_ui->messageBanner->setProperty("offersUndo", false);
    m_ui->messageBanner->setMessage(text, MessageBanner::Kind::Error);
    m_ui->messageBanner->setAction(action);
}

void MainWindow::showError(const QString &text)
{
    m_ui->messageBanner->setProperty("offersUndo", false);
    if (!text.isEmpty())
        m_ui->messageBanner->setMessage(text, MessageBanner::Kind::Error);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_conversation->flushDrafts();
    m_ticketWindows->closeAll(); // each saves its drafts
    if (m_statistics)
        m_statistics->close(); // it belongs to this window
    if (m_fleets)
        m_fleets->close();
    saveState();
    if (m_document->id())
        m_context.events->sendPresence(m_document->id(), u"left"_s);
    event->accept();
}

void MainWindow::saveState() const
{
    QSettings *s = m_context.settings;
    s->setValue(u"window/geometry"_s, saveGeometry());
    s->setValue(u"window/state"_s, QMainWindow::saveState());
    s->setValue(u"window/mainSplitter"_s, m_ui->mainSplitter->saveState());
    s->setValue(u"window/detailSplitter"_s, m_ui->detailSplitter->saveState());
    m_sidebar->saveState();
    m_ticketList->saveState();
    s->sync();
}

void MainWindow::restoreState()
{
    QSettings *s = m_context.settings;
    if (!restoreGeometry(s->value(u"window/geometry"_s).toByteArray())) {
        // First start: most of the screen, the queue and the ticket side by side.
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            const QRect available = screen->availableGeometry();
            resize(available.size() * 0.92);
            move(available.center() - rect().center());
        }
    }
    QMainWindow::restoreState(s->value(u"window/state"_s).toByteArray());
    m_ui->mainSplitter->restoreState(s->value(u"window/mainSplitter"_s).toByteArray());
    m_ui->detailSplitter->restoreState(s->value(u"window/detailSplitter"_s).toByteArray());
}

#include "unreadactions.h"

#include "tableactions.h"
#include "ticketlistcontroller.h"

#include "client/apiclient.h"
#include "client/eventstream.h"
#include "core/types.h"
#include "models/queuefilter.h"
#include "models/tickettablemodel.h"
#include "models/unreadtracker.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace {
const QString DelayKey = u"unread/markReadDelayMs"_s;
} // namespace

UnreadActions::UnreadActions(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_tracker(std::make_unique<models::UnreadTracker>(
          parts.api, parts.table, [events = parts.events] { return events->lastSeq(); }))
{
    m_tracker->setMyId(parts.api->myId());
    if (parts.settings)
        m_tracker->setDelay(
            parts.settings->value(DelayKey, models::UnreadTracker::DefaultDelayMs).toInt());
    connect(parts.events, &client::EventStream::eventReceived, this,
            [this](const core::Event &event) {
                m_tracker->applyEvent(event);
                // A reply, a status change or a new ticket may change who awaits an answer.
                const bool maybeAwaiting = event.type == u"message.created" ||
                                           event.type == u"ticket.updated" ||
                                           event.type == u"ticket.created";
                if (maybeAwaiting && m_parts.filter->query().awaitingStaff)
                    m_needsReplyReload.start();
            });
    // Back, or connected for the first time (the latest seq known): marks waiting go out.
    connect(parts.events, &client::EventStream::stateChanged, m_tracker.get(),
            [tracker = m_tracker.get()](client::EventStream::State state) {
                if (state == client::EventStream::State::Connected)
                    tracker->retryPending();
            });
    connect(m_tracker.get(), &models::UnreadTracker::countsChanged, parts.filter,
            [filter = parts.filter] { filter->refreshCounts(); });
    connect(m_tracker.get(), &models::UnreadTracker::errorOccurred, this,
            [this](const client::ApiError &error) {
                Q_EMIT errorMessage(tr("Could not change the unread mark: %1").arg(error.message));
            });
    m_needsReplyReload.setSingleShot(true);
    m_needsReplyReload.setInterval(300);
    connect(&m_needsReplyReload, &QTimer::timeout, parts.table, &models::TicketTableModel::reload);

    // On the table only, like the other single keys: never while typing.
    auto make = [&](const QString &name, const QKeySequence &key) {
        auto *action = new QAction(parts.window);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        parts.view->addAction(action);
        return action;
    };
    m_next = make(u"nextUnreadAction"_s, QKeySequence(Qt::Key_U));
    m_next->setText(tr("Next &unread"));
    m_next->setStatusTip(tr("Go to the next unread ticket of the list"));
    m_markUnread = make(u"markUnreadAction"_s, QKeySequence(Qt::SHIFT | Qt::Key_U));
    m_markUnread->setText(tr("Mar&k as unread"));
    m_markUnread->setStatusTip(tr("Show the ticket as unread until it is opened again"));
    connect(m_next, &QAction::triggered, this, [this] {
        if (!selectNextUnread())
            Q_EMIT infoMessage(tr("No unread tickets in this list."));
    });
    connect(m_markUnread, &QAction::triggered, this, &UnreadActions::markSelectionUnread);

    if (QMenu *menu = parts.ticketMenu) {
        // After "previous ticket": the moves through the list together.
        const QList<QAction *> all = menu->actions();
        QAction *before = nullptr;
        for (int i = 0; i < all.size(); ++i) {
            if (all[i]->objectName() == u"previousTicketAction" && i + 1 < all.size())
                before = all[i + 1];
        }
        menu->insertActions(before, {m_next, m_markUnread});
    }
    if (parts.tableActions) {
        parts.tableActions->addToContextMenu(m_next);
        parts.tableActions->addToContextMenu(m_markUnread);
    }
    setUpDelayMenu(parts.viewMenu);
}

UnreadActions::~UnreadActions() = default;

void UnreadActions::setUpDelayMenu(QMenu *viewMenu)
{
    if (!viewMenu)
        return;
    auto *menu = new QMenu(tr("Mark as &read"), viewMenu);
    menu->setObjectName(u"markReadDelayMenu"_s);
    m_delayGroup = new QActionGroup(menu);
    const QList<std::pair<QString, int>> choices{
        {tr("At &once when opened"), 0},
        {tr("After 1 &second open"), 1000},
        {tr("After &3 seconds open"), 3000},
        {tr("After 1&0 seconds open"), 10000},
    };
    for (const auto &[text, ms] : choices) {
        QAction *action = menu->addAction(text);
        action->setObjectName(u"markReadDelay%1Action"_s.arg(ms));
        action->setCheckable(true);
        action->setChecked(ms == m_tracker->delay());
        action->setData(ms);
        m_delayGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, ms] { setDelay(ms); });
    }
    // With the list's own entries: before the separator above Statistics.
    QAction *before = nullptr;
    const QList<QAction *> all = viewMenu->actions();
    for (int i = 0; i < all.size(); ++i) {
        if (all[i]->objectName() == u"statisticsAction") {
            before = i > 0 && all[i - 1]->isSeparator() ? all[i - 1] : all[i];
            break;
        }
    }
    viewMenu->insertMenu(before, menu);
}

void UnreadActions::setDelay(int ms)
{
    m_tracker->setDelay(ms);
    if (m_parts.settings)
        m_parts.settings->setValue(DelayKey, ms);
    if (m_delayGroup) {
        for (QAction *action : m_delayGroup->actions())
            action->setChecked(action->data().toInt() == ms);
    }
}

void UnreadActions::setOpenTicket(qint64 id)
{
    m_tracker->setOpenTicket(id);
}

void UnreadActions::addWindowTicket(qint64 id)
{
    m_tracker->addWindowTicket(id);
}

void UnreadActions::removeWindowTicket(qint64 id)
{
    m_tracker->removeWindowTicket(id);
}

bool UnreadActions::selectNextUnread()
{
    models::TicketTableModel *table = m_parts.table;
    const int rows = table->rowCount();
    const int start = table->rowOf(m_parts.list->currentTicket()); // -1: from the top
    for (int i = 1; i <= rows; ++i) {
        const int row = (start + i + rows) % rows;
        if (row == start)
            break; // round: only the current one is unread
        if (table->index(row, 0).data(models::TicketTableModel::UnreadRole).toBool()) {
            m_parts.list->selectTicket(table->idAt(row));
            return true;
        }
    }
    return false;
}

void UnreadActions::markSelectionUnread()
{
    QList<qint64> ids =
        m_parts.tableActions ? m_parts.tableActions->selectedIds() : QList<qint64>{};
    if (ids.isEmpty() && m_parts.list->currentTicket())
        ids = {m_parts.list->currentTicket()};
    for (qint64 id : std::as_const(ids))
        m_tracker->markUnread(id);
}

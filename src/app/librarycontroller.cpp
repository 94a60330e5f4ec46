#include "librarycontroller.h"

#include "conversationtabs.h"
#include "palette/palettecontroller.h"
#include "tableactions.h"
#include "ticketwindow/ticketwindow.h"
#include "ticketwindow/ticketwindows.h"
#include "viewscontroller.h"

#include "core/languageguess.h"
#include "core/textplaceholders.h"
#include "models/macrolist.h"
#include "models/textmodulelist.h"
#include "models/ticketdocument.h"
#include "models/viewlist.h"

#include <QAction>
#include <QEvent>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace {

// Calls `f` whenever `model`'s rows or their data change.
void onRowsChanged(QAbstractItemModel *model, QObject *context, const std::function<void()> &f)
{
    QObject::connect(model, &QAbstractItemModel::modelReset, context, f);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, context, f);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, context, f);
    QObject::connect(model, &QAbstractItemModel::rowsMoved, context, f);
    QObject::connect(model, &QAbstractItemModel::dataChanged, context,
                     [f](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                         if (roles.isEmpty() || roles.contains(Qt::DisplayRole))
                             f();
                     });
}

} // namespace

LibraryController::LibraryController(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_macroMenu(new QMenu(parts.ticketMenu))
{
    m_macroMenu->setObjectName(u"macroMenu"_s);
    m_parts.ticketMenu->addSeparator();
    m_parts.ticketMenu->addMenu(m_macroMenu);
    m_parts.tableActions->addToContextMenu(m_macroMenu->menuAction());
    m_parts.tableActions->addToContextMenu(m_parts.ticketWindows->openInWindowAction());

    // The palette lists the macro menu's actions with the other menus' ("Apply macro › ...").
    onRowsChanged(m_parts.macros, this, [this] { fillMacroMenu(); });
    onRowsChanged(m_parts.modules, this, [this] { feedModules(); });
    onRowsChanged(m_parts.views, this, [this] { feedViews(); });
    connect(
        m_parts.ticketWindows, &TicketWindows::windowOpened, this,
        [this](TicketWindow *window) { giveModules(window->conversation(), window->document()); });
    m_parts.ticketMenu->installEventFilter(this);
    retranslate();
}

LibraryController::~LibraryController() = default;

void LibraryController::retranslate()
{
    m_macroMenu->setTitle(tr("Apply ma&cro"));
    fillMacroMenu();
    feedViews();
    feedModules();
}

void LibraryController::fillMacroMenu()
{
    m_macroMenu->clear();
    for (int row = 0; row < m_parts.macros->rowCount(); ++row) {
        const QModelIndex index = m_parts.macros->index(row);
        const qint64 id = index.data(models::LibraryList::IdRole).toLongLong();
        // A note or message it adds stays when the change is undone.
        const bool posts = !index.data(models::MacroList::NoteRole).toString().isEmpty() ||
                           !index.data(models::MacroList::MessageRole).toString().isEmpty();
        QAction *action = m_macroMenu->addAction(index.data().toString());
        action->setObjectName(u"macroAction%1"_s.arg(id));
        action->setToolTip(index.data(models::MacroList::DescriptionRole).toString());
        connect(action, &QAction::triggered, this,
                [this, id, posts] { m_parts.tableActions->applyMacro(id, posts); });
    }
    m_macroMenu->setToolTipsVisible(true);
    m_macroMenu->setEnabled(!m_macroMenu->isEmpty());
}

void LibraryController::feedViews()
{
    QList<PaletteController::Entry> entries;
    for (int row = 0; row < m_parts.views->rowCount(); ++row) {
        const models::SavedView &view = m_parts.views->viewAt(row);
        entries.append({u"view"_s, tr("Go to view %1").arg(view.name),
                        view.shared ? tr("Shared view") : tr("My view"), QString::number(view.id)});
    }
    m_parts.palette->setEntries(u"view"_s, entries, [this](const QString &key) {
        const int row = m_parts.views->rowOf(key.toLongLong());
        if (row >= 0)
            m_parts.viewsController->applyRow(row);
    });
}

void LibraryController::feedModules()
{
    QList<PaletteController::Entry> entries;
    for (int row = 0; row < m_parts.modules->rowCount(); ++row) {
        const QModelIndex index = m_parts.modules->index(row);
        const QString shortcut = index.data(models::TextModuleList::ShortcutRole).toString();
        entries.append({u"module"_s, tr("Insert text module %1").arg(index.data().toString()),
                        shortcut.isEmpty() ? tr("Text module") : u"/"_s + shortcut,
                        QString::number(index.data(models::LibraryList::IdRole).toLongLong())});
    }
    m_parts.palette->setEntries(u"module"_s, entries, [this](const QString &key) {
        if (!m_parts.conversation->insertTextModule(key.toLongLong()))
            Q_EMIT infoMessage(tr("Open a ticket first: a text module goes into its reply or "
                                  "note."));
    });
}

void LibraryController::giveModules(ConversationTabs *conversation,
                                    models::TicketDocument *document)
{
    const QString me = m_parts.meName;
    // The ticket's language as its text shows it; the interface's when the text does not say.
    const QString fallback = m_parts.language;
    conversation->setTextModules(
        m_parts.modules,
        [document, me] { return core::PlaceholderValues::of(document->ticket(), me); },
        [document, fallback] {
            const core::Ticket &ticket = document->ticket();
            const QString guessed =
                core::guessLanguage(QString(ticket.summary.title + u'\n' + ticket.description));
            return guessed.isEmpty() ? fallback : guessed;
        });
}

bool LibraryController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

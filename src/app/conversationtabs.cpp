#include "conversationtabs.h"

#include "ui_conversationtabs.h"

#include "client/draftstore.h"
#include "client/eventstream.h"
#include "client/outbox.h"
#include "core/timeutil.h"
#include "models/historymodel.h"
#include "models/postlistmodel.h"
#include "models/presencetracker.h"
#include "models/ticketdocument.h"
#include "widgets/historydelegate.h"
#include "widgets/postdelegate.h"
#include "widgets/textmodulepicker.h"

#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>
#include <QTabBar>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

client::DraftStore::Kind draftKind(bool notes)
{
    return notes ? client::DraftStore::Kind::Note : client::DraftStore::Kind::Message;
}

// Typing frames at most this often: enough for "is typing…" to stay lit.
constexpr qint64 TypingIntervalMs = 3000;

} // namespace

ConversationTabs::ConversationTabs(models::PostListModel *messages, models::PostListModel *notes,
                                   models::HistoryModel *history, client::Outbox *outbox,
                                   client::DraftStore *drafts, client::EventStream *events,
                                   models::PresenceTracker *presence, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConversationTabs>())
    , m_messages(messages)
    , m_notes(notes)
    , m_history(history)
    , m_outbox(outbox)
    , m_drafts(drafts)
    , m_events(events)
    , m_presence(presence)
{
    m_ui->setupUi(this);
    m_messageComposer = {m_ui->messageTextEdit, m_ui->messageListView, false};
    m_noteComposer = {m_ui->noteTextEdit, m_ui->noteListView, true};
    m_ui->messageListView->setItemDelegate(new PostDelegate(PostDelegate::Mode::Messenger, this));
    m_ui->noteListView->setItemDelegate(new PostDelegate(PostDelegate::Mode::Notes, this));
    setUpComposer(m_messageComposer, m_messages);
    setUpComposer(m_noteComposer, m_notes);
    // All three tab titles stay whole (German is long): the tabs take the room they need
    // rather than hiding one behind scroll arrows.
    m_ui->conversationTabWidget->setUsesScrollButtons(false);
    m_ui->conversationTabWidget->setElideMode(Qt::ElideNone);
    // A tab's mnemonic (Alt+M, Alt+N, ...) brings the tab and the cursor with it: after
    // Alt+N one types the note, wherever the focus was.
    m_ui->conversationTabWidget->tabBar()->installEventFilter(this);
    m_ui->historyListView->setModel(m_history);
    m_ui->historyListView->setItemDelegate(
        new HistoryDelegate(models::HistoryModel::AtRole, m_ui->historyListView));

    // The notes page must not be mistaken for the conversation: its own tint and label.
    m_ui->notesHintLabel->setStyleSheet(
        u"QLabel { background: #fff3cd; color: #664d03; border: 1px solid #e0c36a;"
        " border-radius: 4px; padding: 4px 8px; font-weight: 600; }"_s);
    m_ui->noteTextEdit->setStyleSheet(u"QPlainTextEdit { background: #fffbea; color: #3d3100; }"_s);
    // The lists show that they have the focus (the styles' own frames do not, or barely).
    for (QListView *list : {m_ui->messageListView, m_ui->noteListView, m_ui->historyListView}) {
        list->setStyleSheet(u"QListView { border: 1px solid palette(mid); }"
                            " QListView:focus { border: 1px solid palette(highlight); }"_s);
    }
    m_ui->addNoteButton->setToolTip(tr("Add the note for staff only (Ctrl+Enter)"));
    m_ui->sendMessageButton->setToolTip(tr("Send the message to the code user (Ctrl+Enter)"));

    connect(m_ui->sendMessageButton, &QPushButton::clicked, this,
            [this] { send(m_messageComposer); });
    connect(m_ui->addNoteButton, &QPushButton::clicked, this, [this] { send(m_noteComposer); });

    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(400);
    connect(&m_draftTimer, &QTimer::timeout, this, [this] {
        saveDraft(m_messageComposer);
        saveDraft(m_noteComposer);
    });
    connect(m_drafts, &client::DraftStore::draftChanged, this,
            [this](qint64 ticketId, client::DraftStore::Kind kind) { takeDraft(ticketId, kind); });

    connect(m_presence, &models::PresenceTracker::changed, this, [this](qint64 id) {
        if (id == m_ticketId)
            updatePresence();
    });
    m_ui->presenceLabel->hide();
    // Presence is momentary: say it again when the stream is back, and now and then, so
    // that others' "is viewing" neither misses us nor outlives us.
    if (m_events) {
        connect(m_events, &client::EventStream::stateChanged, this,
                [this](client::EventStream::State state) {
                    if (state == client::EventStream::State::Connected)
                        announceViewing();
                });
    }
    m_presenceTimer.setInterval(models::PresenceTracker::ViewingTtlMs / 2);
    connect(&m_presenceTimer, &QTimer::timeout, this, &ConversationTabs::announceViewing);
    m_presenceTimer.start();
    // Every change of rows, including a pending row that leaves when its post arrives.
    for (models::PostListModel *model : {m_messages, m_notes}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &ConversationTabs::updateTabTitles);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ConversationTabs::updateTabTitles);
        connect(model, &QAbstractItemModel::modelReset, this, &ConversationTabs::updateTabTitles);
        connect(model, &QAbstractItemModel::layoutChanged, this,
                &ConversationTabs::updateTabTitles);
    }
    setTicket(0);
}

ConversationTabs::~ConversationTabs()
{
    flushDrafts();
}

void ConversationTabs::setUpComposer(const Composer &composer, models::PostListModel *model)
{
    composer.list->setModel(model);
    composer.list->setUniformItemSizes(false);
    followNewest(composer.list, model);
    // Focus from the keyboard lands on the newest post (the view would take the first).
    composer.list->installEventFilter(this);

    // Attachments of a post: double click opens the first, the context menu offers all.
    composer.list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(composer.list, &QWidget::customContextMenuRequested, this,
            [this, list = composer.list](const QPoint &pos) { showAttachmentMenu(list, pos); });
    connect(
        composer.list, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
            const QVariantList files = index.data(models::PostListModel::AttachmentsRole).toList();
            if (files.isEmpty())
                return;
            const QVariantMap file = files.first().toMap();
            Q_EMIT attachmentRequested(file.value(u"id"_s).toString(),
                                       file.value(u"name"_s).toString(), true);
        });

    // Ctrl+Enter sends (an event filter rather than a shortcut: it must win over the
    // edit's own Enter, and only while the edit has the keys).
    composer.edit->installEventFilter(this);
    connect(composer.edit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loadingDraft)
            return;
        m_draftTimer.start();
        onTyping();
    });
}

void ConversationTabs::followNewest(QListView *list, models::PostListModel *model)
{
    // Row heights follow the width (and the width the scroll bar), so the range grows after
    // the rows came in: a single scroll to the bottom would leave the newest post cut off.
    // Instead, while the reader is at the bottom, every new range takes them there again.
    QScrollBar *bar = list->verticalScrollBar();
    auto atBottom = std::make_shared<bool>(true);
    connect(bar, &QScrollBar::rangeChanged, list, [bar, atBottom](int, int max) {
        if (*atBottom)
            bar->setValue(max);
    });
    connect(bar, &QScrollBar::valueChanged, list,
            [bar, atBottom](int value) { *atBottom = value >= bar->maximum() - 4; });
    auto toBottom = [list, bar, atBottom] {
        *atBottom = true;
        list->scrollToBottom();
        bar->setValue(bar->maximum());
    };
    connect(model, &QAbstractItemModel::modelReset, list, toBottom); // another ticket
    connect(model, &QAbstractItemModel::rowsInserted, list, [list, atBottom] {
        if (*atBottom) // laid out later: the range change follows
            QMetaObject::invokeMethod(list, &QListView::scrollToBottom, Qt::QueuedConnection);
    });
    m_scrollToNewest.insert(list, toBottom);
}

bool ConversationTabs::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Shortcut && watched == m_ui->conversationTabWidget->tabBar()) {
        // The tab bar makes its tab current when it gets the event; the focus follows then.
        QMetaObject::invokeMethod(
            this,
            [this] {
                const QWidget *page = m_ui->conversationTabWidget->currentWidget();
                showTab(page == m_ui->messengerPage ? Tab::Messenger
                        : page == m_ui->notesPage   ? Tab::Notes
                                                    : Tab::History);
            },
            Qt::QueuedConnection);
    }
    if (event->type() == QEvent::FocusIn &&
        (watched == m_messageComposer.list || watched == m_noteComposer.list)) {
        auto *list = static_cast<QListView *>(watched);
        const int rows = list->model()->rowCount();
        if (!list->currentIndex().isValid() && rows > 0)
            list->selectionModel()->setCurrentIndex(list->model()->index(rows - 1, 0),
                                                    QItemSelectionModel::NoUpdate);
    }
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier &&
            (watched == m_messageComposer.edit || watched == m_noteComposer.edit)) {
            flushDrafts(); // the draft stays, also on disk
            Q_EMIT leaveRequested();
            return true;
        }
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && (key->modifiers() & Qt::ControlModifier)) {
            if (watched == m_messageComposer.edit)
                send(m_messageComposer);
            else if (watched == m_noteComposer.edit)
                send(m_noteComposer);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConversationTabs::setTextModules(models::TextModuleList *modules,
                                      const std::function<core::PlaceholderValues()> &values,
                                      const std::function<QString()> &language)
{
    delete m_messagePicker;
    delete m_notePicker;
    m_messagePicker = new TextModulePicker(m_ui->messageTextEdit, modules, values);
    m_messagePicker->setObjectName(u"messageTextModulePicker"_s);
    m_notePicker = new TextModulePicker(m_ui->noteTextEdit, modules, values);
    m_notePicker->setObjectName(u"noteTextModulePicker"_s);
    for (TextModulePicker *picker : {m_messagePicker, m_notePicker})
        picker->setLanguage(language);
}

void ConversationTabs::followVisibility(models::TicketDocument *document)
{
    const auto update = [this, document] {
        const bool internal = document->isLoaded() &&
                              document->shownSummary().visibility == core::Visibility::Internal;
        m_ui->messageTextEdit->setProperty("internalTicket", internal);
        m_ui->messageTextEdit->setPlaceholderText(
            internal ? tr("Internal ticket: the code user sees messages only once it is public "
                          "again. (Ctrl+Enter sends)")
                     : tr("Reply to the code user… (Ctrl+Enter sends)"));
        // Found using it: Qt 6.4 repaints a new placeholder only when it appears or goes, so
        // the box showed the previous ticket's hint (U from an internal to a public ticket).
        m_ui->messageTextEdit->viewport()->update();
    };
    connect(document, &models::TicketDocument::loaded, this, update);
    connect(document, &models::TicketDocument::changed, this, update);
    update();
}

void ConversationTabs::announceViewing()
{
    if (m_ticketId != 0 && m_events)
        m_events->sendPresence(m_ticketId, u"viewing"_s);
}

void ConversationTabs::setTicket(qint64 ticketId)
{
    if (m_draftTimer.isActive())
        flushDrafts();
    if (m_ticketId != 0 && m_ticketId != ticketId && m_events)
        m_events->sendPresence(m_ticketId, u"left"_s);
    m_ticketId = ticketId;
    m_messages->setTicket(ticketId);
    m_notes->setTicket(ticketId);
    m_history->setTicket(ticketId);

    m_loadingDraft = true;
    for (const Composer *c : {&m_messageComposer, &m_noteComposer}) {
        c->edit->setPlainText(ticketId ? m_drafts->draft(ticketId, draftKind(c->notes))
                                       : QString());
        c->edit->setEnabled(ticketId != 0);
        c->edit->moveCursor(QTextCursor::End);
    }
    m_loadingDraft = false;
    m_ui->sendMessageButton->setEnabled(ticketId != 0);
    m_ui->addNoteButton->setEnabled(ticketId != 0);
    announceViewing();
    m_lastTypingSent = 0;
    updatePresence();
    updateTabTitles();
}

void ConversationTabs::showTab(Tab tab)
{
    QWidget *page = tab == Tab::Messenger ? m_ui->messengerPage
                    : tab == Tab::Notes   ? m_ui->notesPage
                                          : m_ui->historyPage;
    m_ui->conversationTabWidget->setCurrentWidget(page);
    if (tab == Tab::Messenger)
        m_ui->messageTextEdit->setFocus();
    else if (tab == Tab::Notes)
        m_ui->noteTextEdit->setFocus();
    else
        m_ui->historyListView->setFocus();
}

bool ConversationTabs::insertTextModule(qint64 moduleId)
{
    if (m_ticketId == 0 || !m_messagePicker)
        return false;
    const bool notes = m_ui->conversationTabWidget->currentWidget() == m_ui->notesPage;
    showTab(notes ? Tab::Notes : Tab::Messenger);
    return (notes ? m_notePicker : m_messagePicker)->insert(moduleId);
}

void ConversationTabs::flushDrafts()
{
    m_draftTimer.stop();
    saveDraft(m_messageComposer);
    saveDraft(m_noteComposer);
}

void ConversationTabs::saveDraft(const Composer &composer)
{
    if (m_ticketId == 0)
        return;
    m_drafts->setDraft(m_ticketId, draftKind(composer.notes), composer.edit->toPlainText());
}

void ConversationTabs::takeDraft(qint64 ticketId, client::DraftStore::Kind kind)
{
    // Another composer on this ticket (a ticket window, the main window) saved its text.
    if (ticketId != m_ticketId || ticketId == 0)
        return;
    // The store's text now (a nested save may have come after the one announced).
    const QString text = m_drafts->draft(ticketId, kind);
    const Composer &composer =
        kind == client::DraftStore::Kind::Note ? m_noteComposer : m_messageComposer;
    if (composer.edit->toPlainText() == text)
        return; // our own save, or the same text
    if (m_draftTimer.isActive()) {
        // Typed here too and not saved yet: both texts stay, ours after theirs, and the
        // other composer gets the merge in turn (nothing is overwritten silently).
        const QString ours = composer.edit->toPlainText();
        if (!text.isEmpty() && !ours.startsWith(text))
            replaceText(composer, text + u"\n"_s + ours);
        flushDrafts();
        return;
    }
    replaceText(composer, text);
}

void ConversationTabs::replaceText(const Composer &composer, const QString &text)
{
    // The cursor stays where it was; at the end when it was there (where one goes on).
    const QTextCursor old = composer.edit->textCursor();
    const bool atEnd = old.atEnd();
    m_loadingDraft = true;
    composer.edit->setPlainText(text);
    QTextCursor c = composer.edit->textCursor();
    c.movePosition(QTextCursor::End);
    if (!atEnd)
        c.setPosition(std::min(old.position(), c.position()));
    composer.edit->setTextCursor(c);
    m_loadingDraft = false;
}

void ConversationTabs::send(const Composer &composer)
{
    const QString text = composer.edit->toPlainText().trimmed();
    if (m_ticketId == 0 || text.isEmpty())
        return;
    // The outbox has it on disk before the composer lets go of it.
    m_outbox->enqueue(
        m_ticketId,
        composer.notes ? client::OutboxItem::Kind::Note : client::OutboxItem::Kind::Message, text);
    m_loadingDraft = true;
    composer.edit->clear();
    m_loadingDraft = false;
    m_drafts->setDraft(m_ticketId, draftKind(composer.notes), QString());
    if (m_events)
        m_events->sendPresence(m_ticketId, u"viewing"_s);
    m_lastTypingSent = 0;
    // Our own post is shown at once, even if the reader had scrolled up.
    if (const auto scroll = m_scrollToNewest.value(composer.list))
        scroll();
}

void ConversationTabs::onTyping()
{
    if (m_ticketId == 0 || !m_events)
        return;
    const qint64 now = core::nowMsecs();
    if (now - m_lastTypingSent < TypingIntervalMs)
        return;
    m_lastTypingSent = now;
    m_events->sendPresence(m_ticketId, u"typing"_s);
}

void ConversationTabs::updatePresence()
{
    const QString text = m_ticketId ? m_presence->text(m_ticketId) : QString();
    m_ui->presenceLabel->setText(text);
    m_ui->presenceLabel->setVisible(!text.isEmpty());
}

void ConversationTabs::updateTabTitles()
{
    const int messages = m_ticketId ? m_messages->rowCount() : 0;
    const int notes = m_ticketId ? m_notes->rowCount() : 0;
    m_ui->conversationTabWidget->setTabText(0, messages ? tr("&Messenger (%1)").arg(messages)
                                                        : tr("&Messenger"));
    m_ui->conversationTabWidget->setTabText(1, notes ? tr("Internal &notes (%1)").arg(notes)
                                                     : tr("Internal &notes"));
}

void ConversationTabs::showAttachmentMenu(QListView *list, const QPoint &pos)
{
    const QModelIndex index = list->indexAt(pos);
    const QVariantList files = index.data(models::PostListModel::AttachmentsRole).toList();
    if (files.isEmpty())
        return;
    QMenu menu(this);
    for (const QVariant &f : files) {
        const QVariantMap file = f.toMap();
        const QString id = file.value(u"id"_s).toString();
        const QString name = file.value(u"name"_s).toString();
        // A file name is a stranger's text: no mnemonics from its ampersands.
        const QString label = QString(name).replace(u'&', u"&&"_s);
        connect(menu.addAction(tr("Open %1").arg(label)), &QAction::triggered, this,
                [this, id, name] { Q_EMIT attachmentRequested(id, name, true); });
        connect(menu.addAction(tr("Save %1 as…").arg(label)), &QAction::triggered, this,
                [this, id, name] { Q_EMIT attachmentRequested(id, name, false); });
    }
    menu.exec(list->viewport()->mapToGlobal(pos));
}

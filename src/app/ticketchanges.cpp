#include "ticketchanges.h"

#include "client/apiclient.h"
#include "models/ticketdocument.h"
#include "models/tickettablemodel.h"

#include <QAction>

using namespace Qt::StringLiterals;

TicketChanges::TicketChanges(client::ApiClient *api, models::TicketTableModel *table,
                             models::TicketDocument *document, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_table(table)
    , m_document(document)
    , m_bulk(api, table)
    , m_undo(new QAction(this))
    , m_reapply(new QAction(this))
{
    m_undo->setObjectName(u"undoBulkAction"_s);
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setEnabled(false);
    m_reapply->setObjectName(u"reapplyBulkAction"_s);
    connect(m_undo, &QAction::triggered, this, &TicketChanges::undo);
    connect(m_reapply, &QAction::triggered, this, [this] { m_bulk.reapply(); });
    m_singleUndoTimer.setSingleShot(true);
    connect(&m_singleUndoTimer, &QTimer::timeout, this, [this] {
        m_singleUndo = {};
        m_undo->setEnabled(m_bulk.canUndo());
        Q_EMIT undoOffered({}, m_undo);
    });
    connect(&m_bulk, &models::BulkEditor::finished, this, &TicketChanges::onFinished);
    // The detail pane follows at once, as the ticket.updated event would make it (that one is
    // then no news: same version).
    connect(&m_bulk, &models::BulkEditor::ticketApplied, this,
            [this](qint64 id, const QJsonObject &ticket) {
                if (id != m_document->id())
                    return;
                core::Event event;
                event.type = u"ticket.updated"_s;
                event.ticketId = id;
                event.data = ticket;
                m_document->applyEvent(event);
            });
    connect(&m_bulk, &models::BulkEditor::refused, this, &TicketChanges::onRefused);
    connect(&m_bulk, &models::BulkEditor::undoAvailableChanged, this, [this](bool available) {
        m_undo->setEnabled(available || m_singleUndo.ticketId != 0);
        if (!available && m_singleUndo.ticketId == 0)
            Q_EMIT undoOffered({}, m_undo);
    });
    retranslate();
}

TicketChanges::~TicketChanges() = default;

void TicketChanges::retranslate()
{
    m_undo->setText(tr("&Undo"));
    m_reapply->setText(tr("Reapply"));
}

void TicketChanges::send(const models::BulkEditor::Target &target, const QJsonObject &changes,
                         bool forSelection, bool posts, const std::optional<QString> &noteBody,
                         const std::optional<qint64> &macroId)
{
    if (m_bulk.apply(target, changes, noteBody, macroId)) {
        m_forSelection = forSelection;
        m_posted = posts;
    }
}

void TicketChanges::onRefused(const client::ApiError &error)
{
    // Beside the selection it concerns, while that is still selected: the message bar is
    // where the server's absence is said, and the one would replace the other there.
    if (std::exchange(m_forSelection, false))
        Q_EMIT refusedForSelection(error.message);
    else
        Q_EMIT errorMessage(error.message);
}

void TicketChanges::changeCurrent(const QJsonObject &changes)
{
    // A single key changes a ticket at once: what it was is kept for Ctrl+Z, as for many.
    const core::TicketSummary &was = m_document->ticket().summary;
    const QJsonObject before{{u"priority"_s, core::toString(was.priority)},
                             {u"status"_s, core::toString(was.status)},
                             {u"assigneeId"_s, core::optionalId(was.assigneeId)},
                             {u"visibility"_s, core::toString(was.visibility)}};
    QJsonObject previous;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (before.value(it.key()) != it.value())
            previous.insert(it.key(), before.value(it.key()));
    }
    m_document->patch(changes);
    if (previous.isEmpty())
        return;
    m_singleUndo = {m_document->id(), previous};
    m_singleUndoTimer.start(models::BulkEditor::DefaultUndoMs);
    m_undo->setEnabled(true);
    Q_EMIT undoOffered(tr("%1 changed — Undo (%2)")
                           .arg(was.number, m_undo->shortcut().toString(QKeySequence::NativeText)),
                       m_undo);
}

void TicketChanges::undo()
{
    if (m_singleUndo.ticketId == 0) {
        m_undoing = m_bulk.undo();
        return;
    }
    const SingleUndo undo = std::exchange(m_singleUndo, {});
    m_singleUndoTimer.stop();
    m_undo->setEnabled(m_bulk.canUndo());
    Q_EMIT undoOffered({}, m_undo);
    // The open ticket goes through its document (kept while offline); another through the
    // bulk call with the version the table shows.
    if (m_document->id() == undo.ticketId)
        m_document->patch(undo.previous);
    else
        m_bulk.apply(models::BulkEditor::Target::fromRows(m_table, {undo.ticketId}), undo.previous);
}

void TicketChanges::onFinished(int applied, int failed)
{
    const bool undone = std::exchange(m_undoing, false);
    m_forSelection = false;
    if (failed > 0) {
        QStringList lines;
        for (const models::BulkEditor::Failure &f : m_bulk.failures()) {
            const QString name = f.number.isEmpty() ? tr("Ticket %1").arg(f.id) : f.number;
            lines.append(tr("%1: %2").arg(name, f.reason));
        }
        const QString text =
            tr("%n ticket(s) not changed: ", nullptr, failed) + lines.join(u"; "_s);
        if (m_bulk.staleCount() > 0)
            Q_EMIT errorWithAction(text, m_reapply);
        else
            Q_EMIT errorMessage(text);
        return;
    }
    // Notes and messages cannot be taken back: the offer and the undo say so.
    if (undone)
        Q_EMIT doneMessage(
            m_posted
                ? tr("Undone: %n ticket(s) have their previous values again; the notes and "
                     "messages added stay.",
                     nullptr, applied)
                : tr("Undone: %n ticket(s) have their previous values again.", nullptr, applied));
    else if (m_bulk.canUndo()) {
        m_singleUndo = {}; // Ctrl+Z now takes back this change to many
        m_singleUndoTimer.stop();
        const QString key = m_undo->shortcut().toString(QKeySequence::NativeText);
        Q_EMIT undoOffered(m_posted
                               ? tr("Changed %n ticket(s) — Undo (%1) keeps the notes and "
                                    "messages added",
                                    nullptr, applied)
                                     .arg(key)
                               : tr("Changed %n ticket(s) — Undo (%1)", nullptr, applied).arg(key),
                           m_undo);
    } else {
        Q_EMIT doneMessage(tr("Changed %n ticket(s).", nullptr, applied));
    }
}

#include "palettecontroller.h"

#include "palettewidget.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "core/ticketquery.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeyEvent>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

using namespace Qt::StringLiterals;

namespace {

const QString ActionKind = u"action"_s;
const QString TicketKind = u"ticket"_s;

// "&Reload" -> "Reload", "Fish && Chips" -> "Fish & Chips".
QString withoutMnemonic(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size())
            ++i;
        out.append(text.at(i));
    }
    return out;
}

} // namespace

PaletteController::PaletteController(QMainWindow *window, QMenu *menu, client::ApiClient *api,
                                     std::function<void(qint64)> showTicket, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_api(api)
    , m_showTicket(std::move(showTicket))
    , m_model(std::make_unique<models::PaletteModel>())
    , m_widget(new PaletteWidget(m_model.get(), window))
    , m_action(new QAction(tr("Command &palette…"), window))
{
    m_widget->setObjectName(u"paletteWidget"_s);
    m_action->setObjectName(u"paletteAction"_s);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    menu->addAction(m_action);
    connect(m_action, &QAction::triggered, this, &PaletteController::open);
    connect(m_widget, &PaletteWidget::entryActivated, this, &PaletteController::run);
    // Text fields take Ctrl+K for themselves (delete to the end of the line, on X11): in this
    // window it opens the palette, wherever the cursor is.
    qApp->installEventFilter(this);

    m_runners.insert(ActionKind, [this](const QString &key) {
        const QPointer<QAction> action = m_actions.value(key.toInt());
        if (action && action->isEnabled())
            action->trigger();
    });
    addProvider([this](const QString &typed) { return ticketEntries(typed); }, TicketKind,
                [this](const QString &key) { openTicketNumber(key); });
}

PaletteController::~PaletteController()
{
    delete m_widget; // before the model it shows
}

void PaletteController::setEntries(const QString &kind, const QList<Entry> &entries,
                                   const Runner &run)
{
    m_runners.insert(kind, run);
    m_model->setEntries(kind, entries);
}

void PaletteController::addProvider(const models::PaletteModel::Provider &provider,
                                    const QString &kind, const Runner &run)
{
    m_runners.insert(kind, run);
    m_model->addProvider(provider);
}

bool PaletteController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType())
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (QKeySequence(key->keyCombination()) != m_action->shortcut() ||
        static_cast<QWidget *>(watched)->window() != m_window)
        return false;
    return true; // not accepted: the widget does not get it, the shortcut fires
}

void PaletteController::open()
{
    collectMenuActions();
    m_widget->popUp();
}

void PaletteController::collectMenuActions()
{
    // Read afresh on every opening: actions come and go, get enabled and disabled.
    m_actions.clear();
    m_actionEntries.clear();
    for (QAction *top : m_window->menuBar()->actions()) {
        if (QMenu *menu = top->menu())
            addMenu(menu, QString());
    }
    m_model->setEntries(ActionKind, m_actionEntries);
}

void PaletteController::addMenu(QMenu *menu, const QString &path)
{
    for (QAction *action : menu->actions()) {
        if (action == m_action || action->isSeparator() || !action->isVisible() ||
            !action->isEnabled())
            continue;
        const QString text = withoutMnemonic(action->text());
        if (QMenu *sub = action->menu()) {
            addMenu(sub, path + text + u" › "_s);
            continue;
        }
        if (text.isEmpty())
            continue;
        m_actionEntries.append({ActionKind, path + text,
                                action->shortcut().toString(QKeySequence::NativeText),
                                QString::number(m_actions.size())});
        m_actions.append(action);
    }
}

void PaletteController::run(const Entry &entry)
{
    const auto runner = m_runners.constFind(entry.kind);
    if (runner != m_runners.cend() && *runner)
        (*runner)(entry.key);
}

QList<PaletteController::Entry> PaletteController::ticketEntries(const QString &typed) const
{
    QString text = typed.trimmed();
    if (text.startsWith(u'#'))
        text.remove(0, 1);
    const QString number = core::ticketNumberIn(text);
    if (number.isEmpty())
        return {};
    return {{TicketKind, tr("Open %1").arg(number), tr("Ticket"), number}};
}

void PaletteController::openTicketNumber(const QString &number)
{
    // The table may not hold it (filters, paging): ask the server by number.
    core::TicketQuery query;
    query.text = number;
    query.limit = core::TicketQuery::MaxLimit;
    const int lookup = ++m_lookup;
    client::ApiJob *job = m_api->get(u"/tickets"_s, query.toUrlQuery());
    connect(job, &client::ApiJob::finished, this,
            [this, number, lookup](const client::ApiResult &r) {
                if (lookup != m_lookup)
                    return; // another number was chosen since
                if (!r.ok()) {
                    Q_EMIT message(r.error.message);
                    return;
                }
                for (const QJsonValue &v : r.items()) {
                    const QJsonObject t = v.toObject();
                    if (t.value(u"number").toString() == number) {
                        m_showTicket(t.value(u"id").toInteger());
                        return;
                    }
                }
                Q_EMIT message(tr("There is no ticket %1.").arg(number));
            });
}

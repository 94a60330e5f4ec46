#pragma once

#include "models/palettemodel.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QAction;
class QMainWindow;
class QMenu;
class PaletteWidget;
namespace client {
class ApiClient;
}

// The command palette (Ctrl+K) of a main window: its model, its popup and what runs an
// entry. Built in: every enabled action of the window's menus ("action") and ticket
// numbers ("ticket": "123", "#123", "T-000123" offer "Open T-000123", looked up on the
// server, so also tickets the table does not show). Other parts add their own kinds:
//
//   palette->setEntries(u"view"_s, {{u"view"_s, tr("Go to view %1").arg(name), tr("View"),
//                                    QString::number(viewId)}, ...},
//                       [this](const QString &key) { openView(key.toLongLong()); });
//   palette->addProvider([](const QString &typed) { return entriesFor(typed); },
//                        u"thing"_s, [](const QString &key) { ... });
//
// setEntries() again replaces a kind's entries (call it when the views change); entries
// are matched by their text, their detail is shown on the right.
class PaletteController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaletteController)

public:
    using Entry = models::PaletteModel::Entry;
    using Runner = std::function<void(const QString &key)>;

    // `menu`: where the "Command palette…" action goes; `showTicket`: brings a ticket up.
    PaletteController(QMainWindow *window, QMenu *menu, client::ApiClient *api,
                      std::function<void(qint64 ticketId)> showTicket, QObject *parent = nullptr);
    ~PaletteController() override;

    QAction *paletteAction() const { return m_action; }
    models::PaletteModel *model() const { return m_model.get(); }
    PaletteWidget *widget() const { return m_widget; }

    // Replaces the entries of `kind`; `run` gets an entry's key when it is chosen.
    void setEntries(const QString &kind, const QList<Entry> &entries, const Runner &run);
    // Entries computed from the typed text (shown first), of `kind`, run by `run`.
    void addProvider(const models::PaletteModel::Provider &provider, const QString &kind,
                     const Runner &run);
    // Opens the palette (what Ctrl+K does).
    void open();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // Something to tell the user (plain text): a ticket number that does not exist.
    void message(const QString &text);

private:
    void collectMenuActions();
    void addMenu(QMenu *menu, const QString &path);
    void run(const Entry &entry);
    QList<Entry> ticketEntries(const QString &typed) const;
    void openTicketNumber(const QString &number);

    QMainWindow *m_window;
    client::ApiClient *m_api;
    std::function<void(qint64)> m_showTicket;
    std::unique_ptr<models::PaletteModel> m_model;
    PaletteWidget *m_widget;
    QAction *m_action;
    QHash<QString, Runner> m_runners;
    QList<QPointer<QAction>> m_actions; // the "action" entries' keys are indexes here
    QList<Entry> m_actionEntries;
    int m_lookup = 0; // the latest ticket lookup (an older answer is dropped)
};

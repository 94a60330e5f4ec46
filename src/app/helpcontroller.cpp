#include "helpcontroller.h"

#include "dialogs.h"
#include "shortcutsdialog.h"
#include "tableactions.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "core/version.h"

#include <QAction>
#include <QJsonObject>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>

using namespace Qt::StringLiterals;

HelpController::HelpController(QMainWindow *window, QMenu *helpMenu, QAction *aboutAction,
                               TableActions *tableActions, client::ApiClient *api,
                               QString serverLabel)
    : QObject(window)
    , m_window(window)
    , m_tableActions(tableActions)
    , m_api(api)
    , m_serverLabel(std::move(serverLabel))
{
    connect(aboutAction, &QAction::triggered, this, &HelpController::showAbout);
    auto *shortcuts = new QAction(tr("&Keyboard shortcuts"), window);
    shortcuts->setObjectName(u"keyboardShortcutsAction"_s);
    shortcuts->setShortcut(QKeySequence(Qt::Key_Question));
    helpMenu->insertAction(aboutAction, shortcuts);
    connect(shortcuts, &QAction::triggered, this, &HelpController::showShortcuts);
}

HelpController::~HelpController() = default;

void HelpController::start()
{
    fetchServerVersion();
    // The server may come back as another version (an upgrade, a restart).
    connect(m_api, &client::ApiClient::reachabilityChanged, this, [this](bool reachable) {
        if (reachable)
            fetchServerVersion();
    });
}

void HelpController::showShortcuts()
{
    if (!m_shortcuts) {
        QList<QAction *> actions = m_window->findChildren<QAction *>();
        actions.append(m_tableActions->actions());
        const QList<QPair<QString, QString>> extra{
            {tr("Extend the selection down / up"), tr("Shift+J, Shift+K, Shift+Down, Shift+Up")},
            {tr("Add or remove a ticket from the selection"), tr("Ctrl+click")},
            {tr("Select a range of tickets"), tr("Shift+click")},
        };
        m_shortcuts = new ShortcutsDialog(actions, extra, m_window);
        m_shortcuts->setObjectName(u"shortcutsDialog"_s);
    }
    m_shortcuts->show();
    m_shortcuts->raise();
}

void HelpController::fetchServerVersion()
{
    client::ApiJob *job = m_api->get(u"/health"_s);
    connect(job, &client::ApiJob::finished, this, [this](const client::ApiResult &r) {
        if (r.ok())
            m_serverVersion = r.object().value(u"version"_s).toString();
    });
}

void HelpController::showAbout()
{
    const QString server =
        m_serverVersion.isEmpty()
            ? tr("Connected to %1 (its version is not known yet).").arg(m_serverLabel)
            : tr("Connected to %1, version %2.").arg(m_serverLabel, m_serverVersion);
    const QString text =
        tr("Ticket Backoffice %1\nThe desktop backoffice for service tickets.")
            .arg(QString::fromLatin1(core::Version)) +
        u"\n\n"_s + server + u"\n\n"_s +
        tr("This program is free software: you can redistribute it and/or modify it under the "
           "terms of the GNU General Public License as published by the Free Software "
           "Foundation, either version 3 of the License, or (at your option) any later "
           "version (GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY.");
    Dialogs::of(m_window).message(m_window, QMessageBox::Information, tr("About Ticket Backoffice"),
                                  text);
}

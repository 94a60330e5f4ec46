#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMainWindow;
class QMenu;
class ShortcutsDialog;
class TableActions;
namespace client {
class ApiClient;
}

// The Help menu of a main window: Keyboard shortcuts (`?`, every action's shortcut and the
// table's single keys, created on first use) and About (this program's version, the
// connected server's version from /health, asked again whenever the server comes back, and
// the licence).
class HelpController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpController)

public:
    HelpController(QMainWindow *window, QMenu *helpMenu, QAction *aboutAction,
                   TableActions *tableActions, client::ApiClient *api, QString serverLabel);
    ~HelpController() override;

    // Asks the server for its version now and whenever it becomes reachable again.
    void start();
    void showShortcuts();
    ShortcutsDialog *shortcutsDialog() const { return m_shortcuts; }
    void showAbout();

private:
    void fetchServerVersion();

    QMainWindow *m_window;
    TableActions *m_tableActions;
    client::ApiClient *m_api;
    QString m_serverLabel;
    QString m_serverVersion; // from the server's /health (empty: not known yet)
    ShortcutsDialog *m_shortcuts = nullptr;
};

#pragma once

#include <QObject>

namespace Ui {
class MainWindow;
}
class QMainWindow;
class QSettings;
class SidebarController;
class TableHeaderController;

// What the main window keeps between starts: its geometry, toolbars and splitters with the
// sidebar's and the table's own state, and the language chosen in View › Language.
class WindowStateController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowStateController)

public:
    struct Parts {
        QMainWindow *window;
        Ui::MainWindow *ui;
        QSettings *settings;
        SidebarController *sidebar;
        TableHeaderController *tableHeader;
    };
    // Fills the language menu.
    explicit WindowStateController(const Parts &parts);
    ~WindowStateController() override;

    void saveState() const;
    // The saved state, or most of the screen on a first start.
    void restoreState();

private:
    void setUpLanguageMenu();

    Parts m_parts;
};

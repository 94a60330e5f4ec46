#pragma once

#include <QObject>

class QWidget;

// Gives the keyboard back to `window` when one of its dialogs closes and no window of the
// program has it: without a window manager that does so (a bare X server, some kiosk
// set-ups) the main window stayed inactive, and its shortcuts (Ctrl+F, Ctrl+K, Ctrl+1)
// did nothing after "Save view…" until it was clicked.
class FocusKeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FocusKeeper)

public:
    explicit FocusKeeper(QWidget *window);
    ~FocusKeeper() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
};

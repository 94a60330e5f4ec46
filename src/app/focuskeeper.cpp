#include "focuskeeper.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QPointer>
#include <QTimer>

FocusKeeper::FocusKeeper(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    qApp->installEventFilter(this);
}

FocusKeeper::~FocusKeeper() = default;

bool FocusKeeper::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Hide)
        return false;
    auto *dialog = qobject_cast<QDialog *>(watched);
    if (!dialog || !dialog->isWindow() || !dialog->parentWidget() ||
        dialog->parentWidget()->window() != m_window)
        return false;
    // Once the hiding is done: a window manager may have given the keyboard back already.
    QTimer::singleShot(0, this, [window = QPointer<QWidget>(m_window)] {
        if (window && window->isVisible() && !QApplication::activeWindow() &&
            !QApplication::activeModalWidget())
            window->activateWindow();
    });
    return false;
}

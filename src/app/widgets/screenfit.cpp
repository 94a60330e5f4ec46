#include "widgets/screenfit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

void resizeWithinScreen(QWidget *window, QSize wanted)
{
    const QWidget *near = window->parentWidget() ? window->parentWidget()->window() : window;
    const QScreen *screen = near->screen() ? near->screen() : QGuiApplication::primaryScreen();
    if (!screen) {
        window->resize(wanted);
        return;
    }
    const QRect available = screen->availableGeometry();
    // Room for the window manager's frame around it.
    const QSize room = (available.size() - QSize(16, 48)).expandedTo(QSize(320, 240));
    window->resize(wanted.boundedTo(room));
    window->move(available.center() - window->rect().center());
}

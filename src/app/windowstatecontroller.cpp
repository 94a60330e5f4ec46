#include "windowstatecontroller.h"

#include "ui_mainwindow.h"

#include "sidebarcontroller.h"
#include "tableheadercontroller.h"
#include "widgets/messagebanner.h"

#include <QActionGroup>
#include <QGuiApplication>
#include <QScreen>
#include <QSettings>

using namespace Qt::StringLiterals;

WindowStateController::WindowStateController(const Parts &parts)
    : QObject(parts.window)
    , m_parts(parts)
{
    setUpLanguageMenu();
}

WindowStateController::~WindowStateController() = default;

void WindowStateController::setUpLanguageMenu()
{
    auto *group = new QActionGroup(m_parts.window);
    const QString current = m_parts.settings->value(u"language"_s).toString();
    const QList<QPair<QString, QString>> choices{
        {QString(), tr("System language")}, {u"en"_s, u"English"_s}, {u"de"_s, u"Deutsch"_s}};
    for (const auto &[code, name] : choices) {
        QAction *action = m_parts.ui->languageMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            m_parts.settings->setValue(u"language"_s, code);
            m_parts.ui->messageBanner->setMessage(
                tr("The language changes the next time Ticket Backoffice starts."),
                MessageBanner::Kind::Info);
        });
    }
}

void WindowStateController::saveState() const
{
    QSettings *s = m_parts.settings;
    s->setValue(u"window/geometry"_s, m_parts.window->saveGeometry());
    s->setValue(u"window/state"_s, m_parts.window->saveState());
    s->setValue(u"window/mainSplitter"_s, m_parts.ui->mainSplitter->saveState());
    s->setValue(u"window/detailSplitter"_s, m_parts.ui->detailSplitter->saveState());
    m_parts.sidebar->saveState();
    m_parts.tableHeader->saveState();
    s->sync();
}

void WindowStateController::restoreState()
{
    QSettings *s = m_parts.settings;
    QMainWindow *window = m_parts.window;
    if (!window->restoreGeometry(s->value(u"window/geometry"_s).toByteArray())) {
        // First start: most of the screen, the queue and the ticket side by side.
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            const QRect available = screen->availableGeometry();
            window->resize(available.size() * 0.92);
            window->move(available.center() - window->rect().center());
        }
    }
    window->restoreState(s->value(u"window/state"_s).toByteArray());
    m_parts.ui->mainSplitter->restoreState(s->value(u"window/mainSplitter"_s).toByteArray());
    m_parts.ui->detailSplitter->restoreState(s->value(u"window/detailSplitter"_s).toByteArray());
}
